/// `INSERT INTO … (…) VALUES (…), (…) [ON CONFLICT …] [RETURNING …]`.
///
/// ```sql
/// INSERT INTO "users" ("name", "created_at") VALUES ($1, $2) RETURNING "id"
/// ```
public struct InsertStatement: Sendable, Hashable, Codable {
    /// The table inserted into.
    public var table: String
    /// May be empty: a row of defaults only (`DEFAULT VALUES`).
    public var columns: [String]
    /// One list of values per row, each as long as `columns`.
    public var rows: [[SQLValue]]
    /// `ON CONFLICT …` / `ON DUPLICATE KEY UPDATE …`.
    public var upsert: Upsert?
    /// Columns to return from each inserted row; lowering throws ``JoineryError/Kind/unsupported``
    /// on a dialect without ``DialectCapabilities/returning``.
    public var returning: [String]

    /// `INSERT INTO table (columns) VALUES (…), (…)`.
    public init(table: String, columns: [String], rows: [[SQLValue]], upsert: Upsert? = nil, returning: [String] = []) {
        self.table = table
        self.columns = columns
        self.rows = rows
        self.upsert = upsert
        self.returning = returning
    }
}

/// What to do when an inserted row collides with a unique key.
///
/// ```sql
/// ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name"     -- SQLite, PostgreSQL
/// ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)                  -- MariaDB
/// ```
public struct Upsert: Sendable, Hashable, Codable {
    /// The unique columns that collide (MariaDB and MySQL consider every unique key, whatever is named).
    public var conflictColumns: [String]
    /// Columns overwritten with the inserted values; empty means "keep the existing row".
    public var update: [String]

    /// An upsert on `conflictColumns`, updating `update` (none: do nothing).
    public init(conflictColumns: [String], update: [String] = []) {
        self.conflictColumns = conflictColumns
        self.update = update
    }
}

extension Upsert {
    private enum CodingKeys: String, CodingKey { case conflictColumns, update }

    /// JSON: `{"conflictColumns": ["email"], "update": ["name"]}`; `update` defaults to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            conflictColumns: try container.decodeIfPresent([String].self, forKey: .conflictColumns) ?? [],
            update: try container.decodeIfPresent([String].self, forKey: .update) ?? [])
    }
}
