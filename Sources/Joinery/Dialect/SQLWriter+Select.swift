extension SQLWriter {
    /// ```sql
    /// SELECT "profiles"."id", "User"."name" AS "User__name" FROM "profiles"
    /// LEFT JOIN "users" "User" ON "profiles"."user_id" = "User"."id" WHERE … ORDER BY … LIMIT 1
    /// ```
    public mutating func write(_ select: SelectStatement) throws {
        // The columns, table and joins as lowered before for this skeleton, when they were.
        let prefix = quote.flatMap { quote in select.loweredPrefix.map { (quote, $0) } }
        if let (quote, prefix) = prefix, let text = prefix.text(quotedWith: quote) {
            self.text.append(text)
        } else {
            let start = text.count, bound = bindings.count
            try writeColumnsTableAndJoins(select)
            if let (quote, prefix) = prefix, bindings.count == bound {
                prefix.keep(text.string(from: start), quotedWith: quote)
            }
        }
        if let filter = select.filter {
            put(" WHERE ")
            try condition(filter)
        }
        if !select.order.isEmpty {
            put(" ORDER BY ")
            for (index, term) in select.order.enumerated() {
                if index > 0 { put(", ") }
                column(term.column)
                if term.descending { put(" DESC") }
            }
        }
        try limit(select.limit, offset: select.offset)
    }

    /// `SELECT … FROM … [JOIN …]`: what ``SelectStatement/loweredPrefix`` keeps.
    private mutating func writeColumnsTableAndJoins(_ select: SelectStatement) throws {
        put("SELECT ")
        switch select.selection {
        case .count:
            put("COUNT(*)")
        case .columns(let columns):
            guard !columns.isEmpty else {
                throw JoineryError.misuse("a SELECT of \(select.from.name) names no columns")
            }
            for (index, selected) in columns.enumerated() {
                if index > 0 { put(", ") }
                column(selected.column)
                if let alias = selected.alias {
                    put(" AS ")
                    identifier(alias)
                }
            }
        }
        put(" FROM ")
        table(select.from)
        for join in select.joins {
            switch join.kind {
            case .left: put(" LEFT JOIN ")
            case .inner: put(" INNER JOIN ")
            }
            table(join.table)
            put(" ON ")
            try condition(join.on)
        }
    }

    /// `"users" "User"`.
    public mutating func table(_ reference: TableReference) {
        identifier(reference.name)
        if let alias = reference.alias {
            put(" ")
            identifier(alias)
        }
    }

    /// ` LIMIT n OFFSET m`, or the dialect's spelling (``DialectCapabilities/limitSyntax``).
    public mutating func limit(_ limit: Int?, offset: Int?) throws {
        if let limit, limit < 0 { throw JoineryError.misuse("LIMIT \(limit) is negative") }
        if let offset, offset < 0 { throw JoineryError.misuse("OFFSET \(offset) is negative") }
        switch capabilities.limitSyntax {
        case .limitOffset(let offsetOnlyLimit):
            if let limit {
                put(" LIMIT ")
                put(limit)
            } else if offset != nil, let offsetOnlyLimit {
                append(" LIMIT \(offsetOnlyLimit)")
            }
            if let offset {
                put(" OFFSET ")
                put(offset)
            }
        case .offsetFetch:
            if let offset { append(" OFFSET \(offset) ROWS") }
            if let limit { append(" FETCH FIRST \(limit) ROWS ONLY") }
        }
    }
}
