extension Planner {
    /// One include after normalisation: its canonical path, its relations and how it is loaded.
    struct IncludeNode {
        var path: [String]
        var relations: [BelongsToRelation]
        var mode: IncludeMode
        var filter: Condition?
        var isExplicit: Bool
        /// Soft-deleted rows of this table too.
        var unscoped = false
        /// A preload's chosen fields or columns.
        var columns: [String]?

        var relation: BelongsToRelation { relations[relations.count - 1] }
        var isJoin: Bool { mode != .preload }
    }

    /// A table a statement can name, with the name SQL uses for it.
    struct NamedTable {
        var qualifier: String
        var table: TableSchema

        init(qualifier: String, table: TableSchema) {
            self.qualifier = qualifier
            self.table = table
        }

        var modelName: String { table.modelName }

        /// The column named by column or by field, qualified by the statement's name for the table.
        func qualified(_ column: String) throws -> ColumnReference {
            let columns = table.columns
            let index = try Planner.columnIndex(column, in: columns, table: table.name, model: table.modelName)
            return ColumnReference(columns[index].name, table: qualifier)
        }
    }

    func plan(_ query: SelectQuery) throws -> QueryPlan {
        let root = try table(forModel: query.model)
        try checkSelectShape(query)
        let shape = try rootShape(of: query, root: root)
        let nodes = shape.nodes

        // The statement each include belongs to: a join lives in its parent's statement, a
        // preload in its own.
        func ownerPath(_ path: [String]) -> [String]? { Self.ownerPath(path, in: nodes) }
        func ownedJoins(_ owner: [String]?) -> [IncludeNode] { Self.ownedJoins(owner, in: nodes) }

        // Taken apart at once: each read of a member of the returned tuple copied all of it.
        let (rootStatement, rootLayout, purpose) = try buildSelect(
            scope: root, skeleton: shape.skeleton, filter: query.filter, order: query.order,
            limit: query.first ? 1 : query.limit, offset: query.offset, first: query.first, count: query.count,
            unscoped: query.unscoped)
        var plan = QueryPlan(statements: [
            PlannedStatement(
                purpose, .select(rootStatement), layout: rootLayout)
        ])
        if query.count { return plan }

        for node in nodes where !node.isJoin {
            let parentPath = Array(node.path.dropLast())
            let sourceOwner = ownerPath(parentPath)
            let source: PreloadSource
            let sourceLayout: RowLayout
            if let sourceOwner {
                guard let index = plan.preloads.firstIndex(where: { $0.path == sourceOwner }) else {
                    throw JoineryError.misuse("the preload of \(sourceOwner.joined(separator: ".")) is missing")
                }
                source = .preload(index)
                sourceLayout = plan.preloads[index].layout
            } else {
                source = .root
                sourceLayout = rootLayout
            }
            let pathInSource = Array(parentPath.dropFirst(sourceOwner?.count ?? 0))
            let relation = node.relation
            let sourceKeyPositions = try relation.foreignKeyColumns.map { column in
                guard let position = sourceLayout.position(of: column, path: pathInSource) else {
                    throw JoineryError.misuse(
                        "preloading \(node.path.joined(separator: ".")) needs \(relation.ownerTable).\(column) among the selected columns",
                        model: relation.ownerModel, field: column, relation: "\(relation.ownerModel).\(relation.name)")
                }
                return position
            }
            let target = try table(forModel: relation.targetModel)
            let chosen = try node.columns.map { try preloadColumns($0, of: node, target, nodes: nodes, joins: ownedJoins(node.path)) }
            let (template, layout, _) = try buildSelect(
                scope: target,
                skeleton: try skeleton(
                    scope: target, scopePath: node.path, joins: ownedJoins(node.path), columns: chosen,
                    unscoped: query.unscoped),
                filter: node.filter, order: [], limit: nil, offset: nil, first: false, count: false,
                unscoped: query.unscoped || node.unscoped)
            let targetKeyPositions = try relation.referencedColumns.map { column in
                guard let position = layout.position(of: column) else {
                    throw JoineryError.misuse("\(target.name).\(column) is not selected", model: target.modelName)
                }
                return position
            }
            plan.preloads.append(PreloadStep(
                path: node.path, relation: relation, source: source, sourceKeyPositions: sourceKeyPositions,
                template: template,
                keyColumns: relation.referencedColumns.map { ColumnReference($0, table: target.name) },
                keyTypes: try relation.referencedColumns.map { try column($0, of: target).type },
                targetKeyPositions: targetKeyPositions, layout: layout))
        }
        return plan
    }

