import CLibPQ
import CMariaDB
import CSQLite
import Foundation
import Joinery

/// Reads one result row by position, straight from the C client's buffers.
protocol RawRow {
    func integer(_ column: Int) -> Int64?
    func text(_ column: Int) -> String?
}

/// One connection of a C client, used the way a careful hand-written program would: statements
/// prepared once and reused (libsqlite3, libmariadb), values bound, rows read by position.
protocol RawClient: AnyObject, Sendable {
    /// Runs `sql` with `bindings` (integers, text, NULL) and calls `row` for each result row.
    func run(_ sql: String, _ bindings: [SQLValue], _ row: (any RawRow) -> Void) throws
}

extension RawClient {
    func execute(_ sql: String) throws { try run(sql, []) { _ in } }

    /// The first column of the first row (a RETURNING "id").
    func returningID(_ sql: String, _ bindings: [SQLValue]) throws -> Int64 {
        var id: Int64?
        try run(sql, bindings) { row in if id == nil { id = row.integer(0) } }
        guard let id else { throw LoadError("no id returned by \(sql)") }
        return id
    }
}

// MARK: libsqlite3

/// Used by one thread at a time (each benchmark thread owns its client).
final class RawSQLiteClient: RawClient, @unchecked Sendable {
    private let db: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            throw LoadError("cannot open \(path)")
        }
        db = handle
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nil, nil, nil)
    }

    deinit {
        statements.values.forEach { sqlite3_finalize($0) }
        sqlite3_close_v2(db)
    }

    private struct Row: RawRow {
        let statement: OpaquePointer
        func integer(_ column: Int) -> Int64? {
            sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, Int32(column))
        }
        func text(_ column: Int) -> String? {
            guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, Int32(column)))), as: UTF8.self)
        }
    }

    func run(_ sql: String, _ bindings: [SQLValue], _ row: (any RawRow) -> Void) throws {
        let statement: OpaquePointer
        if let cached = statements[sql] {
            statement = cached
        } else {
            var prepared: OpaquePointer?
            guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK, let prepared else {
                throw LoadError("prepare: \(String(cString: sqlite3_errmsg(db)))")
            }
            statements[sql] = prepared
            statement = prepared
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .integer(let integer): sqlite3_bind_int64(statement, position, integer)
            case .text(let text): sqlite3_bind_text(statement, position, text, -1, csqlite_transient())
            case .null: sqlite3_bind_null(statement, position)
            default: throw LoadError("raw SQLite binds integers, text and NULL only")
            }
        }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw LoadError("step: \(String(cString: sqlite3_errmsg(db)))") }
            row(Row(statement: statement))
        }
    }
}

// MARK: libpq

/// Used by one thread at a time (each benchmark thread owns its client).
final class RawPostgreSQLClient: RawClient, @unchecked Sendable {
    private let connection: OpaquePointer

    init(url: DatabaseURL) throws {
        var info = "host=\(url.host ?? "127.0.0.1") port=\(url.port ?? 5432) dbname=\(url.database ?? "") client_encoding=UTF8"
        if let user = url.user { info += " user=\(user)" }
        if let password = url.password { info += " password=\(password)" }
        if let options = url.options["options"] { info += " options='\(options)'" }
        guard let connection = PQconnectdb(info), PQstatus(connection) == CONNECTION_OK else {
            throw LoadError("cannot connect to PostgreSQL")
        }
        self.connection = connection
    }

    deinit { PQfinish(connection) }

    private struct Row: RawRow {
        let result: OpaquePointer
        let index: Int32
        func integer(_ column: Int) -> Int64? {
            guard PQgetisnull(result, index, Int32(column)) == 0, let value = PQgetvalue(result, index, Int32(column)) else { return nil }
            return strtoll(value, nil, 10)
        }
        func text(_ column: Int) -> String? {
            guard PQgetisnull(result, index, Int32(column)) == 0, let value = PQgetvalue(result, index, Int32(column)) else { return nil }
            return String(cString: value)
        }
    }

    func run(_ sql: String, _ bindings: [SQLValue], _ row: (any RawRow) -> Void) throws {
        var texts: [String?] = []
        for value in bindings {
            switch value {
            case .integer(let integer): texts.append(String(integer))
            case .text(let text): texts.append(text)
            case .null: texts.append(nil)
            default: throw LoadError("raw PostgreSQL binds integers, text and NULL only")
            }
        }
        let pointers = texts.map { $0.flatMap { strdup($0) } }
        defer { pointers.forEach { free($0) } }
        let result = pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            PQexecParams(connection, sql, Int32(bindings.count), nil, values.baseAddress, nil, nil, 0)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw LoadError("PostgreSQL: \(String(cString: PQerrorMessage(connection)))")
        }
        guard let result else { return }
        for index in 0..<PQntuples(result) { row(Row(result: result, index: index)) }
    }
}

// MARK: libmariadb

/// Used by one thread at a time (each benchmark thread owns its client).
final class RawMariaDBClient: RawClient, @unchecked Sendable {
    private let mysql: UnsafeMutablePointer<MYSQL>
    private var statements: [String: UnsafeMutablePointer<MYSQL_STMT>] = [:]

