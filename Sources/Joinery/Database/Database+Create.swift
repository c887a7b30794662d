#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Database {
    /// Inserts `model`, and first each belongs-to parent it carries that is new; the generated
    /// keys are written into the foreign keys and back into the caller's values. All of it
    /// happens in one transaction: if any insert fails, none is left behind, and `model` is as
    /// it was before the call.
    ///
    /// ```swift
    /// var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
    /// try db.create(&profile)
    /// // INSERT INTO "users" ("name") VALUES ($1) RETURNING "id"
    /// // INSERT INTO "profiles" ("name", "user_id") VALUES ($1, $2) RETURNING "id"
    /// profile.userID == profile.user?.id   // true
    /// ```
    ///
    /// Which carried parent is new follows one rule, the same in association
    /// mode: a parent without its primary key is inserted; one whose key the application
    /// chooses (a natural key: not an optional integer) is inserted unless a row with that key
    /// exists (`ON CONFLICT DO NOTHING`), and left alone if it does; one with a generated key
    /// already set is taken to exist. A carried parent whose key disagrees with a foreign key
    /// set by hand is misuse: Joinery will not guess which one was meant.
    public func create<M: Model>(_ model: inout M) throws {
        try create(&model, omittingRelations: [], omittingFields: [])
    }

    /// Inserts `model` without what `omitted` names (GORM's `Omit`): an omitted association's
    /// parent is neither inserted nor read for its key (the foreign key stays as set); an omitted
    /// field is left out of the `INSERT`, so the column takes its default, which is read back
    /// into `model`.
    ///
    /// ```swift
    /// try db.create(&profile, omitting: \.user)        // INSERT INTO "profiles" … only
    /// try db.create(&profile, omitting: \.nickname)    // the column's DEFAULT, read back
    /// ```
    public func create<M: Model>(_ model: inout M, omitting omitted: PartialKeyPath<M>...) throws {
        let (relations, fields) = try Self.omissions(omitted, of: M.self)
        try create(&model, omittingRelations: relations, omittingFields: fields)
    }

    /// Inserts only the fields named (GORM's `Select("Name")` on create): every other field is
    /// left out of the `INSERT` and takes its column's default, read back into `model`; no
    /// association is written (the foreign keys are written only when named).
    ///
    /// ```swift
    /// try db.create(&profile, only: \.name)    // INSERT INTO "profiles" ("name") VALUES ($1) …
    /// ```
    public func create<M: Model>(_ model: inout M, only chosen: PartialKeyPath<M>...) throws {
        let (relations, omitted) = try Self.omissions(allBut: chosen, of: M.self)
        try create(&model, omittingRelations: relations, omittingFields: omitted)
    }

    /// What creating only the fields `chosen` leaves out: every association, and every field but
    /// those and the primary key.
    static func omissions<M: Model>(allBut chosen: [PartialKeyPath<M>], of type: M.Type) throws -> (Set<String>, Set<String>) {
        let (_, fields) = try omissions(chosen, of: type)
        let keyFields = Set(M.modelDeclaration.fields.filter { $0.isPrimaryKey == true || $0.name == "id" }.map(\.name))
        let omitted = Set(M.modelDeclaration.fields.map(\.name)).subtracting(fields).subtracting(keyFields)
        return (Set(M.modelDeclaration.belongsTo.map(\.name)), omitted)
    }

    /// The associations and fields key paths name.
    static func omissions<M: Model>(_ keyPaths: [PartialKeyPath<M>], of type: M.Type) throws -> (Set<String>, Set<String>) {
        var relations: Set<String> = [], fields: Set<String> = []
        for keyPath in keyPaths {
            if let name = M.associationName(for: keyPath) {
                relations.insert(name)
            } else if let name = M.fieldName(for: keyPath) {
                fields.insert(name)
            } else {
                throw JoineryError.misuse("\(keyPath) is neither a field nor an association of \(M.self)", model: "\(M.self)")
            }
        }
        return (relations, fields)
    }

    func create<M: Model>(_ model: inout M, omittingRelations relations: Set<String>, omittingFields fields: Set<String>) throws {
        // Omitted fields: their columns, and the table to read their defaults back from.
        var omitted: (columns: Set<String>, table: TableSchema)?
        if !fields.isEmpty {
            let planner = try planner(including: [M.self])
            guard let table = planner.schema.table(forModel: M.modelDeclaration.name) else { return }
            let columns = Set(table.columns.filter { fields.contains($0.fieldName) }.map(\.name))
            if let key = table.primaryKey.first(where: columns.contains), table.hasGeneratedPrimaryKey == false {
                throw JoineryError.misuse("\(M.self) cannot be created without its primary key \(key)", model: "\(M.self)")
            }
            if !columns.isEmpty { omitted = (columns, table) }
        }
        let original = model
        model = try writingTransaction("create") {
            // Inserted as M: neither boxed as `any Model` nor cast back.
            var typed = original
            try insertGraph(&typed, ifAbsent: false, omittingRelations: relations, omittingColumns: omitted?.columns ?? [])
            if let (omittedColumns, table) = omitted {
                // What the engine stored for the omitted columns, so the value does not claim otherwise.
                let query = SelectQuery(table.modelName, filter: try keyCondition(of: typed, table), unscoped: true)
                guard let stored = try load(query, as: M.self).first else {
                    throw JoineryError(.engine, "the new \(table.modelName) row cannot be read back", table: table.name)
                }
                for (index, column) in table.columns.enumerated() where omittedColumns.contains(column.name) {
                    try typed.setColumnValue(stored.columnValues[index], at: index)
                }
            }
            return typed
        }
    }

    /// Inserts several models of one type, each with its new parents, in one transaction, as
    /// GORM's `Create(&users)` does: the rows go in multi-row inserts (as many rows per statement
    /// as the dialect's bind limit allows), the new parents of the batch first, as batches of
    /// their own; the generated keys come back into `models`, parents included. When one row
    /// fails, none is stored and `models` is as it was.
    ///
    /// ```swift
    /// var profiles = [Profile(name: "a", user: User(name: "ann")), Profile(name: "b", user: User(name: "bob"))]
    /// try db.create(&profiles)
    /// // INSERT INTO "users" ("name") VALUES ($1), ($2) RETURNING "id"
    /// // INSERT INTO "profiles" ("name", "user_id") VALUES ($1, $2), ($3, $4) RETURNING "id"
    /// ```
    ///
    /// Keys are matched to rows by their order: an engine gives the rows of one insert increasing
    /// keys in the order of its `VALUES` (SQLite's rowid, a PostgreSQL identity, an
    /// `AUTO_INCREMENT`), whatever order `RETURNING` reports them in. Where the dialect has no
    /// `RETURNING`, each row is its own insert, its key the last insert id.
    public func create<M: Model>(_ models: inout [M]) throws {
        guard !models.isEmpty else { return }
        // Written into a copy: when a row fails, `models` is as it was.
        var written = models
        try writingTransaction("create") { try insertBatch(&written) }
        models = written
    }

    /// Stores a parent carried by a model being written, by the one rule create and association
    /// mode share; the caller holds the transaction.
    func storeParent(_ parent: inout any Model) throws {
        let planner = try planner(including: [Swift.type(of: parent)])
        switch try ParentWrite(for: parent, in: planner.schema) {
        case .insert: try insertGraph(&parent, ifAbsent: false)
        case .insertIfAbsent: try insertGraph(&parent, ifAbsent: true)
        case .existing: break
        }
    }

    /// The create recipe of `type` under `schema`, made once per schema generation.
    private func createRecipe(for type: any Model.Type, in schema: Schema, generation: Int) throws -> CreateRecipe {
        try context.plans.createRecipe(for: type, generation: generation, dialect: dialectType, capabilities: capabilitiesNumber) {
            try CreateRecipe(for: type, in: schema, generation: generation, dialect: dialectType, capabilities: capabilitiesNumber)
        }
    }

    /// Inserts `model` after the parents it carries, and returns its column values as stored
    /// (generated key and foreign keys included). `ifAbsent`: the model's key is its own
    /// (natural), and a row that already has it is left as it is.
    ///
    /// Generic, so that the caller's model is inserted as its own type; a parent (`any Model`) is
    /// opened in place.
    @discardableResult
    private func insertGraph<Inserted: Model>(
        _ model: inout Inserted, ifAbsent: Bool, omittingRelations: Set<String> = [], omittingColumns: Set<String> = []
    ) throws -> [SQLValue] {
        let type: any Model.Type = Swift.type(of: model)
        let (planner, generation) = try plannerAndGeneration(including: type)
        let recipe = try createRecipe(for: type, in: planner.schema, generation: generation)
        // Read once, then kept in step with every value written into the model.
        var row = ColumnValueTable(row: model.columnValues)

        for step in recipe.parents where omittingRelations.isEmpty || !omittingRelations.contains(step.relation.name) {
            guard var parent = model.association(named: step.relation.name) else { continue }
            let (rule, key) = try step.ruleAndKey(for: Swift.type(of: parent), owner: type, in: planner.schema)
            var parentRow = ColumnValueTable(row: parent.columnValues)
            let write = rule.write(for: parentRow, 0)
            try checkAgreement(of: row, 0, step, with: key, of: parentRow, 0, parentIsNew: write == .insert)
            if write != .existing {
                parentRow = ColumnValueTable(row: try insertGraph(&parent, ifAbsent: write == .insertIfAbsent))
                model.setAssociation(parent, named: step.relation.name)
            }
            try key.copy(from: parentRow, 0, into: &model, values: &row, 0)
        }

        try stampTimestamps(&model, &row, 0, recipe, now: planner.now)
        let table = recipe.table
        let plan: QueryPlan, lowered: LoweredStatement?, markedValues: QueryValues?
        if omittingColumns.isEmpty, !ifAbsent {
            (plan, lowered, markedValues) = try modelInsert(row.values, recipe, planner: planner, generation: generation, modelType: type)
        } else {
            var columns: [String] = [], values: [SQLValue] = []
            for (column, value) in zip(recipe.columnNames, row.values) where !omittingColumns.contains(column) {
                columns.append(column)
                values.append(value)
            }
            if ifAbsent {
                try insertIfAbsent(model, Dictionary(zip(columns, values), uniquingKeysWith: { first, _ in first }), table, planner)
                return row.values
            }
            (plan, lowered, markedValues, _) = try insertRun(
                table.modelName, columns: columns, values: values, planner: planner, generation: generation, modelType: type)
        }
        for planned in plan.statements {
            switch plan.generatedKey {
            case .returning(let column)?:
                // The key read from the driver's row in place: no `Row` (and its column names) built.
                var returned: SQLValue?
                try forEachCursor(planned.statement, lowered: lowered, values: markedValues) { cursor in
                    if returned == nil { returned = try cursor.value(at: 0) }
                }
                guard let value = returned, let index = recipe.position(ofColumn: column) else {
                    throw JoineryError(.engine, "the insert into \(table.name) returned no key", table: table.name)
                }
                try model.setColumnValue(value, at: index)
                if index < row.width { row[0, index] = value }
            case .lastInsertID(let column)?:
                let result = try run(planned.statement, lowered: lowered, values: markedValues)
                guard let id = result.lastInsertID, let index = recipe.position(ofColumn: column) else {
                    throw JoineryError(.engine, "the insert into \(table.name) reported no key", table: table.name)
                }
                try model.setColumnValue(.integer(id), at: index)
                if index < row.width { row[0, index] = .integer(id) }
            case nil:
                try run(planned.statement, lowered: lowered, values: markedValues)
            }
        }
        return row.values
    }

    /// The insert of one row of every column of `recipe`'s model: the statement the recipe keeps
    /// for rows with the same NULL columns, else ``insertRun(_:columns:values:returning:planner:generation:modelType:)``'s
    /// (from the plan cache or planned now), then kept in the recipe.
    private func modelInsert(
        _ rowValues: [SQLValue], _ recipe: CreateRecipe, planner: Planner, generation: Int, modelType: any Model.Type
    ) throws -> (QueryPlan, LoweredStatement?, QueryValues?) {
        guard rowValues.count == recipe.columnNames.count, rowValues.count <= 64 else {
            let run = try insertRun(
                recipe.table.modelName, columns: recipe.columnNames, values: rowValues, planner: planner, generation: generation,
                modelType: modelType)
            return (run.plan, run.lowered, run.values)
        }
        var taken: [SQLValue] = []
        taken.reserveCapacity(rowValues.count)
        let nulls = try takeStorableValues(of: ColumnValueTable(row: rowValues), 0, into: &taken, recipe, planner)
        if let entry = recipe.insert(nulls: nulls) {
            let values = QueryValues(values: taken)
            return (entry.plan, entry.root(with: values), values)
        }
        let run = try insertRun(
            recipe.table.modelName, columns: recipe.columnNames, values: rowValues, planner: planner, generation: generation,
            modelType: modelType)
        if let entry = run.entry { recipe.keep(entry, nulls: nulls) }
        return (run.plan, run.lowered, run.values)
    }

    /// Appends the non-NULL values of `table`'s row `row` (every column of `recipe`'s model) to
    /// `taken`, checked as the planner checks values — which it cannot do on the markers a kept
    /// insert holds — and returns the row's NULL columns, a bit per position.
    private func takeStorableValues(
        of table: ColumnValueTable, _ row: Int, into taken: inout [SQLValue], _ recipe: CreateRecipe, _ planner: Planner
    ) throws -> UInt64 {
        var nulls: UInt64 = 0
        for position in 0..<table.width {
            let value = table[row, position]
            if value.isNull {
                nulls |= 1 << UInt64(position)
                continue
            }
            if planner.mayRefuse(value) { try planner.checkStorable(value, in: recipe.table.columns[position], of: recipe.table) }
            taken.append(value)
        }
        return nulls
    }

    /// Inserts `models` after the new parents they carry (each association's new parents as one
    /// batch, recursively), writing the generated and foreign keys into them; the caller holds
    /// the transaction.
    ///
    /// Generic over the batch's type, so that its models are written as themselves: no box per
    /// model, no cast back.
    private func insertBatch<Batch: Model>(_ models: inout [Batch]) throws {
        var rows = try ColumnValueTable(models)
        try insertBatch(&models, rows: &rows)
    }

    /// ``insertBatch(_:)`` with the models' column values read already (`rows`, a row per model),
    /// kept in step with every value written into the models: on return, the rows as stored.
    private func insertBatch<Batch: Model>(_ models: inout [Batch], rows: inout ColumnValueTable) throws {
        guard rows.count == models.count else {
            throw JoineryError.misuse("\(rows.count) rows of column values for \(models.count) models of \(Batch.self)")
        }
        let type = Batch.self
        let (planner, generation) = try plannerAndGeneration(including: type)
        let recipe = try createRecipe(for: type, in: planner.schema, generation: generation)
        let table = recipe.table

        for step in recipe.parents {
            // The first parent found gives the association's type; its parents are then read, written
            // and set as that type.
            guard let first = models.lazy.compactMap({ $0.association(named: step.relation.name) }).first else { continue }
            try writeParents(step, like: first, of: &models, &rows, planner)
        }

        if !recipe.stamps.isEmpty {
            try models.withUnsafeMutableBufferPointer { models in
                for index in models.indices { try stampTimestamps(&models[index], &rows, index, recipe, now: planner.now) }
            }
        }
        // Rows whose generated key is NULL (the engine chooses it) and rows that give it go in
        // separate inserts: they name different columns.
        let keyPosition = table.hasGeneratedPrimaryKey ? table.primaryKey.first.flatMap(recipe.position(ofColumn:)) : nil
        func choosesKey(_ index: Int) -> Bool {
            guard let keyPosition else { return false }
            return keyPosition >= rows.width || rows[index, keyPosition].isNull
        }
        var choosing: [Int] = [], giving: [Int] = []
        choosing.reserveCapacity(models.count)
        giving.reserveCapacity(models.count)
        for index in models.indices {
            if choosesKey(index) { choosing.append(index) } else { giving.append(index) }
        }
        for group in [giving, choosing] where !group.isEmpty {
            let (plan, lowered, values) = try batchInsert(group, of: rows, recipe, planner: planner)
            var next = group[...]
            for (number, planned) in plan.statements.enumerated() {
                guard case .insert(let insert) = planned.statement else { continue }
                let batch = next.prefix(insert.rows.count)
                next = next.dropFirst(insert.rows.count)
                let statement = lowered?[number]
                switch plan.generatedKey {
                case .returning(let column)?:
                    var keys: [SQLValue] = []
                    keys.reserveCapacity(batch.count)
                    try forEachCursor(planned.statement, lowered: statement, values: values) { cursor in
                        keys.append(try cursor.value(at: 0))
                    }
                    try assign(keys, to: batch, of: &models, &rows, recipe, column)
                case .lastInsertID(let column)?:
                    let result = try run(planned.statement, lowered: statement, values: values)
                    try assign(result.lastInsertID.map { [.integer($0)] } ?? [], to: batch, of: &models, &rows, recipe, column)
                case nil:
                    try run(planned.statement, lowered: statement, values: values)
                }
            }
        }
    }

    /// Writes the parents `models` carry for the association `step` (`first`'s type, every one of
    /// them): existing ones as they are, new ones inserted as one batch of their own type,
    /// natural-keyed ones where absent; then gives each owner its parent's key and its stored parent,
    /// set through a shared ``AssociationBox`` (the generated setter takes it without a cast).
    private func writeParents<Parent: Model, Batch: Model>(
        _ step: CreateRecipe.ParentStep, like first: Parent, of models: inout [Batch], _ rows: inout ColumnValueTable,
        _ planner: Planner
    ) throws {
        let name = step.relation.name
        let (rule, key) = try step.ruleAndKey(for: Parent.self, owner: Batch.self, in: planner.schema)
        // The box's type looked up once: named in the loop, generic code would look it up per parent.
        let boxType = AssociationBox<Parent>.self
        // The new parents' boxes, as objects: appending to an `[AssociationBox<Parent>]` or a
        // `[Parent]` in this unspecialised code would look the array's type up per parent.
        // The new parents' column values, read once each; a parent that is not new has its row
        // here only while it is looked at.
        var newParentRows = ColumnValueTable(width: Parent.modelDeclaration.fields.count, capacity: models.count)
        var newBoxes: [AnyObject] = [], owners: [Int] = []
        newBoxes.reserveCapacity(models.count)
        owners.reserveCapacity(models.count)
        // Through the buffer: `models[index]` in this unspecialised code would copy each model out
        // of the array (and destroy the copy) through the array's generic subscript.
        try models.withUnsafeMutableBufferPointer { models in
            for index in models.indices {
                guard let object = try Self.parentBox(of: models[index], named: name, boxType) else { continue }
                let box = unsafeDowncast(object, to: boxType)
                try newParentRows.append(box.value)
                let parentRow = newParentRows.count - 1
                let write = rule.write(for: newParentRows, parentRow)
                try checkAgreement(of: rows, index, step, with: key, of: newParentRows, parentRow, parentIsNew: write == .insert)
                switch write {
                case .insert:
                    newBoxes.append(box)
                    owners.append(index)
                case .insertIfAbsent:
                    newParentRows.removeLast()
                    var parent = box.value
                    let stored = ColumnValueTable(row: try insertGraph(&parent, ifAbsent: true))
                    models[index].setAssociation(box: boxType.init(parent), named: name)
                    try key.copy(from: stored, 0, into: &models[index], values: &rows, index)
                case .existing:
                    try key.copy(from: newParentRows, parentRow, into: &models[index], values: &rows, index)
                    newParentRows.removeLast()
                }
            }
        }
        guard !newBoxes.isEmpty else { return }
        var newParents = [Parent](unsafeUninitializedCapacity: newBoxes.count) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            for box in newBoxes {
                (base + count).initialize(to: unsafeDowncast(box, to: boxType).value)
                count += 1
            }
        }
        try insertBatch(&newParents, rows: &newParentRows)
        try models.withUnsafeMutableBufferPointer { models in
            try newParents.withUnsafeBufferPointer { newParents in
                for (position, index) in owners.enumerated() {
                    models[index].setAssociation(box: boxType.init(newParents[position]), named: name)
                    try key.copy(from: newParentRows, position, into: &models[index], values: &rows, index)
                }
            }
        }
    }

    /// The box of the parent `model` carries for the association `name`, an `AssociationBox<Parent>`:
    /// the model's own box where it shares one (`@Model`'s; told by its type, with no cast), else a
    /// new box of the parent read as an existential and opened. Throws ``JoineryError/Kind/misuse``
    /// for a parent of another type. Returned as an object: an `AssociationBox<Parent>?` would have
    /// this unspecialised code look up the optional's type on every call (a third of its cost).
    private static func parentBox<Owner: Model, Parent: Model>(
        of model: Owner, named name: String, _ boxType: AssociationBox<Parent>.Type
    ) throws -> AnyObject? {
        if let box = model.associationBox(named: name), ObjectIdentifier(Swift.type(of: box)) == ObjectIdentifier(boxType) {
            return box
        }
        guard let parent = model.association(named: name) else { return nil }
        guard let typed = value(parent, as: Parent.self) else {
            throw JoineryError.misuse(
                "the association \(name) of \(Owner.self) holds a \(Swift.type(of: parent)) where \(Parent.self) was found before")
        }
        return boxType.init(typed)
    }

    /// `value` as `Type` when that is its type: the existential opened and its type compared,
    /// cheaper than a dynamic cast (a third of what `as?` costs per parent).
    private static func value<Opened: Model, Type: Model>(_ value: Opened, as type: Type.Type) -> Type? {
        guard Opened.self == Type.self else { return nil }
        return unsafeBitCast(value, to: Type.self)
    }

    /// The plan of a multi-row insert of the rows `group` of `rows` (every column of `recipe`'s
    /// model), and when the recipe keeps one for rows of their NULL columns and number, its
    /// statements lowered with the rows' values (nil: lower the plan's statements as they run).
    private func batchInsert(
        _ group: [Int], of rows: ColumnValueTable, _ recipe: CreateRecipe, planner: Planner
    ) throws -> (QueryPlan, [LoweredStatement]?, QueryValues?) {
        let table = recipe.table, columns = table.columns
        func unkept() throws -> (QueryPlan, [LoweredStatement]?, QueryValues?) {
            (try planner.planInsert(into: table, columns: columns, rows: group.map(rows.row)), nil, nil)
        }
        // Rows that share their NULL columns, within the limits of what is kept.
        guard let first = group.first, rows.width == columns.count, rows.width <= 64,
            group.count * columns.count <= CreateRecipe.batchLimit.values
        else { return try unkept() }
        var taken: [SQLValue] = []
        taken.reserveCapacity(group.count * rows.width)
        let nulls = try takeStorableValues(of: rows, first, into: &taken, recipe, planner)
        for row in group.dropFirst() {
            guard try takeStorableValues(of: rows, row, into: &taken, recipe, planner) == nulls else { return try unkept() }
        }
        let key = CreateRecipe.BatchKey(nulls: nulls, rows: group.count)
        if let kept = recipe.batch(key) {
            return (kept.plan, kept.statements.map { $0.bound(taken) }, QueryValues(values: taken))
        }
        guard recipe.noteBatch(key) else { return try unkept() }
        var marker = 0
        let marked = group.map { row in
            (0..<rows.width).map { column -> SQLValue in
                if rows[row, column].isNull { return .null }
                defer { marker += 1 }
                return QueryValues.marker(marker)
            }
        }
        let plan = try planner.planInsert(into: table, columns: columns, rows: marked)
        var statements: [CreateRecipe.BatchStatement] = []
        var bound = 0
        for planned in plan.statements {
            let lowered = try dialect.lower(planned.statement)
            // Every binding a marker or a NULL: nothing of these rows' own (a time, say) is kept.
            guard let markers = QueryValues.markerPositions(in: lowered),
                zip(markers, lowered.bindings).allSatisfy({ $0.0 >= 0 || $0.1.isNull })
            else { return try unkept() }
            bound += markers.count { $0 >= 0 }
            statements.append(CreateRecipe.BatchStatement(PlanCache.CachedStatement(lowered: lowered, markers: markers)))
        }
        guard bound == taken.count else { return try unkept() }
        recipe.keep(CreateRecipe.BatchInsert(plan: plan, statements: statements), for: key)
        return (plan, statements.map { $0.bound(taken) }, QueryValues(values: taken))
    }

    /// Sets `updatedAt`, and `createdAt` where it is nil, to `now`: in the model, so that the
    /// caller's value says what was stored, and in `values`' row `row`, its column values about
    /// to be inserted.
    private func stampTimestamps<Stamped: Model>(
        _ model: inout Stamped, _ values: inout ColumnValueTable, _ row: Int, _ recipe: CreateRecipe, now: Date
    ) throws {
        for (position, always) in recipe.stamps where position < values.width && (always || values[row, position].isNull) {
            try model.setColumnValue(.timestamp(now), at: position)
            values[row, position] = .timestamp(now)
        }
    }

    /// Writes the keys one insert generated into the models it inserted (and their column
    /// values): the engine gives the rows of one statement increasing keys in the order of their
    /// `VALUES`, so the keys, sorted, are the rows' in order.
    private func assign<Batch: Model>(
        _ keys: [SQLValue], to batch: ArraySlice<Int>, of models: inout [Batch], _ rows: inout ColumnValueTable,
        _ recipe: CreateRecipe, _ column: String
    ) throws {
        guard keys.count == batch.count, let ordered = Self.keysInInsertOrder(keys), let position = recipe.position(ofColumn: column)
        else {
            throw JoineryError(
                .engine, "the insert into \(recipe.table.name) returned \(keys.count) keys for \(batch.count) rows",
                table: recipe.table.name)
        }
        try models.withUnsafeMutableBufferPointer { models in
            for (index, key) in zip(batch, ordered) {
                try models[index].setColumnValue(key, at: position)
                if position < rows.width { rows[index, position] = key }
            }
        }
    }

    /// The keys one multi-row insert generated, in the order of its rows: integer keys sorted
    /// (an engine gives a statement's rows increasing keys, whatever order `RETURNING` reports
    /// them in); used as they are when they came in order, as they usually do — no sorted copy,
    /// a large allocation per batch. One key of another kind is its row's; several are nil.
    static func keysInInsertOrder(_ keys: [SQLValue]) -> [SQLValue]? {
        var ascending = true, previous = Int64.min
        for key in keys {
            guard case .integer(let value) = key else { return keys.count == 1 ? keys : nil }
            if value < previous { ascending = false }
            previous = value
        }
        if ascending { return keys }
        return keys.sorted { first, second in
            guard case .integer(let first) = first, case .integer(let second) = second else { return false }
            return first < second
        }
    }

    /// Writes the parent's referenced key into the model's foreign key.
    func copyReferencedKey(of parent: any Model, into model: inout any Model, _ relation: BelongsToRelation) throws {
        try ReferencedKey(relation, parent: Swift.type(of: parent), owner: Swift.type(of: model))
            .copy(from: parent.columnValues, into: &model)
    }

    /// A foreign key set by hand and the key of the parent carried beside it must agree
    /// (GORM silently takes the parent's). A hand-set key beside a parent still to be inserted
    /// cannot agree with a key nobody knows yet — unless the field cannot be nil, when its
    /// value is only a placeholder. `values`' row `row`: the owner's column values; `parents`'
    /// row `parentRow` the parent's, its key where `key` says.
    private func checkAgreement(
        of values: ColumnValueTable, _ row: Int, _ step: CreateRecipe.ParentStep, with key: ReferencedKey,
        of parents: ColumnValueTable, _ parentRow: Int, parentIsNew: Bool
    ) throws {
        let relation = step.relation
        for (number, (foreignField, foreignKey)) in zip(relation.foreignKeyFields, step.foreignKeys).enumerated() {
            guard let (index, isNullable) = foreignKey, index < values.width else { continue }
            let referencedValue = key.referenced(number, in: parents, parentRow)
            let given = values[row, index]
            if given.isNull || given == referencedValue { continue }
            if referencedValue.isNull && !(parentIsNew && isNullable) { continue }
            let parentKey = referencedValue.isNull ? "a new \(relation.targetModel) (its key is not known yet)" : "\(relation.targetModel) \(referencedValue)"
            throw JoineryError.misuse(
                "\(relation.ownerModel).\(foreignField) is \(given), but the \(relation.name) it carries is \(parentKey); "
                    + "set the foreign key or the \(relation.name), or make them agree",
                model: relation.ownerModel, field: foreignField, relation: "\(relation.ownerModel).\(relation.name)")
        }
    }

    /// `INSERT … ON CONFLICT (key) DO NOTHING`, or the dialect's equivalent; where the dialect has
    /// none, or its spelling also skips rows that clash on another unique key (MariaDB's
    /// `ON DUPLICATE KEY`), the row's key is looked up so that such a clash is not taken for
    /// "already there".
    private func insertIfAbsent(_ model: any Model, _ row: [String: SQLValue], _ table: TableSchema, _ planner: Planner) throws {
        let key = try keyCondition(of: model, table)
        func exists() throws -> Bool {
            let query = SelectQuery(table.modelName, filter: key, count: true, unscoped: true)
            guard let statement = try planner.plan(.select(query)).statements.first else { return false }
            return try rows(statement.statement).first?.decode(Int.self, at: 0) ?? 0 > 0
        }
        guard let syntax = dialect.capabilities.upsert else {
            if try exists() { return }
            for planned in try planner.plan(.insert(InsertQuery(table.modelName, rows: [row], returning: []))).statements {
                try run(planned.statement)
            }
            return
        }
        let upsert = Upsert(conflictColumns: table.primaryKey)
        for planned in try planner.plan(.insert(InsertQuery(table.modelName, rows: [row], upsert: upsert, returning: []))).statements {
            try run(planned.statement)
        }
        if syntax != .onConflict, try !exists() {
            throw JoineryError(
                .uniqueViolation, "\(table.modelName) was not inserted: another row has one of its unique values",
                table: table.name, model: table.modelName)
        }
    }
}

