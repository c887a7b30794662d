/// The one error type Joinery throws. Its ``kind`` reads the same on every engine; the engine's own
/// code and message are kept beside it.
///
/// ```swift
/// do { try db.execute("INSERT INTO users (email) VALUES (?)", ["a@b.c"]) }
/// catch let error as JoineryError where error.kind == .uniqueViolation {
///     print(error.constraint ?? "?")   // "users_email_key" on PostgreSQL, "users.email" on SQLite
/// }
/// ```
public struct JoineryError: Error, Sendable, Equatable {
    /// What went wrong, the same word on SQLite, PostgreSQL and MariaDB.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        // Constraint violations.
        case foreignKeyViolation
        case uniqueViolation
        case notNullViolation
        case checkViolation
        // Reaching the server.
        case invalidURL
        case connectionFailed
        /// The connection dropped while a statement ran (the server restarted, the network
        /// went away). ``JoineryError/mayHaveCommitted`` says whether the work may be stored.
        case connectionLost
        case authenticationFailed
        /// A connect, statement or server that did not answer in time.
        case timeout
        /// The statement was stopped because the Task awaiting it was cancelled.
        case cancelled
        // Pools.
        /// No connection became free within the pool's acquire timeout.
        case poolExhausted
        /// The pool is shutting down or shut down: it takes no new work.
        case poolClosed
        // Statements.
        case syntax
        /// A table, column or other object the statement names does not exist.
        case undefinedObject
        /// The number of `?` placeholders and bound values differ.
        case parameterCount
        /// A value the engine cannot store as given (a NUL character in PostgreSQL text, a value
        /// larger than MariaDB's `max_allowed_packet`); nothing was sent.
        case invalidValue
        /// An update or association write matched no row: the model's row no longer exists (or
        /// is soft-deleted). Everything the call wrote is rolled back.
        case notFound
        /// A deadlock, serialization failure or lock wait that gave up (PostgreSQL 40001 / 40P01,
        /// MariaDB 1213 / 1205, SQLite BUSY): the engine rolled the transaction back, and it may
        /// succeed if run again. See ``JoineryError/isRetryable``.
        case transactionConflict
        /// The server or the transaction refuses writes: a hot-standby replica (PostgreSQL 25006),
        /// a read-only MariaDB server or transaction (1290, 1792), an SQLite reader (`query_only`).
        /// ``JoineryError/server`` names the server. Nothing was written; send writes to the primary.
        case readOnly
        /// The dialect cannot express a feature; nothing was sent to the engine.
        case unsupported
        /// The program asked for something that cannot be meant: an unknown association, an
        /// ambiguous relation, a `references` column without a unique constraint.
        case misuse
        /// A value the engine returned cannot be read as the requested Swift type.
        case decoding
        /// Any other error the engine reported.
        case engine
    }

    /// What went wrong, in words that read the same on every engine.
    public var kind: Kind
    /// Joinery's own sentence: what failed and, where it can tell, what to do.
    public var message: String
    /// The engine that reported the error, for people (`"PostgreSQL"`).
    public var engine: String?
    /// The engine's own code: SQLite's extended result code, PostgreSQL's SQLSTATE, MariaDB's errno.
    public var engineCode: String?
    /// The engine's own message, unchanged.
    public var engineMessage: String?
    /// The constraint or index named by the engine (`fk_profiles_user`, `users_email_key`).
    public var constraint: String?
    /// The table concerned, where Joinery or the engine can tell.
    public var table: String?
    /// The column concerned, where Joinery or the engine can tell.
    public var column: String?
    /// For misuse: the Swift model concerned.
    public var model: String?
    /// For misuse: the model's field concerned.
    public var field: String?
    /// For misuse of an association: the relation concerned, as `Model.property` (`Profile.user`).
    public var relation: String?
    /// The statement that failed, if any.
    public var sql: String?
    /// The server that reported the error (`127.0.0.1:5442`), where the driver knows it: which
    /// node of a cluster, which replica.
    public var server: String?
    /// For ``Kind/connectionLost``: whether the lost work may have been committed. `false` when the
    /// connection dropped inside a transaction (the engine rolls it back) or during a read;
    /// `true` when it dropped at `COMMIT` or during a write outside a transaction; `nil` when
    /// nobody could tell.
    public var mayHaveCommitted: Bool?

    /// An error of `kind`, with Joinery's `message` and whatever the engine and the planner could tell.
    public init(
        _ kind: Kind, _ message: String,
        engine: String? = nil, engineCode: String? = nil, engineMessage: String? = nil,
        constraint: String? = nil, table: String? = nil, column: String? = nil,
        model: String? = nil, field: String? = nil, relation: String? = nil, sql: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.engine = engine
        self.engineCode = engineCode
        self.engineMessage = engineMessage
        self.constraint = constraint
        self.table = table
        self.column = column
        self.model = model
        self.field = field
        self.relation = relation
        self.sql = sql
    }

    /// A ``Kind/misuse`` error: the program asked for something that cannot be meant.
    public static func misuse(_ message: String, model: String? = nil, field: String? = nil, relation: String? = nil) -> JoineryError {
        JoineryError(.misuse, message, model: model, field: field, relation: relation)
    }

    /// Whether running the same unit of work again may succeed and cannot store anything twice:
    /// a transaction conflict (the engine rolled it back), a connection lost when nothing can
    /// have been committed, a pool that had no free connection in time.
    public var isRetryable: Bool {
        switch kind {
        case .transactionConflict, .poolExhausted: return true
        case .connectionLost: return mayHaveCommitted == false
        default: return false
        }
    }

    /// True for the four constraint kinds.
    public var isConstraintViolation: Bool {
        switch kind {
        case .foreignKeyViolation, .uniqueViolation, .notNullViolation, .checkViolation: return true
        default: return false
        }
    }
}

extension JoineryError: CustomStringConvertible {
    public var description: String {
        var text = "\(kind): \(message)"
        var details: [String] = []
        if let model { details.append("model \(model)") }
        if let field { details.append("field \(field)") }
        if let relation { details.append("relation \(relation)") }
        if let constraint { details.append("constraint \(constraint)") }
        if let table { details.append("table \(table)") }
        if let column { details.append("column \(column)") }
        if let mayHaveCommitted { details.append(mayHaveCommitted ? "may have committed" : "not committed") }
        if let server { details.append("server \(server)") }
        if let engine {
            details.append([engine, engineCode].compactMap { $0 }.joined(separator: " "))
        }
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        if let engineMessage, engineMessage != message { text += " — \(engineMessage)" }
        if let sql { text += "\n  SQL: \(sql)" }
        return text
    }
}
