extension SQLWriter {
    /// ```sql
    /// INSERT INTO "users" ("name") VALUES ($1), ($2) ON CONFLICT ("name") DO NOTHING RETURNING "id"
    /// ```
    public mutating func write(_ insert: InsertStatement) throws {
        guard !insert.rows.isEmpty else { throw JoineryError.misuse("an INSERT into \(insert.table) has no rows") }
        if let row = insert.rows.first(where: { $0.count != insert.columns.count }) {
            throw JoineryError.misuse(
                "an INSERT into \(insert.table) names \(insert.columns.count) columns but a row has \(row.count) values")
        }
        if !insert.returning.isEmpty, !capabilities.returning {
            throw dialect.unsupported("INSERT … RETURNING")
        }
        append("INSERT INTO ")
        identifier(insert.table)
        if insert.columns.isEmpty {
            switch capabilities.defaultValuesInsert {
            case .defaultValues:
                guard insert.rows.count == 1 else { throw dialect.unsupported("several rows of defaults in one INSERT") }
                append(" DEFAULT VALUES")
            case .emptyValueList:
                append(" () VALUES ")
                append(Array(repeating: "()", count: insert.rows.count).joined(separator: ", "))
            }
        } else {
            append(" (")
            identifiers(insert.columns)
            append(") VALUES ")
            reserve(bytes: insert.rows.count * (insert.columns.count * 8 + 4), values: insert.rows.count * insert.columns.count)
            for (rowIndex, row) in insert.rows.enumerated() {
                if rowIndex > 0 { append(", ") }
                bindRow(row)
            }
        }
        if let upsert = insert.upsert { try write(upsert, insert: insert) }
        if !insert.returning.isEmpty {
            append(" RETURNING ")
            identifiers(insert.returning)
        }
    }

    private mutating func write(_ upsert: Upsert, insert: InsertStatement) throws {
        guard let syntax = capabilities.upsert else { throw dialect.unsupported("an upsert (ON CONFLICT)") }
        switch syntax {
        case .onConflict:
            if upsert.conflictColumns.isEmpty {
                guard upsert.update.isEmpty else {
                    throw JoineryError.misuse("an upsert into \(insert.table) that updates must name its conflict columns")
                }
                append(" ON CONFLICT DO NOTHING")
                return
            }
            append(" ON CONFLICT (")
            identifiers(upsert.conflictColumns)
            append(")")
            if upsert.update.isEmpty {
                append(" DO NOTHING")
                return
            }
            append(" DO UPDATE SET ")
            for (index, column) in upsert.update.enumerated() {
                if index > 0 { append(", ") }
                identifier(column)
                append(" = excluded.")
                identifier(column)
            }
        case .onDuplicateKeyUpdateValues, .onDuplicateKeyUpdateRowAlias:
            let rowAlias = "new_row"
            if syntax == .onDuplicateKeyUpdateRowAlias {
                append(" AS ")
                identifier(rowAlias)
            }
            append(" ON DUPLICATE KEY UPDATE ")
            // "Keep the existing row" is an assignment that changes nothing.
            guard !upsert.update.isEmpty else {
                guard let column = upsert.conflictColumns.first ?? insert.columns.first else {
                    throw JoineryError.misuse("an upsert into \(insert.table) names no column")
                }
                identifier(column)
                append(" = ")
                identifier(column)
                return
            }
            for (index, column) in upsert.update.enumerated() {
                if index > 0 { append(", ") }
                identifier(column)
                append(" = ")
                if syntax == .onDuplicateKeyUpdateRowAlias {
                    identifier(rowAlias)
                    append(".")
                    identifier(column)
                } else {
                    append("VALUES(")
                    identifier(column)
                    append(")")
                }
            }
        }
    }

    /// ```sql
    /// UPDATE "profiles" SET "user_id" = $1 WHERE "profiles"."id" = $2
    /// ```
    public mutating func write(_ update: UpdateStatement) throws {
        guard !update.assignments.isEmpty else {
            throw JoineryError.misuse("an UPDATE of \(update.table) sets no columns")
        }
        append("UPDATE ")
        identifier(update.table)
        append(" SET ")
        for (index, assignment) in update.assignments.enumerated() {
            if index > 0 { append(", ") }
            identifier(assignment.column)
            append(" = ")
            operand(assignment.value)
        }
        if let filter = update.filter {
            append(" WHERE ")
            try condition(filter)
        }
    }

    /// ```sql
    /// DELETE FROM "users" WHERE "users"."id" = $1
    /// ```
    public mutating func write(_ delete: DeleteStatement) throws {
        append("DELETE FROM ")
        identifier(delete.table)
        if let filter = delete.filter {
            append(" WHERE ")
            try condition(filter)
        }
    }
}
