import Foundation
import Joinery

extension TestEngine {
    /// A pool whose every connection works in a new, empty namespace (a PostgreSQL schema named
    /// in `search_path`, a MariaDB database named in the URL, a fresh shared in-memory SQLite
    /// database), dropped afterwards — also when `body` throws.
    public func withScratchPool<T>(
        _ configuration: DatabasePool.Configuration = DatabasePool.Configuration(),
        _ body: (DatabasePool) async throws -> T
    ) async throws -> T {
        let setup = try connect()
        let name = uniqueTableName("joinery_pool")
        var url = try DatabaseURL(parsing: self.url())
        let scratch = setup.dialect.scratchNamespace(named: name)
        if let scratch { try setup.execute(scratch.create) }
        switch self {
        case .sqlite: break
        case .postgresql: url.options["options"] = "-c search_path=\(name)"
        case .mariadb: url.database = name
        }
        let pool = try DatabasePool(url: url, drivers: [driver], configuration: configuration)
        do {
            let result = try await body(pool)
            await pool.close()
            if let scratch { try setup.execute(scratch.drop) }
            setup.close()
            return result
        } catch {
            await pool.close()
            if let scratch { _ = try? setup.execute(scratch.drop) }
            setup.close()
            throw error
        }
    }

    /// SQL that waits `seconds` on the engine (SQLite has no such function: nil).
    public func sleepSQL(_ seconds: Double) -> String? {
        switch self {
        case .sqlite: return nil
        case .postgresql: return "SELECT pg_sleep(\(seconds))"
        case .mariadb: return "SELECT SLEEP(\(seconds))"
        }
    }

    /// SQL that keeps SQLite busy for a long while (a counting recursive CTE), for interrupting.
    public static let longSQLiteQuery =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c"

    /// The engine's id for the connection (backend pid, thread id; SQLite: none).
    public var connectionIDSQL: String? {
        switch self {
        case .sqlite: return nil
        case .postgresql: return "SELECT pg_backend_pid()"
        case .mariadb: return "SELECT CONNECTION_ID()"
        }
    }

    /// Ends another session of the server by its id, as a restart would.
    public func killConnectionSQL(_ id: Int64) -> String? {
        switch self {
        case .sqlite: return nil
        case .postgresql: return "SELECT pg_terminate_backend(\(id))"
        case .mariadb: return "KILL \(id)"
        }
    }
}
