import Foundation
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite

// The load benchmark: requests per second of a mixed workload (create a profile with a new user,
// preload it, join it) at 1, 8 and 64 concurrent tasks, through a DatabasePool and through raw
// C-client connections (one per task, on threads of their own) running the very same SQL, in one
// run, interleaved. Prints the raw / Joinery ratio: 1.00 means no cost over the C client.
// `joinery-load scale`: the scale-out benchmark instead (ScaleOut.swift, `make scale`).

let environment = ProcessInfo.processInfo.environment
let levels = (environment["JOINERY_LOAD_TASKS"] ?? "1,8,64").split(separator: ",").compactMap { Int($0) }
let seconds = Double(environment["JOINERY_LOAD_SECONDS"] ?? "1.5") ?? 1.5
let rounds = Int(environment["JOINERY_LOAD_ROUNDS"] ?? "3") ?? 3

struct Target {
    var engine: String
    var url: DatabaseURL
    var driver: any DatabaseDriver
    var raw: @Sendable () throws -> any RawClient
    var cleanup: () throws -> Void
}

/// A scratch namespace of its own on each engine, so the shared servers are left as they were.
func targets() throws -> [Target] {
    var targets: [Target] = []
    let name = "joinery_load_\(UInt32.random(in: 0...UInt32.max))"
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).db").path
    targets.append(Target(
        engine: "SQLite", url: try DatabaseURL(parsing: "sqlite:\(path)"), driver: SQLiteDriver(),
        raw: { try RawSQLiteClient(path: path) },
        cleanup: { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }))
    if let text = environment["JOINERY_POSTGRES_URL"] {
        var url = try DatabaseURL(parsing: text)
        let setup = try PostgreSQLDriver().connect(to: url)
        try setup.execute("CREATE SCHEMA \(name)")
        url.options["options"] = "-c search_path=\(name)"
        let rawURL = url
        targets.append(Target(
            engine: "PostgreSQL", url: url, driver: PostgreSQLDriver(), raw: { try RawPostgreSQLClient(url: rawURL) },
            cleanup: { try setup.execute("DROP SCHEMA \(name) CASCADE") }))
    }
    if let text = environment["JOINERY_MARIADB_URL"] {
        var url = try DatabaseURL(parsing: text)
        let setup = try MariaDBDriver().connect(to: url)
        try setup.execute("CREATE DATABASE \(name)")
        url.database = name
        let rawURL = url
        targets.append(Target(
            engine: "MariaDB", url: url, driver: MariaDBDriver(), raw: { try RawMariaDBClient(url: rawURL) },
            cleanup: { try setup.execute("DROP DATABASE \(name)") }))
    }
    return targets
}

/// What one round measured: requests per second, and the benchmark process's own CPU time per
/// request (the client's cost; the servers run in other processes).
struct RoundResult {
    var requestsPerSecond: Double
    var cpuMicrosecondsPerRequest: Double
}

/// Wall time and this process's CPU time from the start of a round.
struct RoundClock {
    private let start = ContinuousClock.now
    private let cpu = Self.processCPUMicroseconds()

    func result(requests: Int) -> RoundResult {
        RoundResult(
            requestsPerSecond: Double(requests) / elapsedSeconds(since: start),
            cpuMicrosecondsPerRequest: (Self.processCPUMicroseconds() - cpu) / Double(max(requests, 1)))
    }

    /// User + system CPU time of this process so far, in microseconds.
    private static func processCPUMicroseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) * 1e6 + Double(usage.ru_utime.tv_usec)
        return user + Double(usage.ru_stime.tv_sec) * 1e6 + Double(usage.ru_stime.tv_usec)
    }
}

/// Requests completed by `tasks` Joinery tasks sharing one pool in `seconds`.
/// `onThePoolsExecutor`: each task prefers the pool's executor, so its units of work run on the
/// thread it is on (no hop), as a raw thread per task does.
func joineryRound(
    _ pool: DatabasePool, tasks: Int, tag: String, oneUnit: Bool = false, onThePoolsExecutor: Bool = false
) async throws -> RoundResult {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    let clock = RoundClock()
    let done = try await withThrowingTaskGroup(of: Int.self) { group in
        for task in 0..<tasks {
            group.addTask {
                let loop = { () async throws -> Int in
                    var count = 0
                    while ContinuousClock.now < deadline {
                        if oneUnit {
                            try await Workload.joineryInOneUnit(pool, name: "\(tag)-\(task)-\(count)")
                        } else {
                            try await Workload.joinery(pool, name: "\(tag)-\(task)-\(count)")
                        }
                        count += 1
                    }
                    return count
                }
                if onThePoolsExecutor { return try await withTaskExecutorPreference(pool.executor, operation: loop) }
                return try await loop()
            }
        }
        return try await group.reduce(0, +)
    }
    return clock.result(requests: done)
}

