/// `UPDATE … SET … [WHERE …]`.
///
/// ```sql
/// UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3 AND "profiles"."deleted_at" IS NULL
/// ```
public struct UpdateStatement: Sendable, Hashable, Codable {
    /// The table updated.
    public var table: String
    /// The `SET` clauses, in order.
    public var assignments: [Assignment]
    /// `WHERE`; nil updates every row.
    public var filter: Condition?

    /// `UPDATE table SET … [WHERE filter]`.
    public init(table: String, assignments: [Assignment], filter: Condition? = nil) {
        self.table = table
        self.assignments = assignments
        self.filter = filter
    }
}

/// `"user_id" = ?` in a SET list.
public struct Assignment: Sendable, Hashable, Codable {
    /// The column set.
    public var column: String
    /// Its new value: bound, or another column.
    public var value: Operand

    /// `column = value`.
    public init(_ column: String, _ value: Operand) {
        self.column = column
        self.value = value
    }
}
