import Synchronization
import Dispatch

/// Thrown by a replica's consistency check: the read goes to the primary instead.
struct ReplicaBehind: Error {}

/// Connections shared by every request of an application: the async API.
///
/// ```swift
/// let pool = try DatabasePool("postgres://joinery:joinery@127.0.0.1:5432/joinery",
///                             drivers: [PostgreSQLDriver()])
/// try await pool.migrate(User.self, Profile.self)
/// var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
/// try await pool.create(&profile)             // INSERT users, INSERT profiles: one transaction
/// let loaded = try await pool.query(Profile.self).preload(\.user).all()
/// let names = try await pool.read { db in     // one connection for the whole closure
///     try db.query(User.self).all().map(\.name)
/// }
/// try await pool.transaction { db in          // BEGIN … COMMIT on one connection
///     var user = User(name: "hu")
///     try db.create(&user)
///     try db.update(&profile, set: ["userID": user.id])
/// }
/// ```
///
/// Connections open when first needed, up to ``Configuration/maximumConnections``, and then
/// stay open. Each unit of work — a one-shot call, or a closure — holds one connection from its
/// start to its end, and nothing else runs on that connection meanwhile; the ``Database`` a
/// closure receives refuses every call once the closure has returned. Its blocking C calls run
/// on a serial queue that belongs to the connection, never on Swift's cooperative threads.
///
/// When no connection is free, a unit of work waits up to ``Configuration/acquireTimeout`` and
/// then fails with ``JoineryError/Kind/poolExhausted``. A connection that has been idle, or that
/// sat idle while another was lost, is pinged before use and replaced if it does not answer:
/// after a server restart the next call succeeds without the application doing anything.
/// Cancelling the Task that awaits a unit of work interrupts the statement on the engine
/// (``JoineryError/Kind/cancelled``) and rolls back what the unit of work left open.
///
/// SQLite: one writer connection and up to ``Configuration/maximumConnections`` readers. A file
/// database runs in WAL mode, so readers never wait for the writer; `sqlite::memory:` is one
/// in-memory database that every connection of the pool sees.
///
/// The pool is a swift-service-lifecycle `Service`: put it in the application's service group,
/// and it closes (waiting for work in flight) when the group shuts down. It also works without
/// one; call ``close()`` when done.
public final class DatabasePool: Sendable {
    let context: DatabaseContext
    /// Where writes and transactions run.
    let writers: ConnectionLane
    /// Where reads run: the same lane as the writers, except on SQLite.
    let readers: ConnectionLane
    /// The pool's own threads, for tasks that should run their database calls without a thread
    /// hop: `withTaskExecutorPreference(pool.executor) { … }`. See ``PoolExecutor``.
    public let executor: PoolExecutor
    /// The pool's size, timeouts and lifetimes, as given when it was opened.
    public let configuration: Configuration
    /// The URL the pool opens, password hidden.
    public let url: String
    /// When the pool last wrote, for ``Configuration/readYourWrites``.
    let lastWrite = Mutex<ContinuousClock.Instant?>(nil)
    /// The furthest replication position a finished write reached, for
    /// ``Configuration/waitForReplay``.
    let replayPosition = Mutex<Int64?>(nil)
    /// Whether reads go to replicas of the primary (not SQLite's reader connections).
    let readsReplicas: Bool
    /// A pool over a primary and replicas: its servers, and the drivers to open others with
    /// after a failover.
    private let replicaSet: ReplicaChooser?
    private let failoverDrivers: DriverRegistry?

    /// A pool for `url`, opened with the driver for its scheme. Nothing is connected yet: the
    /// first unit of work opens the first connection. Throws ``JoineryError/Kind/invalidURL``
    /// for a URL no driver takes.
    ///
    /// Give `dialect` to write SQL in another dialect than the connections report.
    public convenience init(
        _ url: String, drivers: [any DatabaseDriver], configuration: Configuration = Configuration(),
        dialect: (any SQLDialect)? = nil
    ) throws {
        try self.init(url: DatabaseURL(parsing: url), drivers: drivers, configuration: configuration, dialect: dialect)
    }