/// Requests completed by `clients.count` threads, each with its own C-client connection.
func rawRound(_ clients: [any RawClient], _ sql: CapturedRequest, tag: String) throws -> RoundResult {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    let clock = RoundClock()
    let tally = RawTally(clients.count)
    let group = DispatchGroup()
    for (index, client) in clients.enumerated() {
        group.enter()
        let thread = Thread {
            do {
                while ContinuousClock.now < deadline {
                    try Workload.raw(client, sql, name: "\(tag)-\(index)-\(tally.counts[index])")
                    tally.counts[index] += 1
                }
            } catch {
                tally.failures[index] = "\(error)"
            }
            group.leave()
        }
        thread.start()
    }
    group.wait()
    if let failure = tally.failures.compactMap({ $0 }).first { throw LoadError(failure) }
    return clock.result(requests: tally.counts.reduce(0, +))
}

/// Per-thread counters: each thread writes only its own slot (raw memory, so no exclusivity
/// check sees one array), read after all have ended.
final class RawTally: @unchecked Sendable {
    let counts: UnsafeMutableBufferPointer<Int>
    let failures: UnsafeMutableBufferPointer<String?>
    init(_ threads: Int) {
        counts = .allocate(capacity: threads)
        counts.initialize(repeating: 0)
        failures = .allocate(capacity: threads)
        failures.initialize(repeating: nil)
    }
    deinit {
        counts.deallocate()
        failures.deinitialize()
        failures.deallocate()
    }
}

func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