    /// The columns a preload with chosen columns reads, in table order: the chosen ones, the
    /// primary key, the referenced key, and the foreign keys of the preloads under it. The rest
    /// read as nil, so each must be optional.
    private func preloadColumns(
        _ chosen: [String], of node: IncludeNode, _ target: TableSchema, nodes: [IncludeNode], joins: [IncludeNode]
    ) throws -> [String] {
        let relationName = "\(node.relation.ownerModel).\(node.relation.name)"
        guard joins.isEmpty else {
            throw JoineryError.misuse(
                "a preload with chosen columns (\(node.path.joined(separator: "."))) cannot have joins under it; preload them",
                model: target.modelName, relation: relationName)
        }
        var names = Set(try chosen.map { try column($0, of: target).name })
        names.formUnion(target.primaryKey)
        names.formUnion(node.relation.referencedColumns)
        for child in nodes where Array(child.path.dropLast()) == node.path {
            names.formUnion(child.relation.foreignKeyColumns)
        }
        for column in target.columns where !names.contains(column.name) && !column.isNullable {
            throw JoineryError.misuse(
                "\(target.modelName).\(column.fieldName) is required, so a preload of \(target.modelName) must read it",
                model: target.modelName, field: column.fieldName, relation: relationName)
        }
        return target.columns.map(\.name).filter(names.contains)
    }

    private func checkSelectShape(_ query: SelectQuery) throws {
        if query.count, query.first || query.limit != nil || query.offset != nil {
            throw JoineryError.misuse("a count takes no limit, offset or first", model: query.model)
        }
    }

    /// The includes with every intermediate path present (`user.company` implies `user`, loaded
    /// the same way), shortest paths first.
    func includeNodes(_ includes: [Include], root: TableSchema) throws -> [IncludeNode] {
        var nodes: [IncludeNode] = []
        nodes.reserveCapacity(includes.count)
        for include in includes {
            guard !include.path.isEmpty else {
                throw JoineryError.misuse("an include of \(root.modelName) has an empty path", model: root.modelName)
            }
            let relations = try relations(include.path, from: root.modelName)
            let path = relations.map(\.name)
            for length in 1...path.count {
                // Compared as a slice: an array made for each prefix was an allocation per include.
                let existing = nodes.firstIndex { $0.path.elementsEqual(path.prefix(length)) }
                if length < path.count {
                    if existing == nil {
                        nodes.append(IncludeNode(
                            path: Array(path.prefix(length)), relations: Array(relations.prefix(length)), mode: include.mode,
                            filter: nil, isExplicit: false))
                    }
                    continue
                }
                let node = IncludeNode(
                    path: path, relations: relations, mode: include.mode, filter: include.filter, isExplicit: true,
                    unscoped: include.unscoped, columns: include.columns)
                if let existing {
                    if nodes[existing].isExplicit, nodes[existing].mode != node.mode || nodes[existing].filter != node.filter
                        || nodes[existing].unscoped != node.unscoped || nodes[existing].columns != node.columns
                    {
                        throw JoineryError.misuse(
                            "\(path.joined(separator: ".")) is included twice, in different ways",
                            model: root.modelName, relation: "\(relations[relations.count - 1].ownerModel).\(path[path.count - 1])")
                    }
                    nodes[existing] = node
                } else {
                    nodes.append(node)
                }
            }
        }
        if nodes.count < 2 { return nodes }
        return nodes.enumerated().sorted { ($0.element.path.count, $0.offset) < ($1.element.path.count, $1.offset) }
            .map(\.element)
    }

