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

    /// The variadic `migrate`, with the types in an array.
    @discardableResult
    public func migrate(_ types: [any Model.Type]) throws -> MigrationReport {
        try writingUnitOfWork("migrate") {
            let planner = try planner(including: types)
            var report = MigrationReport()
            var missing: [String] = []
            // Compare first, change afterwards: a table that cannot be brought up to its model
            // stops the migration before anything is altered.
            var evolutions: [[PlannedStatement]] = []
            var rebuilds: [TableSchema] = []
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
                var (statements, changes) = try planner.evolve(table, from: found)
                if rebuildable(table, changes) {
                    changes.addedForeignKeys += changes.drift.compactMap {
                        if case .foreignKeyMissing(_, let constraint, _) = $0 { return constraint } else { return nil }
                    }
                    changes.drift.removeAll { if case .foreignKeyMissing = $0 { return true } else { return false } }
                    rebuilds.append(table)
                }
                evolutions.append(statements)
                report.merge(changes)
            }
            let creations = missing.isEmpty ? [] : try planner.plan(.migrate(MigrateQuery(models: missing))).statements
            report.createdTables = missing.compactMap { planner.schema.table(forModel: $0)?.name }
            let statements = creations + evolutions.joined()
            guard !statements.isEmpty || !rebuilds.isEmpty else { return report }
            if dialect.capabilities.transactionalDDL {
                try connection.transaction { for planned in statements { try run(planned.statement) } }
            } else {
                // Each DDL statement commits (and would end a savepoint): run them one by one.
                for planned in statements { try run(planned.statement) }
            }
            for table in rebuilds { try rebuild(table, planner) }
            return report
        }
    }

    /// Whether the foreign keys `changes` could not add are added by rebuilding the table: the
    /// dialect knows how, no column would be lost (the table has none the model lacks), and no
    /// transaction is open (SQLite ignores `PRAGMA foreign_keys` inside one).
    private func rebuildable(_ table: TableSchema, _ changes: MigrationReport) -> Bool {
        let missingKey = changes.drift.contains { if case .foreignKeyMissing = $0 { return true } else { return false } }
        let extraColumn = changes.drift.contains { if case .columnNotInModel = $0 { return true } else { return false } }
        return missingKey && !extraColumn && !connection.isInTransaction
            && dialect.tableRebuild(of: table.name, through: table.name, copying: []) != nil
    }

    /// Rebuilds `table` with its model's full definition, rows, indexes and triggers kept; undone
    /// when a row breaks one of the new foreign keys.
    private func rebuild(_ table: TableSchema, _ planner: Planner) throws {
        let temporary = "joinery_rebuild_" + table.name
        guard let steps = dialect.tableRebuild(of: table.name, through: temporary, copying: table.columns.map(\.name)) else { return }
        for sql in steps.before { try connection.execute(sql) }
        defer { for sql in steps.after { _ = try? connection.execute(sql) } }
        try connection.transaction {
            let definitions = try connection.query(steps.definitions.sql, steps.definitions.bindings)
                .map { try $0.decode(String.self, at: 0) }
            try run(try planner.createTable(table, named: temporary))
            for sql in steps.copy + definitions { try connection.execute(sql) }
            let violations = try connection.query(steps.check.sql, steps.check.bindings)
            guard violations.isEmpty else {
                throw JoineryError(
                    .foreignKeyViolation,
                    "\(violations.count) row\(violations.count == 1 ? "" : "s") of \(table.name) point at rows that do not exist, "
                        + "so its new foreign keys cannot be added; the table was left as it was",
                    table: table.name, model: table.modelName)
            }
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
