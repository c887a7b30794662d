/// The model types a ``Database`` knows, by name, and the schema built from them (rebuilt only
/// when a new type arrives).
struct ModelRegistry {
    private(set) var types: [String: any Model.Type] = [:]
    private var order: [String] = []
    private var cached: Schema?

    /// Adds `types` and, transitively, the targets of their associations.
    mutating func register(_ newTypes: [any Model.Type]) {
        var pending = newTypes
        while let type = pending.popLast() {
            let name = type.modelDeclaration.name
            guard types[name] == nil else { continue }
            types[name] = type
            order.append(name)
            cached = nil
            pending += type.associationTypes.values
        }
    }

    mutating func schema() throws -> Schema {
        if let cached { return cached }
        let schema = try Schema(order.compactMap { types[$0]?.modelDeclaration })
        cached = schema
        return schema
    }
}
