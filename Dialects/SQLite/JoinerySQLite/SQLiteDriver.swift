import Foundation
import Joinery

/// Opens SQLite databases: `sqlite::memory:` (a private in-memory database) or `sqlite:/path/file.db`.
public struct SQLiteDriver: DatabaseDriver {
    public init() {}

    public var urlSchemes: Set<String> { ["sqlite"] }

    public func connect(to url: DatabaseURL) throws -> any DatabaseConnection {
        try SQLiteConnection(url: url)
    }

    /// GRDB's model: one writer, and readers that only read (`PRAGMA query_only`).
    ///
    /// - A file database is switched to WAL mode, so readers see the last commit while the
    ///   writer works, and nobody waits except writers for each other.
    /// - `sqlite::memory:` becomes one in-memory database shared by every connection of the pool
    ///   (`file:/joinery-<uuid>?vfs=memdb`), kept alive by a connection the pool holds for its
    ///   whole life. It has no WAL: a reader waits (busy timeout) while the writer commits.
    public func poolConnections(for url: DatabaseURL) throws -> PoolConnections {
        guard url.scheme == "sqlite", let path = url.database else {
            throw JoineryError(.invalidURL, "not an SQLite URL: \(url) (use sqlite::memory: or sqlite:/path/to/file.db)")
        }
        if path == ":memory:" || path.isEmpty {
            var shared = url
            shared.database = "file:/joinery-\(UUID().uuidString)?vfs=memdb"
            let anchor = try SQLiteConnection(url: shared)
            let sharedURL = shared
            return PoolConnections(
                writerLimit: 1,
                openWriter: { _ = anchor; return try SQLiteConnection(url: sharedURL) },
                openReader: { try SQLiteConnection(url: sharedURL, options: .init(queryOnly: true)) })
        }
        return PoolConnections(
            writerLimit: 1,
            openWriter: { try SQLiteConnection(url: url, options: .init(writeAheadLog: true)) },
            openReader: { try SQLiteConnection(url: url, options: .init(writeAheadLog: true, queryOnly: true)) })
    }
}
