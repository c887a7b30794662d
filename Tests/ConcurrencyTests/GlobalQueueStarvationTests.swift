import Dispatch
import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// The pool's own timers keep time while `DispatchQueue.global()` is full. On Linux that queue
/// is the pool Swift's cooperative threads come from: an application that blocks it (a
/// `concurrentPerform` of blocking calls, a library doing I/O on it) must not hold back the
/// acquire timeout of a unit of work waiting for a connection.
///
/// Run in a process of its own (`make test` gives it one): it fills the global queue on purpose,
/// which would stall every other test running beside it.
@Suite("Pool timers while the global queue is full", .serialized)
struct GlobalQueueStarvationTests {
    @Test(arguments: TestEngine.allCases)
    func anAcquireTimeoutFiresWhileTheGlobalQueueIsFull(engine: TestEngine) async throws {
        try await PoolTests.withTheOnlyConnectionHeld(engine, for: 2.5) { pool, holding in
            let waiter = Task { await joineryError { try await pool.write { _ in 1 } } }
            try await PoolTests.until { pool.statistics.waiting == 1 }
            #expect(pool.statistics.waiting == 1)

            // Looked at from a thread of its own: while the global queue is full no task runs.
            let failedAfter = try await offTheCooperativePool { () -> Duration in
                let gate = DispatchSemaphore(value: 0)
                let blockers = ProcessInfo.processInfo.activeProcessorCount * 8 + 8
                for _ in 0..<blockers { DispatchQueue.global().async { gate.wait() } }
                let start = ContinuousClock.now
                while pool.statistics.waiting > 0, ContinuousClock.now - start < .milliseconds(1500) { usleep(5_000) }
                let elapsed = ContinuousClock.now - start
                for _ in 0..<blockers { gate.signal() }
                return elapsed
            }
            #expect(failedAfter < .seconds(1), "the waiter was failed \(failedAfter) after the global queue filled")
            #expect(await waiter.value?.kind == .poolExhausted)
            try await holding.value
        }
    }
}
