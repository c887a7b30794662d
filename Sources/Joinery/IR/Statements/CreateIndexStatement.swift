/// `CREATE [UNIQUE] INDEX [IF NOT EXISTS] "idx_users_email" ON "users" ("email")`.
public struct CreateIndexStatement: Sendable, Hashable, Codable {
    public var table: String
    public var index: IndexSchema
    public var ifNotExists: Bool

    public init(table: String, index: IndexSchema, ifNotExists: Bool = false) {
        self.table = table
        self.index = index
        self.ifNotExists = ifNotExists
    }
}
