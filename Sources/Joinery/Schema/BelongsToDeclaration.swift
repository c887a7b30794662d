/// A belongs-to association as declared: `@BelongsTo var user: User?` on `Profile`.
///
/// The foreign key lives on the declaring model. Left `nil`, the keys follow GORM's convention:
/// the foreign key is the field named after the relation plus the referenced key (`user` +
/// `id` → `userID`, column `user_id`), else after the target type (`User` → `userID`); the
/// referenced key is the target's primary key.
public struct BelongsToDeclaration: Sendable, Hashable, Codable {
    /// The Swift property (`user`).
    public var name: String
    /// The target model's name (`User`).
    public var target: String
    /// Fields of the declaring model holding the key (`["userRefer"]`); `nil` for the convention.
    public var foreignKey: [String]?
    /// Fields of the target that the key references (`["refer"]`); `nil` for its primary key.
    /// They must be the primary key or carry a unique constraint.
    public var references: [String]?
    /// `ON UPDATE` of the constraint; nil: the engine's default.
    public var onUpdate: ForeignKeyAction?
    /// `ON DELETE` of the constraint; nil: the engine's default.
    public var onDelete: ForeignKeyAction?
    /// `nil` for `fk_<table>_<relation>`.
    public var constraintName: String?
    /// Whether a database constraint is created at all (GORM's `constraint:false`).
    public var createsConstraint: Bool

    /// A belongs-to association of `name`, to `target`.
    public init(
        _ name: String, target: String, foreignKey: [String]? = nil, references: [String]? = nil,
        onUpdate: ForeignKeyAction? = nil, onDelete: ForeignKeyAction? = nil, constraintName: String? = nil,
        createsConstraint: Bool = true
    ) {
        self.name = name
        self.target = target
        self.foreignKey = foreignKey
        self.references = references
        self.onUpdate = onUpdate
        self.onDelete = onDelete
        self.constraintName = constraintName
        self.createsConstraint = createsConstraint
    }
}
