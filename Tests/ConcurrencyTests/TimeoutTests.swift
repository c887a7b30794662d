import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// Nothing waits for ever: statements past the pool's statement timeout, and servers that never
/// answer, end in ``JoineryError/Kind/timeout``.
@Suite("Timeouts")
struct TimeoutTests {
    @Test(arguments: TestEngine.allCases)
    func aStatementPastTheTimeoutIsStoppedAndTheConnectionServesOn(engine: TestEngine) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 1)
        configuration.statementTimeout = .milliseconds(300)
        try await engine.withScratchPool(configuration) { pool in
            let sql = engine.sleepSQL(5) ?? TestEngine.longSQLiteQuery
            let before = try await pool.read { ObjectIdentifier($0.connection) }
            let start = ContinuousClock.now
            let error = await joineryError { try await pool.read { db in try db.connection.query(sql).count } }
            #expect(error?.kind == .timeout, "\(String(describing: error))")
            #expect(ContinuousClock.now - start < .seconds(2))
            let after = try await pool.read { db in
                (ObjectIdentifier(db.connection), try db.connection.query("SELECT 1")[0].decode(Int.self, at: 0))
            }
            #expect(after.0 == before, "the engine stopped the statement: the connection stays")
            #expect(after.1 == 1)
        }
    }

    /// A port that accepts TCP and never answers: connecting gives up after the connect timeout.
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aServerThatNeverAnswersTimesOutOnConnect(engine: TestEngine) async throws {
        let silent = try SilentServer()
        let scheme = engine == .postgresql ? "postgres" : "mariadb"
        var configuration = DatabasePool.Configuration(maximumConnections: 1)
        configuration.connectTimeout = .seconds(1)
        let pool = try DatabasePool(
            "\(scheme)://joinery:joinery@127.0.0.1:\(silent.port)/joinery", drivers: [engine.driver],
            configuration: configuration)
        let start = ContinuousClock.now
        let error = await joineryError { try await pool.read { _ in 1 } }
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(pool.statistics.open == 0, "the failed connect gave its slot back")
        await pool.close()
    }
}