    /// A pool for a parsed URL.
    public init(
        url parsed: DatabaseURL, drivers: [any DatabaseDriver], configuration: Configuration = Configuration(),
        dialect: (any SQLDialect)? = nil
    ) throws {
        let driver = try DriverRegistry(drivers).driver(for: parsed)
        let parsed = Self.withTimeouts(parsed, configuration)
        let connections = try driver.poolConnections(for: parsed)
        self.url = parsed.description
        self.configuration = configuration
        context = DatabaseContext(dialect: dialect)
        executor = PoolExecutor(for: configuration)
        let size = max(1, configuration.maximumConnections)
        if connections.openReader == nil && connections.writerLimit == nil {
            writers = ConnectionLane(label: "shared", capacity: size, configuration: configuration, open: connections.openWriter)
            readers = writers
        } else {
            writers = ConnectionLane(
                label: "writer", capacity: connections.writerLimit ?? size, configuration: configuration,
                open: connections.openWriter)
            readers = ConnectionLane(
                label: "reader", capacity: size, configuration: configuration,
                open: connections.openReader ?? connections.openWriter)
        }
        readsReplicas = false
        replicaSet = nil
        failoverDrivers = nil
    }

    /// A pool over a primary and its replicas (PostgreSQL streaming replicas, MariaDB
    /// replicas): reads — ``read(_:)`` and the queries run on the pool — go to the replicas,
    /// writes and transactions to the primary. A replica that cannot be reached is skipped (the
    /// next one is tried, and with none left, the primary serves the read); with
    /// ``Configuration/readYourWrites`` set, reads go to the primary for that long after each
    /// write, so a request sees what it just wrote although replication is asynchronous.
    ///
    /// ```swift
    /// var configuration = DatabasePool.Configuration()
    /// configuration.readYourWrites = .seconds(1)
    /// let pool = try DatabasePool(
    ///     primary: "postgres://app:secret@10.0.0.1:5432/app",
    ///     replicas: ["postgres://app:secret@10.0.0.2:5432/app", "postgres://app:secret@10.0.0.3:5432/app"],
    ///     drivers: [PostgreSQLDriver()], configuration: configuration)
    /// ```
    public convenience init(
        primary: String, replicas: [String], drivers: [any DatabaseDriver], configuration: Configuration = Configuration(),
        dialect: (any SQLDialect)? = nil
    ) throws {
        try self.init(
            url: DatabaseURL(parsing: primary), replicas: try replicas.map(DatabaseURL.init(parsing:)), drivers: drivers,
            configuration: configuration, dialect: dialect)
    }

    /// A pool over a parsed primary URL and its replicas.
    public init(
        url primary: DatabaseURL, replicas: [DatabaseURL], drivers: [any DatabaseDriver],
        configuration: Configuration = Configuration(), dialect: (any SQLDialect)? = nil
    ) throws {
        let registry = DriverRegistry(drivers)
        let driver = try registry.driver(for: primary)
        let primaryURL = Self.withTimeouts(primary, configuration)
        let replicaURLs = replicas.map { Self.withTimeouts($0, configuration) }
        let replicaDrivers = try replicaURLs.map { try registry.driver(for: $0) }
        let connections = try driver.poolConnections(for: primaryURL)
        guard connections.openReader == nil, connections.writerLimit == nil else {
            throw JoineryError.misuse("\(primary.scheme) has no replicas to read from: open a pool of its URL alone")
        }
        url = primaryURL.description
        self.configuration = configuration
        context = DatabaseContext(dialect: dialect)
        executor = PoolExecutor(for: configuration)
        let size = max(1, configuration.maximumConnections)
        let chooser = ReplicaChooser(
            primary: .init(driver: driver, url: primaryURL),
            replicas: zip(replicaDrivers, replicaURLs).map { .init(driver: $0, url: $1) })
        writers = ConnectionLane(label: "primary", capacity: size, configuration: configuration, open: { try chooser.openPrimary() })
        readers = replicas.isEmpty
            ? writers
            : ConnectionLane(label: "replicas", capacity: size, configuration: configuration, open: { try chooser.openReplica() })
        readsReplicas = !replicas.isEmpty
        replicaSet = chooser
        failoverDrivers = registry
    }

