import Dispatch
import EngineTestSupport
@testable import Joinery
import Synchronization
import Testing

/// A planned statement is a value that concurrent tasks share (the plan cache hands one plan to
/// every query of its shape) and that holds its parts in shared storage, changed in place only
/// while one statement holds it: copy on write.
@Suite("Shared statements")
struct SharedStatementTests {
    /// Threads that each copy a preload's template, change their copy (its key filter, on some
    /// rounds its limit) and run it read their own rows; the template is untouched.
    @Test(arguments: TestEngine.allCases)
    func copiesOfASharedStatementChangedByThreadsStayTheirOwn(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var userIDs: [Int64] = []
            for index in 0..<8 {
                var profile = Profile(name: "p\(index)", user: User(name: "u\(index)"))
                try db.create(&profile)
                userIDs.append(profile.userID ?? 0)
            }
            let planner = try db.planner(including: [Profile.self])
            let step = try #require(try planner.plan(.select(SelectQuery("Profile", includes: [Include("user")]))).preloads.first)
            let name = try #require(step.layout.position(of: "name"))
            let template = step.template, templateFilter = template.filter
            let templateSQL = try db.dialect.lower(.select(template)).sql
            let ids = userIDs, capabilities = db.dialect.capabilities
            let failures = Mutex<[String]>([])
            let rounds = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                do {
                    for round in 0..<50 {
                        guard var statement = try step.statements(forKeys: [[.integer(ids[index])]], capabilities: capabilities).first else {
                            failures.withLock { $0.append("thread \(index), round \(round): no statement") }
                            return
                        }
                        if round % 2 == 0 { statement.limit = 1 }
                        let lowered = try db.dialect.lower(.select(statement))
                        let rows = try db.transaction { try db.connection.query(lowered.sql, lowered.bindings) }
                        let names = try rows.map { try $0.decode(String.self, at: name) }
                        guard names == ["u\(index)"], lowered.sql.contains("LIMIT") == (round % 2 == 0) else {
                            failures.withLock { $0.append("thread \(index), round \(round): \(names), \(lowered.sql)") }
                            return
                        }
                        rounds.withLock { $0 += 1 }
                    }
                } catch {
                    failures.withLock { $0.append("thread \(index): \(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
            #expect(rounds.withLock { $0 } == 8 * 50)
            #expect(step.template.filter == templateFilter && step.template.limit == nil, "a thread's change reached the template")
            #expect(try db.dialect.lower(.select(template)).sql == templateSQL)
        }
    }
}
