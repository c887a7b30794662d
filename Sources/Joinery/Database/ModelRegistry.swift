/// The models one database knows, by model name, and the schema built from them.
///
/// A name stands for one Swift type: a second type with the same name (`Billing.User` beside
/// `Accounts.User`) is misuse, since queries, plans and rows name models, not types. Types are
/// added only when the schema they make can be built, so a model that cannot be resolved never
/// poisons the calls that do not need it.
struct ModelRegistry {
    private(set) var types: [String: any Model.Type] = [:]
    /// The types of `types`, by identity: the check every query makes, without building a
    /// type's declaration to learn its name.
    private(set) var known: Set<ObjectIdentifier> = []
    private var order: [String] = []
    private(set) var cached: Schema?
    /// The identifier limits the cached schema's table and column names were checked against.
    private(set) var fittingLimits: Set<IdentifierLimit> = []
    /// Counts the schemas built: a plan cached under one generation is not used under another.
    private(set) var generation = 0

    /// The schema of the known models and `newTypes` (and, transitively, the targets of their
    /// associations). Throws, and keeps what it knew, when a type's name is taken by another
    /// type or the models' schema cannot be built.
    mutating func schema(including newTypes: [any Model.Type]) throws -> Schema {
        // The common case, every type known: no copy of the registry.
        if let cached, newTypes.allSatisfy({ known.contains(ObjectIdentifier($0)) }) { return cached }
        var next = self
        if try next.add(newTypes) == false, let cached { return cached }
        let schema = try Schema(next.order.compactMap { next.types[$0]?.modelDeclaration })
        next.cached = schema
        next.fittingLimits = []
        next.generation += 1
        self = next
        return schema
    }

    /// ``schema(including:)``, after checking that every table and column name fits `limit`:
    /// an engine would truncate a longer name (PostgreSQL, and then perhaps read another table)
    /// or refuse it, so nothing is sent.
    mutating func schema(including newTypes: [any Model.Type], fitting limit: IdentifierLimit?) throws -> Schema {
        let schema = try schema(including: newTypes)
        guard let limit, !fittingLimits.contains(limit) else { return schema }
        for table in schema.tables {
            try limit.requireFits(table.name, model: table.modelName)
            for column in table.columns { try limit.requireFits(column.name, model: table.modelName, field: column.fieldName) }
        }
        fittingLimits.insert(limit)
        return schema
    }

    /// Adds `newTypes` and the targets they reach; whether any was new.
    private mutating func add(_ newTypes: [any Model.Type]) throws -> Bool {
        var pending = newTypes
        var added = false
        while let type = pending.popLast() {
            if known.contains(ObjectIdentifier(type)) { continue }
            let name = type.modelDeclaration.name
            if let known = types[name] {
                guard ObjectIdentifier(known) == ObjectIdentifier(type) else {
                    throw JoineryError.misuse(
                        "\(String(reflecting: known)) and \(String(reflecting: type)) are both models named \(name): "
                            + "a database knows one model per name; rename one of the types",
                        model: name)
                }
                continue
            }
            types[name] = type
            known.insert(ObjectIdentifier(type))
            order.append(name)
            added = true
            pending += type.associationTypes.values
        }
        return added
    }
}
