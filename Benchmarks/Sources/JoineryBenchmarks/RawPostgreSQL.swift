import CLibPQ
import Foundation

/// libpq by hand: `PQexecParams` with text parameters and text results, the way Joinery's driver
/// talks to the server, rows read by position with `PQgetvalue`.
final class RawPostgreSQL: RawEngine {
    private let connection: OpaquePointer

    /// `info`: a libpq connection string.
    init(info: String) throws {
        guard let connection = PQconnectdb(info), PQstatus(connection) == CONNECTION_OK else {
            throw BenchmarkError("raw libpq cannot connect")
        }
        self.connection = connection
    }

    deinit { close() }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        PQfinish(connection)
    }

    struct Row: RawRow {
        let result: OpaquePointer
        let index: Int32
        func isNull(_ column: Int) -> Bool { PQgetisnull(result, index, Int32(column)) == 1 }
        func integer(_ column: Int) -> Int64 { strtoll(PQgetvalue(result, index, Int32(column)), nil, 10) }
        func text(_ column: Int) -> String {
            guard let value = PQgetvalue(result, index, Int32(column)) else { return "" }
            let count = Int(PQgetlength(result, index, Int32(column)))
            return value.withMemoryRebound(to: UInt8.self, capacity: count) {
                String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
            }
        }
    }

    /// Sends `sql` with `texts` (each value's text, NUL-terminated, back to back in one buffer).
    private func run(_ sql: String, _ texts: [UInt8], offsets: [Int], _ row: (Row) -> Void) throws {
        let result: OpaquePointer? = texts.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in base.map { $0 + offset } }
            return PQexecParams(connection, sql, Int32(offsets.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard let result, status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw BenchmarkError("raw libpq: \(String(cString: PQerrorMessage(connection)))")
        }
        for index in 0..<PQntuples(result) { row(Row(result: result, index: index)) }
    }

    func each(_ sql: String, keys: ArraySlice<Int64>, _ row: (Row) -> Void) throws {
        // Keys bound as one array literal, `{1,2,3}`, where the statement takes them so (ANY).
        if sql.contains("ANY(") {
            var literal: [UInt8] = [UInt8(ascii: "{")]
            literal.reserveCapacity(keys.count * 8)
            for (index, key) in keys.enumerated() {
                if index > 0 { literal.append(UInt8(ascii: ",")) }
                literal.append(contentsOf: String(key).utf8)
            }
            literal.append(contentsOf: [UInt8(ascii: "}"), 0])
            return try run(sql, literal, offsets: [0], row)
        }
        var texts: [UInt8] = []
        texts.reserveCapacity(keys.count * 8)
        var offsets: [Int] = []
        offsets.reserveCapacity(keys.count)
        for key in keys {
            offsets.append(texts.count)
            texts.append(contentsOf: String(key).utf8)
            texts.append(0)
        }
        try run(sql, texts, offsets: offsets, row)
    }

    func each(_ sql: String, values: [RawValue], _ row: (Row) -> Void) throws {
        var texts: [UInt8] = []
        var offsets: [Int] = []
        for value in values {
            offsets.append(texts.count)
            switch value {
            case .integer(let integer): texts.append(contentsOf: String(integer).utf8)
            case .text(let text): texts.append(contentsOf: text.utf8)
            }
            texts.append(0)
        }
        try run(sql, texts, offsets: offsets, row)
    }

    func execute(_ sql: String) throws { try run(sql, [], offsets: []) { _ in } }
}
