import Synchronization
import EngineTestSupport
import Foundation
import Joinery
import Testing

typealias Company = Docs.Company
typealias User = Docs.User
typealias Profile = Docs.Profile

/// Runs `body` with a database on a fresh, empty schema of `engine`, migrated for the docs' models.
func withDatabase(_ engine: TestEngine, _ body: (Database) throws -> Void) throws {
    try withScratchSchema(engine) { connection in
        let db = Database(connection)
        try db.migrate(Profile.self)
        try body(db)
    }
}

/// Collects the SQL a database runs.
final class StatementRecorder: Sendable {
    private let statements = Mutex<[ExecutedStatement]>([])
    var sql: [String] { statements.withLock { $0.map(\.sql) } }
    var bindings: [[SQLValue]] { statements.withLock { $0.map(\.bindings) } }
    var executed: [ExecutedStatement] { statements.withLock { $0 } }
    func record(_ statement: ExecutedStatement) { statements.withLock { $0.append(statement) } }
}
