import Logging

extension Database {
    /// Logs every statement through swift-log: the SQL, its bound values, its duration and its
    /// row count; a failed statement is logged at `.error` with the error. Off until called.
    ///
    /// ```swift
    /// db.logStatements(to: Logger(label: "joinery.sql"))
    /// // debug: SELECT "users"."id", … FROM "users" WHERE "users"."id" = $1
    /// //   [bindings: [1], duration_ms: 0.21, rows: 1]
    /// ```
    public func logStatements(to logger: Logger, level: Logger.Level = .debug) {
        observeStatements { statement in
            var metadata: Logger.Metadata = [
                "bindings": .array(statement.bindings.map { .string($0.description) }),
                "duration_ms": .string(String(Double(statement.duration.components.attoseconds) / 1e15
                    + Double(statement.duration.components.seconds) * 1000)),
                "rows": .stringConvertible(statement.rowCount),
            ]
            if let error = statement.error {
                metadata["error"] = .string(error.description)
                logger.log(level: .error, "\(statement.sql)", metadata: metadata)
            } else {
                logger.log(level: level, "\(statement.sql)", metadata: metadata)
            }
        }
    }
}
