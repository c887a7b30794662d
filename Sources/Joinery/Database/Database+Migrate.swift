extension Database {
    /// Creates the tables of `types` (and of the models their associations reach) that do not
    /// exist yet, in dependency order, with their foreign-key constraints and actions, unique
    /// constraints and indexes (the soft-delete index among them). Running it again changes
    /// nothing. Existing tables are not altered.
    ///
    /// ```swift
    /// try db.migrate(User.self, Profile.self)
    /// // CREATE TABLE "users" (…); CREATE INDEX "idx_users_deleted_at" …;
    /// // CREATE TABLE "profiles" (…, CONSTRAINT "fk_profiles_user" FOREIGN KEY ("user_id")
    /// //   REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE)
    /// ```
    public func migrate(_ types: any Model.Type...) throws {
        try migrate(types)
    }

    public func migrate(_ types: [any Model.Type]) throws {
        try writingUnitOfWork("migrate") {
            let planner = try planner(including: types)
            let missing = try planner.schema.tables.filter { try !tableExists($0.name) }.map(\.modelName)
            guard !missing.isEmpty else { return }
            let plan = try planner.plan(.migrate(MigrateQuery(models: missing)))
            for planned in plan.statements { try run(planned.statement) }
        }
    }

    /// Whether `table` exists: the engine is asked to prepare a query of it, which runs nothing
    /// and works the same on every engine.
    public func tableExists(_ table: String) throws -> Bool {
        try unitOfWork {
            do {
                try connection.prepareOnly("SELECT 1 FROM \(dialect.quoteIdentifier(table)) WHERE 1 = 0")
                return true
            } catch let error as JoineryError where error.kind == .undefinedObject {
                return false
            }
        }
    }
}
