/// Turning a plan's rows into models: decoded by column position with the macro-generated code
/// (no per-row dictionaries), joined parents nested into their children, preloaded parents
/// matched to their children by key.
extension Database {
    /// The models decoded from one statement of a plan and, beside each, the few values later
    /// steps need from its row (foreign keys, referenced keys) — not the whole row.
    private struct LoadedRows {
        var models: [any Model] = []
        var keys: [[SQLValue]] = []
        /// Row position → index into each `keys` entry.
        var keyIndex: [Int: Int] = [:]

        /// Where `positions` sit in each `keys` entry (every position a step reads is kept).
        func indices(of positions: [Int]) -> [Int] {
            positions.compactMap { keyIndex[$0] }
        }

        func values(at indices: [Int], row: Int) -> [SQLValue] {
            indices.map { keys[row][$0] }
        }
    }

    func load<M: Model>(_ query: SelectQuery, as type: M.Type) throws -> [M] {
        let planner = try planner(including: [M.self])
        let plan = try planner.plan(.select(query))
        guard let root = plan.statements.first, let rootLayout = root.layout else { return [] }

        // Which positions of each statement's rows later steps read.
        var kept = Array(repeating: Set<Int>(), count: plan.preloads.count + 1)
        for (index, step) in plan.preloads.enumerated() {
            kept[sourceIndex(step.source)].formUnion(step.sourceKeyPositions)
            kept[index + 1].formUnion(step.targetKeyPositions)
        }
        func run(_ statement: SQLStatement, layout: RowLayout, keeping positions: Set<Int>, into loaded: inout LoadedRows) throws {
            let decoder = try rowDecoder(layout, planner: planner)
            let ordered = positions.sorted()
            for (index, position) in ordered.enumerated() { loaded.keyIndex[position] = index }
            let widen = try widening(layout, planner: planner)
            try forEachRow(statement) { row in
                loaded.models.append(try decoder.decode(widen.map { $0(row) } ?? row))
                if !ordered.isEmpty { loaded.keys.append(ordered.map { row[$0] }) }
            }
        }

        var loaded = [LoadedRows()]
        try run(root.statement, layout: rootLayout, keeping: kept[0], into: &loaded[0])
        // Preloads in plan order (each after its source), then assigned deepest first, so that a
        // parent carries its own parents by the time it is copied into its child.
        for (index, step) in plan.preloads.enumerated() {
            let source = loaded[sourceIndex(step.source)]
            let keyIndices = source.indices(of: step.sourceKeyPositions)
            let keys = PreloadStep.distinct(source.keys.indices.lazy.map { source.values(at: keyIndices, row: $0) })
            var parents = LoadedRows()
            for statement in try step.statements(forKeys: keys, capabilities: dialect.capabilities) {
                try run(.select(statement), layout: step.layout, keeping: kept[index + 1], into: &parents)
            }
            loaded.append(parents)
        }
        for (index, step) in plan.preloads.enumerated().sorted(by: { $0.element.path.count > $1.element.path.count }) {
            let parents = loaded[index + 1]
            let targetIndices = parents.indices(of: step.targetKeyPositions)
            var byKey: [[SQLValue]: any Model] = [:]
            byKey.reserveCapacity(parents.models.count)
            for row in parents.models.indices {
                byKey[parents.values(at: targetIndices, row: row)] = parents.models[row]
            }
            let sourceIndex = sourceIndex(step.source)
            let sourceIndices = loaded[sourceIndex].indices(of: step.sourceKeyPositions)
            let target = sourcePath(of: step, in: plan) + [step.relation.name]
            for row in loaded[sourceIndex].models.indices {
                let key = loaded[sourceIndex].values(at: sourceIndices, row: row)
                guard !key.contains(where: \.isNull) else { continue }
                set(byKey[key], at: target, in: &loaded[sourceIndex].models[row])
            }
        }
        return loaded[0].models.compactMap { $0 as? M }
    }

    private func sourceIndex(_ source: PreloadSource) -> Int {
        switch source {
        case .root: return 0
        case .preload(let index): return index + 1
        }
    }

