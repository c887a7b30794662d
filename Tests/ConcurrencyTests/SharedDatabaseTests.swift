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
            // Threads of their own, not `concurrentPerform`: its iterations run on the global
            // queue's threads, which on Linux are the cooperative pool the other tests' tasks and
            // timers need — eight callers blocked on one connection starved them for seconds.
            let finished = DispatchGroup()
            for worker in 0..<workers {
                finished.enter()
                Thread {
                    for index in 0..<units {
                        let tag = "\(worker)-\(index / 5)-\(index % 5)"
                        do {
                            ledger.record(tag, try Hammer.unit(tag, index: index, db))
                        } catch {
                            ledger.record(tag, .unexpected("\(tag): \(error)"))
                        }
                    }
                    finished.leave()
                }.start()
            }
            finished.wait()
            try Hammer.audit(db, ledger)
        }
    }
}
