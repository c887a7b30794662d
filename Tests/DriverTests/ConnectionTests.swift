import Foundation
import Joinery
import EngineTestSupport
import JoineryTestSupport
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Testing

@Suite("Connections")
struct ConnectionTests {
    /// Runs `body` and checks it threw `kind` within five seconds.
    private func expectError(
        _ kind: JoineryError.Kind, within limit: Duration = .seconds(5),
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let start = ContinuousClock.now
        let error = joineryError(body, sourceLocation: sourceLocation)
        let elapsed = ContinuousClock.now - start
        #expect(error?.kind == kind, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(elapsed < limit, "took \(elapsed)", sourceLocation: sourceLocation)
    }

    @Test(arguments: TestEngine.allCases)
    func opensAndReportsItsVersion(engine: TestEngine) throws {
        let connection = try engine.connect()
        #expect(connection.engine.version >= EngineVersion(3))
        #expect(try connection.query("SELECT 1 + 1")[0].decode(Int.self, at: 0) == 2)
        connection.close()
        #expect(joineryError { try connection.execute("SELECT 1") }?.kind == .connectionFailed)
    }

    @Test(arguments: [
        "postgres://user@host:notaport/db", "mariadb://joinery:joinery@127.0.0.1:99999/joinery", "postgres:/nohost",
        "sqlite:", "no-scheme-here", "postgres://user:p%zzass@127.0.0.1/db", "mariadb://",
    ])
    func malformedURL(url: String) {
        let registry = DriverRegistry([SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()])
        expectError(.invalidURL) { _ = try registry.connect(url) }
    }

    @Test func unknownScheme() {
        let registry = DriverRegistry([SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()])
        let error = joineryError { _ = try registry.connect("oracle://scott:tiger@127.0.0.1/db") }
        #expect(error?.kind == .invalidURL)
        #expect(error?.message.contains("mariadb, mysql, postgres, postgresql, sqlite") == true)
    }

    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func wrongPassword(engine: TestEngine) throws {
        var url = try DatabaseURL(parsing: engine.url())
        url.password = "definitely-wrong"
        expectError(.authenticationFailed) { _ = try engine.driver.connect(to: url) }
    }

    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func closedPort(engine: TestEngine) throws {
        var url = try DatabaseURL(parsing: engine.url())
        url.port = 1  // nothing listens on port 1
        expectError(.connectionFailed) { _ = try engine.driver.connect(to: url) }
    }

    @Test func sqliteFileInMissingDirectory() {
        expectError(.connectionFailed) { _ = try SQLiteDriver().connect("sqlite:/joinery-no-such-dir/x/y.db") }
    }

    @Test func sqliteFileDatabasePersists() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("joinery-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SQLiteDriver().connect("sqlite:\(path)")
        try first.execute("CREATE TABLE kept (v TEXT)")
        try first.execute("INSERT INTO kept (v) VALUES (?)", ["still here"])
        first.close()
        let second = try SQLiteDriver().connect("sqlite:\(path)")
        #expect(try second.query("SELECT v FROM kept")[0].decode(String.self, at: 0) == "still here")
        #expect(try second.query("PRAGMA foreign_keys")[0].decode(Int.self, at: 0) == 1)
    }

    @Test func sqliteRefusesASecondStatementInOneCall() throws {
        let connection = try SQLiteDriver().connect("sqlite::memory:")
        let error = joineryError { try connection.execute("CREATE TABLE a (x); DROP TABLE a") }
        #expect(error?.kind == .misuse)
    }

    /// Under CI=true a missing server URL is an error: the run fails, it never skips.
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func ciRequiresServerURLs(engine: TestEngine) throws {
        #expect(throws: JoineryError.self) { _ = try engine.url(environment: ["CI": "true"]) }
        #expect(try engine.url(environment: [:]) == engine.defaultURL)
        let named = "\(engine == .postgresql ? "postgres" : "mariadb")://u:p@127.0.0.1:1/db"
        #expect(try engine.url(environment: ["CI": "true", engine.environmentVariable ?? "": named]) == named)
    }

    @Test(arguments: TestEngine.allCases)
    func generatedKeys(engine: TestEngine) throws {
        try withTables(engine, ["keys"]) { connection, tables in
            try connection.execute("CREATE TABLE \(tables[0]) (id \(engine.types.identity), name \(engine.types.text))")
            let first = try connection.execute(engine.sql("INSERT INTO \(tables[0]) (name) VALUES (?)"), ["a"])
            #expect(first.rowsAffected == 1)
            if engine != .postgresql {  // PostgreSQL has no last-insert-id; RETURNING below
                #expect(first.lastInsertID == 1)
            }
            // RETURNING: SQLite ≥ 3.35, MariaDB ≥ 10.5, PostgreSQL always.
            let returned = try connection.query(engine.sql("INSERT INTO \(tables[0]) (name) VALUES (?) RETURNING id"), ["b"])
            #expect(try returned.first?.decode(Int64.self, at: 0) == 2)
            // An UPDATE reports the rows it matched, even when a value did not change.
            let update = try connection.execute(engine.sql("UPDATE \(tables[0]) SET name = ? WHERE name = ?"), ["a", "a"])
            #expect(update.rowsAffected == 1)
            #expect(update.lastInsertID == nil)
            // An insert is told in any case and after white space; a SAVEPOINT is not one.
            if engine != .postgresql {
                let lower = try connection.execute(engine.sql("\n\t insert into \(tables[0]) (name) values (?)"), ["c"])
                #expect(lower.lastInsertID == 3)
                try connection.transaction {
                    let savepoint = try connection.execute("SAVEPOINT inner_one", [])
                    #expect(savepoint.lastInsertID == nil)
                    try connection.execute("RELEASE SAVEPOINT inner_one", [])
                }
            }
        }
    }

    @Test(arguments: TestEngine.allCases)
    func nestedStatementsInsideARowLoop(engine: TestEngine) throws {
        try withTables(engine, ["nested"]) { connection, tables in
            try connection.execute("CREATE TABLE \(tables[0]) (id \(engine.types.identity), n \(engine.types.integer))")
            for n in 1...3 { try connection.execute(engine.sql("INSERT INTO \(tables[0]) (n) VALUES (?)"), [.integer(Int64(n))]) }
            var seen: [Int] = []
            try connection.forEachRow("SELECT n FROM \(tables[0]) ORDER BY n", []) { row in
                // Same SQL again inside the loop: must get its own statement.
                let inner = try connection.query("SELECT n FROM \(tables[0]) ORDER BY n")
                seen.append(try row.decode(Int.self, at: 0) * 10 + inner.count)
            }
            #expect(seen == [13, 23, 33])
        }
    }
}