    /// The path, within its source statement's rows, of the model a preload fills.
    private func sourcePath(of step: PreloadStep, in plan: QueryPlan) -> [String] {
        let parentPath = Array(step.path.dropLast())
        switch step.source {
        case .root: return parentPath
        case .preload(let index): return Array(parentPath.dropFirst(plan.preloads[index].path.count))
        }
    }

    /// How to decode one statement's rows, worked out once per statement rather than per row.
    private struct RowDecoder {
        struct Parent {
            var path: [String]
            /// The association it fills in the model one level up (`company` for `user.company`).
            var name: String
            var type: any Model.Type
            var offset: Int
            /// The referenced key's positions: NULL there means no parent (a LEFT JOIN miss).
            var keyPositions: [Int]
        }

        var rootType: any Model.Type
        /// Deepest first: a joined parent gets its own parents before it is nested.
        var parents: [Parent]

        /// For each parent, the indices (in ``parents``) of the parents nested directly in it, and
        /// the parents that go straight into the root model.
        var children: [[Int]]
        var topLevel: [Int]

        func decode(_ row: Row) throws -> any Model {
            var model: any Model = try rootType.init(row: row, startingAt: 0)
            guard !parents.isEmpty else { return model }
            var decoded = [(any Model)?](repeating: nil, count: parents.count)
            for (index, parent) in parents.enumerated() {
                if parent.keyPositions.contains(where: { row[$0].isNull }) { continue }
                var value: any Model = try parent.type.init(row: row, startingAt: parent.offset)
                for child in children[index] {
                    if let nested = decoded[child] { value.setAssociation(nested, named: parents[child].name) }
                }
                decoded[index] = value
            }
            for index in topLevel {
                if let value = decoded[index] { model.setAssociation(value, named: parents[index].name) }
            }
            return model
        }
    }

    /// For a statement that reads only some columns of its model (a preload with chosen
    /// columns): the row widened to every column, the others NULL, so that the model decodes.
    private func widening(_ layout: RowLayout, planner: Planner) throws -> ((Row) -> Row)? {
        guard let segment = layout.segment([]), !segment.isComplete,
            let table = planner.schema.table(forModel: segment.model)
        else { return nil }
        let positions = table.columns.map { layout.position(of: $0.name) }
        let columns = RowColumns(table.columns.map(\.name))
        return { row in Row(columns: columns, values: positions.map { $0.map { row[$0] } ?? .null }) }
    }

    private func rowDecoder(_ layout: RowLayout, planner: Planner) throws -> RowDecoder {
        guard let rootSegment = layout.segment([]), let rootType = modelType(named: rootSegment.model) else {
            throw JoineryError.misuse("no model type for the rows of \(layout.segments.first?.model ?? "?")")
        }
        var parents: [RowDecoder.Parent] = []
        for segment in layout.segments.dropFirst().sorted(by: { $0.path.count > $1.path.count }) {
            guard let type = modelType(named: segment.model),
                let relation = try planner.relations(segment.path, from: rootSegment.model).last
            else { throw JoineryError.misuse("no model type for \(segment.model)") }
            parents.append(RowDecoder.Parent(
                path: segment.path, name: relation.name, type: type, offset: segment.offset,
                keyPositions: relation.referencedColumns.compactMap { layout.position(of: $0, path: segment.path) }))
        }
        let children = parents.map { parent in
            parents.indices.filter { parents[$0].path.count == parent.path.count + 1 && Array(parents[$0].path.dropLast()) == parent.path }
        }
        return RowDecoder(
            rootType: rootType, parents: parents, children: children,
            topLevel: parents.indices.filter { parents[$0].path.count == 1 })
    }

    /// Sets the association at `path` inside `model`; a missing intermediate leaves it unset.
    private func set(_ value: (any Model)?, at path: [String], in model: inout any Model) {
        guard let first = path.first else { return }
        if path.count == 1 {
            model.setAssociation(value, named: first)
            return
        }
        guard var child = model.association(named: first) else { return }
        set(value, at: Array(path.dropFirst()), in: &child)
        model.setAssociation(child, named: first)
    }
}
