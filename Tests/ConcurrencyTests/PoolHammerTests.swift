import EngineTestSupport
import Foundation
import Joinery
import Testing

/// Many tasks share one pool, as the handlers of a server do: every unit of work is whole, none
/// sees or takes another's rows, and a unit that fails on purpose leaves nothing behind.
@Suite("A pool under concurrent tasks")
struct PoolHammerTests {
    @Test(arguments: TestEngine.allCases)
    func hammerLosesNothing(engine: TestEngine) async throws {
        var configuration = DatabasePool.Configuration(maximumConnections: 6)
        configuration.acquireTimeout = .seconds(60)
        try await engine.withScratchPool(configuration) { pool in
            try await pool.migrate(Hammer.Profile.self)
            let ledger = Hammer.Ledger()
            let tasks = 24, units = 10
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<tasks {
                    group.addTask {
                        for index in 0..<units {
                            let tag = "\(worker)-\(index / 5)-\(index % 5)"
                            do {
                                ledger.record(tag, try await Hammer.unit(tag, index: index, pool))
                            } catch {
                                ledger.record(tag, .unexpected("\(tag): \(error)"))
                            }
                        }
                    }
                }
            }
            try await pool.read { db in try Hammer.audit(db, ledger) }
            #expect(pool.statistics.open <= 7, "the pool opened more connections than allowed")
        }
    }

    /// The same hammer written with closures: each unit one transaction that does it all.
    @Test(arguments: TestEngine.allCases)
    func transactionsStayApart(engine: TestEngine) async throws {
        try await engine.withScratchPool(DatabasePool.Configuration(maximumConnections: 4)) { pool in
            try await pool.migrate(Hammer.Profile.self)
            let ledger = Hammer.Ledger()
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in 0..<5 {
                            let tag = "\(worker)-\(index / 5)-\(index % 5)"
                            do {
                                let outcome = try await pool.transaction { db in try Hammer.unit(tag, index: index, db) }
                                ledger.record(tag, outcome)
                            } catch {
                                ledger.record(tag, .unexpected("\(tag): \(error)"))
                            }
                        }
                    }
                }
            }
            try await pool.read { db in try Hammer.audit(db, ledger) }
        }
    }
}
