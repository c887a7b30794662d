/// A resolved belongs-to association: `Profile.user` → `User`, with both ends' tables and
/// columns known, and the constraint it creates.
///
/// ```sql
/// CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id")
///   ON DELETE SET NULL ON UPDATE CASCADE
/// ```
public struct BelongsToRelation: Sendable, Hashable, Codable {
    /// The Swift property (`user`).
    public var name: String
    /// The model that declares the association.
    public var ownerModel: String
    /// Its table.
    public var ownerTable: String
    /// The model the association points at.
    public var targetModel: String
    /// Its table.
    public var targetTable: String
    /// Fields and columns of the owner holding the key (`userID` / `user_id`).
    public var foreignKeyFields: [String]
    /// The owner's foreign-key columns (`user_id`).
    public var foreignKeyColumns: [String]
    /// Fields and columns of the target it references (`id` / `id`).
    public var referencedFields: [String]
    /// The target's referenced columns (`id`, or a unique key).
    public var referencedColumns: [String]
    /// `ON UPDATE` of the constraint.
    public var onUpdate: ForeignKeyAction?
    /// `ON DELETE` of the constraint.
    public var onDelete: ForeignKeyAction?
    /// `fk_profiles_user`; `nil` when no database constraint is created.
    public var constraintName: String?

    /// A resolved relation (the schema makes these).
    public init(
        name: String, ownerModel: String, ownerTable: String, targetModel: String, targetTable: String,
        foreignKeyFields: [String], foreignKeyColumns: [String], referencedFields: [String],
        referencedColumns: [String], onUpdate: ForeignKeyAction? = nil, onDelete: ForeignKeyAction? = nil,
        constraintName: String?
    ) {
        self.name = name
        self.ownerModel = ownerModel
        self.ownerTable = ownerTable
        self.targetModel = targetModel
        self.targetTable = targetTable
        self.foreignKeyFields = foreignKeyFields
        self.foreignKeyColumns = foreignKeyColumns
        self.referencedFields = referencedFields
        self.referencedColumns = referencedColumns
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.constraintName = constraintName
    }

    /// The alias a join gives the target table: `User`.
    public var alias: String { Naming.relationAlias([name]) }

    /// Whether the owner and target are the same model (`User.manager`).
    public var isSelfReferential: Bool { ownerModel == targetModel }
}
