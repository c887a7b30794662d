#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Named, ordered schema changes that a model cannot infer — a rename, a backfill, a dropped
/// column — each run once per database and recorded in `joinery_migrations`.
///
/// ```swift
/// var migrator = Migrator()
/// migrator.register("2026-12-01 create profiles") { db in try db.migrate(Profile.self) }
/// migrator.register("2026-12-04 backfill nicknames") { db in
///     try db.connection.execute("UPDATE profiles SET nickname = name WHERE nickname IS NULL")
/// }
/// try migrator.migrate(db)             // runs what has not run yet, in order
/// try await migrator.migrate(pool)     // the same, on one connection of the pool
/// ```
///
/// Where the engine's DDL is transactional (PostgreSQL, SQLite), each step runs in a transaction
/// together with its record: a step that throws leaves no record and no change. MariaDB commits
/// each DDL statement as it runs, so there a step runs, then its record is written; a step that
/// throws leaves no record but keeps what it did — make such steps one DDL statement, or safe to
/// run again. Run the migrator before the application serves requests, from one process.
public struct Migrator: Sendable {
    /// A step: given the database, it changes the schema or the data.
    public typealias Step = @Sendable (Database) throws -> Void

    private var steps: [(name: String, run: Step)] = []

    /// A migrator with no steps.
    public init() {}

    /// Adds a step after the ones registered before. Names are the steps' identity: never
    /// rename one that has run somewhere.
    public mutating func register(_ name: String, _ step: @escaping Step) {
        steps.append((name, step))
    }

    /// The names of the registered steps, in order.
    public var names: [String] { steps.map(\.name) }

    /// Runs, in order, every step not yet recorded; returns the names of those it ran. A name
    /// registered twice is misuse, found before anything runs.
    @discardableResult
    public func migrate(_ db: Database) throws -> [String] {
        var seen: Set<String> = []
        for step in steps where !seen.insert(step.name).inserted {
            throw JoineryError.misuse("the migration \"\(step.name)\" is registered twice")
        }
        let applied = Set(try appliedMigrations(db).map(\.name))
        var ran: [String] = []
        for step in steps where !applied.contains(step.name) {
            func runAndRecord() throws {
                try step.run(db)
                var record = AppliedMigration(name: step.name, appliedAt: Date())
                try db.create(&record)
            }
            // Where DDL commits by itself (MariaDB), a transaction around the step would end
            // at its first DDL statement and take the savepoints after it along.
            if db.dialect.capabilities.transactionalDDL {
                try db.transaction(runAndRecord)
            } else {
                try runAndRecord()
            }
            ran.append(step.name)
        }
        return ran
    }

    /// ``migrate(_:)-(Database)`` on one connection of the pool.
    @discardableResult
    public func migrate(_ pool: DatabasePool) async throws -> [String] {
        try await pool.write { db in try migrate(db) }
    }

    /// The steps recorded as run in this database, oldest first (the table is created if missing).
    public func appliedMigrations(_ db: Database) throws -> [AppliedMigration] {
        try db.migrate(AppliedMigration.self)
        return try db.query(AppliedMigration.self).order(by: \.appliedAt).order(by: \.name).all()
    }
}
