/// The schema graph: every model's table, and every belongs-to relation resolved against its
/// target. Built from declarations (macro-generated or hand-written); building it checks them,
/// so a schema that exists is one whose relations all make sense.
///
/// ```swift
/// let schema = try Schema([User.modelDeclaration, Profile.modelDeclaration])
/// schema.table(forModel: "Profile")?.relation(named: "user")?.foreignKeyColumns   // ["user_id"]
/// ```
///
/// Misuse is a ``JoineryError/Kind/misuse`` error naming the model and field: a `references`
/// target that is neither primary key nor unique, a foreign key missing or of the wrong type, a
/// relation to a model that is not in the schema, `onDelete: .setNull` on a non-optional key, two
/// relations that would guess the same foreign key (ambiguous).
public struct Schema: Sendable, Hashable, Codable {
    /// Tables in declaration order.
    public private(set) var tables: [TableSchema]
    /// The planner's per-schema work (not part of the schema's value: equal schemas may hold
    /// different memos, and copies share one). A schema never changes after it is built.
    let selectSkeletons = SelectSkeletonMemo()

    private enum CodingKeys: String, CodingKey {
        case tables
    }

    public static func == (left: Schema, right: Schema) -> Bool { left.tables == right.tables }

    public func hash(into hasher: inout Hasher) { hasher.combine(tables) }

    /// The schema of `declarations`: tables and relations resolved, misuse reported.
    public init(_ declarations: [ModelDeclaration]) throws {
        var tables: [TableSchema] = []
        for declaration in declarations {
            if tables.contains(where: { $0.modelName == declaration.name }) {
                throw JoineryError.misuse("the model \(declaration.name) is declared twice", model: declaration.name)
            }
            let table = try SchemaResolver.table(for: declaration)
            if let clash = tables.first(where: { $0.name == table.name }) {
                throw JoineryError.misuse(
                    "\(declaration.name) and \(clash.modelName) both use the table \(table.name)", model: declaration.name)
            }
            tables.append(table)
        }
        for (index, declaration) in declarations.enumerated() {
            tables[index].belongsTo = try declaration.belongsTo.map {
                try SchemaResolver.relation($0, owner: declaration, ownerTable: tables[index], tables: tables, declarations: declarations)
            }
            try SchemaResolver.checkUnambiguous(tables[index].belongsTo, of: declaration)
        }
        self.tables = tables
    }

    /// A schema read back from its encoding: each table's column names must be unique, as
    /// building a schema from declarations makes them (the planner relies on it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tables = try container.decode([TableSchema].self, forKey: .tables)
        for table in tables {
            var seen: Set<String> = []
            for column in table.columns where !seen.insert(column.name).inserted {
                throw JoineryError(
                    .misuse, "\(table.modelName) has two columns called \(column.name)",
                    table: table.name, column: column.name, model: table.modelName)
            }
        }
    }

    /// The table of the model called `name`.
    public func table(forModel name: String) -> TableSchema? { tables.first { $0.modelName == name } }

    /// The relation `name` of `model`, or a misuse error listing the ones that exist.
    public func relation(_ name: String, of model: String) throws -> BelongsToRelation {
        guard let table = table(forModel: model) else {
            throw JoineryError.misuse("\(model) is not a model of this schema", model: model)
        }
        guard let relation = table.relation(named: name) else {
            let known = table.belongsTo.map(\.name)
            throw JoineryError.misuse(
                "\(model) has no association \(name)"
                    + (known.isEmpty ? " (it declares none)" : " (it has: \(known.joined(separator: ", ")))"),
                model: model, field: name)
        }
        return relation
    }

    /// The relations along a dotted path from `model`: `["user", "company"]` on `Profile` is
    /// `Profile.user`, then `User.company`.
    public func relationPath(_ path: [String], from model: String) throws -> [BelongsToRelation] {
        var current = model
        return try path.map { name in
            let relation = try relation(name, of: current)
            current = relation.targetModel
            return relation
        }
    }

    /// The order to create tables in, so that each foreign key's target exists first. Relations
    /// that close a cycle (A → B → A) cannot be created inline; they come back in
    /// `deferredConstraints`, to be added once all tables exist. Self-references are inline.
    public var creationOrder: (tables: [TableSchema], deferredConstraints: [BelongsToRelation]) {
        var created: Set<String> = []
        var ordered: [TableSchema] = []
        var deferred: [BelongsToRelation] = []
        var remaining = tables
        while !remaining.isEmpty {
            if let ready = remaining.firstIndex(where: { table in
                table.belongsTo.allSatisfy { $0.isSelfReferential || created.contains($0.targetModel) }
            }) {
                created.insert(remaining[ready].modelName)
                ordered.append(remaining.remove(at: ready))
            } else {
                // A cycle: create the first remaining table, deferring its unmet constraints.
                let table = remaining.removeFirst()
                deferred += table.belongsTo.filter {
                    !$0.isSelfReferential && !created.contains($0.targetModel) && $0.constraintName != nil
                }
                created.insert(table.modelName)
                ordered.append(table)
            }
        }
        return (ordered, deferred)
    }
}
