/// How a ``DatabasePool`` opens the connections of one database: what a driver tells it.
///
/// Server engines take writes on every connection: the default is one kind of connection, as
/// many as the pool allows. SQLite allows one writer at a time; its driver gives a single writer
/// and separate read-only readers (WAL mode on a file, so readers never wait for the writer).
public struct PoolConnections: Sendable {
    /// Opens a connection that may write.
    public var openWriter: @Sendable () throws -> any DatabaseConnection
    /// At most this many writers at once; nil: any connection may write (server engines).
    public var writerLimit: Int?
    /// Opens a connection for reads only; nil: reads use writers.
    public var openReader: (@Sendable () throws -> any DatabaseConnection)?

    /// The ways a pool opens its connections.
    public init(
        writerLimit: Int? = nil,
        openWriter: @escaping @Sendable () throws -> any DatabaseConnection,
        openReader: (@Sendable () throws -> any DatabaseConnection)? = nil
    ) {
        self.openWriter = openWriter
        self.writerLimit = writerLimit
        self.openReader = openReader
    }
}

extension DatabaseDriver {
    /// Every connection alike, each opened with ``connect(to:)``: the right choice for a server
    /// engine, and the default.
    public func poolConnections(for url: DatabaseURL) throws -> PoolConnections {
        PoolConnections(openWriter: { try connect(to: url) })
    }
}
