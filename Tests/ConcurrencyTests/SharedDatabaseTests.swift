import EngineTestSupport
import Foundation
import Joinery
import Testing

/// One `Database` (one connection) shared by many threads, the way a script or a small tool may
/// share it: concurrent callers wait for each other's units of work, so no caller's statement
/// ever lands inside another caller's transaction.
@Suite("A shared single-connection Database")
struct SharedDatabaseTests {
    @Test(arguments: TestEngine.allCases)
    func hammerLosesNothing(engine: TestEngine) async throws {
        // Eight threads of its own: not the cooperative threads the other tests share.
        try await offTheCooperativePool { try Self.hammer(engine) }
    }

    private static func hammer(_ engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            try db.migrate(Hammer.Profile.self)
            let ledger = Hammer.Ledger()
            let workers = 8, units = 25
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in 0..<units {
                    let tag = "\(worker)-\(index / 5)-\(index % 5)"
                    do {
                        ledger.record(tag, try Hammer.unit(tag, index: index, db))
                    } catch {
                        ledger.record(tag, .unexpected("\(tag): \(error)"))
                    }
                }
            }
            try Hammer.audit(db, ledger)
        }
    }
}
