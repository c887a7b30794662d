import Dispatch
import Synchronization

/// A connection of a pool, and the serial queue its blocking C calls run on: a unit of work hops
/// onto the queue, so Swift's cooperative threads never wait for the engine.
final class PooledConnection: Sendable {
    let connection: any DatabaseConnection
    let queue: DispatchQueue
    let openedAt: ContinuousClock.Instant
    /// When a replica's lag was last found within the limit (``DatabasePool/Configuration/maximumReplicaLag``).
    private let lagCheckedAt = Mutex<ContinuousClock.Instant?>(nil)

    private init(connection: any DatabaseConnection, queue: DispatchQueue) {
        self.connection = connection
        self.queue = queue
        openedAt = .now
    }

    /// Whether the replica's lag should be checked again (at most once a second); when true,
    /// the check is taken as passed until ``lagCheckFailed()`` says otherwise.
    func lagCheckIsDue() -> Bool {
        lagCheckedAt.withLock { checked in
            if let checked, ContinuousClock.now - checked < .seconds(1) { return false }
            checked = .now
            return true
        }
    }

    /// The replica lagged: check again before the next read.
    func lagCheckFailed() {
        lagCheckedAt.withLock { $0 = nil }
    }

    /// Opens a connection on a queue of its own (a connect blocks too).
    static func open(label: String, _ open: @escaping @Sendable () throws -> any DatabaseConnection) async throws -> PooledConnection {
        let queue = DispatchQueue(label: label)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { PooledConnection(connection: try open(), queue: queue) })
            }
        }
    }

    /// Runs `work` on the connection's queue and returns what it returned.
    func perform<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Closes the connection on its queue, after whatever runs there.
    func close() {
        queue.async { [connection] in connection.close() }
    }
}

/// Whether the statement of one unit of work may still be interrupted: the Task awaiting it can
/// be cancelled at any moment, but the interrupt must never reach the connection once it serves
/// someone else.
final class InterruptGate: Sendable {
    private enum State {
        case pending
        case running
        case interrupting(DispatchSemaphore)
        case cancelled
        case finished
    }

    private let state = Mutex(State.pending)

    /// Called on the connection's queue as the work starts; false when the Task was cancelled
    /// before it got there (the work must not run).
    func start() -> Bool {
        state.withLock { state in
            guard case .pending = state else { return false }
            state = .running
            return true
        }
    }

    /// Called when the awaiting Task is cancelled: interrupts the engine if the work runs. The
    /// interrupt may block (MariaDB opens a connection to send KILL QUERY), so it runs on a
    /// queue of its own, never on the cancelling thread.
    func cancel(_ connection: any DatabaseConnection) {
        let semaphore: DispatchSemaphore? = state.withLock { state in
            switch state {
            case .pending:
                state = .cancelled
                return nil
            case .running:
                let semaphore = DispatchSemaphore(value: 0)
                state = .interrupting(semaphore)
                return semaphore
            case .interrupting, .cancelled, .finished:
                return nil
            }
        }
        guard let semaphore else { return }
        // A serial queue of its own, so a thread of its own: on Linux `DispatchQueue.global()` is
        // the cooperative threads' pool, and while it is busy the interrupt would wait — and the
        // connection's queue with it, in `finish()`.
        DispatchQueue(label: "joinery.interrupt").async {
            connection.interrupt()
            semaphore.signal()
        }
    }

    /// Called on the connection's queue as the work ends: waits for an interrupt in flight, so
    /// that it lands before the connection goes back to the pool. Returns whether one was sent.
    @discardableResult
    func finish() -> Bool {
        let semaphore: DispatchSemaphore? = state.withLock { state in
            defer { state = .finished }
            if case .interrupting(let semaphore) = state { return semaphore }
            return nil
        }
        semaphore?.wait()
        return semaphore != nil
    }
}