    /// The include nodes of `query` and the skeleton of its root statement, kept per schema
    /// for includes without filters or chosen columns: a query the plan cache has not seen (a
    /// new filter) on joins and preloads the schema has seen before then builds only its
    /// `WHERE` and `ORDER BY`.
    private func rootShape(of query: SelectQuery, root: TableSchema) throws -> SelectSkeleton.RootShape {
        let keepable = query.columns == nil && query.includes.allSatisfy { $0.filter == nil && $0.columns == nil }
        let key = keepable
            ? SelectSkeleton.RootKey(
                model: query.model, includes: query.includes, unscoped: query.unscoped,
                identifierLimit: capabilities.identifierLimit)
            : nil
        if let key, let shape = schema.selectSkeletons.root(key) { return shape }
        let nodes = try includeNodes(query.includes, root: root)
        let shape = SelectSkeleton.RootShape(
            nodes: nodes,
            skeleton: try skeleton(
                scope: root, scopePath: [], joins: Self.ownedJoins(nil, in: nodes), columns: query.columns,
                unscoped: query.unscoped))
        if let key { schema.selectSkeletons.keep(shape, for: key) }
        return shape
    }

    /// The path of the statement the include at `path` is read by: a join lives in its parent's
    /// statement (nil: the root's), a preload in its own.
    static func ownerPath(_ path: [String], in nodes: [IncludeNode]) -> [String]? {
        if path.isEmpty { return nil }
        guard let node = nodes.first(where: { $0.path == path }) else { return nil }
        return node.isJoin ? ownerPath(Array(path.dropLast()), in: nodes) : path
    }

    /// The joins the statement of `owner` (nil: the root's) makes.
    static func ownedJoins(_ owner: [String]?, in nodes: [IncludeNode]) -> [IncludeNode] {
        // A join of the root's own relation belongs to the root statement: no path to build.
        nodes.filter { $0.isJoin && ($0.path.count == 1 ? owner == nil : ownerPath(Array($0.path.dropLast()), in: nodes) == owner) }
    }

    /// The columns, joins and names of a SELECT from `scope` with `joins`, kept per schema when
    /// it has no chosen columns and its joins no filters of their own.
    func skeleton(
        scope: TableSchema, scopePath: [String], joins: [IncludeNode], columns: [String]?, unscoped: Bool
    ) throws -> SelectSkeleton {
        guard columns == nil, joins.allSatisfy({ $0.filter == nil }) else {
            return try buildSkeleton(scope: scope, scopePath: scopePath, joins: joins, columns: columns, unscoped: unscoped)
        }
        let key = SelectSkeleton.Key(
            scope: scope.name,
            joins: joins.map { .init(path: $0.path.dropFirst(scopePath.count), mode: $0.mode, unscoped: unscoped || $0.unscoped) },
            identifierLimit: capabilities.identifierLimit)
        if let skeleton = schema.selectSkeletons.skeleton(key) { return skeleton }
        let skeleton = try buildSkeleton(scope: scope, scopePath: scopePath, joins: joins, columns: nil, unscoped: unscoped, kept: true)
        schema.selectSkeletons.keep(skeleton, for: key)
        return skeleton
    }

