/// `ALTER TABLE "profiles" ADD COLUMN "nickname" TEXT`: a column a model gained after its table
/// was created. Where the dialect cannot add a constraint to a table
/// (``DialectCapabilities/addForeignKey`` is false: SQLite), a new foreign-key column carries
/// its constraint inline:
///
/// ```sql
/// ALTER TABLE "profiles" ADD COLUMN "user_id" INTEGER CONSTRAINT "fk_profiles_user" REFERENCES "users"("id") ON DELETE SET NULL
/// ```
public struct AddColumnStatement: Sendable, Hashable, Codable {
    /// The table altered.
    public var table: String
    /// The new column.
    public var column: ColumnDefinition
    /// A foreign key over this one column, declared inline.
    public var references: ForeignKeyConstraint?

    /// Adds `column` to `table`.
    public init(table: String, column: ColumnDefinition, references: ForeignKeyConstraint? = nil) {
        self.table = table
        self.column = column
        self.references = references
    }
}
