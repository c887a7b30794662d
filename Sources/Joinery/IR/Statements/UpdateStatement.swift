/// `UPDATE … SET … [WHERE …]`.
///
/// ```sql
/// UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3 AND "profiles"."deleted_at" IS NULL
/// ```
public struct UpdateStatement: Sendable, Hashable, Codable {
    public var table: String
    public var assignments: [Assignment]
    public var filter: Condition?

    public init(table: String, assignments: [Assignment], filter: Condition? = nil) {
        self.table = table
        self.assignments = assignments
        self.filter = filter
    }
}

/// `"user_id" = ?` in a SET list.
public struct Assignment: Sendable, Hashable, Codable {
    public var column: String
    public var value: Operand

    public init(_ column: String, _ value: Operand) {
        self.column = column
        self.value = value
    }
}
