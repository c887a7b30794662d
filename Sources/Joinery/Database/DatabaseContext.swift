import Synchronization

/// What every unit of work of one ``Database`` or ``DatabasePool`` shares: the models known so
/// far (and the schema built from them), the statement observers, and the dialect to write SQL
/// in when not the connection's own. Safe to share.
///
/// Every statement asks for the schema and the models by name, from as many threads as the
/// pool has connections. Those reads take no lock: the registry publishes what it knows as an
/// immutable snapshot after each change (models are registered at start-up, so there are a few),
/// and a read takes the lock only for a type or an identifier limit the snapshot does not know.
/// With a lock on every read, sixty-four threads on two cores spent a tenth of their time
/// spinning on it whenever its holder was preempted.
final class DatabaseContext: Sendable {
    /// The dialect chosen by the application; nil: each connection's own (which knows the
    /// engine's version, so a pool learns it from its first connection).
    let dialect: (any SQLDialect)?
    /// The registry, and every snapshot it published (kept, so a reader that loaded a
    /// snapshot's address can always use it).
    private let models = Mutex<(registry: ModelRegistry, published: [RegistrySnapshot])>((ModelRegistry(), []))
    /// The latest snapshot's address (one of `published`; 0: none yet). An address as an
    /// integer: an `Atomic` of a pointer is not `Sendable`.
    private let latest = Atomic<UInt>(0)
    private let observers = Mutex<[@Sendable (ExecutedStatement) -> Void]>([])
    private let observerCount = Atomic<Int>(0)
    /// Select plans and their SQL by query shape.
    let plans = PlanCache()

    init(dialect: (any SQLDialect)?) {
        self.dialect = dialect
    }

