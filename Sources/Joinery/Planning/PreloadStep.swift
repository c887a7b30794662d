/// The second half of a preload pair: the statement that loads a belongs-to parent for the rows
/// already read, keyed by their distinct non-NULL foreign keys.
///
/// ```sql
/// SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" = $1 AND "users"."deleted_at" IS NULL
/// SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" IN ($1,$2) AND "users"."deleted_at" IS NULL
/// ```
///
/// More keys than the dialect may bind in one statement are batched, or bound as one array
/// where the dialect can (``LargeInStrategy``): a preload over 100,000 keys works everywhere.
public struct PreloadStep: Sendable, Hashable {
    /// The relation path from the queried model (`["user", "company"]`).
    public var path: [String]
    /// The relation loaded.
    public var relation: BelongsToRelation
    /// Whose rows hold the foreign keys.
    public var source: PreloadSource
    /// Where the foreign key sits in the source's rows.
    public var sourceKeyPositions: [Int]
    /// The statement without its key condition.
    public var template: SelectStatement
    /// The referenced key, qualified as the template names it (`"users"."id"`).
    public var keyColumns: [ColumnReference]
    /// The types of the keys, for a dialect that binds them as one array.
    public var keyTypes: [ColumnType]
    /// Where the referenced key sits in this step's rows: how children find their parent.
    public var targetKeyPositions: [Int]
    /// How the preload's rows map to models.
    public var layout: RowLayout

    /// The statements that load the parents of `keys` (each key one value per key column, as
    /// ``distinctKeys(in:)`` returns them): none for no keys, `= ?` for one, `IN (…)` for several,
    /// batches or one bound array beyond the dialect's bind limit.
    public func statements(forKeys keys: [[SQLValue]], capabilities: DialectCapabilities) throws -> [SelectStatement] {
        guard !keys.isEmpty else { return [] }
        if keyColumns.count == 1 { return try statements(forSingleColumnKeys: keys.map { $0[0] }, capabilities: capabilities) }
        return try statements(forCompositeKeys: keys, capabilities: capabilities)
    }

    /// The same for a key of one column, each key one value: no array per key.
    func statements(forSingleColumnKeys values: [SQLValue], capabilities: DialectCapabilities) throws -> [SelectStatement] {
        guard !values.isEmpty else { return [] }
        guard keyColumns.count == 1 else { return try statements(forKeys: values.map { [$0] }, capabilities: capabilities) }
        let split = Self.batchRanges(count: values.count, keysPerStatement: try keysPerStatement(capabilities), capabilities: capabilities)
        return split.ranges.map { statement(forSingleColumnKeys: values, $0, asArray: split.asArray) }
    }

    /// How the statements for `count` keys of one column divide them, `available` keys to a
    /// statement (``keysPerStatement(_:)``): the range of keys each binds, and whether they go as
    /// one bound array (past the bind limit, where the dialect can). Worked out apart from the
    /// statements, so that a caller whose statements are lowered already (the plan cache's) need
    /// not build them.
    static func batchRanges(
        count: Int, keysPerStatement available: Int, capabilities: DialectCapabilities
    ) -> (ranges: [Range<Int>], asArray: Bool) {
        guard count > 0 else { return ([], false) }
        if count <= available { return ([0..<count], false) }
        if capabilities.largeIn == .bindArray { return ([0..<count], true) }
        return (stride(from: 0, to: count, by: available).map { $0..<min($0 + available, count) }, false)
    }

    /// The statement for the keys of one column `values[range]` (a range
    /// ``batchRanges(count:keysPerStatement:capabilities:)`` gave): `= ?` or `IN (…)`, or one bound array.
    func statement(forSingleColumnKeys values: [SQLValue], _ range: Range<Int>, asArray: Bool) -> SelectStatement {
        let column = Operand.column(keyColumns[0])
        let keys = range == values.indices ? values : Array(values[range])
        return keyed(asArray ? .inArray(column, keys, elementType: keyTypes[0]) : .in(column, keys))
    }

    /// How many key values one statement may bind besides the template's own.
    func keysPerStatement(_ capabilities: DialectCapabilities) throws -> Int {
        let own = template.bindingCount
        let available = min(capabilities.maxBindParameters - own, capabilities.keysPerStatement ?? .max)
        guard available >= keyColumns.count else {
            throw JoineryError.misuse(
                "the preload of \(path.joined(separator: ".")) binds \(own) values of its own, which leaves no room "
                    + "for its keys within the limit of \(capabilities.maxBindParameters)",
                relation: "\(relation.ownerModel).\(relation.name)")
        }
        return available
    }

    private func statements(forCompositeKeys keys: [[SQLValue]], capabilities: DialectCapabilities) throws -> [SelectStatement] {
        let arity = keyColumns.count
        let perStatement = try keysPerStatement(capabilities) / arity
        return stride(from: 0, to: keys.count, by: perStatement).map { start in
            let batch = keys[start..<min(start + perStatement, keys.count)]
            return keyed(.or(batch.map { key in
                .and(zip(keyColumns, key).map { .comparison(.column($0), .equal, .value($1)) })
            }))
        }
    }

    private func keyed(_ condition: Condition) -> SelectStatement {
        var statement = template
        statement.filter = template.filter.map { condition.and($0) } ?? condition
        return statement
    }

    /// The distinct foreign keys of `rows`, in first-seen order, skipping any with a NULL part.
    public func distinctKeys(in rows: [Row]) -> [[SQLValue]] {
        Self.distinct(rows.lazy.map { row in sourceKeyPositions.map { row[$0] } })
    }

    /// `keys` without repeats and without any that has a NULL part, in first-seen order: the
    /// keys a preload statement is given.
    public static func distinct(_ keys: some Sequence<[SQLValue]>) -> [[SQLValue]] {
        var seen: Set<[SQLValue]> = []
        var distinct: [[SQLValue]] = []
        for key in keys where !key.contains(where: \.isNull) {
            if seen.insert(key).inserted { distinct.append(key) }
        }
        return distinct
    }
}

/// Which statement's rows a preload is keyed by.
public enum PreloadSource: Sendable, Hashable {
    /// The plan's main SELECT (its first statement), joined relations included.
    case root
    /// An earlier preload step of the same plan, by index.
    case preload(Int)
}

extension SelectStatement {
    /// The number of values the statement binds.
    public var bindingCount: Int {
        joins.reduce(filter?.bindingCount ?? 0) { $0 + $1.on.bindingCount }
    }
}
