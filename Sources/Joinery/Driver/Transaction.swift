import Synchronization

/// How deep a connection is inside ``DatabaseConnection/transaction(_:)``: 0 outside, 1 in a
/// transaction, 2 and more in savepoints.
public final class TransactionState: Sendable {
    private let depth = Mutex(0)

    /// No transaction open.
    public init() {}

    /// How many transactions are open on the connection: 0 none, 1 a transaction, more its savepoints.
    public var currentDepth: Int { depth.withLock { $0 } }

    fileprivate func enter() -> Int {
        depth.withLock { value in
            defer { value += 1 }
            return value
        }
    }

    fileprivate func leave() {
        depth.withLock { $0 -= 1 }
    }
}

extension DatabaseConnection {
    /// Runs `body` atomically: in a transaction, or in a savepoint when a transaction is already
    /// open. When `body` throws, its work is rolled back and the error rethrown; the outer
    /// transaction keeps everything done before the savepoint.
    ///
    /// ```sql
    /// BEGIN                                  -- BEGIN IMMEDIATE on SQLite
    ///   SAVEPOINT joinery_1                  -- a nested transaction { … }
    ///   ROLLBACK TO SAVEPOINT joinery_1; RELEASE SAVEPOINT joinery_1   -- if it threw
    /// COMMIT
    /// ```
    ///
    /// The connection is held with ``withExclusiveAccess(_:)`` throughout: a statement another
    /// thread sends meanwhile waits for the COMMIT or ROLLBACK.
    ///
    /// A connection lost at `COMMIT` throws ``JoineryError/Kind/connectionLost`` with
    /// ``JoineryError/mayHaveCommitted`` true: the engine may have committed before the
    /// connection dropped. Lost before it, the transaction was rolled back (false).
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try withExclusiveAccess { try transactionHoldingAccess(body) }
    }

    private func transactionHoldingAccess<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionState.enter()
        defer { transactionState.leave() }
        let savepoint = SavepointSQL(depth: depth)
        try execute(depth == 0 ? beginTransactionSQL : savepoint.create, [])
        let result: T
        do {
            result = try body()
        } catch {
            // The body's error is what the caller needs; a failing rollback (say, the connection
            // dropped) must not hide it. The engine rolls back a dropped connection's work anyway.
            if depth == 0 {
                _ = try? execute("ROLLBACK", [])
            } else {
                _ = try? execute(savepoint.rollback, [])
                _ = try? execute(savepoint.release, [])
            }
            throw Self.markingUncommitted(error)
        }
        guard depth == 0 else {
            try execute(savepoint.release, [])
            return result
        }
        do {
            try execute("COMMIT", [])
        } catch var error as JoineryError where error.kind == .connectionLost {
            error.mayHaveCommitted = true
            throw error
        }
        return result
    }

    /// A connection lost inside a transaction cannot have committed it.
    private static func markingUncommitted(_ error: any Error) -> any Error {
        guard var lost = error as? JoineryError, lost.kind == .connectionLost, lost.mayHaveCommitted == nil else { return error }
        lost.mayHaveCommitted = false
        return lost
    }

    /// Whether a transaction is open through ``transaction(_:)``.
    public var isInTransaction: Bool { transactionState.currentDepth > 0 }
}

/// The statements of the savepoint at one nesting depth (`joinery_1`, `joinery_2`, …), written
/// once for the usual depths: a nested create runs them on every call.
struct SavepointSQL {
    let create: String
    let rollback: String
    let release: String

    init(depth: Int) {
        if depth < Self.common.count {
            self = Self.common[depth]
        } else {
            self.init(name: "joinery_\(depth)")
        }
    }

    private init(name: String) {
        create = "SAVEPOINT \(name)"
        rollback = "ROLLBACK TO SAVEPOINT \(name)"
        release = "RELEASE SAVEPOINT \(name)"
    }

    private static let common: [SavepointSQL] = (0..<8).map { SavepointSQL(name: "joinery_\($0)") }
}
