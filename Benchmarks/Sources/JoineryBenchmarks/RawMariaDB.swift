import CMariaDB
import Foundation

/// libmariadb by hand: statements prepared once and kept, parameters bound as `LONGLONG` or
/// `STRING`, the result stored (`mysql_stmt_store_result`, as Joinery's driver does) and fetched
/// into bind buffers: `LONGLONG` for integer columns, 256 bytes for text (enough for this data).
final class RawMariaDB: RawEngine {
    private let mysql: UnsafeMutablePointer<MYSQL>
    private var statements: [String: (statement: UnsafeMutablePointer<MYSQL_STMT>, row: Row?)] = [:]

    init(host: String, port: UInt32, user: String?, password: String?, database: String) throws {
        guard let mysql = mysql_init(nil) else { throw BenchmarkError("mysql_init failed") }
        mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        guard mysql_real_connect(mysql, host, user, password, database, port, nil, 0) != nil else {
            throw BenchmarkError("raw libmariadb cannot connect: \(String(cString: mysql_error(mysql)))")
        }
        self.mysql = mysql
    }

    deinit { close() }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        statements.values.forEach { mysql_stmt_close($0.statement) }
        statements = [:]
        mysql_close(mysql)
    }

    /// The result buffers of one prepared statement, bound once.
    final class Row: RawRow {
        static let textWidth = 256
        let count: Int
        let binds: UnsafeMutablePointer<MYSQL_BIND>
        let integers: UnsafeMutablePointer<Int64>
        let texts: UnsafeMutablePointer<UInt8>
        let lengths: UnsafeMutablePointer<UInt>
        let nulls: UnsafeMutablePointer<my_bool>

        init(metadata: UnsafeMutablePointer<MYSQL_RES>) {
            count = Int(mysql_num_fields(metadata))
            binds = .allocate(capacity: count)
            binds.initialize(repeating: MYSQL_BIND(), count: count)
            integers = .allocate(capacity: count)
            integers.initialize(repeating: 0, count: count)
            texts = .allocate(capacity: count * Self.textWidth)
            lengths = .allocate(capacity: count)
            lengths.initialize(repeating: 0, count: count)
            nulls = .allocate(capacity: count)
            nulls.initialize(repeating: 0, count: count)
            let fields = mysql_fetch_fields(metadata)
            for column in 0..<count {
                binds[column].length = lengths + column
                binds[column].is_null = nulls + column
                switch fields?[column].type {
                case MYSQL_TYPE_LONGLONG, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_SHORT, MYSQL_TYPE_TINY:
                    binds[column].buffer_type = MYSQL_TYPE_LONGLONG
                    binds[column].buffer = UnsafeMutableRawPointer(integers + column)
                default:
                    binds[column].buffer_type = MYSQL_TYPE_STRING
                    binds[column].buffer = UnsafeMutableRawPointer(texts + column * Self.textWidth)
                    binds[column].buffer_length = UInt(Self.textWidth)
                }
            }
        }

        deinit {
            binds.deallocate()
            integers.deallocate()
            texts.deallocate()
            lengths.deallocate()
            nulls.deallocate()
        }

        func isNull(_ column: Int) -> Bool { nulls[column] != 0 }
        func integer(_ column: Int) -> Int64 { integers[column] }
        func text(_ column: Int) -> String {
            String(decoding: UnsafeBufferPointer(start: texts + column * Self.textWidth, count: Int(lengths[column])), as: UTF8.self)
        }
    }

    private func prepared(_ sql: String) throws -> (statement: UnsafeMutablePointer<MYSQL_STMT>, row: Row?) {
        if let cached = statements[sql] { return cached }
        guard let statement = mysql_stmt_init(mysql), mysql_stmt_prepare(statement, sql, UInt(sql.utf8.count)) == 0 else {
            throw BenchmarkError("raw libmariadb prepare: \(String(cString: mysql_error(mysql)))")
        }
        var row: Row?
        if let metadata = mysql_stmt_result_metadata(statement) {
            row = Row(metadata: metadata)
            mysql_free_result(metadata)
        }
        statements[sql] = (statement, row)
        return (statement, row)
    }

    /// Binds `parameters`, executes, and fetches every row into the statement's buffers.
    private func run(_ sql: String, _ parameters: UnsafeMutablePointer<MYSQL_BIND>?, _ body: (Row) -> Void) throws {
        var (statement, row) = try prepared(sql)
        if let parameters, mysql_stmt_bind_param(statement, parameters) != 0 {
            throw BenchmarkError("raw libmariadb bind: \(String(cString: mysql_stmt_error(statement)))")
        }
        guard mysql_stmt_execute(statement) == 0 else {
            throw BenchmarkError("raw libmariadb execute: \(String(cString: mysql_stmt_error(statement)))")
        }
        // INSERT … RETURNING describes its result only once executed.
        if row == nil, mysql_stmt_field_count(statement) > 0, let metadata = mysql_stmt_result_metadata(statement) {
            row = Row(metadata: metadata)
            mysql_free_result(metadata)
            statements[sql] = (statement, row)
        }
        guard let row else { return }
        guard mysql_stmt_store_result(statement) == 0, mysql_stmt_bind_result(statement, row.binds) == 0 else {
            throw BenchmarkError("raw libmariadb result: \(String(cString: mysql_stmt_error(statement)))")
        }
        defer { mysql_stmt_free_result(statement) }
        while true {
            let code = mysql_stmt_fetch(statement)
            if code == MYSQL_NO_DATA { return }
            guard code == 0 else { throw BenchmarkError("raw libmariadb fetch: \(code)") }
            body(row)
        }
    }

    func each(_ sql: String, keys: ArraySlice<Int64>, _ row: (Row) -> Void) throws {
        guard !keys.isEmpty else { return try run(sql, nil, row) }
        var keys = Array(keys)
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: keys.count)
        binds.initialize(repeating: MYSQL_BIND(), count: keys.count)
        defer { binds.deallocate() }
        try keys.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in buffer.indices {
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].buffer = UnsafeMutableRawPointer(base + index)
            }
            try run(sql, binds, row)
        }
    }

    func each(_ sql: String, values: [RawValue], _ row: (Row) -> Void) throws {
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: max(values.count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(values.count, 1))
        var storage: [UnsafeMutableRawPointer] = []
        defer {
            storage.forEach { $0.deallocate() }
            binds.deallocate()
        }
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let integer):
                let memory = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                memory.storeBytes(of: integer, as: Int64.self)
                storage.append(memory)
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].buffer = memory
            case .text(let text):
                let count = text.utf8.count
                let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 1)
                UnsafeMutableRawBufferPointer(start: memory, count: count).copyBytes(from: text.utf8)
                storage.append(memory)
                binds[index].buffer_type = MYSQL_TYPE_STRING
                binds[index].buffer = memory
                binds[index].buffer_length = UInt(count)
            }
        }
        try run(sql, values.isEmpty ? nil : binds, row)
    }

    func execute(_ sql: String) throws {
        guard mysql_real_query(mysql, sql, UInt(sql.utf8.count)) == 0 else {
            throw BenchmarkError("raw libmariadb: \(String(cString: mysql_error(mysql)))")
        }
    }
}
