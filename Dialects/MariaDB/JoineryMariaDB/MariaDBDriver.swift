import Joinery

/// Opens MariaDB connections: `mariadb://user:password@host:port/database` (also `mysql://`).
///
/// Use `127.0.0.1`, not `localhost`: for `localhost` libmariadb tries a Unix socket instead of TCP.
public struct MariaDBDriver: DatabaseDriver {
    public init() {}

    public var urlSchemes: Set<String> { ["mariadb", "mysql"] }

    public func connect(to url: DatabaseURL) throws -> any DatabaseConnection {
        try MariaDBConnection(url: url)
    }
}