    /// Makes `primary` the pool's primary and `replicas` its replicas: after a replica was
    /// promoted because the primary died, the pool follows when told. Connections to the old
    /// servers are closed — idle ones at once, those in use when their unit of work ends — and
    /// new ones open to the new servers. The replicas' lane exists only in a pool opened with
    /// replicas; in one opened without, reads stay on the primary. Throws
    /// ``JoineryError/Kind/misuse`` for a pool not opened with
    /// ``init(primary:replicas:drivers:configuration:dialect:)``.
    ///
    /// ```swift
    /// // the primary at 10.0.0.1 died; 10.0.0.2 was promoted (pg_ctl promote):
    /// try pool.failover(toPrimary: "postgres://app:secret@10.0.0.2:5432/app",
    ///                   replicas: ["postgres://app:secret@10.0.0.3:5432/app"])
    /// ```
    public func failover(toPrimary primary: String, replicas: [String] = []) throws {
        guard let replicaSet, let failoverDrivers else {
            throw JoineryError.misuse("failover(toPrimary:replicas:) needs a pool opened with init(primary:replicas:)")
        }
        let servers = try ([primary] + replicas).map { url -> ReplicaChooser.Server in
            let parsed = Self.withTimeouts(try DatabaseURL(parsing: url), configuration)
            return ReplicaChooser.Server(driver: try failoverDrivers.driver(for: parsed), url: parsed)
        }
        replicaSet.failover(to: servers[0], replicas: Array(servers.dropFirst()))
        replayPosition.withLock { $0 = nil }
        writers.retire()
        if readers !== writers { readers.retire() }
    }

    /// A pool over the nodes of a multi-primary cluster (MariaDB Galera): all work goes to one
    /// node — writes pinned to one node avoid certification conflicts, and reads on it see its
    /// writes — and when that node cannot be reached, the next one that answers takes over
    /// (a transaction that lost its connection before committing runs again there, as
    /// ``Configuration/retry`` says).
    ///
    /// ```swift
    /// let pool = try DatabasePool(
    ///     nodes: ["mariadb://app:secret@10.0.0.1/app", "mariadb://app:secret@10.0.0.2/app", "mariadb://app:secret@10.0.0.3/app"],
    ///     drivers: [MariaDBDriver()])
    /// ```
    public convenience init(
        nodes: [String], drivers: [any DatabaseDriver], configuration: Configuration = Configuration(),
        dialect: (any SQLDialect)? = nil
    ) throws {
        try self.init(
            nodes: nodes.map { try DatabaseURL(parsing: $0) }, drivers: drivers, configuration: configuration, dialect: dialect)
    }

    /// A pool over the parsed URLs of a cluster's nodes.
    public init(
        nodes: [DatabaseURL], drivers: [any DatabaseDriver], configuration: Configuration = Configuration(),
        dialect: (any SQLDialect)? = nil
    ) throws {
        let registry = DriverRegistry(drivers)
        let urls = nodes.map { Self.withTimeouts($0, configuration) }
        guard let first = urls.first else { throw JoineryError.misuse("a cluster pool needs at least one node") }
        let chooser = NodeChooser(nodes: Array(zip(try urls.map { try registry.driver(for: $0) }, urls)))
        url = first.description
        self.configuration = configuration
        context = DatabaseContext(dialect: dialect)
        executor = PoolExecutor(for: configuration)
        writers = ConnectionLane(
            label: "cluster", capacity: max(1, configuration.maximumConnections), configuration: configuration,
            open: { try chooser.open() })
        readers = writers
        readsReplicas = false
        replicaSet = nil
        failoverDrivers = nil
    }

