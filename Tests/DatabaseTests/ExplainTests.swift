import EngineTestSupport
import Joinery
import Testing

/// `explain()` reports, in one shape on every engine, which index each statement's table access
/// goes through.
@Suite("Explain")
struct ExplainTests {
    @Test(arguments: TestEngine.allCases)
    func thePreloadsSecondStatementReadsUsersByPrimaryKey(engine: TestEngine) throws {
        try withDatabase(engine) { db in
            let dialect = db.dialect
            let planner = Planner(schema: try Schema(models: Profile.self, User.self, Company.self), capabilities: dialect.capabilities)
            func insert(_ model: String, _ rows: [[String: SQLValue]]) throws {
                for planned in try planner.plan(.insert(InsertQuery(model, rows: rows, returning: []))).statements {
                    let lowered = try dialect.lower(planned.statement)
                    try db.connection.execute(lowered.sql, lowered.bindings)
                }
            }
            // Enough rows that no engine prefers a full scan to the key.
            try db.transaction {
                let ids = 1...2_000
                try insert("User", ids.map { ["id": .integer(Int64($0)), "name": .text("user \($0)")] })
                try insert("Profile", ids.map {
                    ["id": .integer(Int64($0)), "name": .text("profile \($0)"), "userID": .integer(Int64($0))]
                })
            }
            // Only this schema's table: a bare ANALYZE would also visit tables other tests are dropping.
            if engine == .postgresql { try db.connection.execute("ANALYZE users") }

            let explanation = try db.query(Profile.self).filter(\.id <= 3).preload(\.user).explain()
            #expect(explanation.statements.count == 2)
            let preload = try #require(explanation.statements.last)
            #expect(preload.sql.contains("users"))
            let users = preload.accesses.first { $0.table == "users" }
            // By the primary key — or, on MariaDB, possibly through the soft-delete index, whose
            // InnoDB entries end with the key: a range on (deleted_at, id), never a scan.
            #expect(users?.looksUp(by: "id", primaryKey: true) == true, "\(explanation)\n\(preload.enginePlan)")
            #expect(users?.index != nil)
            #expect(!explanation.description.isEmpty)
        }
    }
}
