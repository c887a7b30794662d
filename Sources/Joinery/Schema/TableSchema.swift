/// A model's table, resolved: columns in declaration order, keys, constraints, indexes and
/// belongs-to relations with their keys worked out.
public struct TableSchema: Sendable, Hashable, Codable {
    public var modelName: String
    public var name: String
    public var columns: [ColumnSchema]
    /// Primary-key column names (empty when the model has none).
    public var primaryKey: [String]
    /// Whether the primary key is one integer column the engine generates (identity /
    /// AUTO_INCREMENT / SQLite rowid alias).
    public var hasGeneratedPrimaryKey: Bool
    public var uniqueConstraints: [UniqueConstraint]
    public var indexes: [IndexSchema]
    public var belongsTo: [BelongsToRelation]

    public init(
        modelName: String, name: String, columns: [ColumnSchema], primaryKey: [String], hasGeneratedPrimaryKey: Bool,
        uniqueConstraints: [UniqueConstraint] = [], indexes: [IndexSchema] = [], belongsTo: [BelongsToRelation] = []
    ) {
        self.modelName = modelName
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.hasGeneratedPrimaryKey = hasGeneratedPrimaryKey
        self.uniqueConstraints = uniqueConstraints
        self.indexes = indexes
        self.belongsTo = belongsTo
    }

    public func column(named name: String) -> ColumnSchema? { columns.first { $0.name == name } }
    public func column(forField field: String) -> ColumnSchema? { columns.first { $0.fieldName == field } }
    public func relation(named name: String) -> BelongsToRelation? { belongsTo.first { $0.name == name } }

    /// The soft-delete column (`deleted_at`), if the model has one.
    public var softDeleteColumn: String? { columns.first { $0.role == .deletedAt }?.name }
    public var createdAtColumn: String? { columns.first { $0.role == .createdAt }?.name }
    public var updatedAtColumn: String? { columns.first { $0.role == .updatedAt }?.name }

    /// Whether `columns` are the primary key or carry a unique constraint or unique index —
    /// what a foreign key may reference.
    public func isUniquelyKeyed(_ columns: [String]) -> Bool {
        let wanted = Set(columns)
        if !primaryKey.isEmpty, Set(primaryKey) == wanted { return true }
        if uniqueConstraints.contains(where: { Set($0.columns) == wanted }) { return true }
        return indexes.contains { $0.isUnique && Set($0.columns) == wanted }
    }
}

public struct ColumnSchema: Sendable, Hashable, Codable {
    public var name: String
    /// The Swift property it is read into.
    public var fieldName: String
    public var type: ColumnType
    public var isNullable: Bool
    public var defaultValue: SQLValue?
    public var role: FieldRole

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

public struct UniqueConstraint: Sendable, Hashable, Codable {
    public var name: String
    public var columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

public struct IndexSchema: Sendable, Hashable, Codable {
    public var name: String
    public var columns: [String]
    public var isUnique: Bool

    public init(name: String, columns: [String], isUnique: Bool) {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
    }
}
