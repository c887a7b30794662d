extension Planner {
    /// What an existing table lacks of its model, and the drift left alone:
    ///
    /// ```sql
    /// ALTER TABLE "profiles" ADD COLUMN "nickname" TEXT
    /// CREATE INDEX "idx_profiles_nickname" ON "profiles" ("nickname")
    /// ALTER TABLE "profiles" ADD CONSTRAINT "fk_profiles_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id")
    /// ```
    ///
    /// A required column without a default cannot be added to a table whose rows have no value
    /// for it: misuse, before anything is planned.
    func evolve(_ table: TableSchema, from existing: ExistingTable) throws -> (statements: [PlannedStatement], report: MigrationReport) {
        var report = MigrationReport()
        var statements: [PlannedStatement] = []
        let missing = table.columns.filter { existing.column(named: $0.name) == nil }
        for column in missing where !column.isNullable && column.defaultValue == nil {
            throw JoineryError.misuse(
                "\(table.modelName).\(column.fieldName) is required and has no default, so it cannot be added to the existing "
                    + "table \(table.name), whose rows have no value for it; make it optional or give it a default",
                model: table.modelName, field: column.fieldName)
        }
        var inlineKeys: Set<String> = []
        for column in missing {
            try checkFits(column.name, model: table.modelName, field: column.fieldName)
            // A dialect that cannot add constraints (SQLite) declares a new key column's
            // constraint with the column.
            var references: ForeignKeyConstraint?
            if !capabilities.addForeignKey,
                let relation = table.belongsTo.first(where: { $0.foreignKeyColumns == [column.name] }),
                let constraint = try foreignKey(relation)
            {
                references = constraint
                inlineKeys.insert(constraint.name)
            }
            let definition = ColumnDefinition(
                name: column.name, type: column.type, isNullable: column.isNullable, defaultValue: column.defaultValue)
            statements.append(PlannedStatement(
                "add column \(table.name).\(column.name)",
                .addColumn(AddColumnStatement(table: table.name, column: definition, references: references))))
            report.addedColumns.append("\(table.name).\(column.name)")
        }

        for column in existing.columns where !table.columns.contains(where: { $0.name.lowercased() == column.name.lowercased() }) {
            report.drift.append(.columnNotInModel(table: table.name, column: column.name))
        }
        for column in table.columns {
            guard let found = existing.column(named: column.name) else { continue }
            if !column.type.isSameKind(asTypeNamed: found.typeName) {
                report.drift.append(.typeDiffers(table: table.name, column: column.name, model: column.type, database: found.typeName))
            }
            // A primary key is NOT NULL whatever its Swift type says.
            if column.isNullable != found.isNullable, !table.primaryKey.contains(column.name) {
                report.drift.append(.nullabilityDiffers(table: table.name, column: column.name, modelAllowsNull: column.isNullable))
            }
        }

        // Unique constraints of new columns become unique indexes of the same name (a column
        // added by ALTER TABLE cannot carry UNIQUE on every engine).
        let addedNames = Set(missing.map(\.name))
        for unique in table.uniqueConstraints where unique.columns.allSatisfy(addedNames.contains) {
            let index = IndexSchema(name: unique.name, columns: unique.columns, isUnique: true)
            statements.append(try createIndex(index, of: table, ifNotExists: false))
            report.addedIndexes.append(fitted(unique.name))
        }
        for index in table.indexes where !existing.hasIndex(named: fitted(index.name)) {
            statements.append(try createIndex(index, of: table, ifNotExists: false))
            report.addedIndexes.append(fitted(index.name))
        }

        for relation in table.belongsTo {
            guard let constraint = try foreignKey(relation), !inlineKeys.contains(constraint.name),
                !existing.hasForeignKey(named: constraint.name, columns: constraint.columns)
            else { continue }
            guard capabilities.addForeignKey else {
                report.drift.append(.foreignKeyMissing(
                    table: table.name, constraint: constraint.name,
                    reason: "the engine cannot add a constraint to an existing column without rebuilding the table"))
                continue
            }
            statements.append(PlannedStatement(
                "add constraint \(constraint.name)", .addForeignKey(AddForeignKeyStatement(table: table.name, constraint: constraint))))
            report.addedForeignKeys.append(constraint.name)
        }
        return (statements, report)
    }
}
