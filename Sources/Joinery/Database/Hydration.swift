/// Turning a plan's rows into models: decoded by column position with the macro-generated code
/// (no per-row dictionaries), joined parents nested into their children, preloaded parents
/// matched to their children by key.
extension Database {
    func load<M: Model>(_ query: SelectQuery, as type: M.Type) throws -> [M] {
        try loadRows(query, as: type).takeArray()
    }

    /// The first row's model (`find`, `first`): no array made for it.
    func loadFirst<M: Model>(_ query: SelectQuery, as type: M.Type) throws -> M? {
        try loadRows(query, as: type).takeFirst()
    }

    private func loadRows<M: Model>(_ query: SelectQuery, as type: M.Type) throws -> DecodedRows<M> {
        let run = try selectRun(query, including: M.self)
        let plan = run.plan
        let decoded = DecodedRows<M>()
        guard let root = plan.statements.first, root.layout != nil else { return decoded }
        // How to decode each statement's rows and which positions later steps read: from the
        // plan cache's entry after the first load of this shape.
        let recipe = try run.entry.map { entry in try entry.hydrationRecipe { try hydrationRecipe(for: plan, schema: run.schema) } }
            ?? hydrationRecipe(for: plan, schema: run.schema)
        var keys = recipe.keptPositions.map { KeyTable(positions: $0) }

        // The root rows, decoded as M: no existential, no cast.
        let decoder = recipe.root
        try forEachCursor(root.statement, lowered: run.root, values: run.values) { cursor in
            decoded.append(try decoder.decode(M.self, from: cursor))
            try keys[0].append(from: cursor)
        }

        // Preloads in plan order (each after its source), then assigned deepest first, so that a
        // parent carries its own parents by the time it is given to its child. Each parent is
        // decoded as its own type straight into the box its children share.
        var preloaded: [any PreloadedParents] = []
        for index in plan.preloads.indices {
            let assignment = recipe.assignments[index]
            let source = keys[assignment.source]
            let parentDecoder = recipe.steps[index]
            // Each statement with its keys lowered as before when a statement of this step bound
            // as many keys (the plan cache keeps it), else lowered when it runs. The step is read
            // in place (a copy would retain its every string and array), and a statement of one
            // key column is built only when it must be lowered or observed: lowered already, its
            // IR is not needed to run it.
            var statements: [(statement: SelectStatement?, keys: Range<Int>, lowered: LoweredStatement?)] = []
            var distinct: [SQLValue] = [], asArray = false
            if assignment.sourceKeyIndices.count == 1, let keysPerStatement = assignment.keysPerStatement {
                distinct = source.distinctValues(at: assignment.sourceKeyIndices[0])
                let split = PreloadStep.batchRanges(count: distinct.count, keysPerStatement: keysPerStatement, capabilities: capabilities)
                asArray = split.asArray
                for range in split.ranges {
                    // One bound array is never kept lowered (its keys are one parameter).
                    let lowered = asArray ? nil : try cachedPreloadStatement(step: index, keys: distinct[range], run: run)
                    statements.append((nil, range, lowered))
                }
            } else {
                statements = try plan.preloads[index].statements(
                    forKeys: source.distinctKeys(at: assignment.sourceKeyIndices), capabilities: capabilities
                ).map { ($0, 0..<0, nil) }
            }
            // The key tables come in as `inout`: captured from the enclosing function, each row's
            // append to them was checked for exclusive access at run time.
            func read<P: Model>(_ type: P.Type, keys: inout [KeyTable]) throws -> any PreloadedParents {
                // A local array of AnyObject and a metatype taken once: appending to a generic
                // class's array, or naming AssociationBox<P> in this unspecialised code, would look
                // type metadata up (and check exclusive access) on every row.
                var boxes: [AnyObject] = []
                let boxType = AssociationBox<P>.self
                for (statement, range, lowered) in statements {
                    try forEachCursor(
                        .select(statement ?? plan.preloads[index].statement(forSingleColumnKeys: distinct, range, asArray: asArray)),
                        lowered: lowered, values: run.preloadsHaveMarkers ? run.values : nil
                    ) { cursor in
                        boxes.append(boxType.init(try parentDecoder.decode(P.self, from: cursor)))
                        try keys[index + 1].append(from: cursor)
                    }
                }
                return ParentBoxes<P>(boxes)
            }
            preloaded.append(try read(parentDecoder.rootType, keys: &keys))
        }
        for index in recipe.assignmentOrder {
            let assignment = recipe.assignments[index]
            let parents = preloaded[index].boxes
            let source = assignment.source, target = assignment.target
            let parentOf = keys[source].parentRows(
                at: assignment.sourceKeyIndices, in: keys[index + 1], at: assignment.targetKeyIndices)
            if source == 0 {
                // In place, in the chunks: an array of M, made or changed in this unspecialised
                // code, looks its type metadata up (and `roots.indices` went through
                // Collection's witnesses, 750 instructions for one row).
                decoded.mutateEach { row, model in
                    guard let parent = parentOf[row] else { return }
                    let box = parent >= 0 ? parents[parent] : nil
                    if target.count == 1 {
                        model.pointee.setAssociation(box: box, named: target[0])
                    } else {
                        Self.setBox(box, at: target, in: &model.pointee)
                    }
                }
            } else {
                let owners = preloaded[source - 1]
                for row in owners.boxes.indices {
                    guard let parent = parentOf[row] else { continue }
                    owners.set(parent >= 0 ? parents[parent] : nil, at: target, inParent: row)
                }
            }
        }
        return decoded
    }

