/// Turning a plan's rows into models: decoded by column position with the macro-generated code
/// (no per-row dictionaries), joined parents nested into their children, preloaded parents
/// matched to their children by key.
extension Database {
    /// The rows of one statement of a plan, and the models decoded from them, side by side.
    private struct LoadedRows {
        var rows: [Row]
        var models: [any Model]
    }

    func load<M: Model>(_ query: SelectQuery, as type: M.Type) throws -> [M] {
        let planner = try planner(including: [M.self])
        let plan = try planner.plan(.select(query))
        guard let root = plan.statements.first, let rootLayout = root.layout else { return [] }

        let rootRows = try rows(root.statement)
        var loaded = [LoadedRows(rows: rootRows, models: try rootRows.map { try decode($0, layout: rootLayout, planner: planner) })]
        // Preloads in plan order (each after its source), then assigned deepest first, so that a
        // parent carries its own parents by the time it is copied into its child.
        for step in plan.preloads {
            let source = loaded[sourceIndex(step.source)]
            let keys = step.distinctKeys(in: source.rows)
            var rows: [Row] = []
            for statement in try step.statements(forKeys: keys, capabilities: dialect.capabilities) {
                rows += try self.rows(.select(statement))
            }
            loaded.append(LoadedRows(rows: rows, models: try rows.map { try decode($0, layout: step.layout, planner: planner) }))
        }
        for (index, step) in plan.preloads.enumerated().sorted(by: { $0.element.path.count > $1.element.path.count }) {
            let parents = loaded[index + 1]
            var byKey: [[SQLValue]: any Model] = [:]
            for (row, model) in zip(parents.rows, parents.models) {
                byKey[step.targetKeyPositions.map { row[$0] }] = model
            }
            let sourceIndex = sourceIndex(step.source)
            let sourcePath = sourcePath(of: step, in: plan)
            let target = sourcePath + [step.relation.name]
            for position in loaded[sourceIndex].rows.indices {
                let key = step.sourceKeyPositions.map { loaded[sourceIndex].rows[position][$0] }
                guard !key.contains(where: \.isNull) else { continue }
                set(byKey[key], at: target, in: &loaded[sourceIndex].models[position])
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

    /// One row into its statement's own model, with each joined parent decoded at its offset and
    /// nested into its child; a parent whose key is NULL (no match in a LEFT JOIN) stays nil.
    private func decode(_ row: Row, layout: RowLayout, planner: Planner) throws -> any Model {
        guard let rootSegment = layout.segment([]), let rootType = modelType(named: rootSegment.model) else {
            throw JoineryError.misuse("no model type for the rows of \(layout.segments.first?.model ?? "?")")
        }
        var model: any Model = try rootType.init(row: row, startingAt: 0)
        // Deepest first: a joined parent gets its own parents before it is nested.
        var decoded: [[String]: any Model] = [:]
        for segment in layout.segments.dropFirst().sorted(by: { $0.path.count > $1.path.count }) {
            guard let type = modelType(named: segment.model),
                let relation = try? planner.relations(segment.path, from: rootSegment.model).last
            else { continue }
            let keyPositions = relation.referencedColumns.compactMap { layout.position(of: $0, path: segment.path) }
            guard !keyPositions.contains(where: { row[$0].isNull }) else { continue }
            var parent: any Model = try type.init(row: row, startingAt: segment.offset)
            for (path, child) in decoded where path.count == segment.path.count + 1 && Array(path.dropLast()) == segment.path {
                parent.setAssociation(child, named: path[path.count - 1])
            }
            decoded[segment.path] = parent
        }
        for (path, child) in decoded where path.count == 1 {
            model.setAssociation(child, named: path[0])
        }
        return model
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
