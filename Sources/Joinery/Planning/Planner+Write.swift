extension Planner {
    /// ```sql
    /// INSERT INTO "users" ("name", "created_at") VALUES ($1, $2) RETURNING "id"
    /// ```
    func plan(_ query: InsertQuery) throws -> QueryPlan {
        let table = try table(forModel: query.model)
        guard !query.rows.isEmpty else { throw JoineryError.misuse("an insert of \(table.modelName) has no rows", model: table.modelName) }
        let generatedKey = table.hasGeneratedPrimaryKey ? table.primaryKey.first : nil

        // Each row by column name, with a NULL for each timestamp and generated key it leaves
        // out (filled in or dropped below), so that rows differing only there agree.
        var rows: [[String: SQLValue]] = []
        for given in query.rows {
            var row: [String: SQLValue] = [:]
            for (name, value) in given {
                let column = try column(name, of: table)
                guard row.updateValue(value, forKey: column.name) == nil else {
                    throw JoineryError.misuse(
                        "a row of \(table.modelName) gives \(column.name) twice (as field and as column)",
                        model: table.modelName, field: column.fieldName)
                }
            }
            for column in table.columns where column.role == .createdAt || column.role == .updatedAt || column.name == generatedKey {
                if row[column.name] == nil { row[column.name] = .null }
            }
            rows.append(row)
        }
        let columns = table.columns.filter { rows[0][$0.name] != nil }
        if let odd = rows.first(where: { Set($0.keys) != Set(columns.map(\.name)) }) {
            throw JoineryError.misuse(
                "the rows of an insert of \(table.modelName) give different columns (\(columns.map(\.name).joined(separator: ", ")) "
                    + "and \(table.columns.map(\.name).filter { odd[$0] != nil }.joined(separator: ", ")))",
                model: table.modelName)
        }
        return try planInsert(
            into: table, columns: columns, rows: rows.map { row in columns.map { row[$0.name] ?? .null } },
            upsert: query.upsert, returning: query.returning)
    }

    /// An insert of `rows` into `table`, each row's values in the order of `columns` (of the
    /// table, resolved): timestamps left NULL are set to the planner's clock, a generated key
    /// NULL in every row is left to the engine, and every value is checked storable.
    func planInsert(
        into table: TableSchema, columns given: [ColumnSchema], rows: [[SQLValue]], upsert: Upsert? = nil,
        returning: [String]? = nil
    ) throws -> QueryPlan {
        guard !rows.isEmpty else { throw JoineryError.misuse("an insert of \(table.modelName) has no rows", model: table.modelName) }
        let generatedKey = table.hasGeneratedPrimaryKey ? table.primaryKey.first : nil
        var columns = given, values = rows
        let now = nowValue
        for (position, column) in columns.enumerated() where column.role == .createdAt || column.role == .updatedAt {
            for index in values.indices where values[index][position].isNull { values[index][position] = now }
        }
        // A NULL generated key means "let the engine choose", as GORM does with a zero ID.
        if let generatedKey, let position = columns.firstIndex(where: { $0.name == generatedKey }) {
            let nulls = values.count { $0[position].isNull }
            if nulls == values.count {
                columns.remove(at: position)
                for index in values.indices { values[index].remove(at: position) }
            } else if nulls > 0 {
                throw JoineryError.misuse(
                    "the rows of an insert of \(table.modelName) give different columns (some give \(generatedKey), some leave it to the engine)",
                    model: table.modelName)
            }
        }
        for row in values {
            for (value, column) in zip(row, columns) { try checkStorable(value, in: column, of: table) }
        }
        let upsert = try upsert.map { upsert in
            Upsert(
                conflictColumns: try upsert.conflictColumns.map { try column($0, of: table).name },
                update: try upsert.update.map { try column($0, of: table).name })
        }

        let engineChoosesKey = generatedKey.map { key in !columns.contains { $0.name == key } } ?? false
        var returned = try returning.map { try $0.map { try column($0, of: table).name } } ?? []
        var keyRead: GeneratedKeyRead?
        if returning == nil, engineChoosesKey, let generatedKey {
            if capabilities.returning {
                returned = [generatedKey]
                keyRead = .returning(column: generatedKey)
            } else {
                keyRead = .lastInsertID(column: generatedKey)
            }
        }
        // Without RETURNING, each row's key is the connection's last insert id, so each row
        // gets its own statement; otherwise as many rows as the bind limit allows share one.
        let batches: [[[SQLValue]]]
        if case .lastInsertID = keyRead {
            batches = values.map { [$0] }
        } else {
            batches = Self.batches(of: values, columns: columns.count, maxBindParameters: capabilities.maxBindParameters)
        }
        let names = columns.map(\.name)
        return QueryPlan(
            statements: batches.map { batch in
                PlannedStatement(
                    "insert \(table.name)",
                    .insert(InsertStatement(table: table.name, columns: names, rows: batch, upsert: upsert, returning: returned)))
            },
            generatedKey: keyRead)
    }

    /// The most bytes of text and blob values one multi-row insert carries: MariaDB refuses a
    /// statement larger than `max_allowed_packet` (16 MiB by default), and a smaller statement
    /// costs no more round trips worth counting.
    static let insertBytesPerStatement = 4 << 20

    /// `rows` split into consecutive batches that each bind at most `maxBindParameters` values and
    /// carry at most ``insertBytesPerStatement`` bytes (a larger row goes alone). A row without
    /// columns (`DEFAULT VALUES`) goes alone: that form inserts one row.
    static func batches(of rows: [[SQLValue]], columns: Int, maxBindParameters: Int) -> [[[SQLValue]]] {
        guard rows.count > 1 else { return [rows] }
        let rowsPerStatement = columns == 0 ? 1 : max(1, maxBindParameters / columns)
        var batches: [[[SQLValue]]] = [], batch: [[SQLValue]] = [], bytes = 0
        for row in rows {
            let rowBytes = row.reduce(0) { total, value in
                switch value {
                case .text(let text): total + text.utf8.count
                case .blob(let data): total + data.count
                default: total + 8
                }
            }
            if !batch.isEmpty, batch.count == rowsPerStatement || bytes + rowBytes > insertBytesPerStatement {
                batches.append(batch)
                batch = []
                bytes = 0
            }
            batch.append(row)
            bytes += rowBytes
        }
        batches.append(batch)
        return batches
    }

    /// ```sql
    /// UPDATE "profiles" SET "user_id" = $1, "updated_at" = $2 WHERE "profiles"."id" = $3 AND "profiles"."deleted_at" IS NULL
    /// ```
    func plan(_ query: UpdateQuery) throws -> QueryPlan {
        let table = try table(forModel: query.model)
        var values: [String: SQLValue] = [:]
        for (name, value) in query.values {
            let column = try column(name, of: table)
            try checkStorable(value, in: column, of: table)
            values[column.name] = value
        }
        guard !values.isEmpty else { throw JoineryError.misuse("an update of \(table.modelName) sets nothing", model: table.modelName) }
        if let updatedAt = table.updatedAtColumn, values[updatedAt] == nil { values[updatedAt] = nowValue }
        let assignments = table.columns.compactMap { column in
            values[column.name].map { Assignment(column.name, .value($0)) }
        }
        let filter = try writeFilter(query.filter, table: table, allRows: query.allRows, verb: "an update")
        return QueryPlan(statements: [
            PlannedStatement(
                "update \(table.name)",
                .update(UpdateStatement(
                    table: table.name, assignments: assignments,
                    filter: conjunction([filter, softDeleteScope(table, qualifier: table.name, unscoped: query.unscoped)]))))
        ])
    }

    /// A soft delete where the model has `deletedAt` (unless unscoped), else a real one:
    ///
    /// ```sql
    /// UPDATE "users" SET "deleted_at" = $1 WHERE "users"."id" = $2 AND "users"."deleted_at" IS NULL
    /// DELETE FROM "users" WHERE "users"."id" = $1
    /// ```
    func plan(_ query: DeleteQuery) throws -> QueryPlan {
        let table = try table(forModel: query.model)
        let filter = try writeFilter(query.filter, table: table, allRows: query.allRows, verb: "a delete")
        if !query.unscoped, let deletedAt = table.softDeleteColumn {
            return QueryPlan(statements: [
                PlannedStatement(
                    "soft delete \(table.name)",
                    .update(UpdateStatement(
                        table: table.name, assignments: [Assignment(deletedAt, .value(nowValue))],
                        filter: conjunction([filter, softDeleteScope(table, qualifier: table.name, unscoped: false)]))))
            ])
        }
        return QueryPlan(statements: [
            PlannedStatement("delete \(table.name)", .delete(DeleteStatement(table: table.name, filter: filter)))
        ])
    }

    /// Refuses a value the engine would not store as given, naming its column: text with a NUL
    /// character where the dialect's text cannot hold one (PostgreSQL would cut it there), a date
    /// with no calendar time (not finite, or beyond ±292,000 years).
    /// Whether ``checkStorable(_:in:of:)`` would refuse `value` (in any column): a hot path asks
    /// this first, and looks the column up only for the error.
    func mayRefuse(_ value: SQLValue) -> Bool {
        switch value {
        case .timestamp(let date): !SQLTimestamp.isRepresentable(date)
        case .text(let text): !capabilities.textHoldsNUL && StatementText.containsNUL(text)
        default: false
        }
    }

    func checkStorable(_ value: SQLValue, in column: ColumnSchema, of table: TableSchema) throws {
        if case .timestamp(let date) = value, !SQLTimestamp.isRepresentable(date) {
            var error = SQLTimestamp.unrepresentable(date)
            (error.table, error.column, error.model, error.field) = (table.name, column.name, table.modelName, column.fieldName)
            throw error
        }
        guard !capabilities.textHoldsNUL, case .text(let text) = value, StatementText.containsNUL(text) else { return }
        throw JoineryError(
            .invalidValue,
            "\(table.modelName).\(column.fieldName) contains a NUL character, which the engine's text cannot hold; "
                + "store such data as bytes (Data)",
            table: table.name, column: column.name, model: table.modelName, field: column.fieldName)
    }

    /// The resolved condition of an update or delete; none at all is refused unless `allRows`
    /// (GORM's ErrMissingWhereClause): a forgotten condition must not change every row.
    private func writeFilter(_ filter: Condition?, table: TableSchema, allRows: Bool, verb: String) throws -> Condition? {
        guard let filter else {
            guard allRows else {
                throw JoineryError.misuse(
                    "\(verb) of \(table.modelName) without a condition would change every row; say allRows if that is meant",
                    model: table.modelName)
            }
            return nil
        }
        let named = NamedTable(qualifier: table.name, table: table)
        return try StatementTables(named, capacity: 1).resolve(filter, defaultTable: named)
    }
}
