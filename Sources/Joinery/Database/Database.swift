#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Synchronization

/// One connection, its dialect, and the models it knows: the synchronous API, for scripts, tools,
/// tests and the demo — and what a ``DatabasePool`` hands to the closures it runs.
///
/// ```swift
/// let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
/// try db.migrate(User.self, Profile.self)
/// var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
/// try db.create(&profile)                       // INSERT users, then profiles with user_id filled
/// let loaded = try db.query(Profile.self).preload(\.user).all()
/// let joined = try db.query(Profile.self).join(\.user).all()
/// ```
///
/// Every call plans a ``Query`` against the models' schema and the connection's dialect, and runs
/// the plan's statements with their values bound. Models are found from the types a call names,
/// and from theirs in turn through their associations.
///
/// **Sharing.** A `Database` may be shared between threads: each call, and each
/// ``transaction(_:)`` as a whole, holds the connection exclusively, so concurrent callers wait
/// for one another's units of work and never see (or join) another caller's transaction. They
/// also never run at the same time: calls block the calling thread while the C client waits on
/// the engine. A server that answers concurrent requests, or any `async` code, uses a
/// ``DatabasePool`` instead, whose calls never block Swift's cooperative threads.
public final class Database: Sendable {
    /// The driver's connection, for raw SQL (`db.connection.execute("…")`); its calls hold the
    /// connection as the database's own do.
    public let connection: any DatabaseConnection
    let context: DatabaseContext
    /// Set for a database a pool lent to a closure: it stops working when the closure returns.
    private let lease: Lease?
    /// A pool's read-only unit of work (`pool.read { db in … }`): Joinery's writes are refused.
    public let isReadOnly: Bool
    /// What the SQL is written in: the connection's own dialect unless another was given.
    public let dialect: any SQLDialect
    /// The dialect's capabilities, read once: reading them through the existential copies the
    /// whole struct (a few hundred instructions), and every query needs them.
    let capabilities: DialectCapabilities
    /// The dialect's type, which plans are cached under (read once, for the same reason).
    let dialectType: ObjectIdentifier
    /// `capabilities` as the plan cache numbers them.
    let capabilitiesNumber: PlanCache.CapabilitiesNumber
    /// Set while `explain()` collects the statements a query runs.
    private let captured = Mutex<[LoweredStatement]?>(nil)
    private let isCapturing = Atomic<Bool>(false)

    /// A database over `connection`. Give `dialect` to write SQL in another dialect than the
    /// connection reports — a MySQL 8 dialect over the MariaDB client, say, or a dialect under test.
    public convenience init(_ connection: any DatabaseConnection, dialect: (any SQLDialect)? = nil) {
        self.init(connection, context: DatabaseContext(dialect: dialect), lease: nil, readOnly: false)
    }

    init(_ connection: any DatabaseConnection, context: DatabaseContext, lease: Lease?, readOnly: Bool) {
        self.connection = connection
        self.context = context
        self.dialect = context.dialect ?? connection.dialect
        self.capabilities = dialect.capabilities
        self.dialectType = ObjectIdentifier(Swift.type(of: dialect))
        self.capabilitiesNumber = context.plans.number(of: capabilities)
        self.lease = lease
        self.isReadOnly = readOnly
    }

    /// Opens `url` with the driver for its scheme.
    ///
    /// ```swift
    /// let db = try Database.open("postgres://joinery:joinery@127.0.0.1:5432/joinery",
    ///                            drivers: [SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()])
    /// ```
    public static func open(_ url: String, drivers: [any DatabaseDriver]) throws -> Database {
        Database(try DriverRegistry(drivers).connect(url))
    }

