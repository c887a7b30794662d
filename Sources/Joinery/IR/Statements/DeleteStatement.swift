/// `DELETE FROM … [WHERE …]`. (A soft delete is an ``UpdateStatement`` of `deleted_at`.)
///
/// ```sql
/// DELETE FROM "users" WHERE "users"."id" = $1
/// ```
public struct DeleteStatement: Sendable, Hashable, Codable {
    public var table: String
    public var filter: Condition?

    public init(table: String, filter: Condition? = nil) {
        self.table = table
        self.filter = filter
    }
}
