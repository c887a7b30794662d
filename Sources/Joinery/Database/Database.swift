#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// What an application talks to: one connection, its dialect, and the models it knows.
///
/// ```swift
/// let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
/// try db.migrate(User.self, Profile.self)
/// var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
/// try db.create(&profile)                       // INSERT users, then profiles with user_id filled
/// let loaded = try db.query(Profile.self).preload(\.user).all()
/// let joined = try db.query(Profile.self).join(\.user).all()
/// ```
///
/// Every call plans a ``Query`` against the models' schema and the connection's dialect, and runs
/// the plan's statements with their values bound. Models are found from the types a call names,
/// and from theirs in turn through their associations.
public final class Database: Sendable {
    public let connection: any DatabaseConnection
    /// What the SQL is written in: the connection's own dialect unless another was given.
    public let dialect: any SQLDialect

    private let models = Mutex<ModelRegistry>(ModelRegistry())
    private let observers = Mutex<[@Sendable (ExecutedStatement) -> Void]>([])

    /// A database over `connection`. Give `dialect` to write SQL in another dialect than the
    /// connection reports — a MySQL 8 dialect over the MariaDB client, say, or a dialect under test.
    public init(_ connection: any DatabaseConnection, dialect: (any SQLDialect)? = nil) {
        self.connection = connection
        self.dialect = dialect ?? connection.dialect
    }

    /// Opens `url` with the driver for its scheme.
    ///
    /// ```swift
    /// let db = try Database.open("postgres://joinery:joinery@127.0.0.1:5432/joinery",
    ///                            drivers: [SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()])
    /// ```
    public static func open(_ url: String, drivers: [any DatabaseDriver]) throws -> Database {
        Database(try DriverRegistry(drivers).connect(url))
    }

    /// Calls `observer` after every statement this database runs, including those that fail: its
    /// IR, its SQL, values, duration, row count and error.
    public func observeStatements(_ observer: @escaping @Sendable (ExecutedStatement) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Runs `body` in a transaction (a savepoint when one is open): all of it, or none of it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    // MARK: Models and planning

    /// Makes `types`, and every model their associations reach, known to this database.
    public func register(_ types: [any Model.Type]) {
        models.withLock { $0.register(types) }
    }

    func schema(including types: [any Model.Type]) throws -> Schema {
        try models.withLock { registry in
            registry.register(types)
            return try registry.schema()
        }
    }

    func modelType(named name: String) -> (any Model.Type)? {
        models.withLock { $0.types[name] }
    }

    func planner(including types: [any Model.Type]) throws -> Planner {
        Planner(schema: try schema(including: types), capabilities: dialect.capabilities, now: Date())
    }

    // MARK: Running statements

    /// Lowers and runs a statement that returns no rows.
    @discardableResult
    func run(_ statement: SQLStatement) throws -> ExecutionResult {
        let lowered = try dialect.lower(statement)
        let start = ContinuousClock.now
        do {
            let result = try connection.execute(lowered.sql, lowered.bindings)
            notify(statement, lowered, start, rows: result.rowsAffected)
            return result
        } catch let error as JoineryError {
            notify(statement, lowered, start, rows: 0, error: error)
            throw error
        }
    }

    /// Lowers and runs a statement, collecting its rows.
    func rows(_ statement: SQLStatement) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(statement) { rows.append($0) }
        return rows
    }

    /// Lowers and runs a statement, handing each row to `body` as the engine produces it (a row
    /// not kept costs no allocation).
    func forEachRow(_ statement: SQLStatement, _ body: (Row) throws -> Void) throws {
        let lowered = try dialect.lower(statement)
        let start = ContinuousClock.now
        var count = 0
        do {
            try connection.forEachRow(lowered.sql, lowered.bindings) { row in
                count += 1
                try body(row)
            }
        } catch let error as JoineryError {
            notify(statement, lowered, start, rows: count, error: error)
            throw error
        }
        notify(statement, lowered, start, rows: count)
    }

    private func notify(
        _ statement: SQLStatement, _ lowered: LoweredStatement, _ start: ContinuousClock.Instant, rows: Int,
        error: JoineryError? = nil
    ) {
        let current = observers.withLock { $0 }
        guard !current.isEmpty else { return }
        let executed = ExecutedStatement(
            statement: statement, sql: lowered.sql, bindings: lowered.bindings,
            duration: ContinuousClock.now - start, rowCount: rows, error: error)
        for observer in current { observer(executed) }
    }
}

/// A statement as it ran: what ``Database/observeStatements(_:)`` observers receive.
public struct ExecutedStatement: Sendable {
    /// The IR it was lowered from: lower it with another dialect to see what that engine would get.
    public var statement: SQLStatement
    public var sql: String
    public var bindings: [SQLValue]
    public var duration: Duration
    /// Rows returned, or rows affected for a statement that returns none.
    public var rowCount: Int
    /// The error the engine reported, if the statement failed.
    public var error: JoineryError?
}
