extension Database {
    /// Brings the tables of `types` (and of the models their associations reach) up to their
    /// models: creates missing tables in dependency order, with their foreign-key constraints and
    /// actions, unique constraints and indexes; adds to existing tables the columns, indexes and
    /// foreign keys they lack. It never drops or retypes anything: what differs otherwise is
    /// reported as ``MigrationReport/drift``. Running it again changes nothing.
    ///
    /// ```swift
    /// try db.migrate(User.self, Profile.self)
    /// // CREATE TABLE "users" (…); CREATE INDEX "idx_users_deleted_at" …;
    /// // CREATE TABLE "profiles" (…, CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id")
    /// //   REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE)
    /// // later, after Profile gained `var nickname: String?`:
    /// // ALTER TABLE "profiles" ADD COLUMN "nickname" TEXT
    /// ```
    ///
    /// A required field without a default cannot be added to an existing table (its rows have no
    /// value for it): ``JoineryError/Kind/misuse``, and nothing is changed. On an engine whose
    /// DDL is transactional (``DialectCapabilities/transactionalDDL``: PostgreSQL, SQLite) the
    /// whole migration is one transaction.
    @discardableResult
    public func migrate(_ types: any Model.Type...) throws -> MigrationReport {
        try migrate(types)
    }

    @discardableResult
    public func migrate(_ types: [any Model.Type]) throws -> MigrationReport {
        try writingUnitOfWork("migrate") {
            let planner = try planner(including: types)
            var report = MigrationReport()
            var missing: [String] = []
            // Compare first, change afterwards: a table that cannot be brought up to its model
            // stops the migration before anything is altered.
            var evolutions: [[PlannedStatement]] = []
            for table in planner.schema.tables {
                guard let catalog = dialect.catalog(of: table.name) else {
                    if try tableExists(table.name) {
                        report.drift.append(.notInspected(table: table.name))
                    } else {
                        missing.append(table.modelName)
                    }
                    continue
                }
                let found = try inspect(table.name, catalog)
                guard !found.columns.isEmpty else {
                    missing.append(table.modelName)
                    continue
                }
                let (statements, changes) = try planner.evolve(table, from: found)
                evolutions.append(statements)
                report.merge(changes)
            }
            let creations = missing.isEmpty ? [] : try planner.plan(.migrate(MigrateQuery(models: missing))).statements
            report.createdTables = missing.compactMap { planner.schema.table(forModel: $0)?.name }
            let statements = creations + evolutions.joined()
            guard !statements.isEmpty else { return report }
            if dialect.capabilities.transactionalDDL {
                try connection.transaction { for planned in statements { try run(planned.statement) } }
            } else {
                // Each DDL statement commits (and would end a savepoint): run them one by one.
                for planned in statements { try run(planned.statement) }
            }
            return report
        }
    }

    /// The table as the engine's catalog describes it.
    func inspect(_ table: String, _ catalog: TableCatalogQueries) throws -> ExistingTable {
        func rows(_ query: LoweredStatement) throws -> [Row] {
            try connection.query(query.sql, query.bindings)
        }
        let columns = try rows(catalog.columns).map { row in
            ExistingTable.Column(
                name: try row.decode(String.self, at: 0), typeName: try row.decode(String.self, at: 1),
                isNullable: try row.decode(String.self, at: 2).uppercased() == "YES")
        }
        let indexes = Set(try rows(catalog.indexes).map { try $0.decode(String.self, at: 0) })
        var foreignKeys: [String: [String]] = [:]
        for row in try rows(catalog.foreignKeys) {
            foreignKeys[try row.decode(String.self, at: 0), default: []].append(try row.decode(String.self, at: 1))
        }
        return ExistingTable(name: table, columns: columns, indexes: indexes, foreignKeys: foreignKeys)
    }

    /// Whether `table` exists: the dialect's catalog lists its columns, or else the engine is
    /// asked to prepare a query of it, which runs nothing (but on PostgreSQL, failing, aborts an
    /// open transaction — hence the catalog first).
    public func tableExists(_ table: String) throws -> Bool {
        try unitOfWork {
            if let catalog = dialect.catalog(of: table) {
                return !(try connection.query(catalog.columns.sql, catalog.columns.bindings)).isEmpty
            }
            do {
                try connection.prepareOnly("SELECT 1 FROM \(dialect.quoteIdentifier(table)) WHERE 1 = 0")
                return true
            } catch let error as JoineryError where error.kind == .undefinedObject {
                return false
            }
        }
    }
}