do {
if CommandLine.arguments.dropFirst().first == "scale" {
    try await ScaleOut.run()
    exit(0)
}
if environment["JOINERY_LOAD_HOPS"] != nil {
    // Off the main actor, as a server's tasks run (a loop on the main actor adds a hop each way).
    if environment["JOINERY_LOAD_FILE_ONLY"] == nil { try await Task.detached {
        // The cost of one unit of work that runs nothing: acquire, hop to the connection's queue, back.
        let pool = try DatabasePool("sqlite::memory:", drivers: [SQLiteDriver()])
        for _ in 0..<1000 { _ = try await pool.read { _ in 0 } }
        let start = ContinuousClock.now
        let unitClock = RoundClock()
        for _ in 0..<20_000 { _ = try await pool.read { _ in 0 } }
        print("empty unit of work: \(elapsedSeconds(since: start) / 20_000 * 1e6) µs, "
            + "\(unitClock.result(requests: 20_000).cpuMicrosecondsPerRequest) µs of CPU")
        // The bare hop: onto a serial queue and back, with nothing of the pool's around it.
        let queue = DispatchQueue(label: "hop")
        let hopStart = ContinuousClock.now
        let hopClock = RoundClock()
        for _ in 0..<20_000 {
            _ = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
                queue.async { continuation.resume(returning: 0) }
            }
        }
        print("bare hop to a queue and back: \(elapsedSeconds(since: hopStart) / 20_000 * 1e6) µs, "
            + "\(hopClock.result(requests: 20_000).cpuMicrosecondsPerRequest) µs of CPU")
        // The same request on one connection, no pool, no hops: what planning, lowering and
        // hydration cost against the raw client (in-memory SQLite, so the engine costs little).
        let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
        try db.migrate(Profile.self)
        let requests = 5_000
        var clock = ContinuousClock.now
        for index in 0..<requests {
            var profile = Profile(name: "p-\(index)", user: User(name: "u-\(index)"))
            try db.create(&profile)
            _ = try db.query(Profile.self).preload(\.user).find(profile.id ?? 0)
            _ = try db.query(Profile.self).join(\.user).find(profile.id ?? 0)
        }
        print("request on a Database (7 statements): \(elapsedSeconds(since: clock) / Double(requests) * 1e6) µs")
        let statements = 20_000
        clock = ContinuousClock.now
        for _ in 0..<statements { _ = try db.connection.query("SELECT 1") }
        print("raw SELECT 1 through the driver: \(elapsedSeconds(since: clock) / Double(statements) * 1e6) µs")
    }.value }
    // The request on a file database, one thread, no pool: Joinery's own cost over the C client.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("joinery_hops_\(UInt32.random(in: 0...UInt32.max)).db").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    let filePool = try DatabasePool("sqlite:\(path)", drivers: [SQLiteDriver()])
    try await filePool.migrate(Profile.self)
    let sql = try await CapturedRequest.capture(filePool)
    await filePool.close()
    let fileDB = try Database.open("sqlite:\(path)", drivers: [SQLiteDriver()])
    let raw = try RawSQLiteClient(path: path)
    if let only = environment["JOINERY_LOAD_FILE_ONLY"] {  // one side alone, for strace -c or perf
        for index in 0..<2_000 {
            if only == "raw" { try Workload.raw(raw, sql, name: "r-\(index)") } else { try Workload.joinery(fileDB, name: "f-\(index)") }
        }
        exit(0)
    }
    for round in 0..<3 {
        let joineryClock = RoundClock()
        for index in 0..<2_000 { try Workload.joinery(fileDB, name: "f-\(round)-\(index)") }
        let joinery = joineryClock.result(requests: 2_000).cpuMicrosecondsPerRequest
        let rawClock = RoundClock()
        for index in 0..<2_000 { try Workload.raw(raw, sql, name: "r-\(round)-\(index)") }
        let rawCost = rawClock.result(requests: 2_000).cpuMicrosecondsPerRequest
        print(String(format: "file request, one thread, no pool: Joinery %.0f µs CPU, raw %.0f µs CPU (%.2f×)",
                     joinery, rawCost, joinery / rawCost))
    }
    exit(0)
}
print("Mixed workload (create with a new user, preload, join), requests per second; median of \(rounds) rounds of \(seconds) s")
print("ratio = raw / Joinery (1.00: as fast as the C client). one-shot: pool.create, then")
print("pool.query(…).preload(…).find, then …join(…).find: three units of work, three hops to a")
print("connection's thread; one unit: the same calls inside one pool.write { db in … }")
print("cpu µs/req: the benchmark process's own CPU time per request (the client's cost; the servers'")
print("is not in it) — raw, one-shot, one unit, one-shot on the pool's executor")
print("executor: the one-shot calls from tasks that prefer pool.executor (withTaskExecutorPreference):")
print("each task runs on a pool thread and its calls run there, no hop\n")
print("engine       tasks    raw req/s   one-shot req/s   ratio   one-unit req/s   ratio   executor req/s   ratio   cpu µs/req raw / one-shot / unit / executor")
var results: [String] = []
// JOINERY_LOAD_ENGINES=PostgreSQL (say): only those engines, for a profiler.
let engines = environment["JOINERY_LOAD_ENGINES"].map { Set($0.split(separator: ",").map(String.init)) }
for target in try targets() where engines?.contains(target.engine) ?? true {
    defer { try? target.cleanup() }
    for tasks in levels {
        var configuration = DatabasePool.Configuration(maximumConnections: tasks)
        configuration.acquireTimeout = .seconds(60)
        let pool = try DatabasePool(url: target.url, drivers: [target.driver], configuration: configuration)
        try await pool.migrate(Profile.self)
        // Captured through a pool of its own: the statement observer stays out of the measured one.
        let capturePool = try DatabasePool(url: target.url, drivers: [target.driver])
        let sql = try await CapturedRequest.capture(capturePool)
        await capturePool.close()
        let clients = try (0..<tasks).map { _ in try target.raw() }
        _ = try await joineryRound(pool, tasks: tasks, tag: "warm-\(tasks)")  // open the connections
        var raw: [RoundResult] = [], joinery: [RoundResult] = [], oneUnit: [RoundResult] = [], onExecutor: [RoundResult] = []
        // JOINERY_LOAD_MODES=raw,executor (say): only those columns, for a profiler; the rest read 0.
        let modes = Set((environment["JOINERY_LOAD_MODES"] ?? "raw,one-shot,unit,executor").split(separator: ",").map(String.init))
        let skipped = RoundResult(requestsPerSecond: 0, cpuMicrosecondsPerRequest: 0)
        for round in 0..<rounds {
            raw.append(modes.contains("raw") ? try rawRound(clients, sql, tag: "raw-\(tasks)-\(round)") : skipped)
            joinery.append(modes.contains("one-shot") ? try await joineryRound(pool, tasks: tasks, tag: "j-\(tasks)-\(round)") : skipped)
            oneUnit.append(
                modes.contains("unit") ? try await joineryRound(pool, tasks: tasks, tag: "u-\(tasks)-\(round)", oneUnit: true) : skipped)
            onExecutor.append(
                modes.contains("executor")
                    ? try await joineryRound(pool, tasks: tasks, tag: "e-\(tasks)-\(round)", onThePoolsExecutor: true) : skipped)
        }
        await pool.close()
        let (rawRate, joineryRate, unitRate, executorRate) = (
            median(raw.map(\.requestsPerSecond)), median(joinery.map(\.requestsPerSecond)), median(oneUnit.map(\.requestsPerSecond)),
            median(onExecutor.map(\.requestsPerSecond)))
        let line = target.engine.padding(toLength: 12, withPad: " ", startingAt: 0) + String(
            format: " %5d %12.0f %16.0f %7.2f %16.0f %7.2f %16.0f %7.2f   %6.0f / %6.0f / %6.0f / %6.0f", tasks, rawRate, joineryRate,
            rawRate / joineryRate, unitRate, rawRate / unitRate, executorRate, rawRate / executorRate,
            median(raw.map(\.cpuMicrosecondsPerRequest)), median(joinery.map(\.cpuMicrosecondsPerRequest)),
            median(oneUnit.map(\.cpuMicrosecondsPerRequest)), median(onExecutor.map(\.cpuMicrosecondsPerRequest)))
        print(line)
        results.append(line)
        // The next level starts from empty tables.
        let reset = try target.raw()
        try reset.execute("DELETE FROM profiles")
        try reset.execute("DELETE FROM users")
    }
}
} catch {
    FileHandle.standardError.write(Data("joinery-load: \(error)\n".utf8))
    exit(1)
}
