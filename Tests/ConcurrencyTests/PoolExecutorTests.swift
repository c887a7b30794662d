import EngineTestSupport
import Foundation
import Joinery
import Testing

/// Tasks that prefer the pool's executor (`withTaskExecutorPreference(pool.executor)`) run their
/// units of work on the thread they are on, with no hop — and lose nothing under concurrency.
@Suite("Tasks on the pool's executor")
struct PoolExecutorTests {
    @Test(arguments: TestEngine.allCases)
    func aUnitOfWorkRunsOnTheTasksOwnThread(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 2)) { pool in
            try await pool.migrate(Hammer.Profile.self)
            try await withTaskExecutorPreference(pool.executor) {
                for _ in 0..<3 {
                    let caller = pthread_self()
                    let worker = try await pool.read { _ in pthread_self() }
                    #expect(pthread_equal(caller, worker) != 0, "the unit of work hopped to another thread")
                    let count = try await pool.query(Hammer.Profile.self).count()
                    #expect(count == 0)
                }
            }
            // Without the preference the task runs on a cooperative thread, which must not
            // block: the work hops to the connection's queue.
            let caller = pthread_self()
            let worker = try await pool.read { _ in pthread_self() }
            #expect(pthread_equal(caller, worker) == 0, "blocking work ran on the caller's cooperative thread")
        }
    }

    /// The pool hammer (create with a nested parent, preload, association replace, a unit that
    /// fails on purpose), every task on the pool's executor: 0 lost, 0 duplicated, 0 phantom rows.
    @Test(arguments: TestEngine.allCases)
    func hammerLosesNothing(engine: TestEngine) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 4)
        configuration.acquireTimeout = .seconds(60)
        try await engine.withScratchPool(configuration) { pool in
            try await pool.migrate(Hammer.Profile.self)
            let ledger = Hammer.Ledger()
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        await withTaskExecutorPreference(pool.executor) {
                            for index in 0..<10 {
                                let tag = "\(worker)-\(index / 5)-\(index % 5)"
                                do {
                                    ledger.record(tag, try await Hammer.unit(tag, index: index, pool))
                                } catch {
                                    ledger.record(tag, .unexpected("\(tag): \(error)"))
                                }
                            }
                        }
                    }
                }
            }
            try await pool.read { db in try Hammer.audit(db, ledger) }
            #expect(pool.statistics.open <= 5, "the pool opened more connections than allowed")
        }
    }
}
