import Foundation
import GRDBSQLite
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite

/// `rows` users and `rows` profiles, profile n → user n, stored through Joinery on one engine, and
/// a raw C-client connection that reads the same rows. SQLite is in memory: the raw loop (and
/// GRDB) get copies made with SQLite's backup API. PostgreSQL and MariaDB get a scratch schema
/// or database of their own, dropped by `close()`.
struct Fixture {
    var engine: String
    var rows: Int
    var database: Database
    /// A second `Database` on the same connection that records what Joinery runs, so the timed
    /// `database` carries no observer.
    var recorder: Database
    var raw: RawContender
    /// Drops the scratch schema or database.
    var dropScratch: () throws -> Void

    static let scratch = "joinery_bench_\(UInt32.random(in: 0...UInt32.max))"

    static func sqlite(rows: Int) throws -> Fixture {
        let database = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
        try seed(database, rows: rows)
        return Fixture(
            engine: "SQLite", rows: rows, database: database, recorder: Database(database.connection),
            raw: RawContender(RawSQLite(db: try copy(of: database))), dropScratch: {})
    }

    static func postgreSQL(_ text: String, rows: Int) throws -> Fixture {
        var url = try DatabaseURL(parsing: text)
        let setup = try PostgreSQLDriver().connect(to: url)
        try setup.execute("CREATE SCHEMA \(scratch)")
        url.options["options"] = "-c search_path=\(scratch)"
        let database = Database(try PostgreSQLDriver().connect(to: url))
        try seed(database, rows: rows)
        var info = "host=\(url.host ?? "127.0.0.1") port=\(url.port ?? 5432) dbname=\(url.database ?? "")"
        if let user = url.user { info += " user=\(user)" }
        if let password = url.password { info += " password=\(password)" }
        info += " options='-c search_path=\(scratch)'"
        return Fixture(
            engine: "PostgreSQL", rows: rows, database: database, recorder: Database(database.connection),
            raw: RawContender(try RawPostgreSQL(info: info)), dropScratch: { try setup.execute("DROP SCHEMA \(scratch) CASCADE") })
    }

    static func mariaDB(_ text: String, rows: Int) throws -> Fixture {
        var url = try DatabaseURL(parsing: text)
        let setup = try MariaDBDriver().connect(to: url)
        try setup.execute("CREATE DATABASE \(scratch)")
        url.database = scratch
        let database = Database(try MariaDBDriver().connect(to: url))
        try seed(database, rows: rows)
        let raw = try RawMariaDB(
            host: url.host ?? "127.0.0.1", port: UInt32(url.port ?? 3306), user: url.user, password: url.password,
            database: scratch)
        return Fixture(
            engine: "MariaDB", rows: rows, database: database, recorder: Database(database.connection), raw: RawContender(raw),
            dropScratch: { try setup.execute("DROP DATABASE \(scratch)") })
    }

    /// Creates the tables and stores the rows, 2,000 to an INSERT, in one transaction. The engine
    /// numbers them (1, 2, … in new tables), so its key sequence stays ahead of the creates.
    static func seed(_ database: Database, rows: Int) throws {
        try database.migrate(Profile.self)
        let planner = Planner(
            schema: try Schema(models: Profile.self, User.self), capabilities: database.dialect.capabilities)
        try database.transaction {
            for start in stride(from: 1, through: rows, by: 2_000) {
                let ids = start..<min(start + 2_000, rows + 1)
                for query in [
                    InsertQuery("User", rows: ids.map { ["name": .text("user \($0)"), "email": .text("u\($0)@example.com")] }, returning: []),
                    InsertQuery("Profile", rows: ids.map { ["name": .text("profile \($0)"), "userID": .integer(Int64($0))] }, returning: []),
                ] {
                    for planned in try planner.plan(.insert(query)).statements {
                        let lowered = try database.dialect.lower(planned.statement)
                        try database.connection.execute(lowered.sql, lowered.bindings)
                    }
                }
            }
        }
    }