/// What create and association mode do with a parent a model carries: the one rule both use.
enum ParentWrite: Equatable {
    /// No primary key yet: insert it, and let the engine generate the key.
    case insert
    /// A key the application chose (a natural key): insert it unless a row with that key exists.
    case insertIfAbsent
    /// A generated key that is already set: the row exists; only its key is used.
    case existing

    init(for parent: any Model, in schema: Schema) throws {
        self = try Rule(for: Swift.type(of: parent), in: schema).write(for: ColumnValueTable(row: parent.columnValues), 0)
    }

    /// The rule for the parents of one model type, worked out once for many parents.
    struct Rule {
        /// Where the primary key's fields sit in the parent's column values.
        let keyPositions: [Int]
        /// The key is chosen by the application (a natural key), not generated by the engine.
        let keyIsChosen: Bool

        init(for type: any Model.Type, in schema: Schema) throws {
            let declaration = type.modelDeclaration
            guard let table = schema.table(forModel: declaration.name) else {
                throw JoineryError.misuse("\(declaration.name) is not a model of this database", model: declaration.name)
            }
            let keyFields = table.primaryKey.compactMap { table.column(named: $0)?.fieldName }
            keyPositions = keyFields.compactMap { field in declaration.fields.firstIndex { $0.name == field } }
            // An optional integer key is nil until the engine generates it; any other key is
            // chosen by the application, so having one says nothing about the row existing.
            keyIsChosen = !table.hasGeneratedPrimaryKey || keyPositions.contains { !declaration.fields[$0].isNullable }
        }

