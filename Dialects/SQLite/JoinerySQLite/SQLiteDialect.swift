import Joinery

/// SQLite's spelling of SQL, for a given library version.
///
/// ```sql
/// CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL)
/// SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" IN (?,?) LIMIT -1 OFFSET 10
/// INSERT INTO "users" ("name") VALUES (?) RETURNING "id"          -- 3.35 and later
/// ```
///
/// A generated key is the rowid alias `INTEGER PRIMARY KEY`. Foreign keys may reference tables
/// created later (SQLite checks them only when rows are written), so cycles need no
/// `ALTER TABLE`, which SQLite could not do anyway.
public struct SQLiteDialect: SQLDialect {
    // Behind references: `lower` hands the dialect to its writer as `any SQLDialect`, and inline
    // these made it too large for an existential's buffer (a heap box per statement).
    @Indirect public var version: EngineVersion
    @Indirect public var capabilities: DialectCapabilities

    /// `maxBindParameters`: the library's `SQLITE_LIMIT_VARIABLE_NUMBER`; a connection reads the
    /// real one. Left out, it is the compiled-in default of the version (999 before 3.32).
    public init(version: EngineVersion = EngineVersion(3, 40, 1), maxBindParameters: Int? = nil) {
        self.version = version
        var capabilities = DialectCapabilities()
        capabilities.placeholders = .questionMark
        capabilities.identifierLimit = nil
        capabilities.maxBindParameters = maxBindParameters ?? (version >= EngineVersion(3, 32) ? 32766 : 999)
        capabilities.largeIn = .batch
        // Debian allows 250,000 placeholders, but one huge IN prepares slower than batches.
        capabilities.keysPerStatement = 32766
        capabilities.returning = version >= EngineVersion(3, 35)
        capabilities.upsert = version >= EngineVersion(3, 24) ? .onConflict : nil
        capabilities.identity = .integerPrimaryKey
        capabilities.transactionalDDL = true
        capabilities.indexPlacement = .separateStatement
        capabilities.createIndexIfNotExists = true
        capabilities.addForeignKey = false
        capabilities.forwardForeignKeyReferences = true
        capabilities.indexesUnboundedText = true
        // SQLite has no OFFSET without LIMIT; -1 means "no limit".
        capabilities.limitSyntax = .limitOffset(offsetOnlyLimit: "-1")
        capabilities.defaultValuesInsert = .defaultValues
        self.capabilities = capabilities
    }

    /// ANSI double quotes, doubled inside.
    public var identifierQuote: Unicode.Scalar? { "\"" }

    public var name: String { "SQLite \(version)" }

    /// Type names chosen for their affinity: `INTEGER` and `REAL` store numbers, `BOOLEAN`
    /// (numeric) stores 0 and 1, and `DATETIME` keeps the text `2024-05-06 07:08:09.123456`
    /// as text, since it never looks like a number.
    public func columnType(_ type: ColumnType) throws -> String {
        switch type {
        case .integer: return "INTEGER"
        case .double: return "REAL"
        case .text: return "TEXT"  // SQLite ignores a declared length.
        case .blob: return "BLOB"
        case .bool: return "BOOLEAN"
        case .timestamp: return "DATETIME"
        }
    }

    /// `TRUE` and `FALSE` are keywords only since 3.23.
    public func literal(_ value: SQLValue) throws -> String {
        if case .bool(let flag) = value, version < EngineVersion(3, 23) { return flag ? "1" : "0" }
        return try standardLiteral(value)
    }

    /// The table-valued pragma functions (SQLite 3.16+). SQLite keeps no names for foreign keys.
    public func catalog(of table: String) -> TableCatalogQueries? {
        TableCatalogQueries(
            columns: LoweredStatement(
                sql: "SELECT name, type, CASE WHEN \"notnull\" = 0 THEN 'YES' ELSE 'NO' END FROM pragma_table_info(?) ORDER BY cid",
                bindings: [.text(table)]),
            indexes: LoweredStatement(sql: "SELECT name FROM pragma_index_list(?)", bindings: [.text(table)]),
            foreignKeys: LoweredStatement(
                sql: "SELECT '#' || id, \"from\" FROM pragma_foreign_key_list(?) ORDER BY id, seq", bindings: [.text(table)]))
    }

    /// `EXPLAIN QUERY PLAN`.
    public func explain(_ statement: LoweredStatement) -> LoweredStatement? {
        LoweredStatement(sql: "EXPLAIN QUERY PLAN " + statement.sql, bindings: statement.bindings)
    }

    /// Rows of (id, parent, notused, detail), the detail reading `SCAN profiles`,
    /// `SEARCH User USING INTEGER PRIMARY KEY (rowid=?)` or `SEARCH users USING INDEX idx_… (…)`.
    public func tableAccesses(inPlan rows: [Row]) throws -> (accesses: [TableAccess], text: String) {
        var accesses: [TableAccess] = []
        var lines: [String] = []
        for row in rows {
            let detail = try row.decode(String.self, at: 3)
            lines.append(detail)
            var words = detail.split(separator: " ").map(String.init)
            guard let verb = words.first, verb == "SCAN" || verb == "SEARCH", words.count >= 2 else { continue }
            if words[1] == "TABLE", words.count >= 3 { words.remove(at: 1) }  // before 3.36: SCAN TABLE t
            var index: String?
            var primary = false
            if detail.contains("USING INTEGER PRIMARY KEY") {
                (index, primary) = ("INTEGER PRIMARY KEY", true)
            } else if detail.contains("USING PRIMARY KEY") {
                (index, primary) = ("PRIMARY KEY", true)
            } else if let using = words.firstIndex(of: "INDEX"), using + 1 < words.count {
                index = words[using + 1]
            }
            accesses.append(TableAccess(table: words[1], index: index, usesPrimaryKey: primary))
        }
        return (accesses, lines.joined(separator: "\n"))
    }

    /// SQLite's twelve steps (https://www.sqlite.org/lang_altertable.html#otheralter): foreign
    /// keys off outside the transaction, the rows copied into the new table, the old one dropped,
    /// the new one renamed, its indexes and triggers created again, `foreign_key_check`.
    public func tableRebuild(of table: String, through temporary: String, copying columns: [String]) -> TableRebuild? {
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        return TableRebuild(
            before: ["PRAGMA foreign_keys = OFF"],
            definitions: LoweredStatement(
                sql: "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
                bindings: [.text(table)]),
            copy: [
                "INSERT INTO \(quoteIdentifier(temporary)) (\(list)) SELECT \(list) FROM \(quoteIdentifier(table))",
                "DROP TABLE \(quoteIdentifier(table))",
                "ALTER TABLE \(quoteIdentifier(temporary)) RENAME TO \(quoteIdentifier(table))",
            ],
            check: LoweredStatement(sql: "SELECT * FROM pragma_foreign_key_check(?)", bindings: [.text(table)]),
            after: ["PRAGMA foreign_keys = ON"])
    }
}
