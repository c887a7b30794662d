import Synchronization

/// What every unit of work of one ``Database`` or ``DatabasePool`` shares: the models known so
/// far (and the schema built from them), the statement observers, and the dialect to write SQL
/// in when not the connection's own. Safe to share: each part has its own lock, held only for a
/// lookup.
final class DatabaseContext: Sendable {
    /// The dialect chosen by the application; nil: each connection's own (which knows the
    /// engine's version, so a pool learns it from its first connection).
    let dialect: (any SQLDialect)?
    private let models = Mutex<ModelRegistry>(ModelRegistry())
    private let observers = Mutex<[@Sendable (ExecutedStatement) -> Void]>([])
    /// Select plans and their SQL by query shape.
    let plans = PlanCache()

    init(dialect: (any SQLDialect)?) {
        self.dialect = dialect
    }

    func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    var currentObservers: [@Sendable (ExecutedStatement) -> Void] {
        observers.withLock { $0 }
    }

    /// Makes `types` known when their schema can be built; otherwise the call that uses them
    /// reports why.
    func register(_ types: [any Model.Type]) {
        _ = try? schema(including: types)
    }

    func schema(including types: [any Model.Type]) throws -> Schema {
        try models.withLock { try $0.schema(including: types) }
    }

    /// The schema, its table and column names checked against the dialect's identifier limit.
    func schema(including types: [any Model.Type], fitting limit: IdentifierLimit?) throws -> Schema {
        try models.withLock { try $0.schema(including: types, fitting: limit) }
    }

    /// The schema, as ``schema(including:fitting:)``, and its generation: plans cached under
    /// another generation are not used.
    func schemaAndGeneration(
        including types: [any Model.Type], fitting limit: IdentifierLimit?
    ) throws -> (schema: Schema, generation: Int) {
        try models.withLock { (try $0.schema(including: types, fitting: limit), $0.generation) }
    }

    func modelType(named name: String) -> (any Model.Type)? {
        models.withLock { $0.types[name] }
    }
}
