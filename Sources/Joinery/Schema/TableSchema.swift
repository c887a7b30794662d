/// A model's table, resolved: columns in declaration order, keys, constraints, indexes and
/// belongs-to relations with their keys worked out.
public struct TableSchema: Sendable, Hashable, Codable {
    /// What a table's schema holds: its fields behind one reference (``SharedFields``), so that
    /// the copies planning takes retain one object.
    struct Fields: Sendable, Hashable, Codable {
        var modelName: String
        var name: String
        var columns: [ColumnSchema]
        var primaryKey: [String]
        var hasGeneratedPrimaryKey: Bool
        var uniqueConstraints: [UniqueConstraint]
        var indexes: [IndexSchema]
        var belongsTo: [BelongsToRelation]
    }

    private var shared: SharedFields<Fields>

    /// The model's name.
    public var modelName: String {
        get { shared.fields.modelName }
        set { shared = shared.changing { $0.modelName = newValue } }
    }
    /// The table's name.
    public var name: String {
        get { shared.fields.name }
        set { shared = shared.changing { $0.name = newValue } }
    }
    /// The columns, in declaration order.
    public var columns: [ColumnSchema] {
        get { shared.fields.columns }
        set { shared = shared.changing { $0.columns = newValue } }
    }
    /// Primary-key column names (empty when the model has none).
    public var primaryKey: [String] {
        get { shared.fields.primaryKey }
        set { shared = shared.changing { $0.primaryKey = newValue } }
    }
    /// Whether the primary key is one integer column the engine generates (identity /
    /// AUTO_INCREMENT / SQLite rowid alias).
    public var hasGeneratedPrimaryKey: Bool {
        get { shared.fields.hasGeneratedPrimaryKey }
        set { shared = shared.changing { $0.hasGeneratedPrimaryKey = newValue } }
    }
    /// `UNIQUE` constraints.
    public var uniqueConstraints: [UniqueConstraint] {
        get { shared.fields.uniqueConstraints }
        set { shared = shared.changing { $0.uniqueConstraints = newValue } }
    }
    /// Secondary indexes (the soft-delete index among them).
    public var indexes: [IndexSchema] {
        get { shared.fields.indexes }
        set { shared = shared.changing { $0.indexes = newValue } }
    }
    /// The belongs-to relations whose foreign keys live here.
    public var belongsTo: [BelongsToRelation] {
        get { shared.fields.belongsTo }
        set { shared = shared.changing { $0.belongsTo = newValue } }
    }

    /// Encoded as its fields, under their names.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }

    public static func == (lhs: TableSchema, rhs: TableSchema) -> Bool { SharedFields.same(lhs.shared, rhs.shared) }

    public func hash(into hasher: inout Hasher) { shared.fields.hash(into: &hasher) }

    /// A resolved table (the schema makes these).
    public init(
        modelName: String, name: String, columns: [ColumnSchema], primaryKey: [String], hasGeneratedPrimaryKey: Bool,
        uniqueConstraints: [UniqueConstraint] = [], indexes: [IndexSchema] = [], belongsTo: [BelongsToRelation] = []
    ) {
        shared = SharedFields(Fields(
            modelName: modelName, name: name, columns: columns, primaryKey: primaryKey,
            hasGeneratedPrimaryKey: hasGeneratedPrimaryKey, uniqueConstraints: uniqueConstraints, indexes: indexes,
            belongsTo: belongsTo))
    }

    // These look by index: a closure (`first(where:)`) is handed a copy of each element.

    /// The column called `name`.
    public func column(named name: String) -> ColumnSchema? {
        let columns = shared.fields.columns
        for index in columns.indices where columns[index].name == name { return columns[index] }
        return nil
    }
    /// The column of the field `field`.
    public func column(forField field: String) -> ColumnSchema? {
        let columns = shared.fields.columns
        for index in columns.indices where columns[index].fieldName == field { return columns[index] }
        return nil
    }
    /// The relation called `name`.
    public func relation(named name: String) -> BelongsToRelation? {
        let relations = shared.fields.belongsTo
        for index in relations.indices where relations[index].name == name { return relations[index] }
        return nil
    }

    /// The soft-delete column (`deleted_at`), if the model has one.
    public var softDeleteColumn: String? { columnName(withRole: .deletedAt) }
    /// The column set on insert (`created_at`), if any.
    public var createdAtColumn: String? { columnName(withRole: .createdAt) }
    /// The column set on every write (`updated_at`), if any.
    public var updatedAtColumn: String? { columnName(withRole: .updatedAt) }

    /// By index, reading the role in place: a closure (`firstIndex(where:)`) is handed a copy
    /// of each column's schema it passes, and every query asks for the soft-delete column.
    private func columnName(withRole role: FieldRole) -> String? {
        let columns = shared.fields.columns
        for index in columns.indices where columns[index].role == role { return columns[index].name }
        return nil
    }

    /// Whether `columns` are the primary key or carry a unique constraint or unique index —
    /// what a foreign key may reference.
    public func isUniquelyKeyed(_ columns: [String]) -> Bool {
        let wanted = Set(columns)
        if !primaryKey.isEmpty, Set(primaryKey) == wanted { return true }
        if uniqueConstraints.contains(where: { Set($0.columns) == wanted }) { return true }
        return indexes.contains { $0.isUnique && Set($0.columns) == wanted }
    }
}

/// A column of a table, resolved from its field.
public struct ColumnSchema: Sendable, Hashable, Codable {
    /// The column's name (`user_id`).
    public var name: String
    /// The Swift property it is read into.
    public var fieldName: String
    /// Its portable type.
    public var type: ColumnType
    /// Whether it takes NULL.
    public var isNullable: Bool
    /// Its `DEFAULT`.
    public var defaultValue: SQLValue?
    /// What Joinery does with it: a plain value, or a created, updated or deleted-at time.
    public var role: FieldRole

    /// A resolved column.
    public init(
        name: String, fieldName: String, type: ColumnType, isNullable: Bool, defaultValue: SQLValue? = nil,
        role: FieldRole = .value
    ) {
        self.name = name
        self.fieldName = fieldName
        self.type = type
        self.isNullable = isNullable
        self.defaultValue = defaultValue
        self.role = role
    }
}

/// A `UNIQUE` constraint.
public struct UniqueConstraint: Sendable, Hashable, Codable {
    /// The constraint's name (`uni_users_email`).
    public var name: String
    /// Its columns.
    public var columns: [String]

    /// A unique constraint over `columns`.
    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

/// A secondary index.
public struct IndexSchema: Sendable, Hashable, Codable {
    /// The index's name (`idx_users_email`).
    public var name: String
    /// Its columns, in order.
    public var columns: [String]
    /// Whether it is unique.
    public var isUnique: Bool

    /// An index over `columns`.
    public init(name: String, columns: [String], isUnique: Bool) {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
    }
}
