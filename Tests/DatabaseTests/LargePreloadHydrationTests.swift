import EngineTestSupport
import Joinery
import Testing

/// 100,000 profiles, each with its own user: more distinct keys than any engine binds in one
/// statement, preloaded and hydrated on each engine.
@Suite("Preload of 100,000 parents")
struct LargePreloadHydrationTests {
    static let count = 100_000

    @Test(arguments: TestEngine.allCases)
    func everyProfileGetsItsUser(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let dialect = db.dialect
            let schema = try Schema(models: Profile.self, User.self, Company.self)
            let planner = Planner(schema: schema, capabilities: dialect.capabilities)
            func insert(_ model: String, _ rows: [[String: SQLValue]]) throws {
                for planned in try planner.plan(.insert(InsertQuery(model, rows: rows, returning: []))).statements {
                    let lowered = try dialect.lower(planned.statement)
                    try db.connection.execute(lowered.sql, lowered.bindings)
                }
            }
            try db.transaction {
                for start in stride(from: 1, through: Self.count, by: 2_000) {
                    let ids = start..<min(start + 2_000, Self.count + 1)
                    try insert("User", ids.map { ["id": .integer(Int64($0)), "name": .text("user \($0)")] })
                    try insert("Profile", ids.map {
                        ["id": .integer(Int64($0)), "name": .text("profile \($0)"), "userID": .integer(Int64($0))]
                    })
                }
            }
            let profiles = try db.query(Profile.self).preload(\.user).all()
            #expect(profiles.count == Self.count)
            let mismatched = profiles.filter { $0.user?.id != $0.userID || $0.user?.name != "user \($0.userID ?? 0)" }
            #expect(mismatched.isEmpty)
        }
    }
}
