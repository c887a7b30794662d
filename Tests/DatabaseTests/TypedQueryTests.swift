import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// Filters, orders, join conditions and updates written with key paths, on every engine: the
/// rows they select and the SQL they write.
@Suite("Typed queries")
struct TypedQueryTests {
    /// jinzhu (company acme) with profile "jinzhu's", hu (no company) with "hu's", and "orphan"
    /// without a user.
    private func withPeople(_ engine: TestEngine, _ body: (Database, StatementRecorder) throws -> Void) throws {
        try withDatabase(engine) { db in
            var jinzhu = Profile(name: "jinzhu's", user: User(name: "jinzhu", company: Company(name: "acme")))
            var hu = Profile(name: "hu's", user: User(name: "hu"))
            var orphan = Profile(name: "orphan")
            try db.create(&jinzhu)
            try db.create(&hu)
            try db.create(&orphan)
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            try body(db, recorder)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func comparisonsAndLogic(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            let result1 = try db.query(Profile.self).filter(\.name == "hu's").all().map(\.name)
            #expect(result1 == ["hu's"])
            let nameColumn = engine.qualified("profiles", "name") + " = "
            #expect(recorder.sql.last?.contains(nameColumn) == true, "\(recorder.sql)")
            let result2 = try db.query(Profile.self).filter(\.name != "hu's").order(by: \.name).all().map(\.name)
            #expect(result2 == ["jinzhu's", "orphan"])
            let result3 = try db.query(Profile.self).filter(\.userID == nil).all().map(\.name)
            #expect(result3 == ["orphan"])
            #expect(recorder.sql.last?.contains("IS NULL") == true)
            let result4 = try db.query(Profile.self).filter(\.userID != nil).count()
            #expect(result4 == 2)
            let result5 = try db.query(Profile.self).filter(\.name == "hu's" || \.name == "orphan").count()
            #expect(result5 == 2)
            #expect(try db.query(Profile.self).filter(\.name >= "j" && \.name < "p").order(by: \.name).all().map(\.name)
                == ["jinzhu's", "orphan"])
            let result6 = try db.query(Profile.self).filter(!(\.name == "orphan")).count()
            #expect(result6 == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func inLikeAndNull(engine: TestEngine) throws {
        try withPeople(engine) { db, _ in
            let ids = try db.query(Profile.self).order(by: \.id).all().compactMap(\.id)
            let result7 = try db.query(Profile.self).filter(.in(\.id, ids.prefix(2))).count()
            #expect(result7 == 2)
            let result8 = try db.query(Profile.self).filter(.in(\.id, [Int64]())).count()
            #expect(result8 == 0)
            let result9 = try db.query(Profile.self).filter(.in(\.userID, [Int64]())).count()
            #expect(result9 == 0)
            let result10 = try db.query(Profile.self).filter(.like(\.name, "%'s")).count()
            #expect(result10 == 2)
            let result11 = try db.query(Profile.self).filter(.isNull(\.userID)).all().map(\.name)
            #expect(result11 == ["orphan"])
            let result12 = try db.query(Profile.self).filter(.isNotNull(\.userID)).count()
            #expect(result12 == 2)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func conditionsOnJoinedAndPreloadedAssociations(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            let byUser = try db.query(Profile.self).join(\.user).filter(\.user, \.name == "jinzhu").all()
            #expect(byUser.map(\.name) == ["jinzhu's"])
            let userName = engine.qualified("User", "name") + " = "
            #expect(recorder.sql.last?.contains(userName) == true, "\(recorder.sql)")

            let byCompany = try db.query(Profile.self).join(\.user, \.company).filter(\.user, \.company, \.name == "acme").all()
            #expect(byCompany.map { $0.user?.company?.name } == ["acme"])
            let companyName = engine.qualified("User__Company", "name") + " = "
            #expect(recorder.sql.last?.contains(companyName) == true, "\(recorder.sql)")

            let joinedOn = try db.query(Profile.self).join(\.user, on: \.name == "hu").order(by: \.name).all()
            #expect(joinedOn.map { $0.user?.name } == ["hu", nil, nil])

            let inner = try db.query(Profile.self).join(\.user, .inner, on: \.name == "hu").all()
            #expect(inner.map(\.name) == ["hu's"])

            let preloaded = try db.query(Profile.self).preload(\.user, filter: \.name == "jinzhu").order(by: \.name).all()
            #expect(preloaded.map { $0.user?.name } == [nil, "jinzhu", nil])

            let ordered = try db.query(Profile.self).join(\.user, .inner).order(by: \.user, \.name, .descending).all()
            #expect(ordered.map(\.name) == ["jinzhu's", "hu's"])

            // A preloaded association is not part of the main statement: a typed filter on it
            // says to join it.
            let error = joineryError { _ = try db.query(Profile.self).preload(\.user).filter(\.user, \.name == "hu").all() }
            #expect(error?.kind == .misuse)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func typedUpdatesWriteOnlyWhatChanged(engine: TestEngine) throws {
        try withPeople(engine) { db, recorder in
            guard var profile = try db.query(Profile.self).filter(\.name == "hu's").first() else {
                Issue.record("hu's profile is missing")
                return
            }
            try db.update(&profile, \.name, to: "hu's, renamed")
            #expect(try db.query(Profile.self).find(profile.id)?.name == "hu's, renamed")

            let (userID, name) = (engine.dialect.quoteIdentifier("user_id"), engine.dialect.quoteIdentifier("name"))
            try db.update(&profile) { $0.userID = nil }
            let sql = recorder.sql.last ?? ""
            #expect(sql.contains(userID) && !sql.contains(name), "\(sql)")
            #expect(try db.query(Profile.self).find(profile.id)?.userID == nil)

            let before = recorder.sql.count
            #expect(try db.update(&profile) { $0.name = $0.name } == 0)
            #expect(recorder.sql.count == before)  // nothing changed: no statement
        }
    }

    @Test(arguments: TestEngine.allCases)
    func listArgumentsExpandInFragments(engine: TestEngine) throws {
        try withPeople(engine) { db, _ in
            let names = ["hu's", "orphan", "nobody"]
            let listed = try db.query(Profile.self).filter("name IN ?", names).order(by: \.name).all().map(\.name)
            #expect(listed == ["hu's", "orphan"])
            let withMore = try db.query(Profile.self).filter("name IN (?) AND name <> ?", names, "orphan").all().map(\.name)
            #expect(withMore == ["hu's"])
            let none = try db.query(Profile.self).filter("name IN ?", [String]()).count()
            #expect(none == 0)
            let preloaded = try db.query(Profile.self).preload(\.user, "name IN ?", ["hu"]).order(by: \.name).all()
            #expect(preloaded.map { $0.user?.name } == ["hu", nil, nil])
        }
    }

    @Test func aKeyPathToNoStoredFieldIsMisuse() throws {
        try withPeople(.sqlite) { db, _ in
            let error = joineryError { _ = try db.query(Profile.self).filter(\.shout == "X").all() }
            #expect(error?.kind == .misuse)
            #expect(error?.message.contains("not a stored field of Profile") == true, "\(String(describing: error))")
        }
    }
}

extension TestEngine {
    /// `"table"."column"` in this engine's quoting.
    func qualified(_ table: String, _ column: String) -> String {
        dialect.quoteIdentifier(table) + "." + dialect.quoteIdentifier(column)
    }
}

extension Docs.Profile {
    /// A computed property: no column.
    var shout: String { name.uppercased() }
}
