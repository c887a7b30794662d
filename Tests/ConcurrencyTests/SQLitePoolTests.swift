import Foundation
import Synchronization
import Joinery
import JoinerySQLite
import JoineryTestSupport
import Testing

private typealias User = Hammer.User

/// SQLite in a pool: GRDB's model of one writer and several readers.
@Suite("SQLite pools")
struct SQLitePoolTests {
    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("joinery-pool-\(UUID().uuidString).db").path
    }

    private func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aFileDatabaseRunsInWALModeAndReadersDoNotWaitForTheWriter() async throws {
        let path = temporaryFile()
        defer { removeDatabase(path) }
        let pool = try DatabasePool("sqlite:\(path)", drivers: [SQLiteDriver()])
        try await pool.migrate(User.self)
        let mode = try await pool.read { db in try db.connection.query("PRAGMA journal_mode")[0].decode(String.self, at: 0) }
        #expect(mode == "wal")
        // The writer holds a transaction open, with a row in it, until the reader has counted; the reader
        // meanwhile sees the last commit, at once. A handshake, not a sleep: under load a task may start
        // late, and a reader that began after the commit would prove nothing.
        let inserted = Atomic<Bool>(false)
        let counted = DispatchSemaphore(value: 0)
        let writing = Task {
            try await pool.transaction { db in
                var user = User(name: "uncommitted")
                try db.create(&user)
                inserted.store(true, ordering: .releasing)
                // A reader that waits for the writer never signals: the writer gives up after 2 s and commits.
                _ = counted.wait(timeout: .now() + 2)
            }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !inserted.load(ordering: .acquiring), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        let started = inserted.load(ordering: .acquiring)
        #expect(started, "the writer did not start")
        let start = ContinuousClock.now
        let seen = try await pool.query(User.self).count()
        let waited = ContinuousClock.now - start
        counted.signal()
        #expect(seen == 0)
        #expect(waited < .milliseconds(1500), "the reader waited for the writer")
        try await writing.value
        #expect(try await pool.query(User.self).count() == 1)
        await pool.close()
    }

    @Test func memoryIsOneDatabaseForEveryConnectionOfThePool() async throws {
        let pool = try DatabasePool("sqlite::memory:", drivers: [SQLiteDriver()], configuration: .init(maximumConnections: 4))
        try await pool.migrate(User.self)
        var user = User(name: "shared")
        try await pool.create(&user)
        // Four readers at once, each on its own connection, all see the writer's row.
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try await pool.read { db in
                        Thread.sleep(forTimeInterval: 0.1)
                        return try db.query(User.self).count()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == [1, 1, 1, 1])
        #expect(pool.statistics.open >= 3, "the readers ran on separate connections")
        // Two pools over sqlite::memory: are two databases.
        let other = try DatabasePool("sqlite::memory:", drivers: [SQLiteDriver()])
        #expect(try await other.read { try $0.tableExists(User.tableName) } == false)
        await pool.close()
        await other.close()
    }

    @Test func aReaderConnectionRefusesWritesEvenInRawSQL() async throws {
        let pool = try DatabasePool("sqlite::memory:", drivers: [SQLiteDriver()])
        try await pool.migrate(User.self)
        let error = await joineryError {
            try await pool.read { db in try db.connection.execute("INSERT INTO users (name) VALUES ('raw')", []) }
        }
        #expect(error != nil)
        #expect(try await pool.query(User.self).count() == 0)
        await pool.close()
    }

    /// Two writers on one file from different processes (here: two connections) wait for each
    /// other up to the busy timeout, then fail with a retryable conflict.
    @Test func aLockHeldPastTheBusyTimeoutIsARetryableConflict() throws {
        let path = temporaryFile()
        defer { removeDatabase(path) }
        let url = try DatabaseURL(parsing: "sqlite:\(path)")
        let first = try SQLiteConnection(url: url, options: .init(writeAheadLog: true))
        let second = try SQLiteConnection(url: url, options: .init(busyTimeout: .milliseconds(100)))
        try first.execute("CREATE TABLE t (x INTEGER)")
        try first.execute("BEGIN IMMEDIATE")
        let error = joineryError { try second.execute("BEGIN IMMEDIATE") }
        #expect(error?.kind == .transactionConflict)
        #expect(error?.isRetryable == true)
        try first.execute("COMMIT")
        try second.execute("BEGIN IMMEDIATE")
        try second.execute("COMMIT")
    }
}
