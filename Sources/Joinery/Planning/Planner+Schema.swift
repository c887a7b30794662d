extension Planner {
    /// `CREATE TABLE` for one model with every foreign key inline, then its indexes.
    func plan(_ query: CreateTableQuery) throws -> QueryPlan {
        let table = try table(forModel: query.model)
        return QueryPlan(statements: try createStatements(table, ifNotExists: query.ifNotExists, deferred: []))
    }

    /// ```sql
    /// CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email")
    /// ```
    func plan(_ query: CreateIndexQuery) throws -> QueryPlan {
        let table = try table(forModel: query.model)
        let index: IndexSchema
        if let columns = query.columns {
            guard !columns.isEmpty else { throw JoineryError.misuse("an index of \(table.modelName) has no columns", model: table.modelName) }
            let names = try columns.map { try column($0, of: table).name }
            index = IndexSchema(
                name: query.name ?? Naming.index(table: table.name, columns: names), columns: names, isUnique: query.unique)
        } else if let name = query.name, let declared = table.indexes.first(where: { $0.name == name }) {
            index = declared
        } else {
            let known = table.indexes.map(\.name).joined(separator: ", ")
            throw JoineryError.misuse(
                "\(table.modelName) declares no index \(query.name ?? "(unnamed)") (indexes: \(known)); name one or give columns",
                model: table.modelName)
        }
        return QueryPlan(statements: [try createIndex(index, of: table, ifNotExists: query.ifNotExists)])
    }

    /// Every table in dependency order. Where the engine checks foreign keys only when rows are
    /// written (``DialectCapabilities/forwardForeignKeyReferences``), cycles are created inline;
    /// elsewhere the constraints that close a cycle are added last.
    func plan(_ query: MigrateQuery) throws -> QueryPlan {
        let wanted = try query.models.map { try Set($0.map { try table(forModel: $0).modelName }) }
        let order = schema.creationOrder
        let deferred = capabilities.forwardForeignKeyReferences ? [] : order.deferredConstraints
        var statements: [PlannedStatement] = []
        for table in order.tables where wanted?.contains(table.modelName) ?? true {
            statements += try createStatements(
                table, ifNotExists: query.ifNotExists, deferred: deferred.filter { $0.ownerModel == table.modelName })
        }
        for relation in deferred where wanted?.contains(relation.ownerModel) ?? true {
            guard let constraint = try foreignKey(relation) else { continue }
            statements.append(PlannedStatement(
                "add constraint \(constraint.name)",
                .addForeignKey(AddForeignKeyStatement(table: relation.ownerTable, constraint: constraint))))
        }
        return QueryPlan(statements: statements)
    }

    private func createStatements(_ table: TableSchema, ifNotExists: Bool, deferred: [BelongsToRelation]) throws
        -> [PlannedStatement]
    {
        try checkFits(table.name, model: table.modelName)
        for column in table.columns { try checkFits(column.name, model: table.modelName, field: column.fieldName) }
        let indexes = table.indexes.map { IndexSchema(name: fitted($0.name), columns: $0.columns, isUnique: $0.isUnique) }
        let inline = capabilities.indexPlacement == .insideCreateTable
        let create = CreateTableStatement(
            table: table.name, ifNotExists: ifNotExists,
            columns: table.columns.map {
                ColumnDefinition(name: $0.name, type: $0.type, isNullable: $0.isNullable, defaultValue: $0.defaultValue)
            },
            primaryKey: table.primaryKey, generatedPrimaryKey: table.hasGeneratedPrimaryKey,
            uniqueConstraints: table.uniqueConstraints.map { UniqueConstraint(name: fitted($0.name), columns: $0.columns) },
            foreignKeys: try table.belongsTo.filter { !deferred.contains($0) }.compactMap(foreignKey),
            indexes: inline ? indexes : [])
        var statements = [PlannedStatement("create table \(table.name)", .createTable(create))]
        if !inline {
            statements += try table.indexes.map { try createIndex($0, of: table, ifNotExists: ifNotExists) }
        }
        return statements
    }

    /// `CREATE TABLE` with the model's full definition under another name: the new table of a
    /// rebuild. Its indexes are the old table's, created again after the rename.
    func createTable(_ table: TableSchema, named name: String) throws -> SQLStatement {
        guard let first = try createStatements(table, ifNotExists: false, deferred: []).first,
            case .createTable(var create) = first.statement
        else { throw JoineryError.misuse("no table to create for \(table.modelName)", model: table.modelName) }
        create.table = name
        create.indexes = []
        return .createTable(create)
    }

    func createIndex(_ index: IndexSchema, of table: TableSchema, ifNotExists: Bool) throws -> PlannedStatement {
        if !capabilities.indexesUnboundedText,
            let column = table.columns.first(where: { index.columns.contains($0.name) && $0.type == .text(maxLength: nil) })
        {
            throw JoineryError(
                .unsupported,
                "the dialect cannot index the unbounded text column \(table.name).\(column.name): give the field a maxLength",
                table: table.name, column: column.name, model: table.modelName, field: column.fieldName)
        }
        let fittedIndex = IndexSchema(name: fitted(index.name), columns: index.columns, isUnique: index.isUnique)
        return PlannedStatement(
            "create index \(fittedIndex.name)",
            .createIndex(CreateIndexStatement(table: table.name, index: fittedIndex, ifNotExists: ifNotExists)))
    }

    /// The constraint a relation creates, or `nil` for `constraint:false`.
    func foreignKey(_ relation: BelongsToRelation) throws -> ForeignKeyConstraint? {
        guard let name = relation.constraintName else { return nil }
        return ForeignKeyConstraint(
            name: fitted(name), columns: relation.foreignKeyColumns, referencedTable: relation.targetTable,
            referencedColumns: relation.referencedColumns, onDelete: relation.onDelete, onUpdate: relation.onUpdate)
    }
}
