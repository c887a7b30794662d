#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The portable type of a column. Each dialect maps it to its own spelling
/// (`.integer` is `INTEGER` on SQLite, `BIGINT` on PostgreSQL and MariaDB).
public enum ColumnType: Sendable, Hashable {
    /// A 64-bit signed integer.
    case integer
    case double
    /// Text; `maxLength` asks for a bounded type (`VARCHAR(n)`), which MariaDB needs for a
    /// unique or indexed text column.
    case text(maxLength: Int?)
    case blob
    case bool
    /// A UTC point in time with microsecond precision.
    case timestamp

    /// Text without a length limit.
    public static let text = ColumnType.text(maxLength: nil)

    /// Whether a foreign key of this type can reference a column of `other`: the same kind of
    /// value, whatever the text length.
    public func isCompatible(with other: ColumnType) -> Bool {
        switch (self, other) {
        case (.text, .text): return true
        default: return self == other
        }
    }
}

extension ColumnType: CustomStringConvertible {
    /// `integer`, `double`, `text`, `text(64)`, `blob`, `bool`, `timestamp`: also the JSON form.
    public var description: String {
        switch self {
        case .integer: return "integer"
        case .double: return "double"
        case .text(let maxLength): return maxLength.map { "text(\($0))" } ?? "text"
        case .blob: return "blob"
        case .bool: return "bool"
        case .timestamp: return "timestamp"
        }
    }

    /// Reads the ``description`` form back.
    public init?(parsing text: String) {
        switch text {
        case "integer": self = .integer
        case "double": self = .double
        case "text": self = .text
        case "blob": self = .blob
        case "bool": self = .bool
        case "timestamp": self = .timestamp
        default:
            guard text.hasPrefix("text("), text.hasSuffix(")"),
                let length = Int(text.dropFirst(5).dropLast()), length > 0
            else { return nil }
            self = .text(maxLength: length)
        }
    }
}

/// JSON: the ``description`` string (`"integer"`, `"text(64)"`).
extension ColumnType: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let type = ColumnType(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a column type (integer, double, text, text(N), blob, bool, timestamp)")
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A Swift type that can be a model's column: it knows its ``ColumnType`` and whether it is
/// nullable (`Optional` is).
public protocol SQLColumnConvertible: SQLValueConvertible {
    static var columnType: ColumnType { get }
    /// True for `Optional`: the column allows NULL.
    static var isNullable: Bool { get }
}

extension SQLColumnConvertible {
    /// Not optional: the column is `NOT NULL`.
    public static var isNullable: Bool { false }
}

extension Int: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension Int64: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension Int32: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension Int16: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension Int8: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension UInt32: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension UInt16: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension UInt8: SQLColumnConvertible { public static var columnType: ColumnType { .integer } }
extension Double: SQLColumnConvertible { public static var columnType: ColumnType { .double } }
extension Float: SQLColumnConvertible { public static var columnType: ColumnType { .double } }
extension String: SQLColumnConvertible { public static var columnType: ColumnType { .text } }
extension Bool: SQLColumnConvertible { public static var columnType: ColumnType { .bool } }
extension Date: SQLColumnConvertible { public static var columnType: ColumnType { .timestamp } }
extension Data: SQLColumnConvertible { public static var columnType: ColumnType { .blob } }
extension Array: SQLColumnConvertible where Element == UInt8 { public static var columnType: ColumnType { .blob } }

extension Optional: SQLColumnConvertible where Wrapped: SQLColumnConvertible {
    public static var columnType: ColumnType { Wrapped.columnType }
    /// Optional: the column takes NULL.
    public static var isNullable: Bool { true }
}
