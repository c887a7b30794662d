import CSQLite
import Joinery
import JoinerySQLite
import Synchronization

// 100,000 profiles, each with its own user, in in-memory SQLite. Joinery's preload and join into
// hydrated structs, timed against a hand-written libsqlite3 loop running the same SQL into the
// same structs, in the same run. Medians of several runs; the ratio is Joinery / raw.

import Foundation

// JOINERY_BENCH_ROWS and JOINERY_BENCH_RUNS make a smaller run, for a profiler (callgrind).
let count = Int(ProcessInfo.processInfo.environment["JOINERY_BENCH_ROWS"] ?? "") ?? 100_000
let runs = Int(ProcessInfo.processInfo.environment["JOINERY_BENCH_RUNS"] ?? "") ?? 9

let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
try db.migrate(Profile.self)
let planner = Planner(schema: try Schema(models: Profile.self, User.self), capabilities: db.dialect.capabilities)
try db.transaction {
    for start in stride(from: 1, through: count, by: 5_000) {
        let ids = start..<min(start + 5_000, count + 1)
        for query in [
            InsertQuery("User", rows: ids.map { ["id": .integer(Int64($0)), "name": .text("user \($0)"), "email": .text("u\($0)@example.com")] }, returning: []),
            InsertQuery("Profile", rows: ids.map { ["id": .integer(Int64($0)), "name": .text("profile \($0)"), "userID": .integer(Int64($0))] }, returning: []),
        ] {
            for planned in try planner.plan(.insert(query)).statements {
                let lowered = try db.dialect.lower(planned.statement)
                try db.connection.execute(lowered.sql, lowered.bindings)
            }
        }
    }
}

// An in-memory database is private to its connection, so the raw loop gets its own copy of the
// same rows, made with SQLite's backup API. Both then read identical data.
guard let connection = db.connection as? SQLiteConnection, let source = connection.rawHandle else {
    throw BenchmarkError("the benchmark needs the SQLite connection")
}
var rawHandle: OpaquePointer?
sqlite3_open_v2(":memory:", &rawHandle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
guard let rawDB = rawHandle, let backup = sqlite3_backup_init(rawDB, "main", source, "main") else {
    throw BenchmarkError("cannot copy the database")
}
sqlite3_backup_step(backup, -1)
sqlite3_backup_finish(backup)
let raw = RawSQLite(db: rawDB)

/// The SQL Joinery runs, recorded once, so the raw loop runs exactly the same statements.
let recorded = Mutex<[ExecutedStatement]>([])
db.observeStatements { statement in recorded.withLock { $0.append(statement) } }

func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return samples.sorted()[runs / 2]
}

func check(_ profiles: [Profile], _ label: String) throws {
    guard profiles.count == count, profiles.allSatisfy({ $0.user?.id == $0.userID }) else {
        throw BenchmarkError("\(label): wrong result (\(profiles.count) profiles)")
    }
}

// JOINERY_BENCH_ONLY=preload or =join runs one of the two (for a profile of one).
let only = ProcessInfo.processInfo.environment["JOINERY_BENCH_ONLY"]

// One request of `make load`'s workload on one connection, repeated: create a profile with a new
// user, find it with the user preloaded, and joined (for a profile of the per-request cost).
if only == "request" {
    let requests = Int(ProcessInfo.processInfo.environment["JOINERY_BENCH_REQUESTS"] ?? "") ?? 2_000
    let start = ContinuousClock.now
    for index in 0..<requests {
        var profile = Profile(name: "request \(index)", user: User(name: "requester \(index)", email: "r\(index)@example.com"))
        try db.create(&profile)
        guard let id = profile.id,
            try db.query(Profile.self).preload(\.user).find(id)?.user?.name == "requester \(index)",
            try db.query(Profile.self).join(\.user).find(id)?.user?.name == "requester \(index)"
        else { throw BenchmarkError("request \(index) read back the wrong rows") }
    }
    let elapsed = ContinuousClock.now - start
    let micro = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(requests)
    print("request (create with a new user, preload find, join find): \(String(format: "%.1f", micro)) µs")
    exit(0)
}

// Planning and lowering the join query, per statement: what every query pays before it runs.
if only == nil || only == "lowering" {
    let joinQuery = db.query(Profile.self).join(\.user).filter(\.name == "profile 7").query
    let queryPlanner = Planner(schema: try Schema(models: Profile.self, User.self), capabilities: db.dialect.capabilities)
    let repetitions = 20_000
    var sink = 0
    let start = ContinuousClock.now
    for _ in 0..<repetitions {
        let plan = try queryPlanner.plan(.select(joinQuery))
        for planned in plan.statements { sink &+= try db.dialect.lower(planned.statement).sql.utf8.count }
    }
    let elapsed = ContinuousClock.now - start
    let micro = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(repetitions)
    print("plan + lower the join query: \(String(format: "%.1f", micro)) µs per statement (\(sink % 10) )")
    if only == "lowering" { exit(0) }
}

// Preload.
var joineryPreload = 0.0, rawPreload = 0.0
var preloadSQL: [ExecutedStatement] = []
if only != "join" {
    recorded.withLock { $0.removeAll() }
    try check(try db.query(Profile.self).preload(\.user).all(), "Joinery preload")
    preloadSQL = recorded.withLock { $0 }
    let usersSQL = preloadSQL.dropFirst().map { (sql: $0.sql, keyCount: $0.bindings.count) }
    try check(try raw.preload(profilesSQL: preloadSQL[0].sql, usersSQL: usersSQL), "raw preload")
    joineryPreload = try median { _ = try db.query(Profile.self).preload(\.user).all() }
    rawPreload = try median { _ = try raw.preload(profilesSQL: preloadSQL[0].sql, usersSQL: usersSQL) }
}

// Join.
var joineryJoin = 0.0, rawJoin = 0.0
if only != "preload" {
    recorded.withLock { $0.removeAll() }
    try check(try db.query(Profile.self).join(\.user).all(), "Joinery join")
    let joinSQL = recorded.withLock { $0[0].sql }
    try check(try raw.join(joinSQL), "raw join")
    joineryJoin = try median { _ = try db.query(Profile.self).join(\.user).all() }
    rawJoin = try median { _ = try raw.join(joinSQL) }
}

func line(_ name: String, _ joinery: Double, _ raw: Double) -> String {
    func ms(_ value: Double) -> String { String(Int((value * 10).rounded())).inserting(".", fromEnd: 1) + " ms" }
    let ratio = String(Int((joinery / raw * 100).rounded())).inserting(".", fromEnd: 2)
    return "\(name.padding(toLength: 9, withPad: " ", startingAt: 0)) Joinery \(ms(joinery))   raw libsqlite3 \(ms(raw))   Joinery/raw \(ratio)×"
}

print("SQLite \(db.connection.engine.version), \(count) profiles → \(count) users, in memory; median of \(runs) runs")
print("preload: \(preloadSQL.count) statements; join: 1 statement")
print(line("preload", joineryPreload, rawPreload))
print(line("join", joineryJoin, rawJoin))

extension String {
    /// `"1234".inserting(".", fromEnd: 1)` is `"123.4"`.
    func inserting(_ separator: String, fromEnd digits: Int) -> String {
        let padded = count <= digits ? String(repeating: "0", count: digits - count + 1) + self : self
        return String(padded.dropLast(digits)) + separator + String(padded.suffix(digits))
    }
}
