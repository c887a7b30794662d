import CLibPQ
import Foundation
import Joinery
import Synchronization

/// A connection to PostgreSQL through libpq.
///
/// Every value is bound as a parameter (never spliced into SQL); placeholders are `$1`,
/// `$2`, …. The session runs in UTC so that timestamps read back as written. Queries and writes
/// run as named prepared statements kept per connection (parsed once; `prepared_statements=false`
/// in the URL turns that off, for a pooler in transaction mode).
public final class PostgreSQLConnection: DatabaseConnection, @unchecked Sendable {
    public let engine: EngineInfo
    public let transactionState = TransactionState()
    public let dialect: any SQLDialect
    /// `host:port`, for errors: which server of several said it.
    private let server: String

    private let lock = NSRecursiveLock()  // guards `handle`
    private var handle: OpaquePointer?
    /// PQcancel's own object, usable from any thread while `lock` is held by the statement's.
    private let canceller = Mutex<SendableHandle?>(nil)
    /// False once closed or lost; read without `lock`.
    private let usable = Atomic<Bool>(true)
    /// How long to wait for the server's answer to a statement; nil: as long as it takes.
    private let clientTimeout: Duration?
    /// Whether queries and writes run as named prepared statements (the URL option
    /// `prepared_statements=false` turns it off, for a pooler such as PgBouncer in transaction
    /// mode, where the next statement may reach another server connection).
    private let preparesStatements: Bool
    /// The prepared statements kept for reuse (guarded by `lock`, so not checked for exclusive
    /// access at run time: the check, twice a statement, cost more than the lookup).
    @exclusivity(unchecked) private var statements: PreparedStatementCache<PostgreSQLPreparedStatement>
    private let toDeallocate: PostgreSQLStatementsToDeallocate
    private var statementNumber = 0

    public convenience init(_ url: String) throws {
        try self.init(url: DatabaseURL(parsing: url))
    }

