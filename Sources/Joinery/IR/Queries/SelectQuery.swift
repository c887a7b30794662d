/// Rows of one model, with belongs-to associations included by preload or by join.
///
/// ```swift
/// SelectQuery("Profile", includes: [Include("user", .leftJoin)])
/// // SELECT "profiles"."id", …, "User"."id" AS "User__id", … FROM "profiles"
/// //   LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL
/// ```
///
/// JSON: `{"model": "Profile", "where": {…}, "include": [{"path": "user", "mode": "leftJoin"}],
/// "order": [{"column": "id", "descending": true}], "limit": 10, "offset": 20, "first": true,
/// "count": true, "unscoped": true}` — every key but `model` optional.
public struct SelectQuery: Sendable, Hashable {
    /// The model queried.
    public var model: String
    /// Columns (or field names) of the model to read; `nil` reads all, in declaration order.
    public var columns: [String]?
    /// The rows wanted (`WHERE`).
    public var filter: Condition?
    /// `ORDER BY`.
    public var order: [OrderingTerm]
    /// `LIMIT`.
    public var limit: Int?
    /// `OFFSET`.
    public var offset: Int?
    /// GORM's `First`: the order gains the primary key and the limit becomes 1.
    public var first: Bool
    /// `SELECT COUNT(*)` instead of rows.
    public var count: Bool
    /// The associations loaded with the rows: preloaded or joined.
    public var includes: [Include]
    /// Soft-deleted rows are included, in the main table and every included one.
    public var unscoped: Bool

    /// A query of `model`.
    public init(
        _ model: String, columns: [String]? = nil, filter: Condition? = nil, order: [OrderingTerm] = [],
        limit: Int? = nil, offset: Int? = nil, first: Bool = false, count: Bool = false, includes: [Include] = [],
        unscoped: Bool = false
    ) {
        self.model = model
        self.columns = columns
        self.filter = filter
        self.order = order
        self.limit = limit
        self.offset = offset
        self.first = first
        self.count = count
        self.includes = includes
        self.unscoped = unscoped
    }
}

/// A belongs-to association to load with the rows: by a second statement (preload) or in the
/// same one (join). `path` may be nested: `["user", "company"]` is GORM's `"User.Company"`, and
/// includes the intermediate `user` the same way unless it is included explicitly.
///
/// JSON: `{"path": "user.company", "mode": "innerJoin", "where": {…}}`; `mode` defaults to `preload`.
public struct Include: Sendable, Hashable {
    /// The relation names from the queried model (`["user", "company"]`).
    public var path: [String]
    /// Preloaded, or joined (left or inner).
    public var mode: IncludeMode
    /// Extra conditions on the included table: in the preload's WHERE, or in the join's ON clause.
    public var filter: Condition?
    /// Soft-deleted rows of this included table too (GORM's `Unscoped()` for one association).
    public var unscoped: Bool
    /// For a preload: the fields or columns to read (GORM's `Select` inside a preload); the
    /// keys are always read, and every other column must be optional (it reads as nil).
    public var columns: [String]?

    /// An include of the relation `path`.
    public init(
        _ path: [String], _ mode: IncludeMode = .preload, filter: Condition? = nil, unscoped: Bool = false,
        columns: [String]? = nil
    ) {
        self.path = path
        self.mode = mode
        self.filter = filter
        self.unscoped = unscoped
        self.columns = columns
    }

    /// `Include("user.company", .leftJoin)`.
    public init(
        _ dottedPath: String, _ mode: IncludeMode = .preload, filter: Condition? = nil, unscoped: Bool = false,
        columns: [String]? = nil
    ) {
        self.init(dottedPath.split(separator: ".").map(String.init), mode, filter: filter, unscoped: unscoped, columns: columns)
    }
}

/// How an association is loaded.
public enum IncludeMode: String, Sendable, Hashable, Codable {
    /// The preload pair: a second statement keyed by the parents' distinct foreign keys.
    case preload
    /// `LEFT JOIN`: rows without a parent keep a nil association.
    case leftJoin
    /// `INNER JOIN`: rows without a parent are left out.
    case innerJoin
}

extension SelectQuery: Codable {
    private enum CodingKeys: String, CodingKey {
        case model, columns, filter = "where", order, limit, offset, first, count, includes = "include", unscoped
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .model),
            columns: try container.decodeIfPresent([String].self, forKey: .columns),
            filter: try container.decodeIfPresent(Condition.self, forKey: .filter),
            order: try container.decodeIfPresent([OrderingTerm].self, forKey: .order) ?? [],
            limit: try container.decodeIfPresent(Int.self, forKey: .limit),
            offset: try container.decodeIfPresent(Int.self, forKey: .offset),
            first: try container.decodeIfPresent(Bool.self, forKey: .first) ?? false,
            count: try container.decodeIfPresent(Bool.self, forKey: .count) ?? false,
            includes: try container.decodeIfPresent([Include].self, forKey: .includes) ?? [],
            unscoped: try container.decodeIfPresent(Bool.self, forKey: .unscoped) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(columns, forKey: .columns)
        try container.encodeIfPresent(filter, forKey: .filter)
        if !order.isEmpty { try container.encode(order, forKey: .order) }
        try container.encodeIfPresent(limit, forKey: .limit)
        try container.encodeIfPresent(offset, forKey: .offset)
        if first { try container.encode(first, forKey: .first) }
        if count { try container.encode(count, forKey: .count) }
        if !includes.isEmpty { try container.encode(includes, forKey: .includes) }
        if unscoped { try container.encode(unscoped, forKey: .unscoped) }
        try container.encodeIfPresent(columns, forKey: .columns)
    }
}

extension Include: Codable {
    private enum CodingKeys: String, CodingKey {
        case path, mode, filter = "where", unscoped, columns
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = try container.decode(String.self, forKey: .path)
        guard !path.isEmpty, !path.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw DecodingError.dataCorruptedError(
                forKey: .path, in: container, debugDescription: "'\(path)' is not a relation path like \"user.company\"")
        }
        self.init(
            path, try container.decodeIfPresent(IncludeMode.self, forKey: .mode) ?? .preload,
            filter: try container.decodeIfPresent(Condition.self, forKey: .filter),
            unscoped: try container.decodeIfPresent(Bool.self, forKey: .unscoped) ?? false,
            columns: try container.decodeIfPresent([String].self, forKey: .columns))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path.joined(separator: "."), forKey: .path)
        try container.encode(mode, forKey: .mode)
        try container.encodeIfPresent(filter, forKey: .filter)
        if unscoped { try container.encode(unscoped, forKey: .unscoped) }
        try container.encodeIfPresent(columns, forKey: .columns)
    }
}
