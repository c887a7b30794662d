import Joinery

extension DatabaseConnection {
    /// Plans `document` in `dialect` and runs each of its statements, in order.
    func run(_ document: QueryDocument, in dialect: any SQLDialect) throws {
        for statement in try document.translated(with: dialect).compactMap(\.lowered) {
            try execute(statement.sql, statement.bindings)
        }
    }
}
