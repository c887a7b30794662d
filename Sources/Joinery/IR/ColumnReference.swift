/// A column, optionally qualified by the table or alias it is read from.
///
/// In a statement, `table` is the name SQL uses: `"profiles"."user_id"`, `"User"."name"`.
/// In a query's conditions and ordering, `table` may also name an included relation by its
/// alias (`User`, `User__Company`); left `nil`, it means the table the condition is about.
///
/// JSON: `{"column": "name"}` or `{"table": "User", "column": "name"}`.
public struct ColumnReference: Sendable, Hashable, Codable {
    /// The table or alias that qualifies the column (`"User"`); nil: the statement's own table.
    public var table: String?
    /// The column's name, or a field's name before the planner resolves it.
    public var column: String

    /// `column`, qualified by `table` when given.
    public init(_ column: String, table: String? = nil) {
        self.table = table
        self.column = column
    }
}
