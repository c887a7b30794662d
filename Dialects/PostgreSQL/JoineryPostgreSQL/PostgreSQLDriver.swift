import Joinery

/// Opens PostgreSQL connections: `postgres://user:password@host:port/database` (also
/// `postgresql://`). Other `?key=value` options are passed to libpq (`sslmode=require`).
public struct PostgreSQLDriver: DatabaseDriver {
    public init() {}

    public var urlSchemes: Set<String> { ["postgres", "postgresql"] }

    public func connect(to url: DatabaseURL) throws -> any DatabaseConnection {
        try PostgreSQLConnection(url: url)
    }
}
