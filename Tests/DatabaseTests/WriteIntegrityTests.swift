import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// A write that fails leaves nothing behind — no row, and no Swift value claiming a rolled-back
/// id — and a write that cannot mean what it says is refused before anything is stored.
@Suite("Write integrity")
struct WriteIntegrityTests {
    // MARK: inout values after a failed write

    @Test(arguments: TestEngine.allCases)
    func aFailedCreateOfManyLeavesEveryValueAsItWas(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profiles = [
                Profile(name: "same", user: User(name: "first")),
                Profile(name: "same", user: User(name: "second")),
            ]
            let before = profiles
            let error = joineryError { try db.create(&profiles) }
            #expect(error?.kind == .uniqueViolation)
            #expect(profiles.map(\.id) == before.map(\.id))
            #expect(profiles.map(\.userID) == before.map(\.userID))
            #expect(profiles.map { $0.user?.id } == [nil, nil])
            #expect(try db.query(Profile.self).count() == 0)
            #expect(try db.query(User.self).count() == 0)
            // The next insert does not collide with a value that claimed a rolled-back id.
            var next = Profile(name: "next", user: User(name: "third"))
            try db.create(&next)
            #expect(try db.query(User.self).count() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFailedReplaceLeavesOwnerAndTargetAsTheyWere(engine: TestEngine) throws {
        try withIntegrityDatabase(engine) { db in
            var first = Integrity.Player(name: "first", team: Integrity.Team(name: "old"))
            try db.create(&first)
            var second = Integrity.Player(name: "second", teamID: first.teamID)
            try db.create(&second)
            let ownerBefore = first
            var newTeam = Integrity.Team(name: "new")
            // Deleting the old team fails: the second player still points at it.
            let error = joineryError {
                try db.association(\Integrity.Player.team).replace(&first, with: &newTeam, deletingOld: true)
            }
            #expect(error?.kind == .foreignKeyViolation)
            #expect(newTeam.id == nil)
            #expect(first.teamID == ownerBefore.teamID)
            #expect(first.team?.id == ownerBefore.team?.id)
            #expect(first.team?.name == "old")
            #expect(try db.query(Integrity.Team.self).count() == 1)
            #expect(try db.query(Integrity.Player.self).find(first.id)?.teamID == ownerBefore.teamID)
        }
    }

    // MARK: writes that match no row

    @Test(arguments: TestEngine.allCases)
    func replaceOnAnOwnerWhoseRowIsGoneIsNotFoundAndStoresNothing(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "gone", user: User(name: "old"))
            try db.create(&profile)
            try db.delete(profile, permanently: true)
            var replacement = User(name: "new")
            let error = joineryError { try db.association(\Profile.user).replace(&profile, with: &replacement) }
            #expect(error?.kind == .notFound)
            #expect(error?.table == "profiles")
            #expect(replacement.id == nil)
            #expect(try db.query(User.self).filter("name = ?", "new").count() == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func updateOfAMissingRowIsNotFound(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "gone")
            try db.create(&profile)
            try db.delete(profile, permanently: true)
            let before = profile
            let error = joineryError { try db.update(&profile, set: ["name": "renamed"]) }
            #expect(error?.kind == .notFound)
            #expect(profile.name == before.name)
            #expect(profile.updatedAt == before.updatedAt)
        }
    }

    // MARK: a carried parent and an explicit foreign key

    @Test(arguments: TestEngine.allCases)
    func aCarriedParentThatDisagreesWithTheForeignKeyIsMisuse(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var one = User(name: "one")
            var two = User(name: "two")
            try db.create(&one)
            try db.create(&two)
            var profile = Profile(name: "p", userID: two.id, user: one)
            let error = joineryError { try db.create(&profile) }
            #expect(error?.kind == .misuse)
            #expect(error?.model == "Profile")
            #expect(error?.field == "userID")
            #expect(profile.id == nil)
            #expect(try db.query(Profile.self).count() == 0)

            var agreeing = Profile(name: "q", userID: one.id, user: one)
            try db.create(&agreeing)
            #expect(try db.query(Profile.self).find(agreeing.id)?.userID == one.id)
        }
    }

    // MARK: one rule for a new parent

    @Test(arguments: TestEngine.allCases)
    func replaceInsertsANewParentReferencedByAUniqueKey(engine: TestEngine) throws {
        try withIntegrityDatabase(engine) { db in
            var profile = Integrity.ReferProfile(name: "p", user: Integrity.ReferUser(name: "old", refer: "r-old"))
            try db.create(&profile)
            #expect(profile.userRefer == "r-old")
            var newUser = Integrity.ReferUser(name: "new", refer: "r-new")
            try db.association(\Integrity.ReferProfile.user).replace(&profile, with: &newUser)
            #expect(newUser.id != nil)
            #expect(profile.userRefer == "r-new")
            let stored = try db.query(Integrity.ReferProfile.self).preload(\.user).find(profile.id)
            #expect(stored?.user?.name == "new")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aParentWithANaturalKeyIsInsertedWhenAbsentAndLeftAloneWhenPresent(engine: TestEngine) throws {
        try withIntegrityDatabase(engine) { db in
            var first = Integrity.Member(name: "first", company: Integrity.Company(companyID: 7, name: "acme"))
            try db.create(&first)
            #expect(first.companyID == 7)
            var second = Integrity.Member(name: "second", company: Integrity.Company(companyID: 7, name: "renamed?"))
            try db.create(&second)
            #expect(second.companyID == 7)
            let companies = try db.query(Integrity.Company.self).all()
            #expect(companies.map(\.name) == ["acme"])
            #expect(try db.query(Integrity.Member.self).count() == 2)

            // The same rule in association mode.
            var other = Integrity.Company(companyID: 8, name: "other")
            try db.association(\Integrity.Member.company).replace(&second, with: &other)
            #expect(second.companyID == 8)
            #expect(try db.query(Integrity.Company.self).count() == 2)
        }
    }

    // MARK: the loaded parent after a foreign-key change

    @Test(arguments: TestEngine.allCases)
    func changingTheForeignKeyDropsTheStaleParent(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "p", user: User(name: "one"))
            try db.create(&profile)
            var two = User(name: "two")
            try db.create(&two)
            try db.update(&profile, set: ["userID": two.id])
            #expect(profile.userID == two.id)
            #expect(profile.user == nil || profile.user?.id == two.id)
            try db.update(&profile, set: ["name": "renamed"])  // other fields keep the parent
            var three = Profile(name: "three", user: User(name: "three"))
            try db.create(&three)
            let parent = three.user
            try db.update(&three, set: ["name": "still three"])
            #expect(three.user?.id == parent?.id)
        }
    }
}

/// Runs `body` with a database on a fresh schema migrated for the ``Integrity`` models.
func withIntegrityDatabase(_ engine: TestEngine, _ body: (Database) throws -> Void) throws {
    try withScratchSchema(engine) { connection in
        let db = Database(connection)
        try db.migrate(Integrity.ReferProfile.self, Integrity.Member.self, Integrity.Player.self)
        try body(db)
    }
}
