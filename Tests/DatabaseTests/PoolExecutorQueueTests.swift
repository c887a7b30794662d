@testable import Joinery
import Synchronization
import Testing

/// The pool executor's queue under a flow of jobs that never lets it run empty.
@Suite("The pool executor's queue")
struct PoolExecutorQueueTests {
    @Test func aSteadyFlowOfJobsKeepsTheQueueSmall() async {
        let executor = PoolExecutor(maximumThreads: 2)
        let largest = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        // A watcher off the executor samples the queue while 64 tasks on it yield 300 times
        // each: the queue always holds other tasks' jobs, so it is never emptied.
        let watcher = Task.detached {
            while !done.load(ordering: .acquiring) {
                let stored = executor.storedJobs
                if stored > largest.load(ordering: .relaxed) { largest.store(stored, ordering: .relaxed) }
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<64 {
                group.addTask(executorPreference: executor) {
                    for _ in 0..<300 { await Task.yield() }
                }
            }
        }
        done.store(true, ordering: .releasing)
        await watcher.value
        // 19,200 jobs went through; what the storage holds stays near what is waiting (64).
        #expect(largest.load(ordering: .relaxed) < 2_000, "the queue's storage grew to \(largest.load(ordering: .relaxed)) jobs")
    }
}