    /// Calls `observer` after every statement this database runs, including those that fail: its
    /// IR, its SQL, values, duration, row count and error.
    public func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        context.observeStatements(observer)
    }

    /// Runs `body` in a transaction (a savepoint when one is open): all of it, or none of it.
    /// Other threads using this database wait until it ends.
    ///
    /// ```sql
    /// BEGIN                                  -- BEGIN IMMEDIATE on SQLite
    /// …                                      -- what body runs
    /// COMMIT                                 -- ROLLBACK if body threw
    /// ```
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try unitOfWork { try connection.transaction(body) }
    }

    /// Runs `body` holding the connection, so that the statements it runs are not interleaved
    /// with another thread's: what every public call does.
    func unitOfWork<T>(_ body: () throws -> T) throws -> T {
        try checkLease()
        return try connection.withExclusiveAccess(body)
    }

    /// A unit of work that writes: refused in a read-only database.
    func writingUnitOfWork<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        guard !isReadOnly else {
            throw JoineryError.misuse("\(operation) writes, and this database is read-only (pool.read); use pool.write or pool.transaction")
        }
        return try unitOfWork(body)
    }

    /// A writing unit of work in one transaction.
    func writingTransaction<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        try writingUnitOfWork(operation) { try connection.transaction(body) }
    }

    private func checkLease() throws {
        if let lease, lease.hasEnded {
            throw JoineryError.misuse("a Database lent by a pool was used after its closure returned; use the pool instead")
        }
    }

    // MARK: Models and planning

    /// Makes `types`, and every model their associations reach, known to this database.
    public func register(_ types: [any Model.Type]) {
        context.register(types)
    }

    func schema(including types: [any Model.Type]) throws -> Schema {
        try context.schema(including: types, fitting: capabilities.identifierLimit)
    }

    func modelType(named name: String) -> (any Model.Type)? {
        context.modelType(named: name)
    }

    func planner(including types: [any Model.Type]) throws -> Planner {
        planner(try schema(including: types))
    }

    /// What a select runs: its plan and its first statement lowered. From the plan cache when a
    /// query of the same shape ran before, its values bound afresh; else planned and lowered now
    /// (and cached, when the markers came through the dialect's lowering as bindings).
    struct SelectRun {
        /// The schema the plan was made under.
        var schema: Schema
        var plan: QueryPlan
        /// The first statement, lowered with this query's values; nil: lower it when it runs.
        var root: LoweredStatement?
        /// This query's values, when the plan holds markers in their place.
        var values: QueryValues?
        /// Whether the preload statements' bindings hold markers.
        var preloadsHaveMarkers = false
        /// The plan cache's entry, which also keeps the preload statements lowered.
        var entry: PlanCache.Entry?
    }

    /// Where a select stands in the plan cache: planned before (its entry, and this query's
    /// values for the entry's markers), or not.
    enum SelectLookup {
        case hit(PlanCache.Entry, QueryValues, schema: Schema)
        /// Not cached; `bucket` is where its plan is to be kept. `fingerprint` is nil (and `bucket`
        /// 0) when the query has no shape: it is planned afresh and not kept.
        case miss(schema: Schema, generation: Int, fingerprint: ShapeFingerprint?, bucket: Int)
    }

    func lookUpSelect(_ query: SelectQuery, including type: any Model.Type) throws -> SelectLookup {
        let (schema, generation) = try context.schemaAndGeneration(including: type, fitting: capabilities.identifierLimit)
        guard let fingerprint = query.shapeFingerprint() else {
            return .miss(schema: schema, generation: generation, fingerprint: nil, bucket: 0)
        }
        let (entry, bucket) = cachedEntry(query, fingerprint, generation: generation)
        guard let entry else { return .miss(schema: schema, generation: generation, fingerprint: fingerprint, bucket: bucket) }
        return .hit(entry, QueryValues(values: fingerprint.values), schema: schema)
    }

    /// The plan cache's entry for `query`, whose shape has `fingerprint`, under `generation`, and
    /// the bucket it is kept (or is to be kept) under.
    private func cachedEntry(
        _ query: SelectQuery, _ fingerprint: ShapeFingerprint, generation: Int
    ) -> (entry: PlanCache.Entry?, bucket: Int) {
        let bucket = PlanCache.SelectKey.bucket(fingerprint, generation: generation, dialect: dialectType)
        let entry = context.plans.selectEntry(
            matching: query, bucket: bucket, generation: generation, dialect: dialectType, capabilities: capabilitiesNumber)
        return (entry, bucket)
    }

    /// The first statement of `query`, lowered with its values: from the plan cache without
    /// building a ``SelectRun`` when its shape was planned before (what `statement()` asks).
    func selectRoot(_ query: SelectQuery, including type: any Model.Type) throws -> LoweredStatement {
        // A shape planned before: its entry and this query's values, and nothing else copied
        // (no schema, no lookup result). The rest of the way is for a shape not seen yet, which
        // walks the query again on its way to being planned.
        if let generation = context.publishedGeneration(covering: type, fitting: capabilities.identifierLimit),
            let fingerprint = query.shapeFingerprint(),
            let entry = cachedEntry(query, fingerprint, generation: generation).entry
        {
            return entry.root(with: QueryValues(values: fingerprint.values))
        }
        let lookup = try lookUpSelect(query, including: type)
        if case .hit(let entry, let values, _) = lookup { return entry.root(with: values) }
        let run = try selectRun(query, lookup)
        if let root = run.root { return root }
        guard let first = run.plan.statements.first else {
            throw JoineryError.misuse("the query of \(type) plans no statement", model: "\(type)")
        }
        return try dialect.lower(first.statement)
    }

    func selectRun(_ query: SelectQuery, including type: any Model.Type) throws -> SelectRun {
        try selectRun(query, lookUpSelect(query, including: type))
    }

    private func selectRun(_ query: SelectQuery, _ lookup: SelectLookup) throws -> SelectRun {
        let schema: Schema, generation: Int, fingerprint: ShapeFingerprint, bucket: Int
        switch lookup {
        case .hit(let entry, let values, let hitSchema):
            return SelectRun(
                schema: hitSchema, plan: entry.plan, root: entry.root(with: values), values: values,
                preloadsHaveMarkers: entry.preloadsHaveMarkers, entry: entry)
        case .miss(let missSchema, _, nil, _):
            return SelectRun(schema: missSchema, plan: try planner(missSchema).plan(.select(query)))
        case .miss(let missSchema, let missGeneration, let missFingerprint?, let missBucket):
            (schema, generation, fingerprint, bucket) = (missSchema, missGeneration, missFingerprint, missBucket)
        }
        let planner = planner(schema)
        guard let (shapedQuery, values) = query.shaped() else {
            return SelectRun(schema: schema, plan: try planner.plan(.select(query)))
        }
        // A hit binds the fingerprint's values to this shape's markers: both walks must take the
        // values in one order.
        assert(values.values == fingerprint.values, "the fingerprint and the shape took the values in different orders")
        // Every marker must come out as a binding of one statement, and none in SQL text (a
        // dialect that wrote a value as a literal, or folded values into one parameter, would
        // otherwise run the marker itself): else this query is planned afresh each time.
        let plan = try planner.plan(.select(shapedQuery))
        guard let first = plan.statements.first,
            case let root = try dialect.lower(first.statement), let rootMarkers = QueryValues.markerPositions(in: root)
        else {
            return SelectRun(schema: schema, plan: try planner.plan(.select(query)))
        }
        var seen = Set(rootMarkers.filter { $0 >= 0 })
        var preloadsHaveMarkers = false
        for step in plan.preloads {
            let probeKey = step.targetKeyPositions.map { _ in SQLValue.integer(0) }
            for statement in try step.statements(forKeys: [probeKey], capabilities: capabilities) {
                guard let markers = QueryValues.markerPositions(in: try dialect.lower(.select(statement))) else {
                    return SelectRun(schema: schema, plan: try planner.plan(.select(query)))
                }
                for index in markers where index >= 0 {
                    seen.insert(index)
                    preloadsHaveMarkers = true
                }
            }
        }
        guard seen.count == values.values.count else {
            return SelectRun(schema: schema, plan: try planner.plan(.select(query)))
        }
        let entry = context.plans.storeSelect(
            plan, root: root, rootMarkers: rootMarkers, preloadsHaveMarkers: preloadsHaveMarkers,
            capabilities: capabilitiesNumber,
            key: PlanCache.SelectKey(shape: shapedQuery, generation: generation, dialect: dialectType, bucket: bucket))
        return SelectRun(
            schema: schema, plan: plan, root: entry.root(with: values), values: values,
            preloadsHaveMarkers: preloadsHaveMarkers, entry: entry)
    }

    /// A planner over `schema` in this database's dialect.
    func planner(_ schema: Schema) -> Planner {
        Planner(schema: schema, capabilities: capabilities, now: Date())
    }

    /// A preload statement over one column of `keys`, lowered: from the plan cache's entry when
    /// a statement of the same step and number of keys was lowered before (with markers for the
    /// keys, after the query's own), its values bound afresh; nil when it cannot be reused (no
    /// entry, or a dialect that folds the keys into one parameter or writes them as literals).
    func cachedPreloadStatement(step: Int, keys: ArraySlice<SQLValue>, run: SelectRun) throws -> LoweredStatement? {
        guard let entry = run.entry else { return nil }
        let own = run.values?.values ?? []
        let key = PlanCache.PreloadKey(step: step, keys: keys.count)
        if let kept = entry.preload(key) { return kept?.bound(own, keys) }
        guard entry.hasRoomForPreloads else { return nil }
        guard let probe = try entry.plan.preloads[step].statements(
            forSingleColumnKeys: (0..<keys.count).map { QueryValues.marker(own.count + $0) }, capabilities: capabilities
        ).first, case let lowered = try dialect.lower(.select(probe)),
            let markers = QueryValues.markerPositions(in: lowered),
            Set(markers.filter { $0 >= own.count }).count == keys.count
        else {
            entry.keep(nil, for: key)
            return nil
        }
        let cached = PlanCache.CachedStatement(lowered: lowered, markers: markers)
        entry.keep(cached, for: key)
        return cached.bound(own, keys)
    }

    /// What an insert of one row runs: its plan and its statement lowered with `values`. From
    /// the plan cache when a row of the same shape was inserted before; cached when every
    /// binding of the statement is one of the row's values (a value the planner added itself,
    /// a timestamp for an omitted column, say, would otherwise be frozen in the cache).
    func insertRun(
        _ model: String, columns: [String], values rowValues: [SQLValue], returning: [String]? = nil,
        planner: Planner, generation: Int, modelType: (any Model.Type)? = nil
    ) throws -> (plan: QueryPlan, lowered: LoweredStatement?, values: QueryValues?, entry: PlanCache.Entry?) {
        // The checks the planner makes on values (a NUL in text, a date with no calendar time),
        // which it cannot make on markers: on the values themselves, on every insert.
        let table = try planner.table(forModel: model)
        // Every column of the table, in its order (a create that omits nothing): checked and
        // keyed by position.
        let everyColumn = modelType != nil && returning == nil && columns.count == table.columns.count
            && columns.count <= 64 && zip(columns, table.columns).allSatisfy { $0 == $1.name }
        if everyColumn {
            for (value, column) in zip(rowValues, table.columns) { try planner.checkStorable(value, in: column, of: table) }
        } else {
            for (name, value) in zip(columns, rowValues) {
                try planner.checkStorable(value, in: try planner.column(name, of: table), of: table)
            }
        }
        let (shape, values) = InsertShape.of(model, columns: columns, values: rowValues, returning: returning)
        let queryShape: QueryShape
        if everyColumn, let modelType {
            let nulls = shape.nullColumns.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            queryShape = .modelInsert(ObjectIdentifier(modelType), nulls: nulls)
        } else {
            queryShape = .insert(shape)
        }
        let key = planCacheKey(queryShape, generation: generation)
        // The planner is this database's (`plannerAndGeneration`): its capabilities are ours.
        let capabilities = capabilitiesNumber
        if let entry = context.plans.entry(for: key, capabilities: capabilities) {
            return (entry.plan, entry.root(with: values), values, entry)
        }
        let plan = try planner.plan(.insert(shape.query))
        guard plan.statements.count == 1, let only = plan.statements.first,
            case let lowered = try dialect.lower(only.statement), let markers = QueryValues.markerPositions(in: lowered),
            Set(markers.filter { $0 >= 0 }).count == values.values.count,
            zip(markers, lowered.bindings).allSatisfy({ $0.0 >= 0 || $0.1.isNull })
        else {
            let fresh = InsertQuery(model, columns: columns, values: rowValues, returning: returning)
            return (try planner.plan(.insert(fresh)), nil, nil, nil)
        }
        let entry = context.plans.store(
            plan, root: lowered, rootMarkers: markers, preloadsHaveMarkers: false, capabilities: capabilities, for: key)
        return (plan, entry.root(with: values), values, entry)
    }

    /// The plan cache's key for `shape` under this database's dialect (told by its type).
    private func planCacheKey(_ shape: QueryShape, generation: Int) -> PlanCache.Key {
        PlanCache.Key(shape: shape, generation: generation, dialect: dialectType)
    }

    /// A planner for `types` and the generation of the schema it plans with.
    func plannerAndGeneration(including type: any Model.Type) throws -> (planner: Planner, generation: Int) {
        let (schema, generation) = try context.schemaAndGeneration(including: type, fitting: capabilities.identifierLimit)
        return (planner(schema), generation)
    }

    // MARK: Running statements

    /// Lowers and runs a statement that returns no rows; `lowered` and `values` as for
    /// ``forEachCursor(_:lowered:values:_:)``.
    @discardableResult
    func run(_ statement: SQLStatement, lowered given: LoweredStatement? = nil, values: QueryValues? = nil) throws -> ExecutionResult {
        try checkLease()
        let lowered = try given ?? lowering(statement, values)
        let start = ContinuousClock.now
        do {
            let result = try connection.execute(lowered.sql, lowered.bindings)
            notify(statement, lowered, start, rows: result.rowsAffected, values: values)
            return result
        } catch let error as JoineryError {
            let error = judgingCommit(error, writes: true)
            notify(statement, lowered, start, rows: 0, error: error, values: values)
            throw error
        }
    }

    /// Lowers and runs a statement, collecting its rows.
    func rows(_ statement: SQLStatement, lowered: LoweredStatement? = nil, values: QueryValues? = nil) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(statement, lowered: lowered, values: values) { rows.append($0) }
        return rows
    }

    /// Lowers and runs a statement, handing each row to `body` as the engine produces it (a row
    /// not kept costs no allocation).
    func forEachRow(
        _ statement: @autoclosure () throws -> SQLStatement, lowered: LoweredStatement? = nil, values: QueryValues? = nil,
        _ body: (Row) throws -> Void
    ) throws {
        try reading(try statement(), lowered: lowered, values: values) { lowered, counting in
            try connection.forEachRow(lowered.sql, lowered.bindings) { row in
                counting()
                try body(row)
            }
        }
    }

    /// Lowers and runs a statement, handing a cursor on each row to `body`. `lowered`: the
    /// statement already lowered (from the plan cache). `values`: the query's values, when the
    /// statement holds markers in their place (put back in its bindings, and for observers).
    func forEachCursor(
        _ statement: @autoclosure () throws -> SQLStatement, lowered: LoweredStatement? = nil, values: QueryValues? = nil,
        _ body: (any RowCursor) throws -> Void
    ) throws {
        try reading(try statement(), lowered: lowered, values: values) { lowered, counting in
            try connection.forEachCursor(lowered.sql, lowered.bindings) { cursor in
                counting()
                try body(cursor)
            }
        }
    }

    /// Lowers `statement`, runs `body` with it and a row counter, and tells the observers how it
    /// went (a lost connection judged for whether it may have committed). The statement is
    /// built only when it is lowered here or observed: one lowered already (the plan cache's)
    /// runs without its IR.
    private func reading(
        _ statement: @autoclosure () throws -> SQLStatement, lowered given: LoweredStatement? = nil, values: QueryValues? = nil,
        _ body: (LoweredStatement, () -> Void) throws -> Void
    ) throws {
        try checkLease()
        let lowered = try given ?? lowering(try statement(), values)
        let start = ContinuousClock.now
        var count = 0
        do {
            try body(lowered) { count += 1 }
        } catch let error as JoineryError {
            let writes: Bool
            if case .select = try statement() { writes = false } else { writes = true }
            let error = judgingCommit(error, writes: writes)
            try notify(statement(), lowered, start, rows: count, error: error, values: values)
            throw error
        }
        try notify(statement(), lowered, start, rows: count, values: values)
    }

    /// `statement` lowered now with `values` in place of its markers.
    private func lowering(_ statement: SQLStatement, _ values: QueryValues?) throws -> LoweredStatement {
        var lowered = try dialect.lower(statement)
        values?.restore(&lowered.bindings)
        return lowered
    }

    /// A lost connection: a read, or a statement inside a transaction, cannot have stored
    /// anything; a write outside one (autocommit) may have.
    private func judgingCommit(_ error: JoineryError, writes: Bool) -> JoineryError {
        guard error.kind == .connectionLost, error.mayHaveCommitted == nil else { return error }
        var error = error
        error.mayHaveCommitted = writes && !connection.isInTransaction
        return error
    }

    /// Runs `body` and returns the statements it ran, lowered; the caller holds the unit of work.
    func capturingStatements(_ body: () throws -> Void) throws -> [LoweredStatement] {
        captured.withLock { $0 = [] }
        isCapturing.store(true, ordering: .releasing)
        defer {
            isCapturing.store(false, ordering: .releasing)
            captured.withLock { $0 = nil }
        }
        try body()
        return captured.withLock { $0 ?? [] }
    }

    private func notify(
        _ statement: @autoclosure () throws -> SQLStatement, _ lowered: LoweredStatement, _ start: ContinuousClock.Instant,
        rows: Int, error: JoineryError? = nil, values: QueryValues? = nil
    ) rethrows {
        if isCapturing.load(ordering: .acquiring) { captured.withLock { $0?.append(lowered) } }
        let current = context.currentObservers
        guard !current.isEmpty else { return }
        let statement = try statement()
        let executed = ExecutedStatement(
            statement: values?.restore(statement) ?? statement, sql: lowered.sql, bindings: lowered.bindings,
            duration: ContinuousClock.now - start, rowCount: rows, error: error, metadata: StatementLogMetadata.current)
        for observer in current { observer(executed) }
    }
}

/// The term of a ``Database`` a pool lends to one closure: it ends when the closure returns, and
/// the database refuses every call after that (the connection is someone else's by then).
final class Lease: Sendable {
    private let ended = Atomic<Bool>(false)
    var hasEnded: Bool { ended.load(ordering: .acquiring) }
    func end() { ended.store(true, ordering: .releasing) }
}

/// A statement as it ran: what ``Database/observeStatements(_:)`` observers receive.
public struct ExecutedStatement: Sendable {
    /// The IR it was lowered from: lower it with another dialect to see what that engine would get.
    public var statement: SQLStatement
    /// The SQL the engine received.
    public var sql: String
    /// The values bound to its placeholders, in order.
    public var bindings: [SQLValue]
    /// How long the engine took, from sending to the last row.
    public var duration: Duration
    /// Rows returned, or rows affected for a statement that returns none.
    public var rowCount: Int
    /// The error the engine reported, if the statement failed.
    public var error: JoineryError?
    /// ``StatementLogMetadata/current`` where the statement ran (the request it belongs to).
    public var metadata: Logger.Metadata = [:]
}
