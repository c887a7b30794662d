/// `ALTER TABLE "a" ADD CONSTRAINT … FOREIGN KEY …`: the constraint that closes a cycle of
/// belongs-to relations, added once both tables exist. Lowering throws
/// ``JoineryError/Kind/unsupported`` on a dialect that cannot alter constraints (SQLite), whose
/// ``DialectCapabilities/forwardForeignKeyReferences`` makes it unnecessary there.
public struct AddForeignKeyStatement: Sendable, Hashable, Codable {
    /// The table that gets the constraint.
    public var table: String
    /// The constraint.
    public var constraint: ForeignKeyConstraint

    /// Adds `constraint` to `table`.
    public init(table: String, constraint: ForeignKeyConstraint) {
        self.table = table
        self.constraint = constraint
    }
}
