import EngineTestSupport
import Foundation
import Joinery
import Testing

/// Tasks that prefer the pool's executor (`withTaskExecutorPreference(pool.executor)`) run their
/// units of work on the thread they are on, with no hop. (The pool hammer runs on it too:
/// `PoolHammerTests.hammerLosesNothing(engine:onThePoolsExecutor:)`.)
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
}
