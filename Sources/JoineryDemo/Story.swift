import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import Synchronization

/// Prints each step of the story: the SQL that ran on SQLite, the same statements as PostgreSQL
/// and MariaDB would receive them (the same IR, lowered by their dialects), and the result.
final class Story: Sendable {
    private let executed = Mutex<[ExecutedStatement]>([])
    private let others: [any SQLDialect] = [PostgreSQLDialect(), MariaDBDialect()]
    private let counter = Mutex(0)

    init(_ db: Database) {
        db.observeStatements { [weak self] statement in self?.executed.withLock { $0.append(statement) } }
    }

    func step(_ title: String, _ body: () throws -> String) rethrows {
        executed.withLock { $0.removeAll() }
        let number = counter.withLock { value in
            value += 1
            return value
        }
        print("\n\(number). \(title)")
        print(String(repeating: "─", count: min(100, title.count + 4)))
        let result = try body()
        let statements = executed.withLock { $0 }
        print("SQLite ran:")
        for statement in statements {
            print("  " + statement.sql + bindings(statement.bindings))
            if let error = statement.error { print("    → \(error.kind): \(error.engineMessage ?? error.message)") }
        }
        for dialect in others {
            print("\(dialect.name) would receive:")
            for statement in statements {
                do {
                    let lowered = try dialect.lower(statement.statement)
                    print("  " + lowered.sql)
                } catch {
                    print("  (\(error))")
                }
            }
        }
        print("Result:")
        print(result.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    }

    private func bindings(_ values: [SQLValue]) -> String {
        values.isEmpty ? "" : "   -- " + values.map(\.description).joined(separator: ", ")
    }
}
