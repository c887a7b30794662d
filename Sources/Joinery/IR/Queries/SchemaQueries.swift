/// Creates one model's table with its keys and constraints, then its indexes.
///
/// JSON: `{"model": "Profile", "ifNotExists": true}`
public struct CreateTableQuery: Sendable, Hashable, Codable {
    /// The model whose table is created.
    public var model: String
    /// `CREATE TABLE IF NOT EXISTS` (and the same for its indexes).
    public var ifNotExists: Bool

    /// Creates `model`'s table.
    public init(_ model: String, ifNotExists: Bool = false) {
        self.model = model
        self.ifNotExists = ifNotExists
    }

    private enum CodingKeys: String, CodingKey { case model, ifNotExists }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .model),
            ifNotExists: try container.decodeIfPresent(Bool.self, forKey: .ifNotExists) ?? false)
    }
}

/// Creates an index of a model: one the model declares (by `name`), or one over `columns`.
///
/// JSON: `{"model": "User", "columns": ["email"], "unique": true}` or `{"model": "User", "name": "idx_users_email"}`
public struct CreateIndexQuery: Sendable, Hashable, Codable {
    /// The model whose table is indexed.
    public var model: String
    /// The index's name: one the model declares, or the name for an index over ``columns``.
    public var name: String?
    /// Fields or columns.
    public var columns: [String]?
    /// A unique index.
    public var unique: Bool
    /// `CREATE INDEX IF NOT EXISTS`.
    public var ifNotExists: Bool

    /// An index of `model`, by name or over columns.
    public init(_ model: String, name: String? = nil, columns: [String]? = nil, unique: Bool = false, ifNotExists: Bool = false) {
        self.model = model
        self.name = name
        self.columns = columns
        self.unique = unique
        self.ifNotExists = ifNotExists
    }

    private enum CodingKeys: String, CodingKey { case model, name, columns, unique, ifNotExists }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .model),
            name: try container.decodeIfPresent(String.self, forKey: .name),
            columns: try container.decodeIfPresent([String].self, forKey: .columns),
            unique: try container.decodeIfPresent(Bool.self, forKey: .unique) ?? false,
            ifNotExists: try container.decodeIfPresent(Bool.self, forKey: .ifNotExists) ?? false)
    }
}

/// Creates the tables of the schema (or of the models named) in dependency order, with their
/// constraints and indexes. Constraints that close a cycle are added afterwards, where the
/// engine needs it.
///
/// JSON: `{}` or `{"models": ["User", "Profile"], "ifNotExists": true}`
public struct MigrateQuery: Sendable, Hashable, Codable {
    /// The models whose tables are created; nil: every model of the schema.
    public var models: [String]?
    /// `CREATE TABLE IF NOT EXISTS` for each.
    public var ifNotExists: Bool

    /// Creates the tables of `models` (all when nil).
    public init(models: [String]? = nil, ifNotExists: Bool = false) {
        self.models = models
        self.ifNotExists = ifNotExists
    }

    private enum CodingKeys: String, CodingKey { case models, ifNotExists }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            models: try container.decodeIfPresent([String].self, forKey: .models),
            ifNotExists: try container.decodeIfPresent(Bool.self, forKey: .ifNotExists) ?? false)
    }
}
