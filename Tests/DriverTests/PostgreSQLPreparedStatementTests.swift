import EngineTestSupport
import Foundation
import Joinery
import JoineryPostgreSQL
import JoineryTestSupport
import Testing

/// PostgreSQL runs Joinery's queries and writes as prepared statements kept per connection:
/// parsed once, then only the values travel. They must behave exactly as the unprepared ones.
@Suite("PostgreSQL prepared statements")
struct PostgreSQLPreparedStatementTests {
    /// The statements the session has prepared for `sql` (pg_prepared_statements is per session).
    private func prepared(_ sql: String, on connection: any DatabaseConnection) throws -> Int {
        try connection.query(
            "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = $1", [.text(sql)]
        )[0].decode(at: 0)
    }

    @Test func aStatementRunTwiceIsPreparedOnceAndBindsEachRunsValues() throws {
        let connection = try TestEngine.postgresql.connect()
        defer { connection.close() }
        let sql = "SELECT $1::int8 + 1 AS next"
        #expect(try connection.query(sql, [.integer(1)])[0].decode(Int64.self, at: 0) == 2)
        #expect(try connection.query(sql, [.integer(41)])[0].decode(Int64.self, at: 0) == 42)
        #expect(try prepared(sql, on: connection) == 1)
    }

    @Test func aTableChangedUnderAPreparedStatementIsPreparedAgain() throws {
        try withTables(.postgresql, ["notes"]) { connection, tables in
            let notes = tables[0]
            try connection.execute("CREATE TABLE \(notes) (id int8, body text)")
            try connection.execute("INSERT INTO \(notes) VALUES (1, 'a')")
            let select = "SELECT * FROM \(notes) WHERE id = $1"
            #expect(try connection.query(select, [.integer(1)])[0].values.count == 2)
            try connection.execute("ALTER TABLE \(notes) ADD COLUMN extra text")
            // The kept statement's result type no longer matches (SQLSTATE 0A000): prepared
            // again and run, as an unprepared statement would have run.
            let rows = try connection.query(select, [.integer(1)])
            #expect(rows[0].values.count == 3)

            // Inside a transaction the error has aborted it: a conflict, which running the
            // transaction again (the pool's retry) gets past.
            try connection.execute("ALTER TABLE \(notes) ADD COLUMN more text")
            let error = joineryError { try connection.transaction { _ = try connection.query(select, [.integer(1)]) } }
            #expect(error?.kind == .transactionConflict, "\(String(describing: error))")
            #expect(error?.isRetryable == true)
            let again = try connection.transaction { try connection.query(select, [.integer(1)]) }
            #expect(again[0].values.count == 4)
        }
    }

    @Test func statementsDroppedByRawSQLArePreparedAgain() throws {
        let connection = try TestEngine.postgresql.connect()
        defer { connection.close() }
        let sql = "SELECT $1::int8 * 2 AS twice"
        #expect(try connection.query(sql, [.integer(2)])[0].decode(Int64.self, at: 0) == 4)
        try connection.execute("DEALLOCATE ALL")
        #expect(try connection.query(sql, [.integer(3)])[0].decode(Int64.self, at: 0) == 6)
    }

    @Test func valuesOfAnotherTypeThanThePreparedOnesRunAsTheyWouldUnprepared() throws {
        let connection = try TestEngine.postgresql.connect()
        defer { connection.close() }
        let sql = "SELECT $1 AS value"
        // Prepared with a NULL: the server took the parameter as text.
        #expect(try connection.query(sql, [.null])[0].values[0] == .null)
        // An integer is sent as int8, as unprepared: it comes back as an integer, not as "5".
        #expect(try connection.query(sql, [.integer(5)])[0].values[0] == .integer(5))
        #expect(try connection.query(sql, [.text("five")])[0].values[0] == .text("five"))
    }

    @Test func statementsTheCacheLetsGoAreDeallocated() throws {
        let connection = try TestEngine.postgresql.connect()
        defer { connection.close() }
        for index in 0..<80 { _ = try connection.query("SELECT \(index) + $1::int8 AS n", [.integer(1)]) }
        _ = try connection.query("SELECT 1 + $1::int8", [.integer(1)])  // a statement outside a transaction deallocates
        let kept: Int = try connection.query(
            "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'joinery_%'")[0].decode(at: 0)
        // The cache keeps 64; the count's own statement is the 65th until the next one runs.
        #expect(kept <= 65, "\(kept) statements stay prepared")
        #expect(kept > 0)
    }

    @Test func theURLOptionTurnsThemOff() throws {
        var url = try DatabaseURL(parsing: try TestEngine.postgresql.url())
        url.options["prepared_statements"] = "false"
        let connection = try PostgreSQLConnection(url: url)
        defer { connection.close() }
        _ = try connection.query("SELECT $1::int8 AS n", [.integer(1)])
        let kept: Int = try connection.query("SELECT COUNT(*) FROM pg_prepared_statements")[0].decode(at: 0)
        #expect(kept == 0)
        url.options["prepared_statements"] = "sometimes"
        #expect(throws: JoineryError.self) { try PostgreSQLConnection(url: url) }
    }
}
