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
    ///
    /// Each line also carries ``StatementLogMetadata/current``: set it per request.
    public func logStatements(to logger: Logger, level: Logger.Level = .debug) {
        observeStatements { statement in
            statement.log(to: logger, level: level)
        }
    }
}

/// Metadata that every statement logged while it is set carries: how a server ties the SQL of a
/// request to the request. A pool carries it from the awaiting task to the connection's thread.
///
/// ```swift
/// try await StatementLogMetadata.$current.withValue(["request": "\(request.id)"]) {
///     try await pool.create(&profile)   // debug: INSERT INTO "users" … [request: 7f3a…, bindings: …]
/// }
/// ```
public enum StatementLogMetadata {
    /// The log metadata of the task running now (a request id, say): every statement it runs carries it to the observers and the log.
    @TaskLocal public static var current: Logger.Metadata = [:]
}

extension DatabasePool {
    /// Logs every statement any connection of the pool runs, as ``Database/logStatements(to:level:)``
    /// does, with the ``StatementLogMetadata`` of the task that ran it.
    public func logStatements(to logger: Logger, level: Logger.Level = .debug) {
        observeStatements { statement in
            statement.log(to: logger, level: level)
        }
    }
}

extension ExecutedStatement {
    /// One log line: the SQL, with its bindings, duration, row count, the metadata of the task
    /// that ran it, and the error at `.error` when it failed.
    func log(to logger: Logger, level: Logger.Level) {
        var metadata = self.metadata
        metadata.merge([
            "bindings": .array(bindings.map { .string($0.description) }),
            "duration_ms": .string(String(Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)),
            "rows": .stringConvertible(rowCount),
        ]) { _, new in new }
        if let error {
            metadata["error"] = .string(error.description)
            logger.log(level: .error, "\(sql)", metadata: metadata)
        } else {
            logger.log(level: level, "\(sql)", metadata: metadata)
        }
    }
}
