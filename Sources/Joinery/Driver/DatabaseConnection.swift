/// One open connection to a database engine. SQLite, PostgreSQL and MariaDB drivers implement it,
/// and so can a plugin.
///
/// Values are always bound: `?` placeholders in the SQL the core writes, or the engine's own
/// (`$1` on PostgreSQL) — a driver runs the SQL it is given as it is. Every error a driver throws
/// is a ``JoineryError`` whose ``JoineryError/kind`` reads the same on all engines.
///
/// A connection may be handed between threads, but runs one statement at a time: drivers
/// serialise their calls into the C client, and ``withExclusiveAccess(_:)`` keeps a whole unit of
/// work (a transaction, say) together: another thread's statements wait until it ends instead of
/// landing inside it. An application that serves concurrent requests uses a ``DatabasePool``.
public protocol DatabaseConnection: AnyObject, Sendable {
    /// The engine and its version, read when the connection opened.
    var engine: EngineInfo { get }

    /// The dialect for this engine and version: what the SQL sent here must be written in.
    var dialect: any SQLDialect { get }

    /// Asks the engine to prepare `sql` — parse it, resolve its tables and columns — without
    /// running it. A statement the engine cannot accept throws the same typed error it would
    /// when run; nothing is changed.
    func prepareOnly(_ sql: String) throws

    /// Runs a statement that returns no rows.
    ///
    /// ```swift
    /// try connection.execute("UPDATE profiles SET user_id = ? WHERE id = ?", [.integer(2), .integer(1)])
    /// ```
    @discardableResult
    func execute(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult

    /// Runs a statement and calls `body` with each row, in order, as the engine produces it.
    /// A row may be kept; the driver reuses its storage only when it is not.
    func forEachRow(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws

    /// Runs a statement and calls `body` with a cursor on each row, in order: the fast path the
    /// generated model code reads from, with no ``Row`` built. The cursor is valid only during
    /// the call. Default: ``forEachRow(_:_:_:)``, one cursor moved over its rows.
    func forEachCursor(_ sql: String, _ bindings: [SQLValue], _ body: (any RowCursor) throws -> Void) throws

    /// Nesting state for ``transaction(_:)``. Drivers create one and return it.
    var transactionState: TransactionState { get }

    /// The statement that opens a transaction. Defaults to `BEGIN`; SQLite uses `BEGIN IMMEDIATE`
    /// so that a writer takes its lock up front instead of failing to upgrade later.
    var beginTransactionSQL: String { get }

    /// Runs `body` while no other thread can use this connection. The lock is re-entrant: `body`
    /// runs statements on the connection as usual. ``transaction(_:)`` holds it from `BEGIN` to
    /// `COMMIT`, so that a second thread's statements never land inside the first one's
    /// transaction.
    func withExclusiveAccess<T>(_ body: () throws -> T) rethrows -> T

    /// False once the connection is closed, or broken (the server went away, a statement timed
    /// out on the client side): a pool discards it and opens another.
    var isUsable: Bool { get }

    /// Whether the engine has a transaction open on this connection, also one begun with raw SQL
    /// (`execute("BEGIN")`): a pool rolls it back before the connection serves anyone else.
    /// Defaults to ``isInTransaction``.
    var hasOpenTransaction: Bool { get }

    /// Asks the engine to stop the statement running now; the statement then fails with
    /// ``JoineryError/Kind/cancelled``. Safe to call from any thread while another runs the
    /// statement (sqlite3_interrupt, PQcancel, KILL QUERY). Defaults to doing nothing.
    func interrupt()

    /// Checks that the server answers. Defaults to running `SELECT 1`.
    func ping() throws

    /// Whether an idle connection still looks connected, judged without a round trip: false
    /// when the server has closed it (a restart, a killed session). A pool asks before each use
    /// and pings or replaces a connection that does not. Defaults to ``isUsable``.
    func seemsAlive() -> Bool

    /// Closes the connection. Later calls throw ``JoineryError/Kind/connectionFailed``.
    /// Dropping the last reference also closes it.
    func close()
}

extension DatabaseConnection {
    public func forEachCursor(_ sql: String, _ bindings: [SQLValue], _ body: (any RowCursor) throws -> Void) throws {
        var cursor: RowValuesCursor?
        try forEachRow(sql, bindings) { row in
            if let cursor {
                cursor.row = row
            } else {
                cursor = RowValuesCursor(row)
            }
            if let cursor { try body(cursor) }
        }
    }

    public var beginTransactionSQL: String { "BEGIN" }

    public var isUsable: Bool { true }

    public var hasOpenTransaction: Bool { isInTransaction }

    public func interrupt() {}

    public func seemsAlive() -> Bool { isUsable }

    public func ping() throws {
        try execute("SELECT 1", [])
    }

    /// Runs a statement that returns no rows, without bindings.
    @discardableResult
    public func execute(_ sql: String) throws -> ExecutionResult {
        try execute(sql, [])
    }

    /// Runs a query and collects its rows.
    ///
    /// ```swift
    /// let rows = try connection.query("SELECT id, name FROM users WHERE id IN (?, ?)", [1, 2])
    /// let name: String = try rows[0].decode(at: 1)
    /// ```
    public func query(_ sql: String, _ bindings: [SQLValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(sql, bindings) { rows.append($0) }
        return rows
    }
}
