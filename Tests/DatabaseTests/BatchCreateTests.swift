import EngineTestSupport
import Foundation
@testable import Joinery
import JoineryTestSupport
import Testing

/// `create(&models)` of many: multi-row inserts within the bind limit, the new parents of the
/// batch as batches of their own, and every generated key back on the row that got it.
@Suite("Batch create")
struct BatchCreateTests {
    /// The inserts an observer saw, by table.
    private func inserts(_ recorder: StatementRecorder, into table: String) -> [String] {
        recorder.sql.filter { $0.hasPrefix("INSERT INTO \"\(table)\"") || $0.hasPrefix("INSERT INTO `\(table)`") }
    }

    @Test(arguments: TestEngine.allCases)
    func profilesWithNewUsersGoInOneInsertPerTable(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var acme = Company(name: "Acme")
            try db.create(&acme)
            var existing = User(name: "existing", company: acme)
            try db.create(&existing)
            var profiles = (0..<1_500).map { number in
                switch number % 5 {
                case 0: Profile(name: "p\(number)")
                case 1: Profile(name: "p\(number)", user: existing)
                case 2: Profile(name: "p\(number)", user: User(name: "u\(number)", company: Company(name: "c\(number)")))
                default: Profile(name: "p\(number)", user: User(name: "u\(number)"))
                }
            }
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            try db.create(&profiles)

            #expect(inserts(recorder, into: "companies").count == 1)
            #expect(inserts(recorder, into: "users").count == 1)
            #expect(inserts(recorder, into: "profiles").count == 1)

            // Every key is the stored row's: names read back by key agree with the values.
            let ids = profiles.compactMap(\.id)
            #expect(ids.count == profiles.count)
            #expect(Set(ids).count == ids.count)
            let stored = try db.query(Profile.self).preload(\.user, \.company).all()
            let byID = Dictionary(uniqueKeysWithValues: stored.compactMap { profile in profile.id.map { ($0, profile) } })
            var mismatches = 0
            for profile in profiles {
                guard let id = profile.id, let row = byID[id] else { mismatches += 1; continue }
                if row.name != profile.name || row.userID != profile.userID || row.user?.name != profile.user?.name
                    || row.user?.company?.name != profile.user?.company?.name || profile.userID != profile.user?.id
                    || profile.user?.companyID != profile.user?.company?.id
                {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0)
            #expect(try db.query(User.self).count() == 1 + 1_500 * 3 / 5)
            #expect(try db.query(Company.self).count() == 1 + 1_500 / 5)
        }
    }

    /// A batch of a shape seen before (its rows' NULL columns and number) is bound into the
    /// insert lowered with markers the time before: each call's own values and keys, observers
    /// seeing the values that ran; a batch of other NULL columns is planned as it comes.
    @Test(arguments: TestEngine.allCases)
    func batchesOfOneShapeBindTheirOwnValuesIntoTheKeptInsert(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            var created: [[Profile]] = []
            for round in 0..<4 {
                var profiles = (0..<50).map { Profile(name: "r\(round) p\($0)", user: User(name: "r\(round) u\($0)")) }
                if round == 3 { profiles[7].user = nil }    // other NULL columns: not the kept shape
                try db.create(&profiles)
                created.append(profiles)
            }
            #expect(db.context.plans.keptCreateRecipe(for: Profile.self)?.keptBatchCount == 1)
            #expect(db.context.plans.keptCreateRecipe(for: User.self)?.keptBatchCount == 1)
            let stored = try db.query(Profile.self).preload(\.user).all()
            let byID = Dictionary(uniqueKeysWithValues: stored.compactMap { profile in profile.id.map { ($0, profile) } })
            #expect(byID.count == 200)
            for profile in created.joined() {
                let row = try #require(byID[profile.id ?? -1])
                #expect(row.name == profile.name && row.userID == profile.userID && row.user?.name == profile.user?.name)
                #expect(profile.userID == profile.user?.id)
            }
            #expect(created[3][7].userID == nil && byID[created[3][7].id ?? -1]?.user == nil)
            // What observers saw ran: no marker in the bindings, and each round's own names.
            for executed in recorder.executed {
                for binding in executed.bindings {
                    if case .text(let text) = binding { #expect(!text.hasPrefix("\u{1}")) }
                }
                let lowered = try db.dialect.lower(executed.statement)
                #expect(lowered.sql == executed.sql && lowered.bindings == executed.bindings)
            }
            for round in 0..<4 {
                #expect(recorder.bindings.contains { $0.contains(.text("r\(round) p49")) })
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func moreRowsThanOneStatementBindsGoInSeveral(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let perStatement = db.dialect.capabilities.maxBindParameters / 3  // name, user_id, updated_at
            let count = perStatement * 2 + 7
            var profiles = (0..<count).map { Profile(name: "p\($0)") }
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            try db.create(&profiles)
            let statements = inserts(recorder, into: "profiles")
            #expect(statements.count == 3)
            #expect(try db.query(Profile.self).count() == count)
            let stored = try db.query(Profile.self).all()
            let names = Dictionary(uniqueKeysWithValues: stored.compactMap { profile in profile.id.map { ($0, profile.name) } })
            #expect(profiles.filter { $0.id.flatMap { names[$0] } != $0.name }.isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func keysGivenAndKeysGeneratedInOneCall(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profiles = [Profile(name: "generated"), Profile(id: 500, name: "given"), Profile(name: "generated too")]
            try db.create(&profiles)
            #expect(profiles[1].id == 500)
            for profile in profiles {
                #expect(try db.query(Profile.self).find(profile.id ?? 0)?.name == profile.name)
            }
            var none: [Profile] = []
            try db.create(&none)
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFailingRowInALaterBatchLeavesNothing(engine: TestEngine) throws {
        try withDatabase(engine) { db throws in
            let perStatement = db.dialect.capabilities.maxBindParameters / 3
            var profiles = (0..<(perStatement + 10)).map { Profile(name: "p\($0)", user: User(name: "u\($0)")) }
            profiles[perStatement + 5].name = "p0"  // clashes with the first batch's first row
            let before = profiles
            let error = joineryError { try db.create(&profiles) }
            #expect(error?.kind == .uniqueViolation)
            #expect(profiles.map(\.id) == before.map(\.id))
            #expect(profiles.map { $0.user?.id } == before.map { $0.user?.id })
            #expect(try db.query(Profile.self).count() == 0)
            #expect(try db.query(User.self).count() == 0)
        }
    }
}
