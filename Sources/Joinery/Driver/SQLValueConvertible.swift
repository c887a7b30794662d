#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift type that can be bound as a ``SQLValue`` and read back from one.
///
/// Reading is lenient about spelling, strict about meaning: a `Bool` reads `.bool(true)`
/// (PostgreSQL), `.integer(1)` (SQLite, MariaDB `TINYINT(1)`) and the text `"t"`, but an integer
/// that does not fit the Swift type is a ``JoineryError/Kind/decoding`` error, never a wrap-around.
public protocol SQLValueConvertible {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// Reads a value an engine returned. Throws ``JoineryError/Kind/decoding`` when it cannot.
    init(sqlValue: SQLValue) throws
    /// Reads the column at `position` of the row `cursor` is on, straight from the driver's
    /// buffers where the type allows. Default: ``init(sqlValue:)`` of the cursor's value.
    init(cursor: any RowCursor, at position: Int) throws
    /// Reads the column at `position`, or nil when it is NULL: what an optional field reads with.
    /// Default: ``RowCursor/isNull(at:)``, then ``SQLValueConvertible/init(cursor:at:)``; the integer, floating-point,
    /// text and boolean types ask the cursor for their kind first, one call for a value that is there.
    static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Self?
}

extension SQLValueConvertible {
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        try self.init(sqlValue: cursor.value(at: position))
    }

    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Self? {
        try cursor.isNull(at: position) ? nil : Self(cursor: cursor, at: position)
    }
}

extension JoineryError {
    package static func cannotDecode(_ value: SQLValue, as type: Any.Type) -> JoineryError {
        JoineryError(.decoding, "cannot read \(value) as \(type)")
    }
}

extension Int64: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { .integer(self) }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        if let number = try cursor.integer(at: position) {
            self = number
        } else {
            try self.init(sqlValue: cursor.value(at: position))
        }
    }
    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Int64? {
        if let number = try cursor.integer(at: position) { return number }
        return try cursor.isNull(at: position) ? nil : Int64(sqlValue: cursor.value(at: position))
    }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .integer(let value): self = value
        case .bool(let value): self = value ? 1 : 0
        case .double(let value):
            guard let exact = Int64(exactly: value) else { throw JoineryError.cannotDecode(sqlValue, as: Int64.self) }
            self = exact
        case .text(let text):
            guard let parsed = Int64(text) else { throw JoineryError.cannotDecode(sqlValue, as: Int64.self) }
            self = parsed
        default: throw JoineryError.cannotDecode(sqlValue, as: Int64.self)
        }
    }
}

extension SQLValueConvertible where Self: FixedWidthInteger {
    @inlinable
    public var sqlValue: SQLValue {
        // UInt64 values above Int64.max have no integer column on any engine: keep them exact as text.
        if let value = Int64(exactly: self) { return .integer(value) }
        return .text(String(self))
    }
    public init(sqlValue: SQLValue) throws {
        if case .text(let text) = sqlValue, let parsed = Self(text) {
            self = parsed
            return
        }
        guard let exact = Self(exactly: try Int64(sqlValue: sqlValue)) else {
            throw JoineryError.cannotDecode(sqlValue, as: Self.self)
        }
        self = exact
    }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        if let number = try cursor.integer(at: position), let exact = Self(exactly: number) {
            self = exact
        } else {
            try self.init(sqlValue: cursor.value(at: position))
        }
    }
    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Self? {
        if let number = try cursor.integer(at: position), let exact = Self(exactly: number) { return exact }
        return try cursor.isNull(at: position) ? nil : Self(sqlValue: cursor.value(at: position))
    }
}

extension Int: SQLValueConvertible {}
extension Int32: SQLValueConvertible {}
extension Int16: SQLValueConvertible {}
extension Int8: SQLValueConvertible {}
extension UInt: SQLValueConvertible {}
extension UInt64: SQLValueConvertible {}
extension UInt32: SQLValueConvertible {}
extension UInt16: SQLValueConvertible {}
extension UInt8: SQLValueConvertible {}

