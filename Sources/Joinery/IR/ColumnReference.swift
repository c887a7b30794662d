/// A column, optionally qualified by the table or alias it is read from.
///
/// In a statement, `table` is the name SQL uses: `"profiles"."user_id"`, `"User"."name"`.
/// In a query's conditions and ordering, `table` may also name an included relation by its
/// alias (`User`, `User__Company`); left `nil`, it means the table the condition is about.
///
/// JSON: `{"column": "name"}` or `{"table": "User", "column": "name"}`.
public struct ColumnReference: Sendable, Hashable, Codable {
    public var table: String?
    public var column: String

    public init(_ column: String, table: String? = nil) {
        self.table = table
        self.column = column
    }
}
