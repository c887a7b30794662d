import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Synchronization
import Testing

private typealias Profile = Hammer.Profile
private typealias User = Hammer.User

/// The pool's promises, one at a time, on every engine.
@Suite("DatabasePool")
struct PoolTests {
    /// Which connection object a unit of work ran on.
    private static func connectionID(_ db: Database) -> ObjectIdentifier { ObjectIdentifier(db.connection) }

    @Test(arguments: TestEngine.allCases)
    func opensLazilyAndKeepsConnectionsWarm(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            #expect(pool.statistics.open == 0)
            try await pool.migrate(Profile.self)
            var ids = Set<ObjectIdentifier>()
            for _ in 0..<5 { ids.insert(try await pool.write { Self.connectionID($0) }) }
            #expect(ids.count == 1, "sequential units of work reuse one warm connection")
            #expect(pool.statistics.open == 1)
            #expect(pool.statistics.idle == 1)
        }
    }

    /// A pool of one connection and a 200 ms acquire timeout, its connection held for `seconds`
    /// by a unit of work that blocks on it: `body` runs once it is held, with the holding task.
    static func withTheOnlyConnectionHeld(
        _ engine: TestEngine, for seconds: TimeInterval, _ body: (DatabasePool, Task<Void, any Error>) async throws -> Void
    ) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 1)
        configuration.acquireTimeout = .milliseconds(200)
        try await engine.withScratchPool(configuration) { pool in
            let holding = Task { try await pool.write { _ in Thread.sleep(forTimeInterval: seconds) } }
            try await until { pool.statistics.open == 1 && pool.statistics.idle == 0 }
            #expect(pool.statistics.open == 1 && pool.statistics.idle == 0)
            try await body(pool, holding)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func waitingLongerThanTheAcquireTimeoutIsPoolExhausted(engine: TestEngine) async throws {
        try await Self.withTheOnlyConnectionHeld(engine, for: 1.5) { pool, holding in
            let start = ContinuousClock.now
            let error = await joineryError { try await pool.write { _ in 1 } }
            #expect(error?.kind == .poolExhausted)
            #expect(error?.isRetryable == true)
            #expect(ContinuousClock.now - start < .seconds(1))
            try await holding.value
            #expect(try await pool.write { _ in 2 } == 2, "the pool serves again once the connection is back")
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aLentDatabaseStopsWorkingWhenItsClosureReturns(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            try await pool.migrate(Profile.self)
            let escaped = try await pool.read { $0 }
            let error = joineryError { _ = try escaped.query(Profile.self).all() }
            #expect(error?.kind == .misuse)
            #expect(error?.message.contains("after its closure returned") == true)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func readsRefuseWrites(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            try await pool.migrate(Profile.self)
            let error = await joineryError {
                try await pool.read { db in
                    var user = User(name: "nope")
                    try db.create(&user)
                }
            }
            #expect(error?.kind == .misuse)
            #expect(try await pool.query(User.self).count() == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aTransactionLeftOpenWithRawSQLIsRolledBack(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 1)) { pool in
            try await pool.migrate(Profile.self)
            let table = try await pool.write { db in db.dialect.quoteIdentifier(User.tableName) }
            try await pool.write { db in
                try db.connection.execute(db.connection.beginTransactionSQL)
                try db.connection.execute("INSERT INTO \(table) (name) VALUES ('left open')", [])
            }
            let (count, open) = try await pool.write { db in
                (try db.query(User.self).count(), db.connection.hasOpenTransaction)
            }
            #expect(count == 0)
            #expect(!open)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aConnectionOlderThanTheMaximumLifetimeIsReplaced(engine: TestEngine) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 1)
        let lifetime = Duration.milliseconds(500)
        configuration.maximumLifetime = lifetime
        try await engine.withScratchPool(configuration) { pool in
            // Held, so that its address cannot be reused by the connection that replaces it.
            let firstConnection = try await pool.write { $0.connection }
            let first = ObjectIdentifier(firstConnection)
            try await Task.sleep(for: lifetime + .milliseconds(200))
            // Timed from here: on a loaded machine the replacement may already be opened by the
            // next write (the old one pinged after a long idle), and it must be young to stay.
            let clock = ContinuousClock()
            let started = clock.now
            _ = try await pool.write { Self.connectionID($0) }  // comes back too old: closed
            let third = try await pool.write { Self.connectionID($0) }
            #expect(first != third)
            // On a loaded machine the new connection can itself outlive the lifetime before it
            // is released; only a young one must stay open.
            if clock.now - started < lifetime {
                #expect(pool.statistics.open == 1)
            }
        }
    }

    /// The server ends the pool's connection (as a restart does): the next call succeeds on a
    /// new connection, and the application does nothing.
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aConnectionTheServerClosedIsReplacedBeforeUse(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 1)) { pool in
            try await pool.migrate(Profile.self)
            let idSQL = try #require(engine.connectionIDSQL)
            let victim: Int64 = try await pool.write { db in try db.connection.query(idSQL)[0].decode(at: 0) }
            let killer = try engine.connect()
            defer { killer.close() }
            try killer.execute(try #require(engine.killConnectionSQL(victim)))
            try await waitUntilGone(victim, engine: engine, on: killer)
            let count = try await pool.query(User.self).count()
            #expect(count == 0)
            let now: Int64 = try await pool.write { db in try db.connection.query(idSQL)[0].decode(at: 0) }
            #expect(now != victim)
        }
    }

    private func waitUntilGone(_ id: Int64, engine: TestEngine, on connection: any DatabaseConnection) async throws {
        let sql = engine == .postgresql
            ? "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = \(id)"
            : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = \(id)"
        for _ in 0..<100 {
            let count: Int = try connection.query(sql)[0].decode(at: 0)
            if count == 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the server did not end session \(id)")
    }

    @Test(arguments: TestEngine.allCases)
    func closeWaitsForWorkInFlightAndRefusesNewWork(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            try await pool.migrate(Profile.self)
            let finished = Atomic<Bool>(false)
            let started = Atomic<Bool>(false)
            let inFlight = Task {
                try await pool.write { db in
                    started.store(true, ordering: .releasing)
                    Thread.sleep(forTimeInterval: 0.3)
                    var user = User(name: "last")
                    try db.create(&user)
                    finished.store(true, ordering: .releasing)
                }
            }
            try await Self.until { started.load(ordering: .acquiring) }
            await pool.close()
            let done = finished.load(ordering: .acquiring)
            #expect(done, "close returned before the unit of work in flight ended")
            try await inFlight.value
            let error = await joineryError { try await pool.query(User.self).count() }
            #expect(error?.kind == .poolClosed)
            #expect(pool.statistics.open == 0)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func cancellingTheTaskStopsTheStatementOnTheEngine(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 1)) { pool in
            let sql = engine.sleepSQL(10) ?? TestEngine.longSQLiteQuery
            let before = try await pool.read { Self.connectionID($0) }
            let start = ContinuousClock.now
            let running = Task { try await pool.read { db in try db.connection.query(sql).count } }
            try await Task.sleep(for: .milliseconds(300))
            running.cancel()
            let error = await joineryError { _ = try await running.value }
            #expect(error?.kind == .cancelled, "\(String(describing: error))")
            #expect(ContinuousClock.now - start < .seconds(5), "the statement ran on after the task was cancelled")
            // The same connection serves the next unit of work, clean.
            let (after, value) = try await pool.read { db in
                (Self.connectionID(db), try db.connection.query("SELECT 1")[0].decode(Int.self, at: 0))
            }
            #expect(after == before)
            #expect(value == 1)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aTaskCancelledWhileWaitingForAConnectionGivesUpItsPlace(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 1)) { pool in
            let release = DispatchSemaphore(value: 0)
            let holding = Task { try await pool.write { _ in _ = release.wait(timeout: .now() + 20) } }
            defer { release.signal() }
            // Polled, not slept: on a loaded machine the tasks start late.
            try await Self.until { pool.statistics.open == 1 && pool.statistics.idle == 0 }
            let waiting = Task { try await pool.write { _ in 1 } }
            try await Self.until { pool.statistics.waiting == 1 }
            #expect(pool.statistics.waiting == 1)
            waiting.cancel()
            let error = await joineryError { _ = try await waiting.value }
            #expect(error?.kind == .cancelled)
            #expect(pool.statistics.waiting == 0)
            release.signal()
            try await holding.value
        }
    }

    /// Waits until `condition` holds, checking every 10 ms, for at most `limit`.
    static func until(_ limit: Duration = .seconds(10), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while !condition(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test(arguments: TestEngine.allCases)
    func eachStatementCarriesTheLogMetadataOfItsTask(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            try await pool.migrate(Profile.self)
            let seen = Mutex<[String: Set<String>]>([:])
            pool.observeStatements { statement in
                guard case .string(let request)? = statement.metadata["request"] else { return }
                seen.withLock { $0[request, default: []].insert(statement.sql) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for request in ["a", "b", "c"] {
                    group.addTask {
                        try await StatementLogMetadata.$current.withValue(["request": .string(request)]) {
                            var user = User(name: request)
                            try await pool.create(&user)
                            _ = try await pool.query(User.self).filter("name = ?", request).all()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let requests = seen.withLock { $0 }
            #expect(requests.keys.sorted() == ["a", "b", "c"])
            for (request, statements) in requests {
                #expect(statements.contains { $0.hasPrefix("INSERT") } && statements.contains { $0.hasPrefix("SELECT") }, "\(request): \(statements)")
            }
        }
    }

    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aDeadlockIsARetryableTransactionConflict(engine: TestEngine) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 2)
        configuration.retry = .none  // the conflict itself, as a caller without retries sees it
        try await engine.withScratchPool(configuration) { pool in
            try await pool.migrate(Profile.self)
            var a = User(name: "a"), b = User(name: "b")
            try await pool.create(&a)
            try await pool.create(&b)
            let (first, second) = (a, b)
            // Two transactions lock the two rows in opposite orders: the engine picks a victim.
            // Each waits until the other holds its first row, so that they cross however slowly
            // the machine runs them.
            let holding = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            func crossing(_ one: User, _ two: User, mine: DispatchSemaphore, theirs: DispatchSemaphore) async -> JoineryError? {
                do {
                    try await pool.transaction { db in
                        var one = one, two = two
                        try db.update(&one, set: ["name": "x"])
                        mine.signal()
                        _ = theirs.wait(timeout: .now() + 20)
                        try db.update(&two, set: ["name": "y"])
                    }
                    return nil
                } catch {
                    return error as? JoineryError ?? JoineryError(.engine, "not a JoineryError: \(error)")
                }
            }
            async let left = crossing(first, second, mine: holding.0, theirs: holding.1)
            async let right = crossing(second, first, mine: holding.1, theirs: holding.0)
            let errors = await [left, right].compactMap { $0 }
            #expect(errors.count == 1, "\(errors)")
            #expect(errors.first?.kind == .transactionConflict)
            #expect(errors.first?.isRetryable == true)
        }
    }

    /// With the default retry policy, the deadlock's victim runs again and both transactions
    /// commit: nothing reaches the callers, and each row holds both writes.
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aDeadlockedTransactionRunsAgainAndCommits(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 2)) { pool in
            try await pool.migrate(Profile.self)
            var a = User(name: "a"), b = User(name: "b")
            try await pool.create(&a)
            try await pool.create(&b)
            let (first, second) = (a, b)
            let holding = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let attempts = AttemptCounter()
            func crossing(_ label: String, _ one: User, _ two: User, mine: DispatchSemaphore, theirs: DispatchSemaphore) async throws {
                try await pool.transaction { db in
                    let attempt = attempts.count(label)
                    // Appended in SQL, so that both transactions' writes show in the end.
                    let append = engine == .postgresql
                        ? "UPDATE users SET name = name || CAST($1 AS TEXT) WHERE id = $2"
                        : "UPDATE users SET name = CONCAT(name, ?) WHERE id = ?"
                    try db.connection.execute(append, [.text("+" + label), one.id.sqlValue])
                    if attempt == 1 {  // only the first attempts cross; a retry runs straight through
                        mine.signal()
                        _ = theirs.wait(timeout: .now() + 20)
                    }
                    try db.connection.execute(append, [.text("+" + label), two.id.sqlValue])
                }
            }
            async let left: Void = crossing("L", first, second, mine: holding.0, theirs: holding.1)
            async let right: Void = crossing("R", second, first, mine: holding.1, theirs: holding.0)
            _ = try await (left, right)
            let counts = attempts.all
            #expect(counts.values.sorted() == [1, 2], "\(counts)")  // one victim, run once more
            let names = try await pool.query(User.self).order(by: \.id).all().map(\.name)
            #expect(names.count == 2)
            #expect(names.allSatisfy { $0.contains("+L") && $0.contains("+R") }, "\(names)")
        }
    }
}


/// How many times each labelled closure ran.
final class AttemptCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    var all: [String: Int] { counts.withLock { $0 } }

    /// Counts one more run of `label`; returns its number (1 for the first).
    func count(_ label: String) -> Int {
        counts.withLock { counts in
            counts[label, default: 0] += 1
            return counts[label] ?? 1
        }
    }
}