        /// What to do with a parent whose column values are `values`' row `row`.
        func write(for values: ColumnValueTable, _ row: Int) -> ParentWrite {
            let hasKey = keyPositions.contains { $0 < values.width && !values[row, $0].isNull }
            guard hasKey else { return .insert }
            return keyIsChosen ? .insertIfAbsent : .existing
        }
    }
}

/// Where a belongs-to relation's referenced key sits among the parent's column values, and
/// where its foreign key sits among the owner's: found once by field name, used by position.
struct ReferencedKey {
    /// The referenced field's position in the parent (nil: the parent has no such field), and
    /// the foreign key field's in the owner, for each column of the key.
    private let positions: [(parent: Int?, owner: Int?)]

    init(_ relation: BelongsToRelation, parent: any Model.Type, owner: any Model.Type) {
        let parentFields = parent.modelDeclaration.fields.map { $0.name }
        let ownerFields = owner.modelDeclaration.fields.map { $0.name }
        positions = zip(relation.foreignKeyFields, relation.referencedFields).map { foreign, referenced in
            (parentFields.firstIndex(of: referenced), ownerFields.firstIndex(of: foreign))
        }
    }

    /// The `number`th column of the parent's referenced key (NULL where it has no such field),
    /// the parent's column values being `parents`' row `row`.
    func referenced(_ number: Int, in parents: ColumnValueTable, _ row: Int) -> SQLValue {
        guard number < positions.count, let from = positions[number].parent, from < parents.width else { return .null }
        return parents[row, from]
    }

    /// Writes the parent's referenced key (in `parents`' row `parentRow`) into the owner's foreign
    /// key, and into `values`' row `row`, the owner's column values kept beside it.
    func copy<Owner: Model>(
        from parents: ColumnValueTable, _ parentRow: Int, into owner: inout Owner, values: inout ColumnValueTable, _ row: Int
    ) throws {
        for position in positions {
            guard let from = position.parent, let to = position.owner, from < parents.width else { continue }
            let value = parents[parentRow, from]
            try owner.setColumnValue(value, at: to)
            if to < values.width { values[row, to] = value }
        }
    }

    /// Writes the parent's referenced key into the owner's foreign key.
    func copy(from parentValues: [SQLValue], into owner: inout any Model) throws {
        for position in positions {
            guard let from = position.parent, let to = position.owner, from < parentValues.count else { continue }
            try owner.setColumnValue(parentValues[from], at: to)
        }
    }
}
