/// The row a driver is positioned on, read in place: the generated model code reads each column
/// straight from the C client's buffers (`sqlite3_column_int64`, the libpq result, MariaDB's bind
/// buffers) through these accessors, with no ``SQLValue`` built per column.
///
/// A cursor is valid only inside the closure it is handed to, and only for the row it is on.
/// Only ``value(at:)`` is required; the typed accessors have defaults that go through it, and a
/// driver overrides those its client can answer faster. Every accessor checks `position`: one
/// past the last column throws ``JoineryError/Kind/decoding``, never traps.
///
/// ```swift
/// try connection.forEachCursor("SELECT id, name FROM users", []) { cursor in
///     let id: Int64 = try cursor.decode(at: 0)
///     let name: String? = try cursor.decode(at: 1)
/// }
/// ```
public protocol RowCursor: AnyObject {
    /// The number of columns.
    var columnCount: Int { get }
    /// The name of the column at `position` (`User__name`), for error messages.
    func columnName(at position: Int) -> String
    /// The column's value as an ``SQLValue``: what the typed accessors fall back to.
    func value(at position: Int) throws -> SQLValue
    /// Whether the column is NULL.
    func isNull(at position: Int) throws -> Bool
    /// The column's value when the engine returned an integer; nil for NULL and other kinds.
    func integer(at position: Int) throws -> Int64?
    /// The column's value when the engine returned a floating-point number; nil otherwise.
    func real(at position: Int) throws -> Double?
    /// The column's value when the engine returned text; nil otherwise.
    func text(at position: Int) throws -> String?
}

extension RowCursor {
    public func isNull(at position: Int) throws -> Bool { try value(at: position).isNull }

    public func integer(at position: Int) throws -> Int64? {
        if case .integer(let number) = try value(at: position) { return number }
        return nil
    }

    public func real(at position: Int) throws -> Double? {
        if case .double(let number) = try value(at: position) { return number }
        return nil
    }

    public func text(at position: Int) throws -> String? {
        if case .text(let text) = try value(at: position) { return text }
        return nil
    }

    /// Reads the column at `position` as `T`; throws ``JoineryError/Kind/decoding`` naming the
    /// column when it cannot.
    public func decode<T: SQLValueConvertible>(_ type: T.Type = T.self, at position: Int) throws -> T {
        try ColumnReader.read(self, at: position)
    }

    /// The columns `range` as a ``Row`` (for code that wants values: hand-written models).
    public func row(_ range: Range<Int>) throws -> Row {
        Row(columns: RowColumns(range.map(columnName(at:))), values: try range.map(value(at:)))
    }

    /// The error of a position past the last column.
    public func noColumn(at position: Int) -> JoineryError {
        JoineryError(.decoding, "the row has \(columnCount) column\(columnCount == 1 ? "" : "s"), none at position \(position)")
    }
}

/// What the code `@Model` generates reads columns with: generic over the value's type only, so
/// that it is specialised in the model's module for each field's type (`Int64?`, `String`) —
/// no type metadata is looked up per row. (A generic method on ``RowCursor`` itself would be
/// generic over the cursor's type too, which the model's code does not know.)
public enum ColumnReader {
    /// The column at `position` of the row `cursor` is on, as `T`; a failure names the column.
    @inlinable
    public static func read<T: SQLValueConvertible>(_ cursor: any RowCursor, at position: Int) throws -> T {
        do {
            return try T(cursor: cursor, at: position)
        } catch let error as JoineryError {
            throw named(error, cursor, position)
        }
    }

    /// `error` with the name of the column at `position`.
    @usableFromInline
    static func named(_ error: JoineryError, _ cursor: any RowCursor, _ position: Int) -> JoineryError {
        var error = error
        if error.column == nil, position >= 0, position < cursor.columnCount { error.column = cursor.columnName(at: position) }
        return error
    }
}

/// A cursor over ``Row`` values: how a driver that only implements
/// ``DatabaseConnection/forEachRow(_:_:_:)`` serves ``DatabaseConnection/forEachCursor(_:_:_:)``.
/// One instance is moved from row to row.
final class RowValuesCursor: RowCursor {
    var row: Row

    init(_ row: Row) { self.row = row }

    var columnCount: Int { row.count }

    func columnName(at position: Int) -> String {
        row.columns.names.indices.contains(position) ? row.columns.names[position] : "#\(position)"
    }

    func value(at position: Int) throws -> SQLValue { try row.value(at: position) }
}
