import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// Values and names an engine cannot take as given are refused with a typed error before
/// anything is sent — never truncated, never bound to something else.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(arguments: TestEngine.allCases)
    func textWithANulByteIsStoredWholeOrRefusedNamingTheColumn(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "a\u{0}b")
            if engine == .postgresql {
                let error = joineryError { try db.create(&profile) }
                #expect(error?.kind == .invalidValue)
                #expect(error?.column == "name")
                #expect(error?.table == "profiles")
                #expect(profile.id == nil)
                #expect(try db.query(Profile.self).count() == 0)
            } else {
                try db.create(&profile)
                #expect(try db.query(Profile.self).find(profile.id)?.name == "a\u{0}b")
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aDateWithNoCalendarTimeIsRefusedNotStoredAs1970(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var user = User(name: "far", deletedAt: Date(timeIntervalSince1970: 1e15))
            let error = joineryError { try db.create(&user) }
            #expect(error?.kind == .invalidValue)
            #expect(error?.column == "deleted_at")
            #expect(user.id == nil)
            let raw = joineryError {
                _ = try db.connection.query(engine.sql("SELECT ?"), [.timestamp(Date(timeIntervalSince1970: .infinity))])
            }
            #expect(raw?.kind == .invalidValue)
            let stored = try db.query(User.self).unscoped().count()
            #expect(stored == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFragmentWithANumberedPlaceholderIsMisuse(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var profile = Profile(name: "v")
            try db.create(&profile)
            let error = joineryError {
                _ = try db.query(Profile.self).filter("name = ?", "v").filter("name = $1").all()
            }
            #expect(error?.kind == .misuse)
            // A dollar-quoted string whose tag has digits hides its `?` (PostgreSQL's lexer);
            // other engines have no dollar quoting, so the fragment there is PostgreSQL-only.
            if engine == .postgresql {
                let found = try db.query(Profile.self).filter("name = $q1$?$q1$ OR name = ?", "v").all()
                #expect(found.map(\.name) == ["v"])
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func twoModelTypesWithOneNameAreMisuseAndDoNotPoisonLaterCalls(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let error = joineryError { _ = try db.query(Integrity.User.self).all() }
            #expect(error?.kind == .misuse)
            #expect(error?.message.contains("Integrity.User") == true, "\(String(describing: error))")
            #expect(error?.message.contains("Docs.User") == true, "\(String(describing: error))")
            // The database still works for the models it knew.
            var profile = Profile(name: "after", user: User(name: "u"))
            try db.create(&profile)
            #expect(try db.query(Profile.self).preload(\.user).first()?.user?.name == "u")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aFailedSchemaBuildDoesNotPoisonLaterCalls(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            let error = joineryError { try db.migrate(BrokenModel.self) }
            #expect(error?.kind == .misuse)
            try db.migrate(Profile.self)
            var profile = Profile(name: "fine")
            try db.create(&profile)
            #expect(try db.query(Profile.self).count() == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aTableNameLongerThanTheEngineAllowsIsMisuseBeforeAnythingIsSent(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            let recorder = StatementRecorder()
            db.observeStatements(recorder.record)
            if engine == .sqlite {
                try db.migrate(LongTableName.self)  // SQLite has no limit
                return
            }
            let error = joineryError { try db.migrate(LongTableName.self) }
            #expect(error?.kind == .misuse, "\(String(describing: error))")
            let queryError = joineryError { _ = try db.query(LongTableName.self).all() }
            #expect(queryError?.kind == .misuse, "\(String(describing: queryError))")
            #expect(recorder.sql.isEmpty)
        }
    }
}

/// A field declared twice under one column: its schema cannot be built.
@Model struct BrokenModel {
    var id: Int64?
    @Column("same") var first: String
    @Column("same") var second: String
}

@Model(table: "t123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789_123456789")
struct LongTableName {
    var id: Int64?
    var name: String
}