    func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        observers.withLock {
            $0.append(observer)
            observerCount.store($0.count, ordering: .releasing)
        }
    }

    var currentObservers: [@Sendable (ExecutedStatement) -> Void] {
        guard observerCount.load(ordering: .acquiring) > 0 else { return [] }
        return observers.withLock { $0 }
    }

    /// Makes `types` known when their schema can be built; otherwise the call that uses them
    /// reports why.
    func register(_ types: [any Model.Type]) {
        if let snapshot, snapshot.schema(of: types, fitting: nil) != nil { return }
        _ = try? schema(including: types)
    }

    /// ``register(_:)`` for the one type a query starts from (`db.query(Profile.self)`), on every
    /// query: checked against the snapshot with no array made and no schema copied out.
    func register(_ type: any Model.Type) {
        if let snapshot, snapshot.covers(type, fitting: nil) { return }
        _ = try? schema(including: [type])
    }

    func schema(including types: [any Model.Type]) throws -> Schema {
        try schema(including: types, fitting: nil)
    }

    /// The schema, its table and column names checked against the dialect's identifier limit.
    func schema(including types: [any Model.Type], fitting limit: IdentifierLimit?) throws -> Schema {
        try schemaAndGeneration(including: types, fitting: limit).schema
    }

    /// The schema, as ``schema(including:fitting:)``, and its generation: plans cached under
    /// another generation are not used.
    func schemaAndGeneration(
        including types: [any Model.Type], fitting limit: IdentifierLimit?
    ) throws -> (schema: Schema, generation: Int) {
        if let snapshot, let schema = snapshot.schema(of: types, fitting: limit) { return (schema, snapshot.generation) }
        return try models.withLock { models in
            defer { publish(&models) }
            return (try models.registry.schema(including: types, fitting: limit), models.registry.generation)
        }
    }

    /// The same for one type, without an array made on every query.
    func schemaAndGeneration(
        including type: any Model.Type, fitting limit: IdentifierLimit?
    ) throws -> (schema: Schema, generation: Int) {
        if let snapshot, let schema = snapshot.schema(of: type, fitting: limit) { return (schema, snapshot.generation) }
        return try schemaAndGeneration(including: [type], fitting: limit)
    }

    /// The generation of the published schema when it covers `type` (as
    /// ``schemaAndGeneration(including:fitting:)`` finds it without the lock); nil otherwise.
    func publishedGeneration(covering type: any Model.Type, fitting limit: IdentifierLimit?) -> Int? {
        guard let snapshot, snapshot.covers(type, fitting: limit) else { return nil }
        return snapshot.generation
    }

    /// The primary key columns of `type`'s table: from the snapshot without building a schema or
    /// a declaration when the type is known (a `find` asks on every call).
    func primaryKey(of type: any Model.Type) throws -> [String]? {
        if let snapshot, let key = snapshot.primaryKey(of: type) { return key }
        return try schema(including: [type]).table(forModel: type.modelDeclaration.name)?.primaryKey
    }

    func modelType(named name: String) -> (any Model.Type)? {
        if let type = snapshot?.types[name] { return type }
        return models.withLock { $0.registry.types[name] }
    }

    /// The latest snapshot, read without the lock.
    private var snapshot: RegistrySnapshot? {
        UnsafeRawPointer(bitPattern: latest.load(ordering: .acquiring))
            .map { Unmanaged<RegistrySnapshot>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Publishes the registry as a new snapshot when it changed since the last one.
    private func publish(_ models: inout (registry: ModelRegistry, published: [RegistrySnapshot])) {
        let registry = models.registry
        if let last = models.published.last, last.generation == registry.generation,
            last.fittingLimits.count == registry.fittingLimits.count, last.types.count == registry.types.count
        {
            return
        }
        let snapshot = RegistrySnapshot(registry)
        models.published.append(snapshot)
        latest.store(UInt(bitPattern: Unmanaged.passUnretained(snapshot).toOpaque()), ordering: .releasing)
    }
}

/// The model registry as it was at one moment: immutable, so any thread reads it without a lock.
final class RegistrySnapshot: Sendable {
    let types: [String: any Model.Type]
    let known: Set<ObjectIdentifier>
    let schema: Schema?
    let fittingLimits: Set<IdentifierLimit>
    let generation: Int
    /// `known` as a list while it is short, and `fittingLimits` (a dialect or two): scanned, they
    /// answer in a few instructions where a `Set` hashes each lookup (~100), on every query.
    private let knownList: [ObjectIdentifier]?
    private let fittingLimitList: [IdentifierLimit]
    /// Each known type's primary key columns.
    private let primaryKeys: [ObjectIdentifier: [String]]

    init(_ registry: ModelRegistry) {
        types = registry.types
        known = registry.known
        schema = registry.cached
        fittingLimits = registry.fittingLimits
        generation = registry.generation
        knownList = known.count <= 32 ? Array(known) : nil
        fittingLimitList = Array(fittingLimits)
        var primaryKeys: [ObjectIdentifier: [String]] = [:]
        if let schema = registry.cached {
            for (name, type) in registry.types {
                if let table = schema.table(forModel: name) { primaryKeys[ObjectIdentifier(type)] = table.primaryKey }
            }
        }
        self.primaryKeys = primaryKeys
    }

    /// The primary key columns of `type`, when it is known.
    func primaryKey(of type: any Model.Type) -> [String]? {
        guard isKnown(type) else { return nil }
        return primaryKeys[ObjectIdentifier(type)]
    }

    /// The schema when every one of `types` is known and the names were checked against
    /// `limit`; nil when only the registry (under its lock) can tell.
    func schema(of types: [any Model.Type], fitting limit: IdentifierLimit?) -> Schema? {
        guard let schema, types.allSatisfy(isKnown), fits(limit) else { return nil }
        return schema
    }

    func schema(of type: any Model.Type, fitting limit: IdentifierLimit?) -> Schema? {
        covers(type, fitting: limit) ? schema : nil
    }

    /// Whether ``schema(of:fitting:)`` has a schema for `type`, without copying it out.
    func covers(_ type: any Model.Type, fitting limit: IdentifierLimit?) -> Bool {
        schema != nil && isKnown(type) && fits(limit)
    }

    private func isKnown(_ type: any Model.Type) -> Bool {
        let identifier = ObjectIdentifier(type)
        return knownList?.contains(identifier) ?? known.contains(identifier)
    }

    /// Whether the names were checked against `limit` (nil: no limit to check).
    private func fits(_ limit: IdentifierLimit?) -> Bool {
        limit.map(fittingLimitList.contains) ?? true
    }
}