    /// The values later preload steps need from a statement's rows (foreign keys, referenced
    /// keys): only those positions, flattened — no array per row.
    struct KeyTable {
        /// The row positions kept, in order.
        let positions: [Int]
        private var values: [SQLValue] = []

        init(positions: [Int]) { self.positions = positions }

        /// Up to this many rows, keys are compared in a list: cheaper than hashing them into a
        /// set or dictionary made for the purpose.
        static let fewRows = 8

        /// A key of one or several columns; one column needs no array.
        enum Key: Hashable {
            case one(SQLValue)
            case many([SQLValue])

            var hasNull: Bool {
                switch self {
                case .one(let value): return value.isNull
                case .many(let values): return values.contains(where: \.isNull)
                }
            }

            var values: [SQLValue] {
                switch self {
                case .one(let value): return [value]
                case .many(let values): return values
                }
            }
        }

        mutating func append(from cursor: any RowCursor) throws {
            for position in positions {
                // A key is usually an integer: read as one, with no SQLValue decoded (on
                // PostgreSQL, no String made) on the way. The same value either way.
                if let integer = try cursor.integer(at: position) {
                    values.append(.integer(integer))
                } else {
                    values.append(try cursor.value(at: position))
                }
            }
        }

        func key(row: Int, at indices: [Int]) -> Key {
            let base = row * positions.count
            if indices.count == 1 { return .one(values[base + indices[0]]) }
            return .many(indices.map { values[base + $0] })
        }

        /// The number of rows kept.
        var rowCount: Int { positions.isEmpty ? 0 : values.count / positions.count }

        /// The values at `index` (a key of one column), each once, in first-seen order, NULL
        /// left out. Integers (the usual key) are told apart by an ``IntegerKeyIndex``, which
        /// hashes cheaper than a `Set` of `Int64` or of `SQLValue`.
        func distinctValues(at index: Int) -> [SQLValue] {
            let rows = rowCount, width = positions.count
            if rows <= Self.fewRows {
                // A find or a short page: compared in a list, without building sets.
                var distinct: [SQLValue] = []
                for row in 0..<rows {
                    let value = values[row * width + index]
                    if !value.isNull, !distinct.contains(value) { distinct.append(value) }
                }
                return distinct
            }
            var integers = IntegerKeyIndex(capacity: rows)
            var others = Set<SQLValue>()
            var distinct: [SQLValue] = []
            for row in 0..<rows {
                let value = values[row * width + index]
                switch value {
                case .null: continue
                case .integer(let integer): if integers.insert(integer, row: row) { distinct.append(value) }
                default: if others.insert(value).inserted { distinct.append(value) }
                }
            }
            return distinct
        }