    /// A new in-memory libsqlite3 connection holding a copy of `database` (the backup API), with
    /// foreign keys enforced as on Joinery's connection (and GRDB's): the engine checks each new
    /// profile's user on both sides, so the ratio is the clients' difference, not the engine's.
    static func copy(of database: Database) throws -> OpaquePointer {
        guard let connection = database.connection as? SQLiteConnection, let source = connection.rawHandle else {
            throw BenchmarkError("the SQLite fixture needs Joinery's SQLite connection")
        }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            let handle, let backup = sqlite3_backup_init(handle, "main", source, "main")
        else { throw BenchmarkError("cannot copy the SQLite database") }
        sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard sqlite3_exec(handle, "PRAGMA foreign_keys = ON", nil, nil, nil) == SQLITE_OK else {
            throw BenchmarkError("cannot enforce foreign keys on the raw SQLite connection")
        }
        return handle
    }

    /// Ends both connections, then drops the scratch namespace (MariaDB's DROP DATABASE would
    /// wait for a connection still open on it).
    func close() throws {
        raw.close()
        database.connection.close()
        try dropScratch()
    }

    /// What Joinery ran for `body`, recorded through `recorder`.
    func statements(of body: (Database) throws -> Void) throws -> [ExecutedStatement] {
        let recorded = Recorded()
        recorder.observeStatements { statement in recorded.append(statement) }
        defer { recorded.stop() }
        try body(recorder)
        return recorded.statements
    }
}

/// Statements seen by an observer until `stop()` (observers cannot be removed, so it goes deaf).
final class Recorded: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [ExecutedStatement] = []
    private var listening = true

    func append(_ statement: ExecutedStatement) { lock.withLock { if listening { list.append(statement) } } }
    func stop() { lock.withLock { listening = false } }
    var statements: [ExecutedStatement] { lock.withLock { list } }
}

/// A checksum of what a contender read, so that every contender is seen to read the same rows.
func checksum(_ profiles: [Profile]) -> Int {
    var sum = profiles.count
    for profile in profiles {
        sum &+= Int(profile.id ?? 0) &* 31 &+ profile.name.utf8.count
        if let user = profile.user { sum &+= Int(user.id ?? 0) &* 17 &+ user.email.utf8.count }
    }
    return sum
}

/// A raw engine's loops, bound to its concrete type here so that each loop is specialised for it.
struct RawContender {
    var preload: (_ profilesSQL: String, _ usersSQL: [(sql: String, keyCount: Int)]) throws -> [Profile]
    var join: (_ sql: String) throws -> [Profile]
    var create: (_ count: Int, _ tag: String, _ sql: CreateSQL, _ savepoint: Bool) throws -> [Profile]
    var createBatch: (_ count: Int, _ tag: String, _ sql: CreateSQL) throws -> [Profile]
    var requests: (_ count: Int, _ tag: String, _ sql: RequestSQL) throws -> Int
    var close: () -> Void

    init<Engine: RawEngine>(_ engine: Engine) {
        close = { engine.close() }
        preload = { try RawLoops.preload(engine, profilesSQL: $0, usersSQL: $1) }
        join = { try RawLoops.join(engine, sql: $0) }
        create = { count, tag, sql, savepoint in
            try RawLoops.create(
                engine, count: count, tag: tag, userSQL: sql.user, profileSQL: sql.profile, begin: sql.begin,
                commit: sql.commit, savepoint: savepoint)
        }
        requests = { count, tag, sql in try RawLoops.requests(engine, count: count, tag: tag, sql: sql) }
        createBatch = { count, tag, sql in
            try RawLoops.createBatch(
                engine, count: count, tag: tag, userSQL: sql.user, profileSQL: sql.profile, begin: sql.begin, commit: sql.commit)
        }
    }
}

/// The statements Joinery ran to create a profile with a new user in a transaction.
struct CreateSQL {
    var begin = "BEGIN"
    var user: String
    var profile: String
    var commit = "COMMIT"

    /// The user's and the profile's insert among `recorded`, which must hold one of each.
    init(recorded: [ExecutedStatement], of call: String) throws {
        let inserts = recorded.filter { $0.sql.uppercased().hasPrefix("INSERT") }
        guard inserts.count == 2, let user = inserts.first(where: { $0.sql.contains("users") }),
            let profile = inserts.first(where: { $0.sql.contains("profiles") })
        else { throw BenchmarkError("\(call) ran \(recorded.map(\.sql)), not one INSERT per table") }
        self.user = user.sql
        self.profile = profile.sql
    }
}
