import CSQLite
import EngineTestSupport
import Foundation
import Joinery
import JoinerySQLite
import Testing

/// The pool never blocks Swift's cooperative threads: with the cooperative pool cut down to one
/// thread (`LIBDISPATCH_COOPERATIVE_POOL_STRICT=1`, as `make test` runs this suite once more),
/// 32 tasks that each wait 0.2 s on the engine through 8 connections finish in about a second —
/// not 6.4 s, as they would if each wait held the one thread — and a task that needs no database
/// runs at once meanwhile. Those timings are held in that run only, where no other test shares
/// the thread; beside the whole suite the test checks that the waits overlap at all.
@Suite("The cooperative thread pool stays free")
struct CooperativePoolTests {
    static var strict: Bool {
        ProcessInfo.processInfo.environment["LIBDISPATCH_COOPERATIVE_POOL_STRICT"] == "1"
    }

    /// `onThePoolsExecutor`: the tasks prefer ``DatabasePool/executor``, so the waits run on the
    /// pool's own threads without a hop — and still never on a cooperative one.
    @Test(arguments: TestEngine.allCases, [false, true])
    func waitsOnTheEngineDoNotHoldCooperativeThreads(engine: TestEngine, onThePoolsExecutor: Bool) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 8)) { pool in
            // Open all eight connections first: connecting is not what is measured.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await Self.sleep(0.05, engine: engine, pool) } }
                try await group.waitForAll()
            }
            let start = ContinuousClock.now
            let cheapLatency = try await withThrowingTaskGroup(of: Duration?.self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        if onThePoolsExecutor {
                            try await withTaskExecutorPreference(pool.executor) { try await Self.sleep(0.2, engine: engine, pool) }
                        } else {
                            try await Self.sleep(0.2, engine: engine, pool)
                        }
                        return nil
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(100))
                    let asked = ContinuousClock.now
                    let answered = await Task { ContinuousClock.now }.value
                    return answered - asked
                }
                return try await group.reduce(into: Duration.zero) { latest, value in latest = value ?? latest }
            }
            let elapsed = ContinuousClock.now - start
            if Self.strict {
                #expect(elapsed < .seconds(2.5), "32 waits of 0.2 s through 8 connections took \(elapsed)")
                #expect(cheapLatency < .milliseconds(100), "a task without database work waited \(cheapLatency)")
            } else {
                // Beside the whole suite, other tests' synchronous work shares the cooperative
                // threads and sets the latencies; only one connection doing all waits (6.4 s)
                // is ruled out here. The strict run above, alone, is the measurement.
                #expect(elapsed < .seconds(5), "32 waits of 0.2 s through 8 connections took \(elapsed)")
            }
        }
    }

    /// Waits on the engine: a server-side sleep, or for SQLite a function registered on the
    /// connection that sleeps inside sqlite3_step.
    static func sleep(_ seconds: Double, engine: TestEngine, _ pool: DatabasePool) async throws {
        try await pool.read { db in
            if let sql = engine.sleepSQL(seconds) {
                _ = try db.connection.query(sql)
            } else {
                try registerSleep(on: db.connection)
                _ = try db.connection.query("SELECT joinery_sleep(?)", [.double(seconds)])
            }
        }
    }

    private static func registerSleep(on connection: any DatabaseConnection) throws {
        guard let handle = (connection as? SQLiteConnection)?.rawHandle else {
            throw JoineryError(.misuse, "not an SQLite connection")
        }
        sqlite3_create_function_v2(handle, "joinery_sleep", 1, SQLITE_UTF8, nil, { context, _, arguments in
            let seconds = arguments.map { sqlite3_value_double($0[0]) } ?? 0
            usleep(UInt32(seconds * 1_000_000))
            sqlite3_result_int(context, 1)
        }, nil, nil, nil)
    }
}
