import CSQLite
import Foundation
import Joinery
import Synchronization

/// A connection to an SQLite database through libsqlite3.
///
/// Opened with `SQLITE_OPEN_NOMUTEX` (this class serialises its own calls, so SQLite's per-call
/// mutex would only cost time), URI file names (`file:/name?vfs=memdb`), extended result codes,
/// a busy timeout (5 s unless ``Options`` say otherwise), and `PRAGMA foreign_keys = ON` —
/// SQLite ignores foreign keys on a connection without it.
public final class SQLiteConnection: DatabaseConnection, @unchecked Sendable {
    /// How a connection is set up beyond its URL: what a pool asks for its writer and readers.
    public struct Options: Sendable {
        /// `PRAGMA journal_mode = WAL`: readers on other connections never wait for the writer,
        /// nor it for them. Kept by the database file once set.
        public var writeAheadLog = false
        /// `PRAGMA query_only = ON`: the connection refuses every write.
        public var queryOnly = false
        /// How long a statement waits for another connection's lock before failing with
        /// ``JoineryError/Kind/transactionConflict`` (SQLITE_BUSY).
        public var busyTimeout: Duration = .seconds(5)

        public init(writeAheadLog: Bool = false, queryOnly: Bool = false, busyTimeout: Duration = .seconds(5)) {
            self.writeAheadLog = writeAheadLog
            self.queryOnly = queryOnly
            self.busyTimeout = busyTimeout
        }
    }

    public let engine: EngineInfo
    public let transactionState = TransactionState()
    public var beginTransactionSQL: String { "BEGIN IMMEDIATE" }
    public let dialect: any SQLDialect

    // Guards every field below. Recursive, so that a `forEachRow` body may run statements on the
    // same connection (a preload does) without deadlocking.
    private let lock = NSRecursiveLock()
    private var handle: OpaquePointer?
    // Not checked for exclusive access at run time: `lock` serialises it, and the check (twice a
    // statement) cost more than the lookup it guarded.
    @exclusivity(unchecked) private var statementCache = PreparedStatementCache<OpaquePointer> { sqlite3_finalize($0) }
    /// Set while a failed foreign key is being identified, so the rerun is not diagnosed again.
    private var diagnosingForeignKey = false
    /// The handle again, for ``interrupt()``: read from another thread while `lock` is held by
    /// the one running the statement, and cleared before the handle is closed.
    private let interruptHandle = Mutex<SendableHandle?>(nil)
    /// Set when the URL has `statement_timeout`: a progress handler interrupts a statement past it.
    private let clock: StatementClock?

    /// Opens the database the URL names; creates the file if it does not exist.
    public convenience init(_ url: String) throws {
        try self.init(url: DatabaseURL(parsing: url))
    }

