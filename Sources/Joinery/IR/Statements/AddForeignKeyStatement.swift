/// `ALTER TABLE "a" ADD CONSTRAINT … FOREIGN KEY …`: the constraint that closes a cycle of
/// belongs-to relations, added once both tables exist. Lowering throws
/// ``JoineryError/Kind/unsupported`` on a dialect that cannot alter constraints (SQLite), whose
/// ``DialectCapabilities/forwardForeignKeyReferences`` makes it unnecessary there.
public struct AddForeignKeyStatement: Sendable, Hashable, Codable {
    public var table: String
    public var constraint: ForeignKeyConstraint

    public init(table: String, constraint: ForeignKeyConstraint) {
        self.table = table
        self.constraint = constraint
    }
}
