import Dispatch
import EngineTestSupport
@testable import Joinery
import Synchronization
import Testing

/// A query builder is a value: a step returns a new builder and leaves the one it was taken
/// from as it was, however the builders are copied, kept and run (the query is held in a shared
/// box, changed in place only while one builder holds it: copy on write).
@Suite("Query builder values")
struct QueryBuilderValueTests {
    @Test(arguments: TestEngine.allCases)
    func aStepOnACopyLeavesTheOriginalAsItWas(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ann = Profile(name: "ann's", user: User(name: "ann"))
            try db.create(&ann)
            let base = db.query(Profile.self).join(\.user)
            let named = base.filter(\.name == "ann's")
            var limited = named
            limited.query.limit = 0
            let kept = [base, named, limited]

            #expect(base.query.filter == nil)
            #expect(named.query.filter == .comparison(.column(ColumnReference("name")), .equal, .value(.text("ann's"))))
            #expect(named.query.limit == nil, "a change to a copy reached the builder it was copied from")
            #expect(limited.query.limit == 0)
            #expect(try kept.map { try $0.all().count } == [1, 1, 0])
            // Run once, each again from the plan cache: still its own query.
            let statements = try kept.map { try $0.statement() }
            #expect(statements.map(\.bindings) == [[], [.text("ann's")], [.text("ann's")]], "\(statements)")
            #expect(statements.map { $0.sql.contains("LIMIT") } == [false, false, true], "\(statements)")
            #expect(try kept.map { try $0.all().count } == [1, 1, 0])
            #expect(base.query.filter == nil && named.query.limit == nil)
        }
    }

    /// `find`, `first`, `count` and `all` end the builder they are called on, and take its query
    /// out of the box when no other builder holds it: on a builder that is kept, they must copy it.
    @Test(arguments: TestEngine.allCases)
    func runningAKeptBuilderLeavesItAsItWas(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ann = Profile(name: "ann's", user: User(name: "ann"))
            try db.create(&ann)
            let kept = db.query(Profile.self).join(\.user)
            let expected = db.query(Profile.self).join(\.user).query
            #expect(try kept.find(ann.id ?? 0)?.user?.name == "ann")
            #expect(try kept.count() == 1)
            #expect(try kept.first()?.name == "ann's")
            #expect(try kept.all().map(\.name) == ["ann's"])
            #expect(kept.query == expected, "running a kept builder changed its query")
            #expect(try kept.filter(\.name == "bob").all().isEmpty)
            #expect(try kept.all().count == 1, "a step on the kept builder's copy reached it")
        }
    }

    /// One builder shared by threads that each step and run it: every thread reads its own row,
    /// and the shared builder is untouched.
    @Test(arguments: TestEngine.allCases)
    func aBuilderSharedBetweenThreadsStaysItsOwn(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            var ids: [Int64] = []
            for index in 0..<8 {
                var profile = Profile(name: "p\(index)", user: User(name: "u\(index)"))
                try db.create(&profile)
                ids.append(profile.id ?? 0)
            }
            let shared = db.query(Profile.self).preload(\.user)
            let expected = shared.query, keys = ids
            let found = Mutex<[Int: String]>([:])
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                do {
                    for _ in 0..<20 {
                        let byName = try shared.filter(\.name == "p\(index)").all()
                        let byID = try shared.find(keys[index])
                        guard byName.count == 1, byName[0].user?.name == "u\(index)", byID?.user?.name == "u\(index)" else {
                            failures.withLock { $0.append("thread \(index) read \(byName.map(\.name)), \(String(describing: byID?.name))") }
                            return
                        }
                    }
                    found.withLock { $0[index] = "u\(index)" }
                } catch {
                    failures.withLock { $0.append("thread \(index): \(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
            #expect(found.withLock { $0.count } == 8)
            #expect(shared.query == expected, "a thread's step reached the shared builder")
        }
    }
}
