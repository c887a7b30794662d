import CMariaDB
import Foundation
import Joinery
import Synchronization

/// `mysql_library_init` is a macro Swift cannot call, and not thread-safe: a global `let`
/// runs `mysql_server_init` exactly once, before the first connection.
private let libraryInitialized: Bool = mysql_server_init(0, nil, nil) == 0

/// A connection to MariaDB through MariaDB Connector/C (libmariadb).
///
/// Statements run as server-side prepared statements with bound parameters (the binary
/// protocol), so values are never spliced into SQL. The session uses utf8mb4, UTC, strict SQL
/// mode, and `CLIENT_FOUND_ROWS`, so that an UPDATE reports the rows it matched — as SQLite and
/// PostgreSQL do — rather than only those it changed.
public final class MariaDBConnection: DatabaseConnection, @unchecked Sendable {
    public let engine: EngineInfo
    public let transactionState = TransactionState()
    public let dialect: any SQLDialect

    private let lock = NSRecursiveLock()  // guards the fields below
    private var handle: UnsafeMutablePointer<MYSQL>?
    /// Where ``interrupt()`` sends `KILL QUERY <thread id>`, on a connection of its own.
    private let url: DatabaseURL
    private let threadID: UInt
    /// False once closed or lost; read without `lock`.
    private let usable = Atomic<Bool>(true)
    /// The client's read timeout, when `statement_timeout` set one: a read that gives up after
    /// it reports a lost connection, which is reported as the ``JoineryError/Kind/timeout`` it is.
    private let readTimeout: Duration?
    /// The server's `max_allowed_packet`: a statement whose values need a longer packet would
    /// make the server drop the connection ("server has gone away"), so it is refused unsent.
    private var maxPacket = Int.max
    // Not checked for exclusive access at run time: `lock` serialises it, and the check (twice a
    // statement) cost more than the lookup it guarded.
    @exclusivity(unchecked) private var statementCache = PreparedStatementCache<UnsafeMutablePointer<MYSQL_STMT>> { mysql_stmt_close($0) }

    public convenience init(_ url: String) throws {
        try self.init(url: DatabaseURL(parsing: url))
    }

