import GRDBSQLite

/// libsqlite3 by hand. Statements are prepared once (`SQLITE_PREPARE_PERSISTENT`) and reset after
/// each use, as GRDB's `cachedStatement` and Joinery's own statement cache do.
final class RawSQLite: RawEngine {
    let db: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(db: OpaquePointer) { self.db = db }

    deinit { close() }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        statements.values.forEach { sqlite3_finalize($0) }
        statements = [:]
        sqlite3_close_v2(db)
    }

    struct Row: RawRow {
        let statement: OpaquePointer
        func isNull(_ column: Int) -> Bool { sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL }
        func integer(_ column: Int) -> Int64 { sqlite3_column_int64(statement, Int32(column)) }
        func text(_ column: Int) -> String {
            guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, Int32(column)))
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else { throw BenchmarkError("raw SQLite prepare: \(String(cString: sqlite3_errmsg(db)))") }
        statements[sql] = statement
        return statement
    }

    private func step(_ statement: OpaquePointer, _ row: (Row) -> Void) throws {
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw BenchmarkError("raw SQLite step: \(String(cString: sqlite3_errmsg(db)))") }
            row(Row(statement: statement))
        }
    }

    func each(_ sql: String, keys: ArraySlice<Int64>, _ row: (Row) -> Void) throws {
        let statement = try prepared(sql)
        var position: Int32 = 1
        for key in keys {
            sqlite3_bind_int64(statement, position, key)
            position += 1
        }
        try step(statement, row)
    }

    func each(_ sql: String, values: [RawValue], _ row: (Row) -> Void) throws {
        let statement = try prepared(sql)
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let integer): sqlite3_bind_int64(statement, Int32(index + 1), integer)
            case .text(let text):
                // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
                sqlite3_bind_text(statement, Int32(index + 1), text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        try step(statement, row)
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchmarkError("raw SQLite: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}
