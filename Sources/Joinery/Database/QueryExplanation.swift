/// What the engine plans to do for each statement of a query: its own plan, and in one shape on
/// every engine, which table each step reads and through which index.
///
/// ```swift
/// let explanation = try db.query(Profile.self).preload(\.user).explain()
/// explanation.statements[1].accesses
/// // [TableAccess(table: "users", index: "users_pkey", usesPrimaryKey: true)]   (PostgreSQL)
/// ```
public struct QueryExplanation: Sendable, CustomStringConvertible {
    /// Each statement the query ran, in order, with the engine's plan.
    public var statements: [ExplainedStatement]

    /// An explanation of the statements given.
    public init(statements: [ExplainedStatement]) {
        self.statements = statements
    }

    public var description: String {
        statements.enumerated().map { number, statement in
            "\(number + 1). \(statement.sql)\n" + statement.accesses.map { "   \($0)" }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// One statement as it ran, with the engine's plan for it.
public struct ExplainedStatement: Sendable {
    /// The statement's SQL, as the engine received it.
    public var sql: String
    /// The values it was explained with (the keys a preload found, say).
    public var bindings: [SQLValue]
    /// Each table the plan reads, in the engine's order.
    public var accesses: [TableAccess]
    /// The engine's own plan, as it printed it (`EXPLAIN QUERY PLAN` rows, PostgreSQL's or
    /// MariaDB's JSON).
    public var enginePlan: String

    /// A statement with its plan.
    public init(sql: String, bindings: [SQLValue], accesses: [TableAccess], enginePlan: String) {
        self.sql = sql
        self.bindings = bindings
        self.accesses = accesses
        self.enginePlan = enginePlan
    }
}

/// One read of a table in a plan.
public struct TableAccess: Sendable, Hashable, CustomStringConvertible {
    /// The table, or its alias in the statement where the engine reports that (`User`).
    public var table: String
    /// The index the read goes through (`users_pkey`, `PRIMARY`, `INTEGER PRIMARY KEY`), or nil
    /// for a full scan.
    public var index: String?
    /// Whether the index is the table's primary key.
    public var usesPrimaryKey: Bool
    /// The index columns the lookup uses, where the engine reports them (MariaDB's
    /// `used_key_parts`: an InnoDB secondary index ends with the primary key, so a lookup by id
    /// may go through `idx_users_deleted_at` as `deleted_at, id`); empty elsewhere.
    public var keyParts: [String]

    /// A read of `table` through `index` (nil: a full scan).
    public init(table: String, index: String?, usesPrimaryKey: Bool, keyParts: [String] = []) {
        self.table = table
        self.index = index
        self.usesPrimaryKey = usesPrimaryKey
        self.keyParts = keyParts
    }

    /// Whether the read looks rows up by `column` (through the primary key, or through an index
    /// whose used parts include it) rather than scanning.
    public func looksUp(by column: String, primaryKey: Bool) -> Bool {
        (primaryKey && usesPrimaryKey) || keyParts.contains(column)
    }

    public var description: String {
        let parts = keyParts.isEmpty ? "" : " on \(keyParts.joined(separator: ", "))"
        return "\(table): " + (index.map { "index \($0)\(usesPrimaryKey ? " (primary key)" : "")\(parts)" } ?? "full scan")
    }
}

extension QueryBuilder where Source == Database {
    /// Runs the query and asks the engine for its plan of each statement that ran — the preload
    /// pair's second statement with the keys the first one found (`EXPLAIN QUERY PLAN` on
    /// SQLite, `EXPLAIN (FORMAT JSON)` on PostgreSQL, `EXPLAIN FORMAT=JSON` on MariaDB).
    public func explain() throws -> QueryExplanation {
        let query = query
        return try source.unitOfWork {
            let ran = try source.capturingStatements { _ = try source.load(query, as: M.self) }
            return QueryExplanation(statements: try ran.map { try source.explain($0) })
        }
    }
}

extension Database {
    /// The engine's plan for one lowered statement (what `joinery explain` prints).
    public func explain(_ statement: LoweredStatement) throws -> ExplainedStatement {
        guard let explain = dialect.explain(statement) else {
            throw dialect.unsupported("EXPLAIN")
        }
        let rows = try connection.query(explain.sql, explain.bindings)
        let (accesses, text) = try dialect.tableAccesses(inPlan: rows)
        return ExplainedStatement(sql: statement.sql, bindings: statement.bindings, accesses: accesses, enginePlan: text)
    }
}

extension QueryBuilder where Source == DatabasePool {
    /// The same explanation as the `Database` one, on a reader of the pool.
    public func explain() async throws -> QueryExplanation {
        let query = query
        return try await source.read { db in
            var builder = QueryBuilder<M, Database>(source: db, context: db.context)
            builder.query = query
            return try builder.explain()
        }
    }
}