extension Double: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { .double(self) }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        if let number = try cursor.real(at: position) {
            self = number
        } else {
            try self.init(sqlValue: cursor.value(at: position))
        }
    }
    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Double? {
        if let number = try cursor.real(at: position) { return number }
        return try cursor.isNull(at: position) ? nil : Double(sqlValue: cursor.value(at: position))
    }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .double(let value): self = value
        case .integer(let value): self = Double(value)
        case .text(let text):
            guard let parsed = Double(text) else { throw JoineryError.cannotDecode(sqlValue, as: Double.self) }
            self = parsed
        default: throw JoineryError.cannotDecode(sqlValue, as: Double.self)
        }
    }
}

extension Float: SQLValueConvertible {
    public var sqlValue: SQLValue { .double(Double(self)) }
    public init(sqlValue: SQLValue) throws { self = Float(try Double(sqlValue: sqlValue)) }
}

extension String: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { .text(self) }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        if let text = try cursor.text(at: position) {
            self = text
        } else {
            try self.init(sqlValue: cursor.value(at: position))
        }
    }
    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> String? {
        if let text = try cursor.text(at: position) { return text }
        return try cursor.isNull(at: position) ? nil : String(sqlValue: cursor.value(at: position))
    }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .text(let text): self = text
        case .integer(let value): self = String(value)
        case .double(let value): self = String(value)
        case .blob(let bytes):
            // MariaDB reports some text results (e.g. from functions) with a binary charset.
            self = String(decoding: bytes, as: UTF8.self)
        default: throw JoineryError.cannotDecode(sqlValue, as: String.self)
        }
    }
}

extension Bool: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { .bool(self) }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        if let number = try cursor.integer(at: position) {
            self = number != 0
        } else {
            try self.init(sqlValue: cursor.value(at: position))
        }
    }
    @inlinable
    public static func decodeIfPresent(from cursor: any RowCursor, at position: Int) throws -> Bool? {
        if let number = try cursor.integer(at: position) { return number != 0 }
        return try cursor.isNull(at: position) ? nil : Bool(sqlValue: cursor.value(at: position))
    }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .bool(let value): self = value
        case .integer(let value): self = value != 0
        case .text(let text):
            switch text.lowercased() {
            case "t", "true", "1", "y", "yes", "on": self = true
            case "f", "false", "0", "n", "no", "off": self = false
            default: throw JoineryError.cannotDecode(sqlValue, as: Bool.self)
            }
        default: throw JoineryError.cannotDecode(sqlValue, as: Bool.self)
        }
    }
}

extension Date: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { .timestamp(self) }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .timestamp(let date): self = date
        case .text(let text):
            guard let timestamp = SQLTimestamp(parsing: text) else {
                throw JoineryError.cannotDecode(sqlValue, as: Date.self)
            }
            self = timestamp.date
        default: throw JoineryError.cannotDecode(sqlValue, as: Date.self)
        }
    }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .blob(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        default: throw JoineryError.cannotDecode(sqlValue, as: [UInt8].self)
        }
    }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(Array(self)) }
    public init(sqlValue: SQLValue) throws { self = Data(try [UInt8](sqlValue: sqlValue)) }
}

// Inlinable, so that a model's generated code gets them specialised for its own optionals: the
// generic versions look up `Optional<Wrapped>`'s metadata on every call.
extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    @inlinable
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    @inlinable
    public init(cursor: any RowCursor, at position: Int) throws {
        self = try Wrapped.decodeIfPresent(from: cursor, at: position)
    }
    @inlinable
    public init(sqlValue: SQLValue) throws {
        self = sqlValue.isNull ? nil : try Wrapped(sqlValue: sqlValue)
    }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
    public init(sqlValue: SQLValue) { self = sqlValue }
}
