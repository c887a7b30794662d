extension Database {
    /// Writes a loaded graph back, GORM's `Save` with `FullSaveAssociations`: in one transaction,
    /// each loaded parent is inserted when new (the rule of ``create(_:)-(M)``) or updated with all
    /// its fields when it exists — its own parents first — the foreign keys are set from the
    /// parents, and then the model's row is updated with all its fields. A model without a primary
    /// key is created instead.
    ///
    /// ```swift
    /// var profile = try db.query(Profile.self).preload(\.user).find(1)!
    /// profile.name = "renamed"
    /// profile.user?.name = "jinzhu 2"
    /// try db.save(&profile)
    /// // UPDATE "users" SET "name" = $1, … WHERE "users"."id" = $2
    /// // UPDATE "profiles" SET "name" = $1, "user_id" = $2, "updated_at" = $3 WHERE "profiles"."id" = $4
    /// ```
    ///
    /// A row that no longer exists is ``JoineryError/Kind/notFound``; when anything fails, nothing
    /// is stored and `model` is as it was.
    public func save<M: Model>(_ model: inout M) throws {
        let planner = try planner(including: [M.self])
        if try ParentWrite(for: model, in: planner.schema) == .insert {
            try create(&model)
            return
        }
        let original = model
        model = try writingTransaction("save") {
            var erased: any Model = original
            try saveGraph(&erased)
            guard let typed = erased as? M else { throw JoineryError.misuse("save changed the type of \(M.self)") }
            return typed
        }
    }

    /// Saves the loaded parents of `model`, then updates its row with every field.
    private func saveGraph(_ model: inout any Model) throws {
        let type = Swift.type(of: model)
        let planner = try planner(including: [type])
        guard let table = planner.schema.table(forModel: type.modelDeclaration.name) else { return }
        for relation in table.belongsTo {
            guard var parent = model.association(named: relation.name) else { continue }
            if try ParentWrite(for: parent, in: planner.schema) == .existing {
                try saveGraph(&parent)
            } else {
                try storeParent(&parent)
            }
            model.setAssociation(parent, named: relation.name)
            try copyReferencedKey(of: parent, into: &model, relation)
        }
        var values: [String: SQLValue] = [:]
        for (column, value) in zip(table.columns, model.columnValues) where !table.primaryKey.contains(column.name) {
            values[column.name] = value
        }
        if let updatedAt = table.updatedAtColumn { values[updatedAt] = .timestamp(planner.now) }
        guard !values.isEmpty else { return }
        let plan = try planner.plan(.update(UpdateQuery(table.modelName, set: values, filter: try keyCondition(of: model, table))))
        try runKeyedUpdate(plan, of: table, verb: "saved")
        if let updatedAt = table.updatedAtColumn, let index = table.columns.firstIndex(where: { $0.name == updatedAt }),
            let value = values[updatedAt]
        {
            try model.setColumnValue(value, at: index)
        }
    }
}
