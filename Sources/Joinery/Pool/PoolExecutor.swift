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
public final class PoolExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: every stored var is guarded by `lock`.

    /// A thread waiting for work, woken through its own semaphore (exactly one thread per job).
    private final class Sleeper: Sendable {
        let semaphore = DispatchSemaphore(value: 0)
    }

    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var jobs: [UnownedJob] = []
    private var nextJob = 0
    private var sleepers: [Sleeper] = []
    private var threads = 0
    private let maximumThreads: Int
    private let idleLifetime: DispatchTimeInterval = .seconds(5)
    let label: String

    init(label: String, maximumThreads: Int) {
        self.label = label
        self.maximumThreads = max(1, maximumThreads)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Runs `job` on an idle thread of the pool's, or a new one; when every thread is busy and
    /// there are as many as allowed, it waits its turn.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pthread_mutex_lock(lock)
        jobs.append(job)
        let sleeper = sleepers.popLast()
        let spawn = sleeper == nil && threads < maximumThreads
        if spawn { threads += 1 }
        pthread_mutex_unlock(lock)
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
    var storedJobs: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return jobs.count
    }

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
            pthread_mutex_lock(lock)
            threads -= 1
            pthread_mutex_unlock(lock)
        }
    }

    /// A thread's life: run jobs while there are any, sleep while there are none, and end after
    /// `idleLifetime` without work.
    private func serve() {
        pthread_setspecific(Self.threadKey, Unmanaged.passUnretained(self).toOpaque())
        let me = Sleeper()
        while true {
            pthread_mutex_lock(lock)
            if nextJob < jobs.count {
                let job = jobs[nextJob]
                nextJob += 1
                if nextJob == jobs.count {
                    jobs.removeAll(keepingCapacity: true)
                    nextJob = 0
                } else if nextJob >= 256, nextJob * 2 >= jobs.count {
                    // Under a steady flow the queue may never run empty: drop the jobs already
                    // taken, or the array would grow for as long as the flow lasts.
                    jobs.removeFirst(nextJob)
                    nextJob = 0
                }
                pthread_mutex_unlock(lock)
                job.runSynchronously(on: asUnownedTaskExecutor())
                continue
            }
            sleepers.append(me)
            pthread_mutex_unlock(lock)
            if me.semaphore.wait(timeout: .now() + idleLifetime) == .success { continue }
            pthread_mutex_lock(lock)
            if let index = sleepers.firstIndex(where: { $0 === me }) {
                // Nobody woke this thread: it ends.
                sleepers.remove(at: index)
                threads -= 1
                pthread_mutex_unlock(lock)
                return
            }
            // Woken just as the wait timed out: take the signal that is on its way.
            pthread_mutex_unlock(lock)
            me.semaphore.wait()
        }
    }
}
