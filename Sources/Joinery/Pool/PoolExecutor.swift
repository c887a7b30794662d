#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Threads of the pool's own that tasks can run on: ``DatabasePool/executor``.
///
/// A unit of work normally hops from the awaiting task's thread (one of Swift's cooperative
/// threads) to its connection's queue and back: two thread wake-ups per call, which cost more
/// than the statements of a short request. A task that prefers this executor runs on one of
/// the pool's threads instead, and its units of work run their blocking C calls right there,
/// without a hop — as a raw C-client loop with a thread per request does. The cooperative
/// threads never block either way: these threads are the pool's, not Swift's.
///
/// ```swift
/// // in a request handler: the whole request on the pool's threads
/// try await withTaskExecutorPreference(pool.executor) {
///     try await pool.create(&profile)
///     return try await pool.query(Profile.self).preload(\.user).find(profile.id)
/// }
/// ```
///
/// Threads start as tasks arrive, up to twice the pool's connections and two more (a thread
/// blocked in a C call holds a connection, so the rest keep running the other tasks), and end
/// after five seconds without work. Jobs run in the order they arrive.
public final class PoolExecutor: TaskExecutor, Sendable {
    /// A thread waiting for work, woken through its own semaphore (exactly one thread per job).
    private final class Sleeper: Sendable {
        let semaphore = DispatchSemaphore(value: 0)
    }

    /// The jobs waiting, the threads sleeping and how many threads there are.
    private struct Queue {
        var jobs: [UnownedJob] = []
        /// The next job to run; those before it are taken.
        var next = 0
        var sleepers: [Sleeper] = []
        var threads = 0

        /// The next job, if any; the taken ones are dropped as the queue runs empty, or — under
        /// a steady flow, where it may never — once they are half of it, so the storage does not
        /// grow for as long as the flow lasts.
        mutating func take() -> UnownedJob? {
            guard next < jobs.count else { return nil }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            } else if next >= 256, next * 2 >= jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            return job
        }
    }

    private let queue = Mutex(Queue())
    private let maximumThreads: Int
    private let idleLifetime: DispatchTimeInterval = .seconds(5)

    init(maximumThreads: Int) {
        self.maximumThreads = max(1, maximumThreads)
    }

    /// The executor of a pool with `configuration`: twice its connections and two more threads.
    convenience init(for configuration: DatabasePool.Configuration) {
        self.init(maximumThreads: 2 * max(1, configuration.maximumConnections) + 2)
    }

    /// Runs `job` on an idle thread of the pool's, or a new one; when every thread is busy and
    /// there are as many as allowed, it waits its turn.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let (sleeper, spawn) = queue.withLock { queue -> (Sleeper?, Bool) in
            queue.jobs.append(job)
            if let sleeper = queue.sleepers.popLast() { return (sleeper, false) }
            guard queue.threads < maximumThreads else { return (nil, false) }
            queue.threads += 1
            return (nil, true)
        }
        if let sleeper {
            sleeper.semaphore.signal()
        } else if spawn {
            startThread()
        }
    }

    /// This executor, as the concurrency runtime refers to it.
    public func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    /// How many jobs the queue's storage holds, taken ones not yet dropped included (for tests).
    var storedJobs: Int { queue.withLock { $0.jobs.count } }

    /// Whether the calling code runs on one of this executor's threads (so it may block).
    var isCurrentThread: Bool {
        pthread_getspecific(Self.threadKey) == Unmanaged.passUnretained(self).toOpaque()
    }

    /// Marks the threads of every pool's executor with the executor they belong to.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private func startThread() {
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, nil, { context in
            let pointer: UnsafeMutableRawPointer? = context
            guard let pointer else { return nil }
            Unmanaged<PoolExecutor>.fromOpaque(pointer).takeRetainedValue().serve()
            return nil
        }, context)
        if started == 0 {
            #if canImport(Darwin)
            if let thread { pthread_detach(thread) }
            #else
            pthread_detach(thread)
            #endif
        } else {
            // No thread: the job waits for one of the running threads (there is at least one
            // unless this was the first; then try again on the next job).
            Unmanaged<PoolExecutor>.fromOpaque(context).release()
            queue.withLock { $0.threads -= 1 }
        }
    }

    /// A thread's life: run jobs while there are any, sleep while there are none, and end after
    /// `idleLifetime` without work.
    private func serve() {
        pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
        let me = Sleeper()
        while true {
            let job = queue.withLock { queue -> UnownedJob? in
                if let job = queue.take() { return job }
                queue.sleepers.append(me)
                return nil
            }
            if let job {
                job.runSynchronously(on: asUnownedTaskExecutor())
                continue
            }
            if me.semaphore.wait(timeout: .now() + idleLifetime) == .success { continue }
            let ends = queue.withLock { queue -> Bool in
                // Nobody woke this thread: it ends.
                guard let index = queue.sleepers.firstIndex(where: { $0 === me }) else { return false }
                queue.sleepers.remove(at: index)
                queue.threads -= 1
                return true
            }
            if ends { return }
            // Woken just as the wait timed out: take the signal that is on its way.
            me.semaphore.wait()
        }
    }
}
