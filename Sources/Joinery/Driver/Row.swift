/// The column names of one result, shared by all its rows.
public final class RowColumns: Sendable {
    /// The columns' names, in result order (`User__name` for a joined column).
    public let names: [String]

    /// The column names of a result, in order.
    public init(_ names: [String]) {
        self.names = names
    }

    /// The number of columns.
    public var count: Int { names.count }

    /// The position of the first column called `name` (the first wins, as in SQL's own name
    /// resolution of a result). A scan: a result has a few columns, generated code reads by
    /// position, and a dictionary built for every statement cost more than all lookups by name.
    public func position(of name: String) -> Int? { names.firstIndex(of: name) }
}

/// One result row: its values by position, and the result's column names.
///
/// Generated model code reads by position (`row.decode(at: 3)`); lookup by name is for people.
/// Every accessor by position checks it: a position past the last column is a typed error,
/// never a trap.
public struct Row: Sendable {
    /// The result's column names, shared by its rows.
    public let columns: RowColumns
    /// The values, in column order.
    public var values: [SQLValue]

    /// A row of `values` under `columns` (a driver builds these).
    public init(columns: RowColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The number of values.
    public var count: Int { values.count }

    /// The value at `position`; throws ``JoineryError/Kind/decoding`` when the row has no such
    /// column.
    public func value(at position: Int) throws -> SQLValue {
        guard values.indices.contains(position) else { throw Self.noColumn(at: position, of: values.count) }
        return values[position]
    }

    /// For Joinery's own loops, whose positions come from the statement it planned.
    subscript(position: Int) -> SQLValue { values[position] }

    private static func noColumn(at position: Int, of count: Int) -> JoineryError {
        JoineryError(.decoding, "the row has \(count) column\(count == 1 ? "" : "s"), none at position \(position)")
    }

    /// The value of the first column called `name`, or `nil` when there is none.
    public subscript(name: String) -> SQLValue? {
        columns.position(of: name).map { values[$0] }
    }

    /// Reads the value at `position` as `T`; throws ``JoineryError/Kind/decoding`` naming the column.
    public func decode<T: SQLValueConvertible>(_ type: T.Type = T.self, at position: Int) throws -> T {
        guard values.indices.contains(position) else { throw Self.noColumn(at: position, of: values.count) }
        do {
            return try T(sqlValue: values[position])
        } catch var error as JoineryError {
            error.column = columns.names.indices.contains(position) ? columns.names[position] : nil
            throw error
        }
    }

    /// Reads the first column called `name` as `T`.
    public func decode<T: SQLValueConvertible>(_ type: T.Type = T.self, named name: String) throws -> T {
        guard let position = columns.position(of: name) else {
            throw JoineryError(.decoding, "no column named \(name) (columns: \(columns.names.joined(separator: ", ")))")
        }
        return try decode(type, at: position)
    }
}

extension Row: CustomStringConvertible {
    public var description: String {
        "[" + zip(columns.names, values).map { "\($0): \($1)" }.joined(separator: ", ") + "]"
    }
}

/// What a statement that returns no rows reports.
public struct ExecutionResult: Sendable, Equatable {
    /// Rows inserted, updated or deleted.
    public var rowsAffected: Int
    /// The key the engine generated for the last inserted row (SQLite's rowid, MariaDB's
    /// `LAST_INSERT_ID()`); `nil` on engines without one (PostgreSQL: use `RETURNING`).
    public var lastInsertID: Int64?

    /// What a driver reports after a statement without rows.
    public init(rowsAffected: Int, lastInsertID: Int64? = nil) {
        self.rowsAffected = rowsAffected
        self.lastInsertID = lastInsertID
    }
}
