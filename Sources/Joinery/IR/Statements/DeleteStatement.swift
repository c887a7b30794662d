/// `DELETE FROM … [WHERE …]`. (A soft delete is an ``UpdateStatement`` of `deleted_at`.)
///
/// ```sql
/// DELETE FROM "users" WHERE "users"."id" = $1
/// ```
public struct DeleteStatement: Sendable, Hashable, Codable {
    /// The table deleted from.
    public var table: String
    /// `WHERE`; nil deletes every row.
    public var filter: Condition?

    /// `DELETE FROM table [WHERE filter]`.
    public init(table: String, filter: Condition? = nil) {
        self.table = table
        self.filter = filter
    }
}
