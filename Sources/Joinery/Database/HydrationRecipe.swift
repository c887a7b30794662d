/// What loading a plan's rows needs before the first row: how to decode each statement's rows
/// and which row positions the preload steps read. It depends on the plan and the schema alone,
/// so it is worked out once per cached plan (``PlanCache/Entry/hydrationRecipe(_:)``) rather
/// than on every query — looking up model types and relations by name, filtering layouts and
/// sorting sets was a good part of what a query by id cost the client.
final class HydrationRecipe: Sendable {
    /// The root statement's rows.
    let root: RowDecoder
    /// Each preload step's rows, in plan order.
    let steps: [RowDecoder]
    /// For each statement (root first, then each step), the positions later steps read from
    /// its rows, sorted.
    let keptPositions: [[Int]]
    /// Where each preload step's parents go, in plan order.
    let assignments: [PreloadAssignment]
    /// The order the steps' parents are assigned in: deepest first, so that a parent carries its
    /// own parents by the time it is given to its child.
    let assignmentOrder: [Int]

    // A class: every load takes it from the plan cache's entry, and a struct's copy retained
    // and released each of its arrays there.
    init(root: RowDecoder, steps: [RowDecoder], keptPositions: [[Int]], assignments: [PreloadAssignment], assignmentOrder: [Int]) {
        self.root = root
        self.steps = steps
        self.keptPositions = keptPositions
        self.assignments = assignments
        self.assignmentOrder = assignmentOrder
    }
}

/// What a preload step's parents are matched by and where they are set, worked out from the
/// plan once (a `PreloadStep` copied per query retained its every string and array).
struct PreloadAssignment: Sendable {
    /// The statement whose rows own the association: 0 the root, n the n-th step's.
    var source: Int
    /// Where the foreign key sits among the source statement's kept positions.
    var sourceKeyIndices: [Int]
    /// Where the referenced key sits among this step's kept positions.
    var targetKeyIndices: [Int]
    /// The association's path within the source's models.
    var target: [String]
    /// For a key of one column: how many keys one statement of the step binds, worked out once
    /// (reading it from the plan's step on every load copied the step). Nil for a key of several
    /// columns, or a template that leaves no room for keys (the step's statements say why).
    var keysPerStatement: Int?
}

/// How to decode one statement's rows, worked out once per plan rather than per row: the root
/// model's type, the parents joined into each row, and the widening of a row that reads only
/// some of the model's columns.
struct RowDecoder: Sendable {
    var rootType: any Model.Type
    var joins: [JoinedAssociation]
    var widen: (@Sendable (any RowCursor) throws -> Row)?

    /// The model of the row `cursor` is on, as `Root`, its joined parents set. (No
    /// `Optional<Root>` here: in this unspecialised code its metadata would be looked up on
    /// every row.)
    @inline(__always)
    func decode<Root: Model>(_ type: Root.Type, from cursor: any RowCursor) throws -> Root {
        var model: Root
        if let widen {
            model = try Root(cursor: RowValuesCursor(widen(cursor)), startingAt: 0)
        } else {
            model = try Root(cursor: cursor, startingAt: 0)
        }
        if !joins.isEmpty { try model.attachJoined(joins, from: cursor) }
        return model
    }
}

extension Database {
    /// The recipe for loading `plan`'s rows, made under `schema`.
    func hydrationRecipe(for plan: QueryPlan, schema: Schema) throws -> HydrationRecipe {
        let planner = planner(schema)
        guard let rootLayout = plan.statements.first?.layout else {
            throw JoineryError.misuse("the query plans no statement with rows to load")
        }
        var kept = Array(repeating: Set<Int>(), count: plan.preloads.count + 1)
        for (index, step) in plan.preloads.enumerated() {
            kept[sourceIndex(step.source)].formUnion(step.sourceKeyPositions)
            kept[index + 1].formUnion(step.targetKeyPositions)
        }
        let keptPositions = kept.map { $0.sorted() }
        func indices(of wanted: [Int], in statement: Int) -> [Int] {
            wanted.compactMap { keptPositions[statement].firstIndex(of: $0) }
        }
        let assignments = plan.preloads.enumerated().map { index, step in
            let source = sourceIndex(step.source)
            return PreloadAssignment(
                source: source, sourceKeyIndices: indices(of: step.sourceKeyPositions, in: source),
                targetKeyIndices: indices(of: step.targetKeyPositions, in: index + 1),
                target: sourcePath(of: step, in: plan) + [step.relation.name],
                keysPerStatement: step.keyColumns.count == 1 ? try? step.keysPerStatement(capabilities) : nil)
        }
        return HydrationRecipe(
            root: try rowDecoder(rootLayout, planner: planner),
            steps: try plan.preloads.map { try rowDecoder($0.layout, planner: planner) },
            keptPositions: keptPositions, assignments: assignments,
            assignmentOrder: plan.preloads.indices.sorted { plan.preloads[$0].path.count > plan.preloads[$1].path.count })
    }

    /// For a statement that reads only some columns of its model (a preload with chosen
    /// columns): the row widened to every column, the others NULL, so that the model decodes.
    private func widening(_ layout: RowLayout, planner: Planner) throws -> (@Sendable (any RowCursor) throws -> Row)? {
        guard let segment = layout.segment([]), !segment.isComplete,
            let table = planner.schema.table(forModel: segment.model)
        else { return nil }
        let positions = table.columns.map { layout.position(of: $0.name) }
        let columns = RowColumns(table.columns.map(\.name))
        return { cursor in Row(columns: columns, values: try positions.map { try $0.map { try cursor.value(at: $0) } ?? .null }) }
    }

    private func rowDecoder(_ layout: RowLayout, planner: Planner) throws -> RowDecoder {
        guard let rootSegment = layout.segment([]), let rootType = modelType(named: rootSegment.model) else {
            throw JoineryError.misuse("no model type for the rows of \(layout.segments.first?.model ?? "?")")
        }
        // The joined segments, each nested under the one whose path is its own less the last step.
        func joins(under path: [String], of type: any Model.Type) throws -> [JoinedAssociation] {
            try layout.segments.filter { $0.path.count == path.count + 1 && Array($0.path.dropLast()) == path }.map { segment in
                guard let relation = try planner.relations(segment.path, from: rootSegment.model).last,
                    let index = type.modelDeclaration.belongsTo.firstIndex(where: { $0.name == relation.name }),
                    let parentType = modelType(named: segment.model)
                else { throw JoineryError.misuse("no model type for \(segment.model)") }
                return JoinedAssociation(
                    name: relation.name, index: index, offset: segment.offset,
                    keyPositions: relation.referencedColumns.compactMap { layout.position(of: $0, path: segment.path) },
                    nested: try joins(under: segment.path, of: parentType))
            }
        }
        return RowDecoder(rootType: rootType, joins: try joins(under: [], of: rootType), widen: try widening(layout, planner: planner))
    }

    /// The statement a step's keys come from: 0 the root, n + 1 the n-th step.
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
}