        /// For each row of this table, the row of `parents` whose key (at `parentIndices`) equals
        /// the row's (at `indices`): nil where the row's key has a NULL part (its association is
        /// left as it is), -1 where no parent has it (set to nil).
        func parentRows(at indices: [Int], in parents: KeyTable, at parentIndices: [Int]) -> [Int?] {
            let rows = rowCount, width = positions.count
            if indices.count == 1, parentIndices.count == 1, parents.rowCount <= Self.fewRows {
                // A few parents (a find's one): looked for in place, without building a dictionary.
                let parentWidth = parents.positions.count, parentIndex = parentIndices[0], index = indices[0]
                return (0..<rows).map { row in
                    let key = values[row * width + index]
                    if key.isNull { return nil }
                    // The last parent with the key, as the dictionary below keeps it.
                    for parent in (0..<parents.rowCount).reversed() where parents.values[parent * parentWidth + parentIndex] == key {
                        return parent
                    }
                    return -1
                }
            }
            if indices.count == 1, parentIndices.count == 1 {
                // One column of integers on both sides: keyed by Int64.
                let parentWidth = parents.positions.count, parentIndex = parentIndices[0], index = indices[0]
                var byKey = IntegerKeyIndex(capacity: parents.rowCount), otherKeys: [SQLValue: Int] = [:]
                for row in 0..<parents.rowCount {
                    switch parents.values[row * parentWidth + parentIndex] {
                    case .integer(let key): byKey.set(key, row: row)
                    case .null: continue
                    case let key: otherKeys[key] = row
                    }
                }
                var result: [Int?] = []
                result.reserveCapacity(rows)
                for row in 0..<rows {
                    switch values[row * width + index] {
                    case .null: result.append(nil)
                    case .integer(let key): result.append(byKey.row(of: key) ?? -1)
                    case let key: result.append(otherKeys[key] ?? -1)
                    }
                }
                return result
            }
            var byKey: [Key: Int] = [:]
            byKey.reserveCapacity(parents.rowCount)
            for row in 0..<parents.rowCount { byKey[parents.key(row: row, at: parentIndices)] = row }
            return (0..<rows).map { row in
                let key = key(row: row, at: indices)
                return key.hasNull ? nil : byKey[key] ?? -1
            }
        }

        /// Every key at `indices` once, in first-seen order, NULL keys left out.
        func distinctKeys(at indices: [Int]) -> [[SQLValue]] {
            let rows = rowCount
            var seen = Set<Key>(minimumCapacity: rows)
            var distinct: [[SQLValue]] = []
            for row in 0..<rows {
                let key = key(row: row, at: indices)
                if !key.hasNull, seen.insert(key).inserted { distinct.append(key.values) }
            }
            return distinct
        }
    }

    /// Sets the association at the end of `path` inside `model` to the parent `box` holds; a
    /// missing intermediate leaves it unset.
    static func setBox<Target: Model>(_ box: AnyObject?, at path: [String], in model: inout Target) {
        guard let first = path.first else { return }
        if path.count == 1 {
            model.setAssociation(box: box, named: first)
            return
        }
        guard let child = model.association(named: first) else { return }
        func setting<Child: Model>(in child: Child) -> any Model {
            var child = child
            setBox(box, at: Array(path.dropFirst()), in: &child)
            return child
        }
        model.setAssociation(setting(in: child), named: first)
    }
}

/// The parents one preload step read, each in the ``AssociationBox`` its children share.
protocol PreloadedParents: AnyObject {
    /// Each parent's box, in the order read.
    var boxes: [AnyObject] { get }
    /// Sets the association at the end of `path` inside parent `row` (a deeper preload's
    /// parents) to the parent `box` holds: the parent is boxed anew, as setting a field of a
    /// value does.
    func set(_ box: AnyObject?, at path: [String], inParent row: Int)
}

/// The parents of one type, each an `AssociationBox<Parent>` (kept as `AnyObject`, what children
/// are given).
final class ParentBoxes<Parent: Model>: PreloadedParents {
    private(set) var boxes: [AnyObject]

    init(_ boxes: [AnyObject]) { self.boxes = boxes }


    func set(_ box: AnyObject?, at path: [String], inParent row: Int) {
        guard var parent = (boxes[row] as? AssociationBox<Parent>)?.value else { return }
        Database.setBox(box, at: path, in: &parent)
        boxes[row] = AssociationBox(parent)
    }
}
