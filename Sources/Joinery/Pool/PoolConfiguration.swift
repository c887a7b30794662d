extension DatabasePool {
    /// How many connections a pool keeps, how long a caller waits for one, and how connections
    /// are kept healthy.
    ///
    /// ```swift
    /// var configuration = DatabasePool.Configuration()
    /// configuration.maximumConnections = 20
    /// configuration.acquireTimeout = .seconds(2)
    /// let pool = try DatabasePool(url, drivers: [PostgreSQLDriver()], configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// The most connections open at once. On SQLite this counts the readers; the single
        /// writer comes on top. Connections open when first needed and then stay open.
        public var maximumConnections: Int = 8
        /// How long a unit of work waits for a free connection before it fails with
        /// ``JoineryError/Kind/poolExhausted``.
        public var acquireTimeout: Duration = .seconds(10)
        /// A connection idle for longer than this is pinged before it is used, and replaced
        /// if it does not answer (the server restarted, a firewall dropped it). After any
        /// connection of the pool is lost, every idle one is checked before use.
        public var checkAfterIdle: Duration = .seconds(1)
        /// A connection older than this is closed when it comes back, and a fresh one opened
        /// when needed (so that server-side memory and settings do not grow without end); nil:
        /// kept for as long as it works.
        public var maximumLifetime: Duration? = nil
        /// How long opening a connection may take before it fails with
        /// ``JoineryError/Kind/timeout`` (server engines; whole seconds). A URL's own
        /// `connect_timeout` wins.
        public var connectTimeout: Duration = .seconds(5)
        /// The longest a statement may run: the engine stops it and it fails with
        /// ``JoineryError/Kind/timeout`` (PostgreSQL `statement_timeout`, MariaDB
        /// `max_statement_time`, an SQLite progress handler). On server engines the client also
        /// stops waiting a second later, so a server that never answers cannot hold a unit of
        /// work; that connection is replaced. nil: no limit. A URL's own `statement_timeout`
        /// (milliseconds) wins.
        public var statementTimeout: Duration? = .seconds(60)
        /// How a transaction the engine rolled back (a deadlock, a serialization or certification
        /// failure) is run again before its error reaches the caller: 3 attempts by default.
        public var retry: RetryPolicy = RetryPolicy()
        /// For a pool with replicas: how long after a write reads go to the primary instead, so
        /// that they see the write whatever the replicas' lag. nil: reads always go to replicas.
        public var readYourWrites: Duration? = nil
        /// For a pool with replicas: after a write, a read on a replica first waits up to this
        /// long for the replica to replay the primary's position at the end of that write
        /// (PostgreSQL's WAL position, Galera's sequence number), then reads the primary
        /// instead. Reads then always see every write the pool has finished, at the cost of one
        /// query after each write and one or more before each read that follows a write.
        /// nil: no waiting.
        public var waitForReplay: Duration? = nil
        /// For a pool with replicas: a replica further behind its primary than this is skipped
        /// (checked at most once a second per connection) and the primary serves the read; a
        /// Galera node that is not Synced counts as infinitely behind. nil: lag is not checked.
        public var maximumReplicaLag: Duration? = nil

        /// The defaults each property documents.
        public init() {}

        /// At most `maximumConnections`, waiting at most `acquireTimeout` for one.
        public init(maximumConnections: Int, acquireTimeout: Duration = .seconds(10)) {
            self.maximumConnections = maximumConnections
            self.acquireTimeout = acquireTimeout
        }
    }

    /// What a pool holds at one moment: see ``DatabasePool/statistics``.
    public struct Statistics: Sendable, Equatable {
        /// Connections open or being opened.
        public var open: Int
        /// Open connections that no unit of work holds.
        public var idle: Int
        /// Units of work waiting for a connection.
        public var waiting: Int
    }
}
