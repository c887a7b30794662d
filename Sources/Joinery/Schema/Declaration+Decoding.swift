/// Decoding of hand-written declarations (the `models` of a query document, docs/ir.md):
/// every key with a natural default may be left out.
///
/// ```json
/// {"name": "Profile", "fields": [
///    {"name": "id", "type": "integer", "nullable": true},
///    {"name": "userID", "type": "integer", "nullable": true}],
///  "belongsTo": [{"name": "user", "target": "User", "onDelete": "setNull"}]}
/// ```
extension ModelDeclaration {
    private enum CodingKeys: String, CodingKey { case name, table, fields, belongsTo, indexes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .name),
            table: try container.decodeIfPresent(String.self, forKey: .table),
            fields: try container.decode([FieldDeclaration].self, forKey: .fields),
            belongsTo: try container.decodeIfPresent([BelongsToDeclaration].self, forKey: .belongsTo) ?? [],
            indexes: try container.decodeIfPresent([IndexDeclaration].self, forKey: .indexes) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(table, forKey: .table)
        try container.encode(fields, forKey: .fields)
        if !belongsTo.isEmpty { try container.encode(belongsTo, forKey: .belongsTo) }
        if !indexes.isEmpty { try container.encode(indexes, forKey: .indexes) }
    }
}

extension FieldDeclaration {
    private enum CodingKeys: String, CodingKey {
        case name, column, type, isNullable = "nullable", isPrimaryKey = "primaryKey", isUnique = "unique", index,
            defaultValue = "default", role
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .name),
            type: try container.decode(ColumnType.self, forKey: .type),
            nullable: try container.decodeIfPresent(Bool.self, forKey: .isNullable) ?? false,
            column: try container.decodeIfPresent(String.self, forKey: .column),
            primaryKey: try container.decodeIfPresent(Bool.self, forKey: .isPrimaryKey),
            unique: try container.decodeIfPresent(Bool.self, forKey: .isUnique) ?? false,
            index: try container.decodeIfPresent(IndexKind.self, forKey: .index),
            default: try container.decodeIfPresent(SQLValue.self, forKey: .defaultValue),
            role: try container.decodeIfPresent(FieldRole.self, forKey: .role))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encode(type, forKey: .type)
        if isNullable { try container.encode(true, forKey: .isNullable) }
        try container.encodeIfPresent(isPrimaryKey, forKey: .isPrimaryKey)
        if isUnique { try container.encode(true, forKey: .isUnique) }
        try container.encodeIfPresent(index, forKey: .index)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encodeIfPresent(role, forKey: .role)
    }
}

extension BelongsToDeclaration {
    private enum CodingKeys: String, CodingKey {
        case name, target, foreignKey, references, onUpdate, onDelete, constraintName = "constraint", createsConstraint
    }

    /// `foreignKey` and `references` take a list of field names or one comma-separated string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func fields(_ key: CodingKeys) throws -> [String]? {
            if let list = try? container.decodeIfPresent([String].self, forKey: key) { return list }
            return try container.decodeIfPresent(String.self, forKey: key).map {
                $0.split(separator: ",").map { String($0.filter { $0 != " " }) }
            }
        }
        self.init(
            try container.decode(String.self, forKey: .name),
            target: try container.decode(String.self, forKey: .target),
            foreignKey: try fields(.foreignKey), references: try fields(.references),
            onUpdate: try container.decodeIfPresent(ForeignKeyAction.self, forKey: .onUpdate),
            onDelete: try container.decodeIfPresent(ForeignKeyAction.self, forKey: .onDelete),
            constraintName: try container.decodeIfPresent(String.self, forKey: .constraintName),
            createsConstraint: try container.decodeIfPresent(Bool.self, forKey: .createsConstraint) ?? true)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(target, forKey: .target)
        try container.encodeIfPresent(foreignKey, forKey: .foreignKey)
        try container.encodeIfPresent(references, forKey: .references)
        try container.encodeIfPresent(onUpdate, forKey: .onUpdate)
        try container.encodeIfPresent(onDelete, forKey: .onDelete)
        try container.encodeIfPresent(constraintName, forKey: .constraintName)
        if !createsConstraint { try container.encode(false, forKey: .createsConstraint) }
    }
}

extension IndexDeclaration {
    private enum CodingKeys: String, CodingKey { case fields, isUnique = "unique", name }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode([String].self, forKey: .fields),
            unique: try container.decodeIfPresent(Bool.self, forKey: .isUnique) ?? false,
            name: try container.decodeIfPresent(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fields, forKey: .fields)
        if isUnique { try container.encode(true, forKey: .isUnique) }
        try container.encodeIfPresent(name, forKey: .name)
    }
}
