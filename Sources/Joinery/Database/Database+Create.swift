extension Database {
    /// Inserts `model`, and first each belongs-to parent it carries that has no primary key yet;
    /// the generated keys are written into the foreign keys and back into the caller's values.
    /// All of it happens in one transaction: if any insert fails, none is left behind.
    ///
    /// ```swift
    /// var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
    /// try db.create(&profile)
    /// // INSERT INTO "users" ("name") VALUES ($1) RETURNING "id"
    /// // INSERT INTO "profiles" ("name", "user_id") VALUES ($1, $2) RETURNING "id"
    /// profile.userID == profile.user?.id   // true
    /// ```
    ///
    /// A parent that already has a primary key is taken to exist: it is not inserted or updated,
    /// only its key is copied into the foreign key. (GORM upserts it instead; to change a parent,
    /// update it.)
    public func create<M: Model>(_ model: inout M) throws {
        _ = try schema(including: [M.self])
        try writingTransaction("create") {
            var erased: any Model = model
            try insertGraph(&erased)
            guard let typed = erased as? M else { throw JoineryError.misuse("create changed the type of \(M.self)") }
            model = typed
        }
    }

    /// Inserts several models of one type, each with its parents, in one transaction.
    public func create<M: Model>(_ models: inout [M]) throws {
        try writingTransaction("create") {
            for index in models.indices { try create(&models[index]) }
        }
    }

    private func insertGraph(_ model: inout any Model) throws {
        let type = Swift.type(of: model)
        let planner = try planner(including: [type])
        let schema = planner.schema
        guard let table = schema.table(forModel: type.modelDeclaration.name) else {
            throw JoineryError.misuse("\(type) is not a model of this database", model: "\(type)")
        }
        let fields = type.modelDeclaration.fields.map(\.name)

        for relation in table.belongsTo {
            guard var parent = model.association(named: relation.name) else { continue }
            let parentFields = Swift.type(of: parent).modelDeclaration.fields.map(\.name)
            let parentTable = schema.table(forModel: relation.targetModel)
            let parentKey = parentTable?.primaryKey.compactMap { column in
                parentTable?.column(named: column).flatMap { parentFields.firstIndex(of: $0.fieldName) }
            } ?? []
            let parentHasKey = !parentKey.isEmpty && parentKey.allSatisfy { !parent.columnValues[$0].isNull }
            if !parentHasKey {
                try insertGraph(&parent)
                model.setAssociation(parent, named: relation.name)
            }
            // Copy the referenced key into the foreign key.
            for (foreignField, referencedField) in zip(relation.foreignKeyFields, relation.referencedFields) {
                guard let from = parentFields.firstIndex(of: referencedField), let to = fields.firstIndex(of: foreignField)
                else { continue }
                try model.setColumnValue(parent.columnValues[from], at: to)
            }
        }

        let now = SQLValue.timestamp(planner.now)
        for (index, column) in table.columns.enumerated() {
            if column.role == .updatedAt || (column.role == .createdAt && model.columnValues[index].isNull) {
                try model.setColumnValue(now, at: index)
            }
        }
        var row: [String: SQLValue] = [:]
        for (column, value) in zip(table.columns, model.columnValues) { row[column.name] = value }
        let plan = try planner.plan(.insert(InsertQuery(table.modelName, rows: [row])))
        for planned in plan.statements {
            switch plan.generatedKey {
            case .returning(let column)?:
                let rows = try rows(planned.statement)
                guard let value = rows.first?[0], let index = table.columns.firstIndex(where: { $0.name == column }) else {
                    throw JoineryError(.engine, "the insert into \(table.name) returned no key", table: table.name)
                }
                try model.setColumnValue(value, at: index)
            case .lastInsertID(let column)?:
                let result = try run(planned.statement)
                guard let id = result.lastInsertID, let index = table.columns.firstIndex(where: { $0.name == column }) else {
                    throw JoineryError(.engine, "the insert into \(table.name) reported no key", table: table.name)
                }
                try model.setColumnValue(.integer(id), at: index)
            case nil:
                try run(planned.statement)
            }
        }
    }
}
