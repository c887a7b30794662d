extension Database {
    /// Sets fields of a stored model, by field or column name, GORM's `Update("UserID", 2)`;
    /// `updated_at` is set too. The new values are written into `model`.
    ///
    /// ```swift
    /// try db.update(&profile, set: ["userID": 2])
    /// // UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3 AND "profiles"."deleted_at" IS NULL
    /// ```
    ///
    /// A model without a primary key value cannot be updated (``JoineryError/Kind/misuse``); one
    /// whose row no longer exists (or is soft-deleted) is ``JoineryError/Kind/notFound``, and
    /// `model` is left as it was. Changing a foreign key drops the loaded parent it no longer
    /// points at (`profile.user` becomes nil), so the value never shows a stale association.
    @discardableResult
    public func update<M: Model>(_ model: inout M, set values: [String: any SQLValueConvertible]) throws -> Int {
        try writingUnitOfWork("update") { try updateHoldingConnection(&model, set: values) }
    }

    private func updateHoldingConnection<M: Model>(_ model: inout M, set values: [String: any SQLValueConvertible]) throws -> Int {
        let planner = try planner(including: [M.self])
        guard let table = planner.schema.table(forModel: M.modelDeclaration.name) else { return 0 }
        var assigned = values.mapValues(\.sqlValue)
        if let updatedAt = table.updatedAtColumn, assigned[updatedAt] == nil,
            !assigned.keys.contains(where: { table.column(forField: $0)?.name == updatedAt })
        {
            assigned[updatedAt] = .timestamp(planner.now)
        }
        let plan = try planner.plan(.update(UpdateQuery(table.modelName, set: assigned, filter: try keyCondition(of: model, table))))
        let changed = try runKeyedUpdate(plan, of: table, verb: "updated")
        var updated = model
        var changedFields: Set<String> = []
        for (name, value) in assigned {
            guard let column = table.column(named: name) ?? table.column(forField: name),
                let index = table.columns.firstIndex(of: column)
            else { continue }
            try updated.setColumnValue(value, at: index)
            changedFields.insert(column.fieldName)
        }
        dropStaleParents(of: &updated, table, changed: changedFields)
        model = updated
        return changed
    }

    /// Deletes a stored model: soft (sets `deleted_at`) when it has a `deletedAt` field, unless
    /// `permanently`.
    ///
    /// ```sql
    /// UPDATE "users" SET "deleted_at" = $1 WHERE "users"."id" = $2 AND "users"."deleted_at" IS NULL
    /// ```
    @discardableResult
    public func delete<M: Model>(_ model: M, permanently: Bool = false) throws -> Int {
        try writingUnitOfWork("delete") {
            let planner = try planner(including: [M.self])
            guard let table = planner.schema.table(forModel: M.modelDeclaration.name) else { return 0 }
            let plan = try planner.plan(.delete(DeleteQuery(table.modelName, filter: try keyCondition(of: model, table), unscoped: permanently)))
            var changed = 0
            for planned in plan.statements { changed += try run(planned.statement).rowsAffected }
            return changed
        }
    }

    /// Runs the update of one row found by its key; no row matched is ``JoineryError/Kind/notFound``
    /// (in a transaction, the caller's whole write rolls back).
    @discardableResult
    func runKeyedUpdate(_ plan: QueryPlan, of table: TableSchema, verb: String) throws -> Int {
        var changed = 0
        for planned in plan.statements { changed += try run(planned.statement).rowsAffected }
        guard changed > 0 else {
            throw JoineryError(
                .notFound, "no \(table.modelName) row has this key (deleted, or soft-deleted): nothing was \(verb)",
                table: table.name, model: table.modelName)
        }
        return changed
    }

    /// Clears each loaded parent whose foreign key was among `changed` and now points elsewhere.
    private func dropStaleParents<M: Model>(of model: inout M, _ table: TableSchema, changed: Set<String>) {
        let fields = M.modelDeclaration.fields.map(\.name)
        for relation in table.belongsTo where relation.foreignKeyFields.contains(where: changed.contains) {
            guard let parent = model.association(named: relation.name) else { continue }
            let parentFields = Swift.type(of: parent).modelDeclaration.fields.map(\.name)
            let stillPointsAtParent = zip(relation.foreignKeyFields, relation.referencedFields).allSatisfy { foreign, referenced in
                guard let from = parentFields.firstIndex(of: referenced), let to = fields.firstIndex(of: foreign) else { return false }
                return parent.columnValues[from] == model.columnValues[to]
            }
            if !stillPointsAtParent { model.setAssociation(nil, named: relation.name) }
        }
    }

    /// `"id" = <model's id>`: the condition that finds a stored model.
    func keyCondition(of model: any Model, _ table: TableSchema) throws -> Condition {
        let values = model.columnValues
        let parts = try table.primaryKey.map { key -> Condition in
            guard let index = table.columns.firstIndex(where: { $0.name == key }), !values[index].isNull else {
                throw JoineryError.misuse(
                    "this \(table.modelName) has no primary key value; create it first", model: table.modelName, field: key)
            }
            return .equal(key, values[index])
        }
        guard !parts.isEmpty else {
            throw JoineryError.misuse("\(table.modelName) has no primary key to identify a row by", model: table.modelName)
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }
}
