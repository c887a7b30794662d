import CLibPQ
import Foundation
import Joinery

/// How ``SQLValue``s become libpq parameters, and how result cells become ``SQLValue``s.
enum PostgreSQLValues {
    // Type OIDs from pg_type.h.
    static let boolOID: Oid = 16
    static let byteaOID: Oid = 17
    static let int8OID: Oid = 20
    static let int2OID: Oid = 21
    static let int4OID: Oid = 23
    static let oidOID: Oid = 26
    static let float4OID: Oid = 700
    static let float8OID: Oid = 701
    static let dateOID: Oid = 1082
    static let timestampOID: Oid = 1114
    static let timestamptzOID: Oid = 1184

    /// Whether ``decode(_:_:_:type:)`` reads a column of this type as text.
    static func isText(_ type: Oid) -> Bool {
        switch type {
        case boolOID, int8OID, int4OID, int2OID, oidOID, float4OID, float8OID, byteaOID, timestampOID, timestamptzOID, dateOID:
            return false
        default:
            return true
        }
    }

    /// The parameter arrays of one `PQexecParams` call. All values' bytes live in one buffer, so
    /// pinning them for the call is one `withUnsafeBufferPointer`, whatever the count.
    struct Parameters {
        var types: [Oid] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        /// Where each value starts in `buffer`; nil for NULL.
        var offsets: [Int?] = []
        var buffer: [UInt8] = []

        /// Throws ``JoineryError/Kind/invalidValue`` for text with a NUL character: PostgreSQL
        /// text cannot hold one, and libpq would cut the value there.
        init(_ values: [SQLValue], sql: String) throws {
            types.reserveCapacity(values.count)
            lengths.reserveCapacity(values.count)
            formats.reserveCapacity(values.count)
            offsets.reserveCapacity(values.count)
            for (position, value) in values.enumerated() {
                switch value {
                case .null: appendNull()
                case .integer(let integer): append(int8: integer)
                case .double(let double): append(text: Self.text(of: double), type: float8OID)
                case .bool(let bool): append(text: bool ? "t" : "f", type: boolOID)
                // Unknown type (0): the server infers it from context, so a text value fits a
                // text, varchar, json or enum column alike.
                case .text(let text):
                    guard !StatementText.containsNUL(text) else {
                        throw JoineryError(
                            .invalidValue,
                            "the text bound to $\(position + 1) contains a NUL character, which PostgreSQL text cannot hold",
                            engine: "PostgreSQL", sql: sql)
                    }
                    append(text: text, type: 0)
                case .timestamp(let date):
                    guard SQLTimestamp.isRepresentable(date) else { throw SQLTimestamp.unrepresentable(date, sql: sql) }
                    append(text: SQLTimestamp(date).sqlText + "+00", type: timestamptzOID)
                // bytea goes binary: no escaping, no hex doubling.
                case .blob(let bytes): append(binary: bytes, type: byteaOID)
                }
            }
        }

        private mutating func appendNull() {
            offsets.append(nil)
            types.append(0)
            lengths.append(0)
            formats.append(0)
        }

        /// An int8 in binary, network byte order: no text to format here or to parse on the server.
        private mutating func append(int8 integer: Int64) {
            withUnsafeBytes(of: integer.bigEndian) { append(binary: $0, type: int8OID) }
        }

        /// A binary-format value. Followed by a NUL like text: an empty value then still points
        /// into the buffer (a nil pointer would send NULL).
        private mutating func append(binary bytes: some Collection<UInt8>, type: Oid) {
            offsets.append(buffer.count)
            buffer.append(contentsOf: bytes)
            buffer.append(0)
            types.append(type)
            lengths.append(Int32(bytes.count))
            formats.append(1)
        }

        private mutating func append(text: String, type: Oid) {
            offsets.append(buffer.count)
            let start = buffer.count
            var text = text
            text.withUTF8 { buffer.append(contentsOf: $0) }  // one copy of contiguous bytes
            lengths.append(Int32(buffer.count - start))
            buffer.append(0)  // text-format values are read as C strings
            types.append(type)
            formats.append(0)
        }

        private static func text(of double: Double) -> String {
            if double.isNaN { return "NaN" }
            if double.isInfinite { return double < 0 ? "-Infinity" : "Infinity" }
            return String(double)  // the shortest text that reads back as the same Double
        }

        func withPointers<T>(
            _ body: (UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> T
        ) -> T {
            buffer.withUnsafeBytes { bytes in
                let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                let values: [UnsafePointer<CChar>?] = offsets.map { offset in offset.flatMap { start?.advanced(by: $0) } }
                return values.withUnsafeBufferPointer { values in
                    types.withUnsafeBufferPointer { types in
                        lengths.withUnsafeBufferPointer { lengths in
                            formats.withUnsafeBufferPointer { formats in
                                body(types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Reads one cell of a text-format result.
    static func decode(_ result: OpaquePointer, _ row: Int32, _ field: Int32, type: Oid) -> SQLValue {
        if PQgetisnull(result, row, field) == 1 { return .null }
        guard let raw = PQgetvalue(result, row, field) else { return .null }
        let length = Int(PQgetlength(result, row, field))
        let bytes = UnsafeRawBufferPointer(start: raw, count: length)
        let text = String(decoding: bytes, as: UTF8.self)
        switch type {
        case boolOID:
            return .bool(text == "t")
        case int8OID, int4OID, int2OID, oidOID:
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        case float4OID, float8OID:
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default: return Double(text).map(SQLValue.double) ?? .text(text)
            }
        case byteaOID:
            return decodeHexBytea(bytes).map(SQLValue.blob) ?? .text(text)
        case timestampOID, timestamptzOID, dateOID:
            return SQLTimestamp(parsing: text).map { .timestamp($0.date) } ?? .text(text)
        default:
            return .text(text)
        }
    }

    /// bytea's text output: `\x` followed by two hex digits per byte.
    private static func decodeHexBytea(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0 else {
            return nil
        }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: return byte - 48
            case 97...102: return byte - 87
            case 65...70: return byte - 55
            default: return nil
            }
        }
        var output = [UInt8](repeating: 0, count: (bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            output[(index - 2) / 2] = high << 4 | low
            index += 2
        }
        return output
    }
}
