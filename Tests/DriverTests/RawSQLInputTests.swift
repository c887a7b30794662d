import EngineTestSupport
import Joinery
import JoineryTestSupport
import Testing

/// Raw SQL and rows read by position: a NUL inside the SQL, a position past the last column, a
/// value over the engine's packet size.
@Suite("Raw SQL input")
struct RawSQLInputTests {
    @Test(arguments: TestEngine.allCases)
    func sqlWithANulByteIsRefusedAndNothingAfterItRuns(engine: TestEngine) throws {
        try withTables(engine, ["keep"]) { connection, tables in
            let keep = tables[0]
            try connection.execute("CREATE TABLE \(keep) (id \(engine.types.integer))")
            let error = joineryError { try connection.execute("SELECT 1\u{0}; DROP TABLE \(keep)") }
            #expect(error?.kind == .misuse)
            let queryError = joineryError { _ = try connection.query("SELECT 1\u{0}") }
            #expect(queryError?.kind == .misuse)
            #expect(try rowCount(connection, keep) == 0)  // the table is still there
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aPositionPastTheLastColumnIsATypedError(engine: TestEngine) throws {
        let connection = try engine.connect()
        defer { connection.close() }
        let row = try connection.query("SELECT 1")[0]
        let error = joineryError { _ = try row.value(at: 5) }
        #expect(error?.kind == .decoding)
        #expect(try row.value(at: 0) == .integer(1))
        #expect(row.values.count == 1)
    }

    @Test(arguments: TestEngine.allCases)
    func aValueLargerThanTheEngineTakesIsRefusedAndTheConnectionLives(engine: TestEngine) throws {
        guard engine == .mariadb else { return }
        try withTables(engine, ["big"]) { connection, tables in
            let big = tables[0]
            try connection.execute("CREATE TABLE \(big) (data LONGBLOB)")
            let limit: Int = try connection.query("SELECT @@max_allowed_packet")[0].decode(at: 0)
            let value = SQLValue.blob(.init(repeating: 7, count: limit + 1))
            let error = joineryError { try connection.execute(engine.sql("INSERT INTO \(big) (data) VALUES (?)"), [value]) }
            #expect(error?.kind == .invalidValue, "\(String(describing: error))")
            #expect(error?.message.contains("max_allowed_packet") == true)
            #expect(try rowCount(connection, big) == 0)  // and the connection still answers
        }
    }

    @Test func sqliteNamesTheForeignKeyThatFailed() throws {
        try withTables(.sqlite, ["parents", "children"]) { connection, tables in
            let (parents, children) = (tables[0], tables[1])
            try connection.execute("CREATE TABLE \(parents) (id INTEGER PRIMARY KEY)")
            try connection.execute("""
                CREATE TABLE \(children) (id INTEGER PRIMARY KEY, parent_id INTEGER,
                  CONSTRAINT fk_\(children)_parent FOREIGN KEY (parent_id) REFERENCES \(parents) (id))
                """)
            let error = joineryError { try connection.execute("INSERT INTO \(children) (parent_id) VALUES (?)", [42]) }
            #expect(error?.kind == .foreignKeyViolation)
            #expect(error?.table == children)
            #expect(error?.column == "parent_id")
            #expect(error?.constraint == "fk_\(children)_parent", "\(String(describing: error))")
            #expect(try rowCount(connection, children) == 0)
            // Inside a transaction, the transaction goes on.
            try connection.transaction {
                try connection.execute("INSERT INTO \(parents) (id) VALUES (1)")
                _ = joineryError { try connection.execute("INSERT INTO \(children) (parent_id) VALUES (?)", [42]) }
                try connection.execute("INSERT INTO \(children) (parent_id) VALUES (?)", [1])
            }
            #expect(try rowCount(connection, children) == 1)
        }
    }
}
