import EngineTestSupport
@testable import Joinery
import Testing

/// A query builder is a value: a step returns a new builder and leaves the one it was taken
/// from as it was, however the builders are copied, kept and run (the query is held in a shared
/// box, replaced on every change).
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
}
