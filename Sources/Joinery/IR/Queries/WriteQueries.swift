/// Inserts rows of one model. Values are keyed by field or column name; columns are written in
/// declaration order. `createdAt` / `updatedAt` fields not given are set to the planner's clock,
/// and a NULL generated primary key is left to the engine, which returns it (RETURNING, or the
/// last insert id where the dialect has no RETURNING).
///
/// JSON: `{"model": "User", "rows": [{"name": "jinzhu"}], "upsert": {"conflictColumns": ["email"], "update": ["name"]}}`
public struct InsertQuery: Sendable, Hashable, Codable {
    /// The model inserted.
    public var model: String
    /// The rows, by field or column name; every row gives the same columns.
    public var rows: [[String: SQLValue]]
    /// What to do when a row clashes with a unique key.
    public var upsert: Upsert?
    /// Columns to return; `nil` returns the generated primary key, if there is one.
    public var returning: [String]?

    /// An insert of `rows` into `model`'s table.
    public init(_ model: String, rows: [[String: SQLValue]], upsert: Upsert? = nil, returning: [String]? = nil) {
        self.model = model
        self.rows = rows
        self.upsert = upsert
        self.returning = returning
    }
}

/// Sets columns of the rows of one model that match a condition — GORM's
/// `db.Model(&profile).Update("UserID", 2)`. An `updatedAt` field not given is set to the
/// planner's clock; soft-deleted rows are left alone unless `unscoped`. Without a condition the
/// planner refuses, unless `allRows` says that every row is meant.
///
/// JSON: `{"model": "Profile", "set": {"user_id": 2}, "where": {…}}`
public struct UpdateQuery: Sendable, Hashable {
    /// The model updated.
    public var model: String
    /// The new values, by field or column name.
    public var values: [String: SQLValue]
    /// The rows to update.
    public var filter: Condition?
    /// Soft-deleted rows too.
    public var unscoped: Bool
    /// Every row, when there is no filter: without it, an update with no filter is misuse.
    public var allRows: Bool

    /// An update of `model`'s rows.
    public init(
        _ model: String, set values: [String: SQLValue], filter: Condition? = nil, unscoped: Bool = false,
        allRows: Bool = false
    ) {
        self.model = model
        self.values = values
        self.filter = filter
        self.unscoped = unscoped
        self.allRows = allRows
    }
}

/// Deletes the rows of one model that match a condition. A model with a `deletedAt` field is
/// soft-deleted (its `deleted_at` is set), unless `unscoped`, which deletes for real. Without a
/// condition the planner refuses, unless `allRows`.
///
/// JSON: `{"model": "User", "where": {…}, "unscoped": false}`
public struct DeleteQuery: Sendable, Hashable {
    /// The model deleted from.
    public var model: String
    /// The rows to delete.
    public var filter: Condition?
    /// A real `DELETE` where the model is soft-deleted.
    public var unscoped: Bool
    /// Every row, when there is no filter: without it, a delete with no filter is misuse.
    public var allRows: Bool

    /// A delete of `model`'s rows.
    public init(_ model: String, filter: Condition? = nil, unscoped: Bool = false, allRows: Bool = false) {
        self.model = model
        self.filter = filter
        self.unscoped = unscoped
        self.allRows = allRows
    }
}

extension UpdateQuery: Codable {
    private enum CodingKeys: String, CodingKey {
        case model, values = "set", filter = "where", unscoped, allRows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .model),
            set: try container.decode([String: SQLValue].self, forKey: .values),
            filter: try container.decodeIfPresent(Condition.self, forKey: .filter),
            unscoped: try container.decodeIfPresent(Bool.self, forKey: .unscoped) ?? false,
            allRows: try container.decodeIfPresent(Bool.self, forKey: .allRows) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(values, forKey: .values)
        try container.encodeIfPresent(filter, forKey: .filter)
        if unscoped { try container.encode(true, forKey: .unscoped) }
        if allRows { try container.encode(true, forKey: .allRows) }
    }
}

extension DeleteQuery: Codable {
    private enum CodingKeys: String, CodingKey {
        case model, filter = "where", unscoped, allRows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .model),
            filter: try container.decodeIfPresent(Condition.self, forKey: .filter),
            unscoped: try container.decodeIfPresent(Bool.self, forKey: .unscoped) ?? false,
            allRows: try container.decodeIfPresent(Bool.self, forKey: .allRows) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(filter, forKey: .filter)
        if unscoped { try container.encode(true, forKey: .unscoped) }
        if allRows { try container.encode(true, forKey: .allRows) }
    }
}
