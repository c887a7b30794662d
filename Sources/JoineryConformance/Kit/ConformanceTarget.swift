import Joinery

/// What the kit runs against: a dialect with its expected SQL, and — for executed scenarios and
/// for preparing SQL on a real engine — a way to open connections.
///
/// ```swift
/// // SQL only: a plugin dialect with no server at hand.
/// let target = ConformanceTarget(dialect: MySQLDialect(), expectations: .mysql)
/// // A real engine: every scenario gets its own connection and scratch namespace.
/// let postgres = ConformanceTarget(label: "PostgreSQL", expectations: .postgresql) {
///     try PostgreSQLDriver().connect("postgres://joinery:joinery@127.0.0.1:5432/joinery")
/// }
/// ```
public struct ConformanceTarget: Sendable {
    /// The matrix column: given, or the dialect's name.
    public var label: String
    /// The dialect under test. `nil`: each connection's own (so the engine's real version counts).
    public var dialect: (any SQLDialect)?
    public var expectations: SQLExpectations
    /// Opens a new connection. `nil`: SQL-level scenarios only; executed ones are unsupported.
    public var connect: (@Sendable () throws -> any DatabaseConnection)?

    /// A target without an engine: SQL-level scenarios are lowered and compared, nothing runs.
    public init(dialect: any SQLDialect, expectations: SQLExpectations, label: String? = nil) {
        self.label = label ?? dialect.name
        self.dialect = dialect
        self.expectations = expectations
        self.connect = nil
    }

    /// A target with an engine. Give `dialect` to test a dialect over another's client (MySQL 8
    /// over libmariadb); leave it out to use the connection's.
    public init(
        label: String, expectations: SQLExpectations, dialect: (any SQLDialect)? = nil,
        connect: @escaping @Sendable () throws -> any DatabaseConnection
    ) {
        self.label = label
        self.dialect = dialect
        self.expectations = expectations
        self.connect = connect
    }
}
