import Synchronization
import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

typealias Company = Docs.Company
typealias User = Docs.User
typealias Profile = Docs.Profile

/// Runs `body` with a database on a fresh, empty schema of `engine`, migrated for the docs' models.
func withDatabase(_ engine: TestEngine, _ body: (Database) throws -> Void) throws {
    try withScratchSchema(engine) { connection in
        let db = Database(connection)
        try db.migrate(Profile.self)
        try body(db)
    }
}

@Suite("Database: migrate and create")
struct CreateTests {
    @Test(arguments: TestEngine.allCases)
    func migrateTwiceChangesNothing(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            try db.migrate(Profile.self, User.self, Company.self)
            #expect(recorder.sql.isEmpty)
            #expect(try db.tableExists("profiles") && db.tableExists("users") && db.tableExists("companies"))
        }
    }

    @Test(arguments: TestEngine.allCases)
    func createWithANewUser(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
            try db.create(&profile)
            let userID = try #require(profile.user?.id)
            #expect(profile.id != nil)
            #expect(profile.userID == userID)
            #expect(profile.updatedAt != nil)
            let stored = try db.query(Profile.self).preload(\.user).all()
            #expect(stored.count == 1)
            #expect(stored.first?.user?.name == "jinzhu")
            #expect(stored.first?.userID == userID)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func createWithAnExistingUserInsertsOnlyTheProfile(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var user = User(name: "jinzhu")
            try db.create(&user)
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            var profile = Profile(name: "second", userID: user.id)
            try db.create(&profile)
            var withValue = Profile(name: "third", user: user)
            try db.create(&withValue)
            #expect(withValue.userID == user.id)
            #expect(recorder.sql.filter { $0.contains("INSERT") }.count == 2)
            #expect(try db.query(User.self).count() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFailedSecondInsertLeavesNoUserBehind(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var first = Profile(name: "taken", user: User(name: "a"))
            try db.create(&first)
            var duplicate = Profile(name: "taken", user: User(name: "b"))
            let error = joineryError { try db.create(&duplicate) }
            #expect(error?.kind == .uniqueViolation)
            #expect(try db.query(User.self).count() == 1)
        }
    }
}

@Suite("Database: preload and join")
struct LoadTests {
    /// Three profiles: two of jinzhu (company Acme), one without a user, one of a deleted user.
    func seed(_ db: Database) throws {
        var jinzhu = User(name: "jinzhu", company: Company(name: "Acme"))
        try db.create(&jinzhu)
        var gone = User(name: "gone")
        try db.create(&gone)
        var profiles = [
            Profile(name: "p1", user: jinzhu), Profile(name: "p2", user: jinzhu), Profile(name: "p3"),
            Profile(name: "p4", user: gone),
        ]
        try db.create(&profiles)
        try db.delete(gone)
    }

    @Test(arguments: TestEngine.allCases)
    func preloadFillsEachChildAndSkipsWhatIsMissing(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try seed(db)
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            let profiles = try db.query(Profile.self).preload(\.user).order(by: "id").all()
            #expect(profiles.map(\.name) == ["p1", "p2", "p3", "p4"])
            #expect(profiles.map { $0.user?.name } == ["jinzhu", "jinzhu", nil, nil])
            // One statement for the profiles, one for their (deduplicated) users.
            #expect(recorder.sql.count == 2)
            #expect(recorder.bindings.last?.count == 2)
            let unscoped = try db.query(Profile.self).preload(\.user).unscoped().order(by: "id").all()
            #expect(unscoped.map { $0.user?.name } == ["jinzhu", "jinzhu", nil, "gone"])
        }
    }

    @Test(arguments: TestEngine.allCases)
    func preloadWithConditionsAndNested(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try seed(db)
            let named = try db.query(Profile.self).preload(\.user, "name = ?", "nobody").all()
            #expect(named.allSatisfy { $0.user == nil })
            let typed = try db.query(Profile.self).preload(\.user, filter: .equal("name", "jinzhu")).order(by: "id").all()
            #expect(typed.map { $0.user?.name } == ["jinzhu", "jinzhu", nil, nil])
            let nested = try db.query(Profile.self).preload(\.user, \.company).order(by: "id").all()
            #expect(nested.first?.user?.company?.name == "Acme")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func joinDecodesTheNestedValue(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try seed(db)
            let left = try db.query(Profile.self).join(\.user).order(by: "id").all()
            #expect(left.map { $0.user?.name } == ["jinzhu", "jinzhu", nil, nil])
            let inner = try db.query(Profile.self).join(\.user, .inner).order(by: "id").all()
            #expect(inner.map(\.name) == ["p1", "p2"])
            let nested = try db.query(Profile.self).join(\.user, \.company).order(by: "id").all()
            #expect(nested.map { $0.user?.company?.name } == ["Acme", "Acme", nil, nil])
            let on = try db.query(Profile.self).join(\.user, on: .equal("name", "nobody")).all()
            #expect(on.count == 4 && on.allSatisfy { $0.user == nil })
            let unscoped = try db.query(Profile.self).join(\.user).unscoped().order(by: "id").all()
            #expect(unscoped.last?.user?.name == "gone")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func firstFindAndCount(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try seed(db)
            #expect(try db.query(Profile.self).first()?.name == "p1")
            let p2 = try db.query(Profile.self).filter("name = ?", "p2").first()
            let found = try db.query(Profile.self).join(\.user).find(try #require(p2?.id))
            #expect(found?.user?.name == "jinzhu")
            #expect(try db.query(Profile.self).join(\.user, .inner).count() == 2)
            #expect(try db.query(User.self).count() == 1)
            #expect(try db.query(User.self).unscoped().count() == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func updateTheForeignKey(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            try seed(db)
            var p3 = try #require(try db.query(Profile.self).filter("name = ?", "p3").first())
            let jinzhu = try #require(try db.query(User.self).first())
            let before = p3.updatedAt
            try db.update(&p3, set: ["userID": jinzhu.id])
            #expect(p3.userID == jinzhu.id)
            #expect(p3.updatedAt != before)
            let reloaded = try db.query(Profile.self).join(\.user).find(try #require(p3.id))
            #expect(reloaded?.user?.name == "jinzhu")
            try db.update(&p3, set: ["userID": SQLValue.null])
            #expect(try db.query(Profile.self).join(\.user).find(try #require(p3.id))?.user == nil)
        }
    }
}

/// Collects the SQL a database runs.
final class StatementRecorder: Sendable {
    private let statements = Mutex<[ExecutedStatement]>([])
    var sql: [String] { statements.withLock { $0.map(\.sql) } }
    var bindings: [[SQLValue]] { statements.withLock { $0.map(\.bindings) } }
    func record(_ statement: ExecutedStatement) { statements.withLock { $0.append(statement) } }
}