    /// One SELECT: `scope`'s columns, then each join's, aliased by relation path (the
    /// skeleton's), with its filter, order and limit. `unscoped`: soft-deleted rows of `scope`
    /// too.
    func buildSelect(
        scope: TableSchema, skeleton: SelectSkeleton, filter: Condition?, order: [OrderingTerm], limit: Int?, offset: Int?,
        first: Bool, count: Bool, unscoped: Bool
    ) throws -> (statement: SelectStatement, layout: RowLayout, purpose: String) {
        let named = skeleton.tables
        let scopeTable = NamedTable(qualifier: scope.name, table: scope)

        var where_ = Conjunction()
        where_.add(try filter.map { try named.resolve($0, defaultTable: scopeTable) })
        where_.add(softDeleteScope(scope, qualifier: scope.name, unscoped: unscoped))
        var terms = try order.map { term in
            OrderingTerm(try named.resolve(term.column, defaultTable: scopeTable), descending: term.descending)
        }
        if first {
            for key in scope.primaryKey where !terms.contains(where: { $0.column == ColumnReference(key, table: scope.name) }) {
                terms.append(OrderingTerm(ColumnReference(key, table: scope.name)))
            }
        }
        return (
            SelectStatement(
                selection: count ? .count : .columns(skeleton.selected), from: TableReference(scope.name),
                joins: skeleton.joins, filter: where_.condition, order: count ? [] : terms, limit: limit, offset: offset,
                loweredPrefix: count ? nil : skeleton.prefix),
            RowLayout(columns: count ? [] : skeleton.resultColumns, segments: count ? [] : skeleton.segments),
            count ? "count " + scope.name : skeleton.purpose
        )
    }

    /// The columns, joins and names of a SELECT from `scope` with `joins`: what its filter,
    /// order and limit do not change (kept per schema when it has no chosen columns and its
    /// joins no filters of their own).
    /// `kept`: the skeleton is kept per schema, and keeps the text of its columns and joins
    /// once lowered.
    private func buildSkeleton(
        scope: TableSchema, scopePath: [String], joins: [IncludeNode], columns: [String]?, unscoped: Bool, kept: Bool = false
    ) throws -> SelectSkeleton {
        let scopeTable = NamedTable(qualifier: scope.name, table: scope)
        var named = StatementTables(scopeTable, capacity: 1 + 2 * joins.count)
        var qualifierOfPath: [(path: [String], qualifier: String)] = []
        qualifierOfPath.reserveCapacity(1 + joins.count)
        qualifierOfPath.append(([], scope.name))
        let targets = try joins.map { try table(forModel: $0.relation.targetModel) }

        let scopeColumns = try columns.map { try $0.map { try columnName($0, of: scope) } } ?? scope.columns.map(\.name)
        let width = targets.reduce(scopeColumns.count) { $0 + $1.columns.count }
        var resultColumns: [RowLayout.ResultColumn] = []
        var selected: [SelectedColumn] = []
        var segments: [RowLayout.Segment] = []
        resultColumns.reserveCapacity(width)
        selected.reserveCapacity(width)
        segments.reserveCapacity(joins.count + 1)
        // Whether two selected columns could share a name (see below). A table's own column names
        // are unique (checked when a schema is built or decoded); a chosen list may name one twice.
        var mayCollide = columns != nil

        segments.append(RowLayout.Segment(
            path: [], model: scope.modelName, offset: 0, count: scopeColumns.count, isComplete: columns == nil))
        for column in scopeColumns {
            selected.append(SelectedColumn(ColumnReference(column, table: scope.name)))
            resultColumns.append(.init(path: [], column: column, name: column, sqlName: column))
            mayCollide = mayCollide || column.containsDoubleUnderscore
        }

        var sqlJoins: [Join] = []
        sqlJoins.reserveCapacity(joins.count)
        for (node, target) in zip(joins, targets) {
            let path = Array(node.path.dropFirst(scopePath.count))
            let relation = node.relation
            let logicalAlias = Naming.relationAlias(path)
            let alias = fitted(logicalAlias)
            guard named.index(of: alias) == nil, named.index(of: logicalAlias) == nil else {
                throw JoineryError.misuse(
                    "the join alias \(alias) is also the name of another table in the statement",
                    model: relation.ownerModel, relation: "\(relation.ownerModel).\(relation.name)")
            }
            guard let parentQualifier = qualifierOfPath.first(where: { $0.path.elementsEqual(path.dropLast()) })?.qualifier
            else {
                throw JoineryError.misuse("the join of \(logicalAlias) comes before its parent's")
            }
            let joined = NamedTable(qualifier: alias, table: target)
            named.add(alias, joined)
            if logicalAlias != alias { named.add(logicalAlias, joined) }
            qualifierOfPath.append((path, alias))

            var on = Conjunction()
            for (foreignKey, referenced) in zip(relation.foreignKeyColumns, relation.referencedColumns) {
                on.add(.comparison(
                    .column(ColumnReference(foreignKey, table: parentQualifier)), .equal,
                    .column(ColumnReference(referenced, table: alias))))
            }
            on.add(try node.filter.map { try named.resolve($0, defaultTable: joined) })
            on.add(softDeleteScope(target, qualifier: alias, unscoped: unscoped || node.unscoped))
            sqlJoins.append(Join(
                node.mode == .innerJoin ? .inner : .left, TableReference(target.name, alias: alias),
                on: on.condition ?? .and([])))

            segments.append(RowLayout.Segment(
                path: path, model: target.modelName, offset: resultColumns.count, count: target.columns.count,
                isComplete: true))
            let prefix = logicalAlias + "__"
            // By index: iterating the columns would copy each one's schema.
            let targetColumns = target.columns
            for index in targetColumns.indices {
                let column = targetColumns[index].name
                let name = prefix + column
                let sqlName = fitted(name)
                selected.append(SelectedColumn(ColumnReference(column, table: alias), alias: sqlName))
                resultColumns.append(.init(path: path, column: column, name: name, sqlName: sqlName))
                mayCollide = mayCollide || sqlName != name || column.containsDoubleUnderscore
            }
        }

        // A join's columns are `Alias__column` and the statement's own are plain column names, so
        // while no column name holds `__`, no name was shortened and no list was chosen, every name
        // is unique: the statement's own lack `__`, and a join's name ends in its own alias and
        // column. Only otherwise are the names compared.
        if mayCollide {
            var seen: Set<String> = []
            seen.reserveCapacity(resultColumns.count)
            for column in resultColumns where !seen.insert(column.sqlName).inserted {
                throw JoineryError.misuse(
                    "two selected columns would both be called \(column.sqlName); rename a column or relation",
                    model: scope.modelName)
            }
        }

        return SelectSkeleton(
            selected: selected, resultColumns: resultColumns, segments: segments, joins: sqlJoins, tables: named,
            purpose: "select " + scope.name, prefix: kept ? LoweredSelectPrefix() : nil)
    }

