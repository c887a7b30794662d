import Joinery

/// Opens SQLite databases: `sqlite::memory:` (a private in-memory database) or `sqlite:/path/file.db`.
public struct SQLiteDriver: DatabaseDriver {
    public init() {}

    public var urlSchemes: Set<String> { ["sqlite"] }

    public func connect(to url: DatabaseURL) throws -> any DatabaseConnection {
        try SQLiteConnection(url: url)
    }
}
