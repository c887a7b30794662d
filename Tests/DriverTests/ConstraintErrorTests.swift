import Joinery
import EngineTestSupport
import JoineryTestSupport
import Testing

/// A unique, a foreign-key and a not-null violation map to the same ``JoineryError/Kind`` on
/// every engine, keep the engine's code and message, and name the constraint or column where
/// the engine reports it.
@Suite("Constraint errors")
struct ConstraintErrorTests {
    /// users(id, email UNIQUE, name NOT NULL) and profiles(user_id → users.id, constraint fk_<profiles>_user).
    private func withSchema(
        _ engine: TestEngine, _ body: (any DatabaseConnection, _ users: String, _ profiles: String) throws -> Void
    ) throws {
        try withTables(engine, ["users", "profiles"]) { connection, tables in
            let (users, profiles) = (tables[0], tables[1])
            let types = engine.types
            try connection.execute("""
                CREATE TABLE \(users) (id \(types.identity), email \(types.shortText) UNIQUE, name \(types.shortText) NOT NULL)
                """)
            try connection.execute("""
                CREATE TABLE \(profiles) (id \(types.identity), user_id \(types.integer),
                  CONSTRAINT fk_\(profiles)_user FOREIGN KEY (user_id) REFERENCES \(users) (id))
                """)
            try connection.execute(engine.sql("INSERT INTO \(users) (email, name) VALUES (?, ?)"), ["a@example.com", "jinzhu"])
            try body(connection, users, profiles)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func uniqueViolation(engine: TestEngine) throws {
        try withSchema(engine) { connection, users, _ throws in
            let error = joineryError {
                try connection.execute(engine.sql("INSERT INTO \(users) (email, name) VALUES (?, ?)"), ["a@example.com", "copy"])
            }
            #expect(error?.kind == .uniqueViolation)
            #expect(error?.isConstraintViolation == true)
            // PostgreSQL names the constraint "<table>_email_key", MariaDB the index "email",
            // SQLite the column "<table>.email": all carry the column's name.
            #expect(error?.constraint?.contains("email") == true, "\(String(describing: error))")
            #expect(error?.engineCode?.isEmpty == false)
            #expect(error?.engineMessage?.isEmpty == false)
            #expect(error?.sql?.contains("INSERT INTO") == true)
            #expect(try rowCount(connection, users) == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func foreignKeyViolationOnInsert(engine: TestEngine) throws {
        try withSchema(engine) { connection, _, profiles throws in
            let error = joineryError {
                try connection.execute(engine.sql("INSERT INTO \(profiles) (user_id) VALUES (?)"), [999])
            }
            #expect(error?.kind == .foreignKeyViolation)
            // SQLite's message names no constraint: the driver finds it (foreign_key_check).
            #expect(error?.constraint == "fk_\(profiles)_user", "\(String(describing: error))")
            #expect(try rowCount(connection, profiles) == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func foreignKeyViolationOnDeleteOfReferencedRow(engine: TestEngine) throws {
        try withSchema(engine) { connection, users, profiles in
            let userID = try connection.query("SELECT id FROM \(users)")[0].value(at: 0)
            try connection.execute(engine.sql("INSERT INTO \(profiles) (user_id) VALUES (?)"), [userID])
            let error = joineryError { try connection.execute("DELETE FROM \(users)") }
            #expect(error?.kind == .foreignKeyViolation)
            #expect(try rowCount(connection, users) == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func notNullViolation(engine: TestEngine) throws {
        try withSchema(engine) { connection, users, _ throws in
            let error = joineryError {
                try connection.execute(engine.sql("INSERT INTO \(users) (email, name) VALUES (?, ?)"), ["b@example.com", .null])
            }
            #expect(error?.kind == .notNullViolation)
            #expect(error?.column == "name", "\(String(describing: error))")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func wrongNumberOfBoundValues(engine: TestEngine) throws {
        try withSchema(engine) { connection, users, _ throws in
            let tooFew = joineryError {
                try connection.execute(engine.sql("INSERT INTO \(users) (email, name) VALUES (?, ?)"), ["only one"])
            }
            #expect(tooFew?.kind == .parameterCount, "\(String(describing: tooFew))")
            let tooMany = joineryError { _ = try connection.query(engine.sql("SELECT id FROM \(users) WHERE id = ?"), [1, 2]) }
            #expect(tooMany?.kind == .parameterCount, "\(String(describing: tooMany))")
            // The same text once it ran right (and a driver keeps it prepared): still checked, and
            // the kept statement still serves the right count afterwards.
            let select = engine.sql("SELECT id FROM \(users) WHERE id = ?")
            #expect(try connection.query(select, [-1]).isEmpty)
            let tooManyKept = joineryError { _ = try connection.query(select, [1, 2]) }
            #expect(tooManyKept?.kind == .parameterCount, "\(String(describing: tooManyKept))")
            let tooFewKept = joineryError { _ = try connection.query(select, []) }
            #expect(tooFewKept?.kind == .parameterCount, "\(String(describing: tooFewKept))")
            #expect(try connection.query(select, [-1]).isEmpty)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func syntaxAndUnknownTable(engine: TestEngine) throws {
        let connection = try engine.connect()
        #expect(joineryError { try connection.execute("SELEC 1") }?.kind == .syntax)
        #expect(joineryError { _ = try connection.query("SELECT * FROM joinery_no_such_table") }?.kind == .undefinedObject)
    }
}