    public init(url: DatabaseURL, options: Options = Options()) throws {
        guard url.scheme == "sqlite", let path = url.database else {
            throw JoineryError(.invalidURL, "not an SQLite URL: \(url) (use sqlite::memory: or sqlite:/path/to/file.db)")
        }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw JoineryError(
                .connectionFailed, "cannot open SQLite database \(url): \(message)",
                engine: "SQLite", engineCode: String(code), engineMessage: message)
        }
        handle = db
        clock = try url.statementTimeout.map(StatementClock.init)
        if let clock {
            // Every 1,000 virtual-machine steps (a few microseconds), SQLite asks whether to stop.
            sqlite3_progress_handler(db, 1_000, { context in
                guard let context else { return 0 }
                return Unmanaged<StatementClock>.fromOpaque(context).takeUnretainedValue().isPastDeadline ? 1 : 0
            }, Unmanaged.passUnretained(clock).toOpaque())
        }
        engine = EngineInfo(name: "SQLite", version: EngineVersion(parsing: String(cString: sqlite3_libversion())) ?? EngineVersion(3))
        dialect = SQLiteDialect(version: engine.version, maxBindParameters: Int(sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1)))
        interruptHandle.withLock { $0 = SendableHandle(db) }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(clamping: options.busyTimeout.components.seconds * 1000
            + options.busyTimeout.components.attoseconds / 1_000_000_000_000_000))
        try execute("PRAGMA foreign_keys = ON")
        if options.writeAheadLog {
            // An in-memory database answers "memory" and keeps its journal: nothing to do.
            let mode = try query("PRAGMA journal_mode = WAL").first.map { try $0.decode(String.self, at: 0) }
            guard mode == "wal" || mode == "memory" else {
                throw JoineryError(.unsupported, "cannot switch \(url) to WAL mode (journal_mode is \(mode ?? "?"))", engine: "SQLite")
            }
        }
        if options.queryOnly { try execute("PRAGMA query_only = ON") }
        // A build without foreign-key support accepts the pragma and does nothing: refuse it
        // rather than let constraints silently go unenforced.
        guard try query("PRAGMA foreign_keys").first.map({ try $0.decode(Int.self, at: 0) }) == 1 else {
            throw JoineryError(.unsupported, "this SQLite build does not enforce foreign keys", engine: "SQLite")
        }
    }

    deinit { close() }

    public func close() {
        lock.withLock {
            interruptHandle.withLock { $0 = nil }
            statementCache.releaseAll()
            sqlite3_close_v2(handle)
            handle = nil
        }
    }

    public func withExclusiveAccess<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock(body)
    }

    public var isUsable: Bool {
        interruptHandle.withLock { $0 != nil }
    }

    /// Whether SQLite is outside autocommit mode: a transaction is open, however it began.
    public var hasOpenTransaction: Bool {
        lock.withLock { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }
    }

    /// sqlite3_interrupt: the running statement stops with ``JoineryError/Kind/cancelled``.
    public func interrupt() {
        interruptHandle.withLock { handle in
            if let handle { sqlite3_interrupt(handle.pointer) }
        }
    }

    /// The `sqlite3 *` handle, for what only the C API offers (the backup API, custom functions).
    /// `nil` once closed. Use it from one thread at a time, as the connection itself is used.
    public var rawHandle: OpaquePointer? {
        lock.withLock { handle }
    }

    /// The most `?` bound values one statement may take (Debian's build: 250,000; stock: 32,766).
    public var maximumBindings: Int {
        lock.withLock { handle.map { Int(sqlite3_limit($0, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) } ?? 0 }
    }

    public func prepareOnly(_ sql: String) throws {
        try lock.withLock {
            let db = try openHandle()
            sqlite3_finalize(try prepare(sql, db))
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult {
        do {
            return try executeStatement(sql, bindings)
        } catch let error as JoineryError where error.kind == .foreignKeyViolation {
            throw diagnosed(error, sql, bindings)
        }
    }

    private func executeStatement(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult {
        try lock.withLock {
            let db = try openHandle()
            return try withStatement(sql, bindings, db) { statement in
                var code = sqlite3_step(statement)
                while code == SQLITE_ROW { code = sqlite3_step(statement) }
                guard code == SQLITE_DONE else { throw SQLiteError.make(db, code, sql: sql) }
                let changes = Int(sqlite3_changes(db))
                let isInsert = sqlite3_stmt_readonly(statement) == 0 && Self.startsWithInsert(sql)
                return ExecutionResult(
                    rowsAffected: changes,
                    lastInsertID: isInsert && changes > 0 ? sqlite3_last_insert_rowid(db) : nil)
            }
        }
    }

    public func forEachRow(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws {
        do {
            try forEachRowOfStatement(sql, bindings, body)
        } catch let error as JoineryError where error.kind == .foreignKeyViolation {
            throw diagnosed(error, sql, bindings)
        }
    }

    public func forEachCursor(_ sql: String, _ bindings: [SQLValue], _ body: (any RowCursor) throws -> Void) throws {
        do {
            try lock.withLock {
                let db = try openHandle()
                try withStatement(sql, bindings, db) { statement in
                    let cursor = SQLiteRowCursor(statement)
                    while true {
                        let code = sqlite3_step(statement)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else { throw SQLiteError.make(db, code, sql: sql) }
                        cursor.advance()
                        try body(cursor)
                    }
                }
            }
        } catch let error as JoineryError where error.kind == .foreignKeyViolation {
            throw diagnosed(error, sql, bindings)
        }
    }

    /// A foreign-key error that names the table, columns and constraint (see
    /// ``SQLiteForeignKeyDiagnosis``); not while already diagnosing one.
    private func diagnosed(_ error: JoineryError, _ sql: String, _ bindings: [SQLValue]) -> JoineryError {
        lock.withLock {
            guard !diagnosingForeignKey, handle != nil else { return error }
            diagnosingForeignKey = true
            defer { diagnosingForeignKey = false }
            return SQLiteForeignKeyDiagnosis(connection: self).describe(error, sql: sql, bindings: bindings)
        }
    }

    private func forEachRowOfStatement(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws {
        try lock.withLock {
            let db = try openHandle()
            try withStatement(sql, bindings, db) { statement in
                let count = Int(sqlite3_column_count(statement))
                let columns = RowColumns((0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) })
                // One buffer for every row: when `body` does not keep the row, the array is
                // uniquely referenced again and is overwritten in place.
                var row = Row(columns: columns, values: Array(repeating: .null, count: count))
                while true {
                    let code = sqlite3_step(statement)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else { throw SQLiteError.make(db, code, sql: sql) }
                    for index in 0..<count { row.values[index] = Self.columnValue(statement, Int32(index)) }
                    try body(row)
                }
            }
        }
    }

    // MARK: - Statements

    private func openHandle() throws -> OpaquePointer {
        guard let handle else {
            throw JoineryError(.connectionFailed, "the SQLite connection is closed", engine: "SQLite")
        }
        return handle
    }

    /// Prepares (or takes from the cache), binds, runs `body`, and resets the statement.
    private func withStatement<T>(
        _ sql: String, _ bindings: [SQLValue], _ db: OpaquePointer, _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        let taken = statementCache.takeWithTicket(sql)
        let statement = try taken?.statement ?? prepare(sql, db)
        // The outermost statement starts the clock; statements run from its row loop share it.
        let timed = clock.map { $0.start() } ?? false
        defer {
            if timed { clock?.stop() }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            statementCache.give(back: statement, for: sql, ticket: taken?.ticket)
        }
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == bindings.count else {
            throw JoineryError(
                .parameterCount, "the statement has \(expected) placeholders but \(bindings.count) values were given",
                engine: "SQLite", sql: sql)
        }
        for (offset, value) in bindings.enumerated() {
            if case .timestamp(let date) = value, !SQLTimestamp.isRepresentable(date) {
                throw SQLTimestamp.unrepresentable(date, sql: sql)
            }
            let code = Self.bind(value, to: statement, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError.make(db, code, sql: sql) }
        }
        do {
            return try body(statement)
        } catch var error as JoineryError where error.kind == .cancelled && timed && clock?.expired == true {
            error.kind = .timeout
            error.message = "the statement ran longer than statement_timeout (\(clock?.limit ?? .zero)) and was interrupted"
            throw error
        }
    }

    private func prepare(_ sql: String, _ db: OpaquePointer) throws -> OpaquePointer {
        try StatementText.requireNoNUL(sql)
        var statement: OpaquePointer?
        var rest = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // `tail` points into `text`: read it before withCString returns.
            rest = tail.map { String(cString: $0) } ?? ""
            return code
        }
        guard code == SQLITE_OK else { throw SQLiteError.make(db, code, sql: sql) }
        guard let statement else {
            throw JoineryError(.syntax, "the SQL holds no statement", engine: "SQLite", sql: sql)
        }
        // sqlite3_prepare stops after the first statement; running only that and dropping the
        // rest would be silent data loss. One statement per call, on every engine.
        guard isBlankSQL(rest) else {
            sqlite3_finalize(statement)
            throw JoineryError(.misuse, "one statement per call; found more after the first", engine: "SQLite", sql: sql)
        }
        return statement
    }

    private static func bind(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let integer):
            return sqlite3_bind_int64(statement, index, integer)
        case .double(let double):
            return sqlite3_bind_double(statement, index, double)
        case .bool(let bool):
            return sqlite3_bind_int64(statement, index, bool ? 1 : 0)
        case .text(let text):
            return bindText(text, statement, index)
        case .timestamp(let date):
            return bindText(SQLTimestamp(date).sqlText, statement, index)
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                // An empty buffer has no base address; bound as is, it would become NULL.
                guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(statement, index, 0) }
                return sqlite3_bind_blob64(statement, index, base, sqlite3_uint64(buffer.count), csqlite_transient())
            }
        }
    }

    private static func bindText(_ text: String, _ statement: OpaquePointer, _ index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { buffer in
            // Length-counted, so text with an embedded NUL is kept whole; "" must not become NULL.
            guard let base = buffer.baseAddress else {
                return sqlite3_bind_text64(statement, index, "", 0, csqlite_transient(), UInt8(SQLITE_UTF8))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text64(statement, index, $0, sqlite3_uint64(buffer.count), csqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }

    static func columnValue(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .double(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// Whether `sql` is an `INSERT` or `REPLACE`, read from its bytes: every `SAVEPOINT`,
    /// `RELEASE` and `COMMIT` is asked, and going through `Character`s (Unicode properties for
    /// the white space, an uppercased copy) cost more than running the statement's Swift side.
    static func startsWithInsert(_ sql: String) -> Bool {
        let head = sql.utf8.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }.prefix(7)
        // ASCII letters compared without case: clearing bit 5 uppercases a lowercase letter.
        func matches(_ word: String) -> Bool {
            head.count >= word.utf8.count && zip(head, word.utf8).allSatisfy { $0 & 0xDF == $1 }
        }
        return matches("INSERT") || matches("REPLACE")
    }
}

/// The deadline of the statement running now, read by the progress handler on the same thread
/// (both under the connection's lock).
private final class StatementClock: @unchecked Sendable {
    let limit: Duration
    private var deadline: ContinuousClock.Instant?
    private(set) var expired = false

    init(limit: Duration) { self.limit = limit }

    /// Starts the clock unless a statement already runs; true when this call started it.
    func start() -> Bool {
        guard deadline == nil else { return false }
        deadline = .now + limit
        expired = false
        return true
    }

    func stop() { deadline = nil }

    var isPastDeadline: Bool {
        guard let deadline, ContinuousClock.now >= deadline else { return false }
        expired = true
        return true
    }
}

/// A C handle kept for a call that C documents as safe from any thread (sqlite3_interrupt).
struct SendableHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}

/// The row a statement is on: each column read through its `sqlite3_value`
/// (`sqlite3_column_value`, then `sqlite3_value_type` / `_int64` / `_text` / `_bytes`), so that a
/// text column costs one call into the statement instead of three (`sqlite3_column_type`,
/// `_text`, `_bytes`, each of which enters and leaves the connection's bookkeeping). An integer
/// column is read as an integer, text without an ``SQLValue`` in between.
///
/// The value is unprotected (no mutex held on it): SQLite documents that as safe where the
/// connection has no mutex (it is opened `SQLITE_OPEN_NOMUTEX`) and this class serialises all
/// use of it; the value is read only on its row, before the statement steps again.
final class SQLiteRowCursor: RowCursor {
    private let statement: OpaquePointer
    let columnCount: Int
    /// The last column read on this row, its value and that value's type: an optional field asks
    /// `isNull`, then reads the value (one C call saved per column). Unchecked: a cursor is used
    /// by the one loop that owns it, and the run-time exclusivity check cost more than the call.
    @exclusivity(unchecked) private var valueColumn: Int32 = -1
    @exclusivity(unchecked) private var columnValue: OpaquePointer?
    @exclusivity(unchecked) private var valueType: Int32 = 0

    init(_ statement: OpaquePointer) {
        self.statement = statement
        columnCount = Int(sqlite3_column_count(statement))
    }

    /// The statement has stepped to another row.
    @inline(__always)
    func advance() { valueColumn = -1 }

    /// The value of column `index` on this row, and its type.
    @inline(__always)
    private func value(_ index: Int32) -> (value: OpaquePointer?, type: Int32) {
        if index == valueColumn { return (columnValue, valueType) }
        let value = sqlite3_column_value(statement, index)
        let type = value.map { sqlite3_value_type($0) } ?? SQLITE_NULL
        (valueColumn, columnValue, valueType) = (index, value, type)
        return (value, type)
    }

    func columnName(at position: Int) -> String {
        guard position >= 0, position < columnCount, let name = sqlite3_column_name(statement, Int32(position)) else {
            return "#\(position)"
        }
        return String(cString: name)
    }

    @inline(__always)
    private func checked(_ position: Int) throws -> Int32 {
        guard position >= 0, position < columnCount else { throw noColumn(at: position) }
        return Int32(position)
    }

    func value(at position: Int) throws -> SQLValue {
        SQLiteConnection.columnValue(statement, try checked(position))
    }

    func isNull(at position: Int) throws -> Bool {
        value(try checked(position)).type == SQLITE_NULL
    }

    func integer(at position: Int) throws -> Int64? {
        let (value, type) = value(try checked(position))
        guard type == SQLITE_INTEGER, let value else { return nil }
        return sqlite3_value_int64(value)
    }

    func real(at position: Int) throws -> Double? {
        let (value, type) = value(try checked(position))
        guard type == SQLITE_FLOAT || type == SQLITE_INTEGER, let value else { return nil }
        return sqlite3_value_double(value)
    }

    func text(at position: Int) throws -> String? {
        let (value, type) = value(try checked(position))
        guard type == SQLITE_TEXT, let value else { return nil }
        guard let text = sqlite3_value_text(value) else { return "" }
        let count = Int(sqlite3_value_bytes(value))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
