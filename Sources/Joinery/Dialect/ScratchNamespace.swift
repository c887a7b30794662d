/// An empty namespace a test can create, make current, fill, and drop as a whole: a PostgreSQL
/// schema, a MariaDB database. The conformance runner gives every scenario one, so that fixed
/// table names (`users`, `profiles`) never meet another scenario's on a shared server, and
/// nothing is left behind, also after a failure.
///
/// ```swift
/// let scratch = PostgreSQLDialect().scratchNamespace(named: "joinery_scratch_1")
/// scratch?.create   // CREATE SCHEMA "joinery_scratch_1"
/// scratch?.enter    // SET search_path TO "joinery_scratch_1"
/// scratch?.drop     // DROP SCHEMA "joinery_scratch_1" CASCADE
/// ```
public struct ScratchNamespace: Sendable, Hashable {
    /// Creates the namespace.
    public var create: String
    /// Makes it the connection's default, so unqualified tables are created and found there.
    public var enter: String
    /// Drops it with everything in it.
    public var drop: String

    /// The three statements of a scratch namespace.
    public init(create: String, enter: String, drop: String) {
        self.create = create
        self.enter = enter
        self.drop = drop
    }
}

extension DatabaseConnection {
    /// Runs `body` with a new, empty ``ScratchNamespace`` named `name` as the default of this
    /// connection, and drops it afterwards, also when `body` throws; a namespace that cannot be
    /// dropped after `body` succeeded is an error, since it would be left behind. The namespace is
    /// spelled by `dialect`, else the connection's. A dialect without namespaces (SQLite) runs
    /// `body` as it is: there, a fresh `:memory:` connection is the empty database.
    public func withScratchNamespace<T>(
        named name: String, dialect: (any SQLDialect)? = nil, _ body: () throws -> T
    ) throws -> T {
        guard let scratch = (dialect ?? self.dialect).scratchNamespace(named: name) else { return try body() }
        try execute(scratch.create)
        let result: T
        do {
            try execute(scratch.enter)
            result = try body()
        } catch {
            _ = try? execute(scratch.drop)
            throw error
        }
        try execute(scratch.drop)
        return result
    }
}