    public init(url: DatabaseURL) throws {
        guard url.scheme == "mariadb" || url.scheme == "mysql" else {
            throw JoineryError(.invalidURL, "not a MariaDB URL: \(url) (use mariadb://user:pass@127.0.0.1:3306/db)")
        }
        guard libraryInitialized, let mysql = mysql_init(nil) else {
            throw JoineryError(.connectionFailed, "libmariadb could not be initialised", engine: "MariaDB")
        }
        var timeout = UInt32(url.options["connect_timeout"].flatMap { UInt32($0) } ?? UInt32(DriverRegistry.defaultConnectTimeout))
        mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout)
        mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        // statement_timeout (milliseconds): the server stops the statement (max_statement_time);
        // should it not answer at all, the client's read gives up a second later (whole seconds).
        let statementTimeout = try url.statementTimeout
        readTimeout = statementTimeout.map { .seconds($0.components.seconds + 2) }
        if let statementTimeout {
            var seconds = UInt32(clamping: statementTimeout.components.seconds + 2)
            mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &seconds)
            mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &seconds)
        }
        let flags = UInt(CLIENT_FOUND_ROWS)
        let connected = mysql_real_connect(
            mysql, url.host ?? "127.0.0.1", url.user, url.password, url.database,
            UInt32(url.port ?? 3306), nil, flags)
        guard connected != nil else {
            let error = MariaDBError.make(mysql, sql: nil)
            mysql_close(mysql)
            throw MariaDBError.connectionError(error, url: url)
        }
        handle = mysql
        self.url = url
        threadID = mysql_thread_id(mysql)
        let info = String(cString: mysql_get_server_info(mysql))
        // Old connectors prefix MariaDB's version with "5.5.5-" for MySQL clients' sake.
        let versionText = info.hasPrefix("5.5.5-") ? info.dropFirst(6) : Substring(info)
        engine = EngineInfo(name: "MariaDB", version: EngineVersion(parsing: versionText) ?? EngineVersion(10))
        dialect = MariaDBDialect(version: engine.version)
        try execute("SET time_zone = '+00:00'")
        try execute("SET sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
        if let statementTimeout {
            let seconds = Double(statementTimeout.components.seconds) + Double(statementTimeout.components.attoseconds) / 1e18
            try execute("SET SESSION max_statement_time = \(seconds)")
        }
        maxPacket = try query("SELECT @@max_allowed_packet").first?.decode(Int.self, at: 0) ?? Int.max
    }

    deinit { close() }

    public func withExclusiveAccess<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock(body)
    }

    public var isUsable: Bool { usable.load(ordering: .acquiring) }

    /// The server's SERVER_STATUS_IN_TRANS flag, from its last reply.
    public var hasOpenTransaction: Bool {
        lock.withLock { handle.map { cmariadb_server_status($0) & UInt32(SERVER_STATUS_IN_TRANS) != 0 } ?? false }
    }

    public func seemsAlive() -> Bool {
        lock.withLock {
            guard let handle, usable.load(ordering: .acquiring) else { return false }
            return !idleSocketHasInput(Int32(truncatingIfNeeded: mysql_get_socket(handle)))
        }
    }

    /// `KILL QUERY <thread id>` from a second, short-lived connection: the running statement
    /// stops with errno 1317 (``JoineryError/Kind/cancelled``); the connection stays open.
    public func interrupt() {
        guard usable.load(ordering: .acquiring), let killer = try? MariaDBConnection(url: url) else { return }
        _ = try? killer.executeText("KILL QUERY \(threadID)")
        killer.close()
    }

    public func close() {
        lock.withLock {
            usable.store(false, ordering: .releasing)
            statementCache.releaseAll()
            if let handle { mysql_close(handle) }
            handle = nil
        }
    }

    public func prepareOnly(_ sql: String) throws {
        try lock.withLock {
            let statement = try prepare(sql, try openHandle(sql))
            mysql_stmt_close(statement)
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult {
        try lock.withLock {
            let mysql = try openHandle(sql)
            do {
                return try withStatement(sql, bindings, mysql) { statement in
                    // Drain a result set nobody asked for, so the connection stays in sync.
                    if let metadata = mysql_stmt_result_metadata(statement) {
                        mysql_free_result(metadata)
                        mysql_stmt_store_result(statement)
                    }
                    let insertID = mysql_stmt_insert_id(statement)
                    return ExecutionResult(
                        rowsAffected: Int(truncatingIfNeeded: mysql_stmt_affected_rows(statement)),
                        lastInsertID: insertID == 0 ? nil : Int64(truncatingIfNeeded: insertID))
                }
            } catch let error as JoineryError where error.engineCode == "1295" && bindings.isEmpty {
                // "This command is not supported in the prepared statement protocol yet".
                return try executeText(sql, mysql)
            }
        }
    }

    public func forEachRow(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws {
        // The row reader lives only as long as this call.
        try withoutActuallyEscaping(body) { body in
            try forEachFetchedRow(sql, bindings) { statement, results in
                var row = Row(columns: results.columns, values: Array(repeating: .null, count: results.count))
                return { () throws -> Void in
                    for index in 0..<results.count {
                        row.values[index] = results.value(at: index, statement: statement)
                    }
                    try body(row)
                }
            }
        }
    }

    public func forEachCursor(_ sql: String, _ bindings: [SQLValue], _ body: (any RowCursor) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            try forEachFetchedRow(sql, bindings) { statement, results in
                let cursor = MariaDBRowCursor(results, statement: statement)
                return { try body(cursor) }
            }
        }
    }

    /// Runs the statement, buffers its result, and calls the closure `reader` made for it once
    /// per fetched row (the row's values sit in the result buffers).
    private func forEachFetchedRow(
        _ sql: String, _ bindings: [SQLValue],
        _ reader: (UnsafeMutablePointer<MYSQL_STMT>, MariaDBResultBuffers) -> () throws -> Void
    ) throws {
        try lock.withLock {
            let mysql = try openHandle(sql)
            try withStatement(sql, bindings, mysql) { statement in
                guard let metadata = mysql_stmt_result_metadata(statement) else { return }
                defer { mysql_free_result(metadata) }
                // Buffer the whole result: the server then computes each column's longest value
                // (so buffers fit without a second fetch), and `body` may run other statements
                // on this connection while we iterate.
                var updateMaxLength: my_bool = 1
                mysql_stmt_attr_set(statement, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
                guard mysql_stmt_store_result(statement) == 0 else { throw MariaDBError.make(statement, sql: sql) }
                defer { mysql_stmt_free_result(statement) }
                let results = MariaDBResultBuffers(metadata)
                guard mysql_stmt_bind_result(statement, results.binds) == 0 else {
                    throw MariaDBError.make(statement, sql: sql)
                }
                let readRow = reader(statement, results)
                while true {
                    let code = mysql_stmt_fetch(statement)
                    if code == MYSQL_NO_DATA { break }
                    guard code == 0 || code == MYSQL_DATA_TRUNCATED else { throw MariaDBError.make(statement, sql: sql) }
                    try readRow()
                }
            }
        }
    }

    // MARK: - Statements

    private func openHandle(_ sql: String) throws -> UnsafeMutablePointer<MYSQL> {
        guard let handle else {
            throw JoineryError(.connectionFailed, "the MariaDB connection is closed", engine: "MariaDB", sql: sql)
        }
        return handle
    }

    /// Prepares (or takes from the cache), binds and executes; `body` reads the outcome.
    /// ``withPreparedStatement(_:_:_:_:)``, its errors naming this server.
    private func withStatement<T>(
        _ sql: String, _ bindings: [SQLValue], _ mysql: UnsafeMutablePointer<MYSQL>,
        _ body: (UnsafeMutablePointer<MYSQL_STMT>) throws -> T
    ) throws -> T {
        do {
            return try withPreparedStatement(sql, bindings, mysql, body)
        } catch var error as JoineryError {
            error.server = error.server ?? "\(url.host ?? "127.0.0.1"):\(url.port ?? 3306)"
            throw error
        }
    }

    private func withPreparedStatement<T>(
        _ sql: String, _ bindings: [SQLValue], _ mysql: UnsafeMutablePointer<MYSQL>,
        _ body: (UnsafeMutablePointer<MYSQL_STMT>) throws -> T
    ) throws -> T {
        let taken = statementCache.takeWithTicket(sql)
        let statement = try taken?.statement ?? prepare(sql, mysql)
        var keep = true
        defer {
            if keep {
                statementCache.give(back: statement, for: sql, ticket: taken?.ticket)
            } else {
                statementCache.discard(statement, for: sql)
            }
        }
        let expected = Int(mysql_stmt_param_count(statement))
        guard expected == bindings.count else {
            throw JoineryError(
                .parameterCount, "the statement has \(expected) placeholders but \(bindings.count) values were given",
                engine: "MariaDB", sql: sql)
        }
        try checkPacketSize(bindings, sql: sql)
        // The binds point into `parameters`: it must outlive the execute call.
        let parameters = MariaDBParameterBuffers(bindings)
        try withExtendedLifetime(parameters) {
            if !bindings.isEmpty, mysql_stmt_bind_param(statement, parameters.binds) != 0 {
                throw MariaDBError.make(statement, sql: sql)
            }
            let start = ContinuousClock.now
            guard mysql_stmt_execute(statement) == 0 else {
                var error = MariaDBError.make(statement, sql: sql)
                if error.kind == .connectionLost, let readTimeout, ContinuousClock.now - start >= readTimeout - .milliseconds(200) {
                    error.kind = .timeout
                    error.message = "MariaDB did not answer within \(readTimeout); the connection was given up"
                }
                // After a lost connection the statement handle is dead; do not cache it.
                // A client-side read timeout (2013) leaves the protocol out of step: the connection is done.
                if error.kind == .connectionLost || error.kind == .connectionFailed
                    || (error.kind == .timeout && error.engineCode?.hasPrefix("20") == true) {
                    keep = false
                    usable.store(false, ordering: .releasing)
                }
                throw error
            }
        }
        return try body(statement)
    }

    /// Refuses values whose execute packet (COM_STMT_EXECUTE: a header, the NULL bitmap, two
    /// type bytes and a length prefix of up to 9 bytes per value) would pass `max_allowed_packet`.
    private func checkPacketSize(_ bindings: [SQLValue], sql: String) throws {
        var size = 11 + (bindings.count + 7) / 8 + 2 * bindings.count
        for value in bindings {
            switch value {
            case .text(let text): size += text.utf8.count + 9
            case .blob(let bytes): size += bytes.count + 9
            case .timestamp(let date):
                guard SQLTimestamp.isRepresentable(date) else { throw SQLTimestamp.unrepresentable(date, sql: sql) }
                size += 13
            default: size += 13
            }
        }
        guard size > maxPacket else { return }
        throw JoineryError(
            .invalidValue,
            "the values bound need a \(size)-byte packet, more than the server's max_allowed_packet (\(maxPacket) bytes); "
                + "nothing was sent and the connection is still usable — raise max_allowed_packet or store less",
            engine: "MariaDB", sql: sql)
    }

    private func prepare(_ sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) throws -> UnsafeMutablePointer<MYSQL_STMT> {
        try StatementText.requireNoNUL(sql)
        guard let statement = mysql_stmt_init(mysql) else { throw MariaDBError.make(mysql, sql: sql) }
        let code = sql.withCString { mysql_stmt_prepare(statement, $0, UInt(strlen($0))) }
        guard code == 0 else {
            let error = MariaDBError.make(statement, sql: sql)
            mysql_stmt_close(statement)
            throw error
        }
        return statement
    }

    /// Runs `sql` with the text protocol.
    func executeText(_ sql: String) throws -> ExecutionResult {
        try lock.withLock { try executeText(sql, try openHandle(sql)) }
    }

    /// The text protocol, for the few statements the prepared protocol refuses (no bindings).
    private func executeText(_ sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) throws -> ExecutionResult {
        let code = sql.withCString { mysql_real_query(mysql, $0, UInt(strlen($0))) }
        guard code == 0 else { throw MariaDBError.make(mysql, sql: sql) }
        if let result = mysql_store_result(mysql) { mysql_free_result(result) }
        let insertID = mysql_insert_id(mysql)
        return ExecutionResult(
            rowsAffected: Int(truncatingIfNeeded: mysql_affected_rows(mysql)),
            lastInsertID: insertID == 0 ? nil : Int64(truncatingIfNeeded: insertID))
    }
}
