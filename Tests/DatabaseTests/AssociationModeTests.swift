import EngineTestSupport
import Joinery
import JoineryTestSupport
import Testing

@Suite("Association mode")
struct AssociationModeTests {
    @Test(arguments: TestEngine.allCases)
    func findCountAppendDeleteClear(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let users = db.association(\Profile.user)
            var profile = Profile(name: "p", user: User(name: "jinzhu"))
            try db.create(&profile)
            #expect(try users.find(for: profile)?.name == "jinzhu")
            #expect(try users.count(for: profile) == 1)

            // Append a new user: created, and the foreign key follows.
            var hu = User(name: "hu")
            try users.append(&profile, &hu)
            #expect(hu.id != nil && profile.userID == hu.id && profile.user?.name == "hu")
            #expect(try users.find(for: profile)?.name == "hu")

            // Delete a user that is not the parent: nothing changes.
            let jinzhu = try #require(try db.query(User.self).filter("name = ?", "jinzhu").first())
            try users.delete(&profile, jinzhu)
            #expect(profile.userID == hu.id)
            // Delete the parent: the reference goes, the user stays.
            try users.delete(&profile, hu)
            #expect(profile.userID == nil && profile.user == nil)
            #expect(try users.count(for: profile) == 0)
            #expect(try db.query(User.self).count() == 2)

            // Replace with an existing user, then clear.
            var existing = jinzhu
            try users.replace(&profile, with: &existing)
            #expect(try db.query(Profile.self).join(\.user).first()?.user?.name == "jinzhu")
            try users.clear(&profile)
            #expect(try db.query(Profile.self).first()?.userID == nil)
        }
    }

    /// GORM, with an optional foreign key, deletes the *new* parent here. Joinery deletes the old one.
    @Test(arguments: TestEngine.allCases)
    func replaceDeletingTheOldParentKeepsTheNewOne(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "p", user: User(name: "old"))
            try db.create(&profile)
            var replacement = User(name: "new")
            try db.association(\Profile.user).replace(&profile, with: &replacement, deletingOld: true)
            #expect(try db.query(User.self).all().map(\.name) == ["new"])
            #expect(try db.query(Profile.self).preload(\.user).first()?.user?.name == "new")
            // Replacing with the same parent deletes nothing.
            var same = replacement
            try db.association(\Profile.user).replace(&profile, with: &same, deletingOld: true)
            #expect(try db.query(User.self).count() == 1)
        }
    }
}