    public init(url: DatabaseURL) throws {
        server = "\(url.host ?? "127.0.0.1"):\(url.port ?? 5432)"
        guard url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw JoineryError(.invalidURL, "not a PostgreSQL URL: \(url) (use postgres://user:pass@host:5432/db)")
        }
        var parameters: [(String, String)] = [
            ("host", url.host ?? "127.0.0.1"),
            ("port", String(url.port ?? 5432)),
            ("connect_timeout", String(DriverRegistry.defaultConnectTimeout)),
            ("client_encoding", "UTF8"),
            ("options", "-c TimeZone=UTC"),
            ("fallback_application_name", "joinery"),
        ]
        if let user = url.user { parameters.append(("user", user)) }
        if let password = url.password { parameters.append(("password", password)) }
        if let database = url.database { parameters.append(("dbname", database)) }
        // statement_timeout is Joinery's option (milliseconds): the server enforces it, and the
        // client waits one second more for an answer before giving the connection up.
        let statementTimeout = try url.statementTimeout
        var options = url.options
        if let statementTimeout {
            options["statement_timeout"] = nil
            let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
            options["options"] = (options["options"].map { $0 + " " } ?? "") + "-c statement_timeout=\(milliseconds)"
        }
        clientTimeout = statementTimeout.map { $0 + .seconds(1) }
        switch options["prepared_statements"]?.lowercased() {
        case nil, "true", "on", "1": preparesStatements = true
        case "false", "off", "0": preparesStatements = false
        case let other?:
            throw JoineryError(.invalidURL, "prepared_statements=\(other): use true or false")
        }
        options["prepared_statements"] = nil
        let toDeallocate = PostgreSQLStatementsToDeallocate()
        self.toDeallocate = toDeallocate
        statements = PreparedStatementCache { toDeallocate.names.append($0.name) }
        for (key, value) in options.sorted(by: { $0.key < $1.key }) {
            // `options` adds server settings (`-c search_path=app`) to the UTC time zone.
            let merged = key == "options" ? parameters.first { $0.0 == key }.map { $0.1 + " " + value } ?? value : value
            parameters.removeAll { $0.0 == key }
            parameters.append((key, merged))
        }
        let connection = Self.connect(parameters)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.trimmed(String(cString: PQerrorMessage($0))) } ?? "out of memory"
            let needsPassword = connection.map { PQconnectionNeedsPassword($0) == 1 } ?? false
            PQfinish(connection)
            throw Self.connectionError(message, url: url, needsPassword: needsPassword)
        }
        handle = connection
        let number = Int(PQserverVersion(connection))
        // 150018 is 15.18; before 10, 90624 is 9.6.24.
        let version = number >= 100_000
            ? EngineVersion(number / 10_000, number % 10_000)
            : EngineVersion(number / 10_000, number / 100 % 100, number % 100)
        engine = EngineInfo(name: "PostgreSQL", version: version)
        dialect = PostgreSQLDialect(version: version)
        // Notices ("table does not exist, skipping") would go to stderr by default.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        canceller.withLock { $0 = PQgetCancel(connection).map(SendableHandle.init) }
    }

    deinit { close() }

    public func close() {
        lock.withLock {
            usable.store(false, ordering: .releasing)
            canceller.withLock { cancel in
                PQfreeCancel(cancel?.pointer)
                cancel = nil
            }
            statements.releaseAll()   // the server drops them with the session
            toDeallocate.names = []
            PQfinish(handle)
            handle = nil
        }
    }

    public func withExclusiveAccess<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock(body)
    }

    public var isUsable: Bool { usable.load(ordering: .acquiring) }

    /// PQtransactionStatus: inside a transaction block, or in a failed one.
    public var hasOpenTransaction: Bool {
        lock.withLock {
            guard let handle else { return false }
            let status = PQtransactionStatus(handle)
            return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
        }
    }

    public func seemsAlive() -> Bool {
        lock.withLock {
            guard let handle, usable.load(ordering: .acquiring), PQstatus(handle) == CONNECTION_OK else { return false }
            return !idleSocketHasInput(PQsocket(handle))
        }
    }

    /// PQcancel: asks the server to stop the running statement (SQLSTATE 57014).
    public func interrupt() {
        canceller.withLock { cancel in
            guard let cancel else { return }
            var message = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel.pointer, &message, Int32(message.count))
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ bindings: [SQLValue]) throws -> ExecutionResult {
        try run(sql, bindings) { result in
            ExecutionResult(rowsAffected: Int(String(cString: PQcmdTuples(result))) ?? 0, lastInsertID: nil)
        }
    }

    public func forEachRow(_ sql: String, _ bindings: [SQLValue], _ body: (Row) throws -> Void) throws {
        try run(sql, bindings) { result in
            let fieldCount = Int(PQnfields(result))
            let columns = RowColumns((0..<fieldCount).map { String(cString: PQfname(result, Int32($0))) })
            let types = (0..<fieldCount).map { PQftype(result, Int32($0)) }
            var row = Row(columns: columns, values: Array(repeating: .null, count: fieldCount))
            for rowIndex in 0..<PQntuples(result) {
                for field in 0..<fieldCount {
                    row.values[field] = PostgreSQLValues.decode(result, rowIndex, Int32(field), type: types[field])
                }
                try body(row)
            }
        }
    }

    public func forEachCursor(_ sql: String, _ bindings: [SQLValue], _ body: (any RowCursor) throws -> Void) throws {
        try run(sql, bindings) { result in
            let cursor = PostgreSQLRowCursor(result)
            for rowIndex in 0..<PQntuples(result) {
                cursor.row = rowIndex
                try body(cursor)
            }
        }
    }

    /// PQprepare with the unnamed statement: the server parses and analyses `sql` (a utility
    /// statement such as CREATE TABLE is only parsed) and runs nothing.
    public func prepareOnly(_ sql: String) throws {
        try StatementText.requireNoNUL(sql)
        try lock.withLock {
            guard let handle else {
                throw JoineryError(.connectionFailed, "the PostgreSQL connection is closed", engine: "PostgreSQL", sql: sql)
            }
            let result = PQprepare(handle, "", sql, 0, nil)
            defer { PQclear(result) }
            guard let result else { throw connectionLost(handle, sql: sql) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else {
                if PQstatus(handle) != CONNECTION_OK { throw connectionLost(handle, sql: sql) }
                throw PostgreSQLError.make(result, sql: sql)
            }
        }
    }

    /// Sends the statement with its values bound and hands the successful result to `body`.
    /// ``runStatement(_:_:_:)``, its errors naming this server.
    private func run<T>(_ sql: String, _ bindings: [SQLValue], _ body: (OpaquePointer) throws -> T) throws -> T {
        do {
            return try runStatement(sql, bindings, body)
        } catch var error as JoineryError {
            error.server = error.server ?? server
            throw error
        }
    }

    private func runStatement<T>(_ sql: String, _ bindings: [SQLValue], _ body: (OpaquePointer) throws -> T) throws -> T {
        try StatementText.requireNoNUL(sql)
        return try lock.withLock {
            guard let handle else {
                throw JoineryError(.connectionFailed, "the PostgreSQL connection is closed", engine: "PostgreSQL", sql: sql)
            }
            let result = try send(sql, bindings, handle)
            defer { PQclear(result) }
            guard let result else { throw connectionLost(handle, sql: sql) }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                return try body(result)
            default:
                if PQstatus(handle) != CONNECTION_OK { throw connectionLost(handle, sql: sql) }
                let error = PostgreSQLError.make(result, sql: sql)
                if error.kind == .connectionLost { usable.store(false, ordering: .releasing) }
                throw error
            }
        }
    }

    /// Runs `sql`: as this connection's prepared statement for it (prepared on the first run:
    /// later runs send only the values, and the server skips parsing and, once it settles on a
    /// generic plan, planning), or unprepared when it is not worth keeping or its values' types
    /// differ from the prepared ones. nil: the connection is gone.
    private func send(_ sql: String, _ bindings: [SQLValue], _ handle: OpaquePointer) throws -> OpaquePointer? {
        deallocateReleasedStatements(handle)
        let prepares = preparesStatements && PostgreSQLPreparedStatement.isPlannable(sql)
        var taken = prepares ? statements.takeWithTicket(sql) : nil
        let parameters: PostgreSQLValues.Parameters
        do {
            // A kept statement knows its placeholders (a type each): the scan of the text is paid once.
            let placeholders = taken?.statement.types.count ?? PlaceholderRewriter.highestNumberedPlaceholder(in: sql)
            parameters = try Self.parameters(bindings, placeholders: placeholders, sql: sql)
        } catch {
            if let taken { statements.give(back: taken.statement, for: sql, ticket: taken.ticket) }
            throw error
        }
        guard prepares else { return try unprepared(sql, parameters, handle) }
        for attempt in 0..<2 {
            let statement: PostgreSQLPreparedStatement
            if attempt > 0 { taken = statements.takeWithTicket(sql) }
            if let cached = taken?.statement {
                guard cached.accepts(parameters) else {
                    statements.give(back: cached, for: sql, ticket: taken?.ticket)
                    return try unprepared(sql, parameters, handle)
                }
                statement = cached
            } else {
                statementNumber += 1
                let name = "joinery_\(statementNumber)"
                let prepared = try submit(sql, handle) {
                    parameters.withPointers { types, _, _, _ in
                        PQsendPrepare(handle, name, sql, Int32(parameters.types.count), types)
                    }
                } blocking: {
                    parameters.withPointers { types, _, _, _ in PQprepare(handle, name, sql, Int32(parameters.types.count), types) }
                }
                // A statement that does not prepare fails as it would run: the caller reports it.
                guard let prepared, PQresultStatus(prepared) == PGRES_COMMAND_OK else { return prepared }
                PQclear(prepared)
                statement = PostgreSQLPreparedStatement(name: name, types: parameters.types)
            }
            let result = try submit(sql, handle) {
                parameters.withPointers { _, values, lengths, formats in
                    PQsendQueryPrepared(handle, statement.name, Int32(parameters.types.count), values, lengths, formats, 0)
                }
            } blocking: {
                parameters.withPointers { _, values, lengths, formats in
                    PQexecPrepared(handle, statement.name, Int32(parameters.types.count), values, lengths, formats, 0)
                }
            }
            guard let result else {
                statements.discard(statement, for: sql)
                return nil
            }
            // "cached plan must not change result type" (0A000): the table changed since the
            // statement was prepared; "prepared statement does not exist" (26000): the session's
            // statements were dropped (`DEALLOCATE ALL`, `DISCARD ALL` in raw SQL). Prepare it
            // again; outside a transaction, run it again at once (inside one, the error has
            // aborted the transaction, and it reaches the caller).
            if PQresultStatus(result) == PGRES_FATAL_ERROR, let state = Self.sqlState(result), state == "0A000" || state == "26000" {
                statements.discard(statement, for: sql)
                if attempt == 0, PQtransactionStatus(handle) == PQTRANS_IDLE {
                    PQclear(result)
                    continue
                }
            } else {
                statements.give(back: statement, for: sql, ticket: taken?.ticket)
            }
            return result
        }
        return nil
    }

    /// `bindings` as libpq parameters, once their count is checked against the statement's
    /// placeholders: PostgreSQL rejects too few values but silently ignores surplus ones.
    private static func parameters(_ bindings: [SQLValue], placeholders: Int, sql: String) throws -> PostgreSQLValues.Parameters {
        guard placeholders == bindings.count else {
            throw JoineryError(
                .parameterCount, "the statement has \(placeholders) placeholders but \(bindings.count) values were given",
                engine: "PostgreSQL", sql: sql)
        }
        return try PostgreSQLValues.Parameters(bindings, sql: sql)
    }

    private func unprepared(_ sql: String, _ parameters: PostgreSQLValues.Parameters, _ handle: OpaquePointer) throws -> OpaquePointer? {
        try submit(sql, handle) {
            parameters.withPointers { types, values, lengths, formats in
                PQsendQueryParams(handle, sql, Int32(parameters.types.count), types, values, lengths, formats, 0)
            }
        } blocking: {
            parameters.withPointers { types, values, lengths, formats in
                PQexecParams(handle, sql, Int32(parameters.types.count), types, values, lengths, formats, 0)
            }
        }
    }

    /// Sends with the client-side time limit when there is one, or blocks in libpq.
    private func submit(
        _ sql: String, _ handle: OpaquePointer, sending: () -> Int32, blocking: () -> OpaquePointer?
    ) throws -> OpaquePointer? {
        guard let clientTimeout else { return blocking() }
        return sending() == 1 ? try awaitResult(handle, within: clientTimeout, sql: sql) : nil
    }

    /// DEALLOCATEs the statements the cache let go, when no transaction is open.
    private func deallocateReleasedStatements(_ handle: OpaquePointer) {
        guard !toDeallocate.names.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE else { return }
        let names = toDeallocate.names
        toDeallocate.names = []
        for name in names { PQclear(PQexec(handle, "DEALLOCATE \(name)")) }
    }

    private static func sqlState(_ result: OpaquePointer) -> String? {
        PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    }

    /// Reads the result of the query just sent, waiting at most `limit`: a server that stops
    /// answering (frozen, or cut off by the network) cannot hold the connection for ever. Past
    /// the limit the connection is given up — what it was doing is unknown — and the statement
    /// fails with ``JoineryError/Kind/timeout``.
    private func awaitResult(_ handle: OpaquePointer, within limit: Duration, sql: String) throws -> OpaquePointer? {
        let deadline = ContinuousClock.now + limit
        var last: OpaquePointer?
        while true {
            while PQisBusy(handle) == 1 {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else {
                    PQclear(last)
                    usable.store(false, ordering: .releasing)
                    throw JoineryError(
                        .timeout, "PostgreSQL did not answer within \(limit); the connection was given up",
                        engine: "PostgreSQL", sql: sql)
                }
                var probe = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
                _ = poll(&probe, 1, milliseconds)
                guard PQconsumeInput(handle) == 1 else {
                    PQclear(last)
                    return nil
                }
            }
            guard let next = PQgetResult(handle) else { return last }
            PQclear(last)
            last = next
        }
    }

    private func connectionLost(_ handle: OpaquePointer, sql: String) -> JoineryError {
        usable.store(false, ordering: .releasing)
        let message = Self.trimmed(String(cString: PQerrorMessage(handle)))
        return JoineryError(
            .connectionLost, "lost the connection to PostgreSQL: \(message)",
            engine: "PostgreSQL", engineMessage: message, sql: sql)
    }

    private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
        // libpq wants two NULL-terminated arrays of C strings that live through the call.
        let keys = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer { (keys + values).forEach { free($0) } }
        return keys.withUnsafeBufferPointer { keyBuffer in
            values.withUnsafeBufferPointer { valueBuffer in
                keyBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { keyPointers in
                    valueBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { valuePointers in
                        PQconnectdbParams(keyPointers.baseAddress, valuePointers.baseAddress, 0)
                    }
                }
            }
        }
    }

    private static func connectionError(_ message: String, url: DatabaseURL, needsPassword: Bool) -> JoineryError {
        let kind: JoineryError.Kind
        if needsPassword || message.contains("password authentication failed")
            || message.contains("no password supplied") || (message.contains("role") && message.contains("does not exist")) {
            kind = .authenticationFailed
        } else if message.contains("timeout expired") {
            kind = .timeout
        } else {
            kind = .connectionFailed
        }
        return JoineryError(
            kind, "cannot connect to PostgreSQL at \(url): \(message)", engine: "PostgreSQL", engineMessage: message)
    }

    static func trimmed(_ message: String) -> String {
        String(message.reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}

/// A C handle kept for a call that libpq documents as safe from any thread (PQcancel).
struct SendableHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
}