    /// The tables one statement names: its own, then each join under its alias (and its
    /// unshortened alias, when the dialect's limit shortened it). A handful: a list beats a
    /// dictionary.
    struct StatementTables {
        private(set) var entries: [(name: String, table: NamedTable)]

        /// `capacity`: how many names the statement may add (a join adds one, or two when its
        /// alias was shortened), so that adding them does not grow the list.
        init(_ scope: NamedTable, capacity: Int) {
            entries = []
            entries.reserveCapacity(capacity)
            entries.append((scope.qualifier, scope))
        }

        func index(of name: String) -> Int? {
            entries.firstIndex { $0.name == name }
        }

        mutating func add(_ name: String, _ table: NamedTable) {
            entries.append((name, table))
        }

        /// The names, sorted, for an error message.
        var names: [String] { Set(entries.map(\.name)).sorted() }
    }
}

extension Planner.StatementTables {
    /// The condition with every column reference qualified by the name SQL uses, and checked.
    func resolve(_ condition: Condition, defaultTable: Planner.NamedTable) throws -> Condition {
        // The closure captures neither the planner nor a table schema: each would be copied.
        try condition.mapColumns { try resolve($0, defaultTable: defaultTable) }
    }

    /// `reference` qualified by the name SQL uses for its table, and checked.
    func resolve(_ reference: ColumnReference, defaultTable: Planner.NamedTable) throws -> ColumnReference {
        guard let name = reference.table else { return try defaultTable.qualified(reference.column) }
        guard let index = index(of: name) else {
            throw JoineryError(
                .misuse,
                "a condition names \(name), which is not a table of this statement (known: \(names.joined(separator: ", "))); "
                    + "a preloaded relation is not part of the main statement — join it instead",
                table: name, column: reference.column, model: defaultTable.modelName)
        }
        return try entries[index].table.qualified(reference.column)
    }
}