    /// `url` with the pool's connect and statement timeouts, unless it names its own.
    static func withTimeouts(_ url: DatabaseURL, _ configuration: Configuration) -> DatabaseURL {
        var url = url
        if url.options["connect_timeout"] == nil {
            url.options["connect_timeout"] = String(max(1, configuration.connectTimeout.components.seconds))
        }
        if url.options["statement_timeout"] == nil, let timeout = configuration.statementTimeout {
            let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            url.options["statement_timeout"] = String(max(1, milliseconds))
        }
        return url
    }

    // MARK: Units of work

    /// Runs `body` with a database on one connection, for reads: Joinery's writes (create,
    /// update, delete, migrate) are refused in it, and on SQLite it runs on a reader connection.
    /// No transaction is opened.
    ///
    /// ```swift
    /// let (profiles, count) = try await pool.read { db in
    ///     (try db.query(Profile.self).preload(\.user).all(), try db.query(User.self).count())
    /// }
    /// ```
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard readsReplicas else { return try await run(on: readers, readOnly: true, inTransaction: false, body) }
        if let window = configuration.readYourWrites, let last = lastWrite.withLock({ $0 }), ContinuousClock.now - last < window {
            return try await run(on: writers, readOnly: true, inTransaction: false, body)
        }
        let position = configuration.waitForReplay == nil ? nil : replayPosition.withLock { $0 }
        guard position != nil || configuration.maximumReplicaLag != nil else {
            return try await run(on: readers, readOnly: true, inTransaction: false, body)
        }
        do {
            return try await run(on: readers, readOnly: true, inTransaction: false, body) { [self] pooled in
                try replicaIsCurrent(pooled, position: position)
            }
        } catch is ReplicaBehind {
            return try await run(on: writers, readOnly: true, inTransaction: false, body)
        }
    }

    /// On a replica's connection, before a read: throws ``ReplicaBehind`` when the replica has
    /// not replayed `position` in time, or lags past ``Configuration/maximumReplicaLag``.
    private func replicaIsCurrent(_ pooled: PooledConnection, position: Int64?) throws {
        let dialect = context.dialect ?? pooled.connection.dialect
        if let limit = configuration.maximumReplicaLag, pooled.lagCheckIsDue() {
            guard let lag = try pooled.connection.replicationLag(in: dialect), lag <= limit else {
                pooled.lagCheckFailed()
                throw ReplicaBehind()
            }
        }
        if let position, let timeout = configuration.waitForReplay,
            try !pooled.connection.waitForReplay(of: position, timeout: timeout, in: dialect)
        {
            throw ReplicaBehind()
        }
    }

    /// After a write on the primary: records how far a replica must replay to see it.
    private func recordReplayPosition(_ connection: any DatabaseConnection) {
        guard let position = try? connection.replicationPosition(in: context.dialect ?? connection.dialect) else { return }
        replayPosition.withLock { $0 = max($0 ?? position, position) }
    }

    /// Runs `body` with a database on one connection that may write. Each Joinery call in it is
    /// atomic on its own (a create with new parents is one transaction); use
    /// ``transaction(_:)`` to make the whole closure one.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await run(on: writers, readOnly: false, inTransaction: false, body)
    }

    /// Runs `body` in one transaction on one connection: all of it, or — when it throws —
    /// none of it. When the engine rolls the transaction back on its own (a deadlock, a
    /// serialization or Galera certification failure), `body` runs again in a new transaction,
    /// as ``Configuration/retry`` says, and the error reaches the caller only after the last
    /// attempt — so `body` must be safe to run more than once (its effects outside the database
    /// included).
    ///
    /// ```sql
    /// BEGIN          -- BEGIN IMMEDIATE on SQLite
    /// …              -- what body runs
    /// COMMIT         -- ROLLBACK if body threw
    /// ```
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await retrying { try await run(on: writers, readOnly: false, inTransaction: true, body) }
    }

    /// A one-shot write that is one transaction or one statement: run again like a transaction.
    func atomicWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await retrying { try await run(on: writers, readOnly: false, inTransaction: false, body) }
    }

    /// `before` runs on the connection first (a replica's consistency check); what it throws
    /// ends the unit of work with the connection kept.
    private func run<T: Sendable>(
        on lane: ConnectionLane, readOnly: Bool, inTransaction: Bool, _ body: @escaping @Sendable (Database) throws -> T,
        before: (@Sendable (PooledConnection) throws -> Void)? = nil
    ) async throws -> T {
        let recordsPosition = !readOnly && readsReplicas && configuration.waitForReplay != nil
        let pooled = try await lane.acquire()
        let gate = InterruptGate()
        let context = context
        let metadata = StatementLogMetadata.current
        let outcome: Result<T, any Error>
        let work = { @Sendable () -> (Result<T, any Error>, Bool) in
            guard gate.start() else { return (.failure(ConnectionLane.cancelledError), true) }
            if let before {
                do { try before(pooled) } catch {
                    _ = gate.finish()
                    return (.failure(error), Self.clean(pooled.connection))
                }
            }
            let lease = Lease()
            let db = Database(pooled.connection, context: context, lease: lease, readOnly: readOnly)
            // The task's log metadata, on the connection's thread for the statements' observers.
            let result = StatementLogMetadata.$current.withValue(metadata) {
                Result { inTransaction ? try pooled.connection.transaction { try body(db) } : try body(db) }
            }
            lease.end()
            if recordsPosition, case .success = result { self.recordReplayPosition(pooled.connection) }
            let interrupted = gate.finish()
            return (result.mapError { Self.cancellation($0, interrupted: interrupted) }, Self.clean(pooled.connection))
        }
        do {
            let (result, reusable) = try await withTaskCancellationHandler {
                // A task on the pool's own threads may block: the work runs right here, no hop.
                // (Checked after the last suspension, so it is the thread the work runs on.)
                executor.isCurrentThread ? work() : try await pooled.perform(work)
            } onCancel: {
                gate.cancel(pooled.connection)
            }
            lane.release(pooled, reusable: reusable)
            if !readOnly, configuration.readYourWrites != nil { lastWrite.withLock { $0 = .now } }
            outcome = result
        } catch {
            // Only the hop itself failed (it does not throw today): do not trust the connection.
            lane.release(pooled, reusable: false)
            throw error
        }
        return try outcome.get()
    }

    /// Leaves the connection as the next unit of work expects it: no transaction open (one
    /// begun with raw SQL and left open is rolled back). False when that fails.
    private static func clean(_ connection: any DatabaseConnection) -> Bool {
        guard connection.isUsable else { return false }
        guard connection.hasOpenTransaction else { return true }
        do {
            try connection.execute("ROLLBACK", [])
            return !connection.hasOpenTransaction
        } catch {
            return false
        }
    }

    /// An engine error caused by our own interrupt reads as a cancellation.
    private static func cancellation(_ error: any Error, interrupted: Bool) -> any Error {
        guard interrupted, var error = error as? JoineryError, error.kind != .cancelled else { return error }
        if error.kind == .engine || error.kind == .timeout || error.kind == .connectionLost {
            error.kind = .cancelled
            error.message = "the task was cancelled: " + error.message
        }
        return error
    }

    // MARK: Lifecycle

    /// Stops taking work (new calls throw ``JoineryError/Kind/poolClosed``), fails the calls
    /// still waiting for a connection, and returns once the units of work in flight have
    /// finished; every connection is closed.
    public func close() async {
        await writers.close()
        if readers !== writers { await readers.close() }
    }

    /// Connections open, idle, and units of work waiting: the writers' and readers' together.
    public var statistics: Statistics {
        let writing = writers.statistics
        guard readers !== writers else { return writing }
        let reading = readers.statistics
        return Statistics(
            open: writing.open + reading.open, idle: writing.idle + reading.idle, waiting: writing.waiting + reading.waiting)
    }

    // MARK: Models and observers

    /// Makes `types`, and every model their associations reach, known to this pool.
    public func register(_ types: [any Model.Type]) {
        context.register(types)
    }

    /// Calls `observer` after every statement any connection of this pool runs, from the
    /// connection's queue.
    public func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        context.observeStatements(observer)
    }
}
