import Dispatch
import Synchronization

/// The connections of one kind in a pool (the SQLite writer, its readers; every connection of a
/// server engine) and the units of work waiting for one.
///
/// One lock guards the counts, the idle connections and the waiters; it is held only to update
/// them, never across a C call or an await. A waiter is granted either an idle connection or
/// the right to open a new one, first come first served.
final class ConnectionLane: Sendable {
    /// What a unit of work is given.
    enum Grant: Sendable {
        /// An idle connection; `check` when it must be pinged first.
        case connection(PooledConnection, check: Bool)
        /// A free slot: open a new connection in it.
        case open
    }

    private struct Idle {
        var connection: PooledConnection
        var since: ContinuousClock.Instant
    }

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Grant, any Error>
    }

    private struct State {
        var idle: [Idle] = []
        /// Connections open or being opened.
        var total = 0
        /// Grants not yet given back.
        var leased = 0
        var waiters: [Waiter] = []
        var closed = false
        var drained: [CheckedContinuation<Void, Never>] = []
        /// When a connection of this lane was last found broken: idle connections older than
        /// that are checked before use.
        var lastFailure: ContinuousClock.Instant?
        /// Connections opened before this are closed when they come back (a failover).
        var retiredBefore: ContinuousClock.Instant?
    }

    let label: String
    let capacity: Int
    private let configuration: DatabasePool.Configuration
    private let open: @Sendable () throws -> any DatabaseConnection
    private let state = Mutex(State())
    private let nextID = Atomic<UInt64>(0)
    /// Where acquire timeouts fire: a serial queue of the lane's own. `DispatchQueue.global()`
    /// is, on Linux, the very pool Swift's cooperative threads come from, and an application
    /// that blocks those (or a `concurrentPerform`) would hold a timeout back until they free up.
    private let timers: DispatchQueue

    init(
        label: String, capacity: Int, configuration: DatabasePool.Configuration,
        open: @escaping @Sendable () throws -> any DatabaseConnection
    ) {
        self.label = label
        self.capacity = max(1, capacity)
        self.configuration = configuration
        self.open = open
        timers = DispatchQueue(label: label + ".timers")
    }

    var statistics: DatabasePool.Statistics {
        state.withLock { DatabasePool.Statistics(open: $0.total, idle: $0.idle.count, waiting: $0.waiters.count) }
    }

    // MARK: Acquiring

    /// A connection for one unit of work: idle, or newly opened, and answering. Give it back
    /// with ``release(_:reusable:)``.
    func acquire() async throws -> PooledConnection {
        switch try await grant() {
        case .connection(let pooled, let check):
            return try await checked(pooled, check: check)
        case .open:
            return try await openInGrantedSlot()
        }
    }

    private func grant() async throws -> Grant {
        // The usual case, an idle connection or a free slot, without suspending the task: a
        // continuation resumed at once would still send it through the executor's queue.
        if let immediate = try immediateGrant() { return immediate }
        let id = nextID.add(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
                let now = ContinuousClock.now
                let immediate: Result<Grant, JoineryError>? = state.withLock { state in
                    if let taken = take(&state, now: now) { return taken }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate {
                    continuation.resume(with: immediate)
                } else {
                    let timeout = configuration.acquireTimeout
                    timers.asyncAfter(deadline: .now() + .nanoseconds(Int(timeout.nanoseconds))) { [weak self] in
                        self?.failWaiter(id, with: Self.exhaustedError(timeout, capacity: self?.capacity ?? 0))
                    }
                }
            }
        } onCancel: {
            failWaiter(id, with: Self.cancelledError)
        }
    }

    /// An idle connection or a free slot when there is one and nobody waits; nil otherwise.
    private func immediateGrant() throws -> Grant? {
        let now = ContinuousClock.now
        return try state.withLock { state in state.waiters.isEmpty ? take(&state, now: now) : nil }?.get()
    }

    /// Under the lock: the pool's refusal (closed, or the task cancelled), an idle connection or
    /// a free slot; nil when the caller must wait. Cancellation is checked under the lock the
    /// cancellation handler takes: a cancel either comes before (and is seen here) or finds the
    /// waiter the caller queues.
    private func take(_ state: inout State, now: ContinuousClock.Instant) -> Result<Grant, JoineryError>? {
        if state.closed { return .failure(Self.closedError) }
        if Task.isCancelled { return .failure(Self.cancelledError) }
        if let idle = state.idle.popLast() {
            state.leased += 1
            return .success(.connection(idle.connection, check: needsCheck(idle, state, now: now)))
        }
        if state.total < capacity {
            state.total += 1
            state.leased += 1
            return .success(.open)
        }
        return nil
    }

    private func needsCheck(_ idle: Idle, _ state: State, now: ContinuousClock.Instant) -> Bool {
        if now - idle.since > configuration.checkAfterIdle { return true }
        if let failure = state.lastFailure, idle.since <= failure { return true }
        return false
    }

    private func failWaiter(_ id: UInt64, with error: JoineryError) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(throwing: error)
    }

    /// Pings a connection that may have gone stale (idle for long, idle while another was lost,
    /// or its socket closed by the server); one that does not answer is replaced.
    private func checked(_ pooled: PooledConnection, check: Bool) async throws -> PooledConnection {
        if !check && pooled.connection.seemsAlive() { return pooled }
        let answers = (try? await pooled.perform { [connection = pooled.connection] in
            guard connection.isUsable else { return false }
            try connection.ping()
            return true
        }) ?? false
        if answers { return pooled }
        pooled.close()
        state.withLock { $0.lastFailure = .now }
        return try await openInGrantedSlot()
    }

    /// Opens a connection in a slot this unit of work was granted; gives the slot up on failure.
    private func openInGrantedSlot() async throws -> PooledConnection {
        do {
            return try await PooledConnection.open(label: "joinery.pool.\(label)", open)
        } catch {
            giveUpSlot()
            throw error
        }
    }

    /// A granted slot whose connection could not be opened (or was dropped): the next waiter
    /// may try, so that waiters learn quickly when the server is down rather than time out.
    private func giveUpSlot() {
        let (next, drained) = state.withLock { state -> (Waiter?, [CheckedContinuation<Void, Never>]) in
            state.total -= 1
            state.leased -= 1
            var next: Waiter?
            if !state.closed, !state.waiters.isEmpty {
                next = state.waiters.removeFirst()
                state.total += 1
                state.leased += 1
            }
            return (next, takeDrained(&state))
        }
        next?.continuation.resume(returning: .open)
        for continuation in drained { continuation.resume() }
    }

    // MARK: Releasing

    /// Gives a connection back. One that is not `reusable` (broken, or left in a state that
    /// could not be cleaned), or older than the maximum lifetime, is closed instead.
    func release(_ pooled: PooledConnection, reusable: Bool) {
        let now = ContinuousClock.now
        let expired = configuration.maximumLifetime.map { now - pooled.openedAt > $0 } ?? false
        let (next, close, drained) = state.withLock { state -> ((Waiter, Grant)?, Bool, [CheckedContinuation<Void, Never>]) in
            let retired = state.retiredBefore.map { pooled.openedAt <= $0 } ?? false
            let keep = reusable && !expired && !retired && pooled.connection.isUsable
            state.leased -= 1
            var next: (Waiter, Grant)?
            var close = false
            if !keep || state.closed {
                close = true
                state.total -= 1
                if !reusable || !pooled.connection.isUsable { state.lastFailure = now }
                if !state.closed, !state.waiters.isEmpty {
                    next = (state.waiters.removeFirst(), .open)
                    state.total += 1
                    state.leased += 1
                }
            } else if !state.waiters.isEmpty {
                next = (state.waiters.removeFirst(), .connection(pooled, check: false))
                state.leased += 1
            } else {
                state.idle.append(Idle(connection: pooled, since: now))
            }
            return (next, close, takeDrained(&state))
        }
        if close { pooled.close() }
        if let (waiter, grant) = next { waiter.continuation.resume(returning: grant) }
        for continuation in drained { continuation.resume() }
    }

    private func takeDrained(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        guard state.closed, state.leased == 0, !state.drained.isEmpty else { return [] }
        defer { state.drained = [] }
        return state.drained
    }

    // MARK: Closing

    /// Closes the idle connections now, and those in use when they come back; the lane opens
    /// new ones (to wherever its opener now points).
    func retire() {
        let idle = state.withLock { state -> [Idle] in
            state.retiredBefore = .now
            defer {
                state.total -= state.idle.count
                state.idle = []
            }
            return state.idle
        }
        for entry in idle { entry.connection.close() }
    }

    /// Refuses new work, fails the waiters, closes idle connections, and returns once every
    /// unit of work in flight has given its connection back (each is closed as it comes back).
    func close() async {
        let (waiters, idle) = state.withLock { state -> ([Waiter], [Idle]) in
            state.closed = true
            defer {
                state.waiters = []
                state.total -= state.idle.count
                state.idle = []
            }
            return (state.waiters, state.idle)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: Self.closedError) }
        for entry in idle { entry.connection.close() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.leased == 0 { return true }
                state.drained.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    // MARK: Errors

    static let closedError = JoineryError(.poolClosed, "the database pool is closed")
    static let cancelledError = JoineryError(.cancelled, "the task was cancelled while it waited for a connection")

    static func exhaustedError(_ timeout: Duration, capacity: Int) -> JoineryError {
        JoineryError(
            .poolExhausted,
            "no connection became free within \(timeout) (all \(capacity) in use); raise maximumConnections or acquireTimeout, or hold connections for less time")
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
