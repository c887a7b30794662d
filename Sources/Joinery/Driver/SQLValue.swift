#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A value as it travels between Swift and a database engine: always bound, never spliced into SQL.
///
/// Engines differ in what they store: SQLite has no boolean or date type (Joinery binds `true`
/// as `1` and a date as the text `2024-05-06 07:08:09.123456`, UTC), MariaDB returns booleans as
/// `TINYINT(1)` integers. ``SQLValueConvertible`` reads any of these spellings back into the Swift
/// type, so a value round-trips on every engine.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
    case bool(Bool)
    /// A point in time. Stored as UTC with microsecond precision.
    case timestamp(Date)

    /// Whether the value is SQL's NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SQLValue: CustomStringConvertible {
    /// A readable rendering for logs and error messages; never used to build SQL.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .text(let value): return "'" + value.replacingAll("'", with: "''") + "'"
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .timestamp(let date): return "'" + SQLTimestamp(date).iso8601 + "'"
        }
    }
}

extension SQLValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension String {
    /// Every `target` replaced by `replacement`, compared by Unicode scalar, not by `Character`:
    /// a quote followed by a combining mark is one `Character` (`'\u{301}`), but the engine
    /// ends a quoted string or name at the quote itself — escaping must see it.
    package func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        // The common case, no quote at all, is one scan of the bytes.
        if target.isASCII, !containsByte(UInt8(target.value)) { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target {
                scalars.append(contentsOf: replacement.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether the UTF-8 bytes hold `byte`: a plain loop over contiguous storage (native
    /// strings), the generic view otherwise.
    private func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// `open` + the text + `close`, written into one new string.
    package func enclosed(by open: String, _ close: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count + open.utf8.count + close.utf8.count)
        result += open
        result += self
        result += close
        return result
    }
}
