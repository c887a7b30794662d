/// `CREATE [UNIQUE] INDEX [IF NOT EXISTS] "idx_users_email" ON "users" ("email")`.
public struct CreateIndexStatement: Sendable, Hashable, Codable {
    /// The table indexed.
    public var table: String
    /// The index: name, columns, uniqueness.
    public var index: IndexSchema
    /// `CREATE INDEX IF NOT EXISTS`.
    public var ifNotExists: Bool

    /// Creates `index` on `table`.
    public init(table: String, index: IndexSchema, ifNotExists: Bool = false) {
        self.table = table
        self.index = index
        self.ifNotExists = ifNotExists
    }
}
