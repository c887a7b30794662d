import Foundation
import Joinery
import Synchronization

/// One connection made of two: statements that write go to `writer` (a primary, a Galera
/// node), reads outside a transaction go to `reader` (its replica, another node) — the kit's
/// *pair* targets, which prove that what is written on one server reads back the same on the
/// other.
///
/// Before each read that follows a write, the reader waits until its server has replayed the
/// writer's position (``DatabaseConnection/waitForReplay(of:timeout:in:)``): causal reads, as an
/// application configures a pool with ``DatabasePool/Configuration/waitForReplay``. Statements
/// that set up the session (`SET …`, `USE …`) run on both. Everything inside a transaction runs
/// on the writer.
///
/// ```swift
/// let pair = PairedConnection(writer: try driver.connect(to: primary), reader: try driver.connect(to: replica))
/// let db = Database(pair)
/// try db.create(&profile)                                 // INSERTs on the primary
/// try db.query(Profile.self).preload(\.user).all()        // SELECTs on the replica, once it caught up
/// ```
public final class PairedConnection: DatabaseConnection, @unchecked Sendable {
    /// Where writes, transactions and session set-up run: a primary, a Galera node.
    public let writer: any DatabaseConnection
    /// Where reads outside a transaction run: a replica of the writer's server, another node.
    public let reader: any DatabaseConnection
    /// How long a read waits for the reader to replay the writer's last write before it fails
    /// with ``JoineryError/Kind/timeout``.
    public let replayTimeout: Duration

    /// Serialises the pair's use: one statement (and one unit of work) at a time, as on any
    /// connection. Re-entrant, for ``withExclusiveAccess(_:)``.
    private let lock = NSRecursiveLock()
    /// Whether the writer wrote since the reader last caught up (guarded by `lock`).
    private var unreplayedWrite = false
    /// The connection running a statement now, for ``interrupt()``.
    private let running = Mutex<(any DatabaseConnection)?>(nil)

    /// A pair of two open connections to servers of one engine; closing the pair closes both.
    public init(writer: any DatabaseConnection, reader: any DatabaseConnection, replayTimeout: Duration = .seconds(10)) {
        self.writer = writer
        self.reader = reader
        self.replayTimeout = replayTimeout
    }

    public var engine: EngineInfo { writer.engine }
    public var dialect: any SQLDialect { writer.dialect }
    public var transactionState: TransactionState { writer.transactionState }
    public var beginTransactionSQL: String { writer.beginTransactionSQL }
    public var isUsable: Bool { writer.isUsable && reader.isUsable }
    public var hasOpenTransaction: Bool { writer.hasOpenTransaction }

    public func prepareOnly(_ sql: String) throws {
        try withExclusiveAccess { try writer.prepareOnly(sql) }
    }

    @discardableResult
    public func execute(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult {
        try withExclusiveAccess {
            if !writer.hasOpenTransaction && Self.setsUpSession(sql) {
                let result = try run(on: writer) { try $0.execute(sql, bindings) }
                try catchUp()
                _ = try run(on: reader) { try $0.execute(sql, bindings) }
                return result
            }
            defer { unreplayedWrite = true }
            return try run(on: writer) { try $0.execute(sql, bindings) }
        }
    }

    public func forEachRow(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws {
        try withExclusiveAccess {
            if !writer.hasOpenTransaction && Self.onlyReads(sql) {
                try catchUp()
                try run(on: reader) { try $0.forEachRow(sql, bindings, body) }
            } else {
                defer { unreplayedWrite = true }
                try run(on: writer) { try $0.forEachRow(sql, bindings, body) }
            }
        }
    }

    public func withExclusiveAccess<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    public func interrupt() {
        running.withLock { $0 }?.interrupt()
    }

    public func ping() throws {
        try writer.ping()
        try reader.ping()
    }

    public func seemsAlive() -> Bool { writer.seemsAlive() && reader.seemsAlive() }

    public func close() {
        writer.close()
        reader.close()
    }

    /// Waits until the reader has replayed the writer's last write.
    private func catchUp() throws {
        guard unreplayedWrite else { return }
        if let position = try writer.replicationPosition(),
            try !reader.waitForReplay(of: position, timeout: replayTimeout)
        {
            throw JoineryError(
                .timeout, "the reader (\(reader.engine)) did not replay the writer's position \(position) within \(replayTimeout)")
        }
        unreplayedWrite = false
    }

    private func run<T>(on connection: any DatabaseConnection, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        running.withLock { $0 = connection }
        defer { running.withLock { $0 = nil } }
        return try body(connection)
    }

    /// `SELECT …` and `WITH … SELECT` without a locking clause: what a replica can answer.
    static func onlyReads(_ sql: String) -> Bool {
        let upper = sql.drop(while: \.isWhitespace).prefix(7).uppercased()
        guard upper.hasPrefix("SELECT") || upper.hasPrefix("WITH") else { return false }
        let whole = sql.uppercased()
        return !whole.contains(" FOR UPDATE") && !whole.contains(" FOR SHARE") && !whole.contains("LOCK IN SHARE MODE")
            && !whole.contains("NEXTVAL(")
    }

    /// `SET …` (PostgreSQL's search_path, a session variable) and `USE …` (MariaDB's database).
    static func setsUpSession(_ sql: String) -> Bool {
        let upper = sql.drop(while: \.isWhitespace).prefix(4).uppercased()
        return upper.hasPrefix("SET ") || upper.hasPrefix("USE ")
    }
}
