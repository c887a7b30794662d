/// A model as declared: its fields in order, its belongs-to associations and extra indexes.
/// `@Model` generates one; the builder API writes the same value by hand.
///
/// ```swift
/// let profile = ModelDeclaration("Profile", fields: [
///     FieldDeclaration("id", Int64?.self),
///     FieldDeclaration("name", String.self),
///     FieldDeclaration("userID", Int64?.self),
/// ], belongsTo: [
///     BelongsToDeclaration("user", target: "User", onUpdate: .cascade, onDelete: .setNull),
/// ])
/// ```
///
/// A declaration is resolved into a ``TableSchema`` by ``Schema``, which checks it against the
/// other models it refers to.
public struct ModelDeclaration: Sendable, Hashable, Codable {
    /// The Swift type name (`Profile`).
    public var name: String
    /// `nil` for the convention: snake case, plural (`profiles`).
    public var table: String?
    /// In declaration order: the order of the columns, and of the values a row decodes from.
    public var fields: [FieldDeclaration]
    /// The belongs-to associations.
    public var belongsTo: [BelongsToDeclaration]
    /// Indexes over several columns (single-column ones are declared on the field).
    public var indexes: [IndexDeclaration]

    /// A model declared as data: what `@Model` writes, and what a query document holds.
    public init(
        _ name: String, table: String? = nil, fields: [FieldDeclaration], belongsTo: [BelongsToDeclaration] = [],
        indexes: [IndexDeclaration] = []
    ) {
        self.name = name
        self.table = table
        self.fields = fields
        self.belongsTo = belongsTo
        self.indexes = indexes
    }

    /// The table's name: as given, else the snake-case plural of the model's (`companies`).
    public var tableName: String { table ?? Naming.tableName(forModel: name) }
}

/// An index over one or more fields.
public struct IndexDeclaration: Sendable, Hashable, Codable {
    /// Field names (not columns).
    public var fields: [String]
    /// A unique index.
    public var isUnique: Bool
    /// `nil` for `idx_<table>_<columns>`.
    public var name: String?

    /// An index over `fields`.
    public init(_ fields: [String], unique: Bool = false, name: String? = nil) {
        self.fields = fields
        self.isUnique = unique
        self.name = name
    }
}
