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

    init(dialect: (any SQLDialect)?) {
        self.dialect = dialect
    }

    func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    var currentObservers: [@Sendable (ExecutedStatement) -> Void] {
        observers.withLock { $0 }
    }

    func register(_ types: [any Model.Type]) {
        models.withLock { $0.register(types) }
    }

    func schema(including types: [any Model.Type]) throws -> Schema {
        try models.withLock { registry in
            registry.register(types)
            return try registry.schema()
        }
    }

    func modelType(named name: String) -> (any Model.Type)? {
        models.withLock { $0.types[name] }
    }
}
