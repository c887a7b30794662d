/// A resolved belongs-to association: `Profile.user` → `User`, with both ends' tables and
/// columns known, and the constraint it creates.
///
/// ```sql
/// CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id")
///   ON DELETE SET NULL ON UPDATE CASCADE
/// ```
public struct BelongsToRelation: Sendable, Hashable, Codable {
    /// What a relation holds, behind one reference (``SharedFields``): the planner copies
    /// relations several times a statement.
    struct Fields: Sendable, Hashable, Codable {
        var name: String
        var ownerModel: String
        var ownerTable: String
        var targetModel: String
        var targetTable: String
        var foreignKeyFields: [String]
        var foreignKeyColumns: [String]
        var referencedFields: [String]
        var referencedColumns: [String]
        var onUpdate: ForeignKeyAction?
        var onDelete: ForeignKeyAction?
        var constraintName: String?
    }

    private var shared: SharedFields<Fields>

    /// The Swift property (`user`).
    public var name: String {
        get { shared.fields.name }
        set { shared = shared.changing { $0.name = newValue } }
    }
    /// The model that declares the association.
    public var ownerModel: String {
        get { shared.fields.ownerModel }
        set { shared = shared.changing { $0.ownerModel = newValue } }
    }
    /// Its table.
    public var ownerTable: String {
        get { shared.fields.ownerTable }
        set { shared = shared.changing { $0.ownerTable = newValue } }
    }
    /// The model the association points at.
    public var targetModel: String {
        get { shared.fields.targetModel }
        set { shared = shared.changing { $0.targetModel = newValue } }
    }
    /// Its table.
    public var targetTable: String {
        get { shared.fields.targetTable }
        set { shared = shared.changing { $0.targetTable = newValue } }
    }
    /// Fields and columns of the owner holding the key (`userID` / `user_id`).
    public var foreignKeyFields: [String] {
        get { shared.fields.foreignKeyFields }
        set { shared = shared.changing { $0.foreignKeyFields = newValue } }
    }
    /// The owner's foreign-key columns (`user_id`).
    public var foreignKeyColumns: [String] {
        get { shared.fields.foreignKeyColumns }
        set { shared = shared.changing { $0.foreignKeyColumns = newValue } }
    }
    /// Fields and columns of the target it references (`id` / `id`).
    public var referencedFields: [String] {
        get { shared.fields.referencedFields }
        set { shared = shared.changing { $0.referencedFields = newValue } }
    }
    /// The target's referenced columns (`id`, or a unique key).
    public var referencedColumns: [String] {
        get { shared.fields.referencedColumns }
        set { shared = shared.changing { $0.referencedColumns = newValue } }
    }
    /// `ON UPDATE` of the constraint.
    public var onUpdate: ForeignKeyAction? {
        get { shared.fields.onUpdate }
        set { shared = shared.changing { $0.onUpdate = newValue } }
    }
    /// `ON DELETE` of the constraint.
    public var onDelete: ForeignKeyAction? {
        get { shared.fields.onDelete }
        set { shared = shared.changing { $0.onDelete = newValue } }
    }
    /// `fk_profiles_user`; `nil` when no database constraint is created.
    public var constraintName: String? {
        get { shared.fields.constraintName }
        set { shared = shared.changing { $0.constraintName = newValue } }
    }

    /// Encoded as its fields, under their names.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }

    public static func == (lhs: BelongsToRelation, rhs: BelongsToRelation) -> Bool {
        SharedFields.same(lhs.shared, rhs.shared)
    }

    public func hash(into hasher: inout Hasher) { shared.fields.hash(into: &hasher) }

    /// A resolved relation (the schema makes these).
    public init(
        name: String, ownerModel: String, ownerTable: String, targetModel: String, targetTable: String,
        foreignKeyFields: [String], foreignKeyColumns: [String], referencedFields: [String],
        referencedColumns: [String], onUpdate: ForeignKeyAction? = nil, onDelete: ForeignKeyAction? = nil,
        constraintName: String?
    ) {
        shared = SharedFields(Fields(
            name: name, ownerModel: ownerModel, ownerTable: ownerTable, targetModel: targetModel,
            targetTable: targetTable, foreignKeyFields: foreignKeyFields, foreignKeyColumns: foreignKeyColumns,
            referencedFields: referencedFields, referencedColumns: referencedColumns, onUpdate: onUpdate,
            onDelete: onDelete, constraintName: constraintName))
    }

    /// The alias a join gives the target table: `User`.
    public var alias: String { Naming.relationAlias([name]) }

    /// Whether the owner and target are the same model (`User.manager`).
    public var isSelfReferential: Bool { ownerModel == targetModel }
}
