/// The one-shot calls: each is one unit of work on one connection of the pool, with the same
/// meaning and SQL as the ``Database`` call of the same name. A call that writes several rows
/// (a create with new parents, a replace) is one transaction.
///
/// The caller's `inout` values change only when the call succeeds: a call that throws leaves
/// them as they were.
extension DatabasePool {
    /// Starts a query of `type`; `all()` and the other calls run it on a reader.
    ///
    /// ```swift
    /// let profiles = try await pool.query(Profile.self).preload(\.user).all()
    /// ```
    public func query<M: Model>(_ type: M.Type) -> QueryBuilder<M, DatabasePool> {
        context.register(type)
        return QueryBuilder(source: self, context: context)
    }

    /// Inserts `model` and the new parents it carries, in one transaction (see
    /// ``Database/create(_:)-(M)``).
    public func create<M: Model>(_ model: inout M) async throws {
        try await create(&model, omittingRelations: [], omittingFields: [])
    }

    /// Inserts `model` without the associations and fields named (see
    /// ``Database/create(_:omitting:)``).
    public func create<M: Model>(_ model: inout M, omitting omitted: PartialKeyPath<M>...) async throws {
        let (relations, fields) = try Database.omissions(omitted, of: M.self)
        try await create(&model, omittingRelations: relations, omittingFields: fields)
    }

    /// Inserts only the fields named (see ``Database/create(_:only:)``).
    public func create<M: Model>(_ model: inout M, only chosen: PartialKeyPath<M>...) async throws {
        let (relations, omitted) = try Database.omissions(allBut: chosen, of: M.self)
        try await create(&model, omittingRelations: relations, omittingFields: omitted)
    }

    private func create<M: Model>(_ model: inout M, omittingRelations relations: Set<String>, omittingFields fields: Set<String>)
        async throws
    {
        let original = model
        model = try await atomicWrite { db in
            var copy = original
            try db.create(&copy, omittingRelations: relations, omittingFields: fields)
            return copy
        }
    }

    /// Writes a loaded graph back: changed parents updated, new ones inserted, then the model,
    /// in one transaction (see ``Database/save(_:)``).
    public func save<M: Model>(_ model: inout M) async throws {
        let original = model
        model = try await atomicWrite { db in
            var copy = original
            try db.save(&copy)
            return copy
        }
    }

    /// Inserts several models, each with its new parents, in one transaction.
    public func create<M: Model>(_ models: inout [M]) async throws {
        let original = models
        models = try await atomicWrite { db in
            var copy = original
            try db.create(&copy)
            return copy
        }
    }

    /// Sets fields of a stored model (see ``Database/update(_:set:)``).
    @discardableResult
    public func update<M: Model>(_ model: inout M, set values: [String: any SQLValueConvertible]) async throws -> Int {
        let original = model
        let assigned = values.mapValues(\.sqlValue)
        let (updated, count) = try await atomicWrite { db in
            var copy = original
            let count = try db.update(&copy, set: assigned)
            return (copy, count)
        }
        model = updated
        return count
    }

    /// Deletes a stored model: soft when it has a `deletedAt` field, unless `permanently`.
    @discardableResult
    public func delete<M: Model>(_ model: M, permanently: Bool = false) async throws -> Int {
        try await atomicWrite { db in try db.delete(model, permanently: permanently) }
    }

    /// Creates the missing tables of `types` and of the models they reach, and adds what existing
    /// tables lack (see
    /// `Database.migrate(_:)`).
    @discardableResult
    public func migrate(_ types: any Model.Type...) async throws -> MigrationReport {
        let types = types.map(ModelTypeBox.init)
        return try await write { db in try db.migrate(types.map(\.type)) }
    }

    /// Association mode for a belongs-to association, run through the pool.
    ///
    /// ```swift
    /// try await pool.association(\Profile.user).replace(&profile, with: &hu, deletingOld: true)
    /// ```
    public func association<Owner: Model, Target: Model>(
        _ keyPath: WritableKeyPath<Owner, Target?>
    ) -> Association<Owner, Target, DatabasePool> {
        register([Owner.self, Target.self])
        return Association(source: self, context: context, name: Owner.associationName(for: keyPath))
    }
}

/// A model type carried into a unit of work (metatypes of a protocol are not `Sendable`, yet
/// are only read).
struct ModelTypeBox: @unchecked Sendable {
    let type: any Model.Type
}

extension QueryBuilder where Source == DatabasePool {
    /// Every matching row, with its included associations: one unit of work on a reader.
    public consuming func all() async throws -> [M] {
        let query = takeQuery()
        return try await source.read { db in try db.load(query, as: M.self) }
    }

    /// The first row by primary key (GORM's `First`), or nil.
    public consuming func first() async throws -> M? {
        let query = firstRowQuery()
        return try await source.read { db in try db.loadFirst(query, as: M.self) }
    }

    /// The row with this primary key, or nil.
    public consuming func find(_ id: some SQLValueConvertible) async throws -> M? {
        let query = try keyQuery(id.sqlValue)
        return try await source.read { db in try db.loadFirst(query, as: M.self) }
    }

    /// The number of matching rows.
    public consuming func count() async throws -> Int {
        let query = countingQuery()
        return try await source.read { db in try db.count(query, of: M.self) }
    }
}

extension Association where Source == DatabasePool {
    private func onDatabase(_ db: Database) -> Association<Owner, Target, Database> {
        Association<Owner, Target, Database>(source: db, context: context, name: name)
    }

    /// The parent the owner's foreign key points at (soft-deleted parents excluded), or nil.
    public func find(for owner: Owner) async throws -> Target? {
        try await source.read { db in try onDatabase(db).find(for: owner) }
    }

    /// 1 when the owner has a parent, else 0.
    public func count(for owner: Owner) async throws -> Int {
        try await source.read { db in try onDatabase(db).count(for: owner) }
    }

    /// Points the owner at `target` (created first if new), in one transaction; with
    /// `deletingOld`, the previous parent is deleted, never `target`.
    public func replace(_ owner: inout Owner, with target: inout Target, deletingOld: Bool = false) async throws {
        let (originalOwner, originalTarget) = (owner, target)
        (owner, target) = try await source.atomicWrite { db in
            var (owner, target) = (originalOwner, originalTarget)
            try onDatabase(db).replace(&owner, with: &target, deletingOld: deletingOld)
            return (owner, target)
        }
    }

    /// GORM's `Append` on a belongs-to: the same as `replace(_:with:deletingOld:)`.
    public func append(_ owner: inout Owner, _ target: inout Target) async throws {
        try await replace(&owner, with: &target)
    }

    /// Sets the owner's foreign key to NULL when it points at `target`.
    public func delete(_ owner: inout Owner, _ target: Target) async throws {
        let original = owner
        owner = try await source.atomicWrite { db in
            var owner = original
            try onDatabase(db).delete(&owner, target)
            return owner
        }
    }

    /// Sets the owner's foreign key to NULL.
    public func clear(_ owner: inout Owner) async throws {
        let original = owner
        owner = try await source.atomicWrite { db in
            var owner = original
            try onDatabase(db).clear(&owner)
            return owner
        }
    }
}
