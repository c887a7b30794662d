import CLibPQ
import Foundation
import Joinery

/// A row of a libpq result (text format), read in place: an integer column is parsed from the
/// result's bytes with no `String` in between, a text column becomes one `String`.
///
/// In text format libpq ends every value with a NUL and gives NULL as an empty string, and
/// PostgreSQL text holds no NUL: a value is read with `PQgetvalue` alone (its length by `strlen`),
/// and `PQgetisnull` is asked only when the value is empty — one call into libpq a column where
/// three were made (each checks the row and column numbers again).
final class PostgreSQLRowCursor: RowCursor {
    private let result: OpaquePointer
    private let types: [Oid]
    let columnCount: Int
    /// The row the cursor is on. Unchecked: a cursor is used by the one loop that owns it, and the
    /// run-time exclusivity check cost more than reading the cell.
    @exclusivity(unchecked) var row: Int32 = 0

    init(_ result: OpaquePointer) {
        self.result = result
        columnCount = Int(PQnfields(result))
        types = (0..<columnCount).map { PQftype(result, Int32($0)) }
    }

    func columnName(at position: Int) -> String {
        guard position >= 0, position < columnCount, let name = PQfname(result, Int32(position)) else { return "#\(position)" }
        return String(cString: name)
    }

    @inline(__always)
    private func checked(_ position: Int) throws -> Int32 {
        guard position >= 0, position < columnCount else { throw noColumn(at: position) }
        return Int32(position)
    }

    func value(at position: Int) throws -> SQLValue {
        let field = try checked(position)
        return PostgreSQLValues.decode(result, row, field, type: types[position])
    }

    func isNull(at position: Int) throws -> Bool {
        PQgetisnull(result, row, try checked(position)) == 1
    }

    func integer(at position: Int) throws -> Int64? {
        let field = try checked(position)
        switch types[position] {
        case PostgreSQLValues.int8OID, PostgreSQLValues.int4OID, PostgreSQLValues.int2OID:
            // Empty is NULL (an integer is never written empty): nil either way, as for NULL.
            guard let raw = PQgetvalue(result, row, field), raw.pointee != 0 else { return nil }
            return Self.parseInteger(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
        default:
            return nil
        }
    }

    func real(at position: Int) throws -> Double? {
        let field = try checked(position)
        switch types[position] {
        case PostgreSQLValues.float8OID, PostgreSQLValues.float4OID:
            // strtod reads "NaN", "Infinity" and "-Infinity" as PostgreSQL writes them.
            guard PQgetisnull(result, row, field) == 0, let raw = PQgetvalue(result, row, field) else { return nil }
            return strtod(raw, nil)
        default:
            return nil
        }
    }

    func text(at position: Int) throws -> String? {
        let field = try checked(position)
        guard PostgreSQLValues.isText(types[position]), let raw = PQgetvalue(result, row, field) else { return nil }
        if raw.pointee == 0 { return PQgetisnull(result, row, field) == 0 ? "" : nil }
        return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
    }

    /// A decimal integer as PostgreSQL writes it (an optional minus, digits); nil when it does not
    /// fit in 64 bits, so that the slow path reports it.
    private static func parseInteger(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let negative = base.load(as: UInt8.self) == UInt8(ascii: "-")
        let first = negative ? 1 : 0
        guard first < bytes.count else { return nil }
        // Up to 18 digits cannot overflow: the usual key is read with no check per digit.
        if bytes.count - first <= 18 {
            var value: Int64 = 0
            for offset in first..<bytes.count {
                let digit = Int64(base.load(fromByteOffset: offset, as: UInt8.self)) &- 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value &* 10 &+ digit
            }
            return negative ? -value : value
        }
        var value: Int64 = 0
        for byte in bytes.dropFirst(first) {
            let digit = Int64(byte) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflow, !overflowAgain else { return nil }
            value = sum
        }
        return value
    }
}