    init(url: DatabaseURL) throws {
        guard let mysql = mysql_init(nil) else { throw LoadError("mysql_init failed") }
        mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        guard mysql_real_connect(
            mysql, url.host ?? "127.0.0.1", url.user, url.password, url.database, UInt32(url.port ?? 3306), nil,
            UInt(CLIENT_FOUND_ROWS)) != nil
        else { throw LoadError("cannot connect to MariaDB: \(String(cString: mysql_error(mysql)))") }
        self.mysql = mysql
        try execute("SET time_zone = '+00:00'")
    }

    deinit {
        statements.values.forEach { mysql_stmt_close($0) }
        mysql_close(mysql)
    }

    /// Fixed result buffers: up to 256 bytes a column are plenty for this workload.
    private final class Row: RawRow {
        static let width = 256
        let binds: UnsafeMutablePointer<MYSQL_BIND>
        let buffers: UnsafeMutablePointer<CChar>
        let lengths: UnsafeMutablePointer<UInt>
        let nulls: UnsafeMutablePointer<my_bool>
        let columns: Int

        init(columns: Int) {
            self.columns = columns
            binds = .allocate(capacity: columns)
            binds.initialize(repeating: MYSQL_BIND(), count: columns)
            buffers = .allocate(capacity: columns * Self.width)
            lengths = .allocate(capacity: columns)
            lengths.initialize(repeating: 0, count: columns)
            nulls = .allocate(capacity: columns)
            nulls.initialize(repeating: 0, count: columns)
            for column in 0..<columns {
                binds[column].buffer_type = MYSQL_TYPE_STRING
                binds[column].buffer = UnsafeMutableRawPointer(buffers + column * Self.width)
                binds[column].buffer_length = UInt(Self.width)
                binds[column].length = lengths + column
                binds[column].is_null = nulls + column
            }
        }

        deinit {
            binds.deallocate()
            buffers.deallocate()
            lengths.deallocate()
            nulls.deallocate()
        }

        func integer(_ column: Int) -> Int64? {
            guard nulls[column] == 0 else { return nil }
            buffers[column * Self.width + min(Int(lengths[column]), Self.width - 1)] = 0
            return strtoll(buffers + column * Self.width, nil, 10)
        }

        func text(_ column: Int) -> String? {
            guard nulls[column] == 0 else { return nil }
            let start = UnsafeRawPointer(buffers + column * Self.width).assumingMemoryBound(to: UInt8.self)
            return String(decoding: UnsafeBufferPointer(start: start, count: min(Int(lengths[column]), Self.width)), as: UTF8.self)
        }
    }

    func run(_ sql: String, _ bindings: [SQLValue], _ row: (any RawRow) -> Void) throws {
        let statement: UnsafeMutablePointer<MYSQL_STMT>
        if let cached = statements[sql] {
            statement = cached
        } else {
            guard let prepared = mysql_stmt_init(mysql), mysql_stmt_prepare(prepared, sql, UInt(sql.utf8.count)) == 0 else {
                throw LoadError("prepare: \(String(cString: mysql_error(mysql)))")
            }
            statements[sql] = prepared
            statement = prepared
        }
        // Parameters: integers as LONGLONG, text as STRING, in memory that outlives the execute.
        let parameters = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: max(bindings.count, 1))
        parameters.initialize(repeating: MYSQL_BIND(), count: max(bindings.count, 1))
        var allocations: [UnsafeMutableRawPointer] = []
        defer {
            allocations.forEach { $0.deallocate() }
            parameters.deallocate()
        }
        for (index, value) in bindings.enumerated() {
            switch value {
            case .integer(let integer):
                let memory = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                memory.storeBytes(of: integer, as: Int64.self)
                allocations.append(memory)
                parameters[index].buffer_type = MYSQL_TYPE_LONGLONG
                parameters[index].buffer = memory
            case .text(let text):
                let bytes = Array(text.utf8)
                let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
                memory.copyMemory(from: bytes, byteCount: bytes.count)
                allocations.append(memory)
                parameters[index].buffer_type = MYSQL_TYPE_STRING
                parameters[index].buffer = memory
                parameters[index].buffer_length = UInt(bytes.count)
            case .null:
                parameters[index].buffer_type = MYSQL_TYPE_NULL
            default:
                throw LoadError("raw MariaDB binds integers, text and NULL only")
            }
        }
        if !bindings.isEmpty, mysql_stmt_bind_param(statement, parameters) != 0 {
            throw LoadError("bind: \(String(cString: mysql_stmt_error(statement)))")
        }
        guard mysql_stmt_execute(statement) == 0 else {
            throw LoadError("execute: \(String(cString: mysql_stmt_error(statement)))")
        }
        guard let metadata = mysql_stmt_result_metadata(statement) else { return }
        defer { mysql_free_result(metadata) }
        let columns = Int(mysql_num_fields(metadata))
        let result = Row(columns: columns)
        guard mysql_stmt_bind_result(statement, result.binds) == 0 else {
            throw LoadError("bind result: \(String(cString: mysql_stmt_error(statement)))")
        }
        while true {
            let code = mysql_stmt_fetch(statement)
            if code == MYSQL_NO_DATA { break }
            guard code == 0 || code == MYSQL_DATA_TRUNCATED else {
                throw LoadError("fetch: \(String(cString: mysql_stmt_error(statement)))")
            }
            row(result)
        }
        mysql_stmt_free_result(statement)
    }
}
