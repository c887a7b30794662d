import EngineTestSupport
import Joinery
import JoineryConformance
import Testing

/// A preload over 100,000 distinct keys: more than any of the engines binds in one statement
/// (SQLite's stock 32,766; 65,535 on PostgreSQL and MariaDB), planned so that it still works.
@Suite("Preload over 100,000 keys")
struct LargePreloadTests {
    static let keys: [[SQLValue]] = (1...100_000).map { [.integer(Int64($0))] }

    func step(_ capabilities: DialectCapabilities) throws -> PreloadStep {
        let planner = Planner(schema: try Schema(ScenarioModels.gorm), capabilities: capabilities, now: ConformanceScenario.now)
        let plan = try planner.plan(.select(SelectQuery("Profile", includes: [Include("user")])))
        return try #require(plan.preloads.first)
    }

    @Test(arguments: TestDialect.allCases)
    func everyKeyIsBoundOnceWithinTheLimit(dialect: TestDialect) throws {
        let sqlDialect = dialect.dialect()
        let capabilities = sqlDialect.capabilities
        let statements = try step(capabilities).statements(forKeys: Self.keys, capabilities: capabilities)
        let lowered = try statements.map { try sqlDialect.lower(.select($0)) }
        for statement in lowered {
            #expect(statement.bindings.count <= capabilities.maxBindParameters)
        }
        switch capabilities.largeIn {
        case .bindArray:
            // One statement, one array parameter holding every key.
            #expect(lowered.count == 1)
            #expect(lowered.first?.sql.contains(#""users"."id" = ANY($1::BIGINT[])"#) == true)
            let array = try #require(lowered.first?.bindings.first)
            guard case .text(let literal) = array else { Issue.record("not a text array: \(array)"); return }
            #expect(literal.hasPrefix("{1,2,3,") && literal.hasSuffix(",99999,100000}"))
        case .batch:
            let perBatch = min(capabilities.maxBindParameters, capabilities.keysPerStatement ?? .max)
            #expect(lowered.count == (100_000 + perBatch - 1) / perBatch)
            #expect(lowered.flatMap(\.bindings) == Self.keys.map { $0[0] })
        }
    }

    /// Run for real on each engine, with the limits the connection reports: the two users that
    /// exist among the 100,000 keys come back, and nothing else.
    @Test(arguments: TestEngine.allCases)
    func runsOnTheEngine(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let dialect = connection.dialect
            let migration = QueryDocument(models: ScenarioModels.gorm, query: .migrate(MigrateQuery()))
            for statement in try migration.translated(with: dialect).compactMap(\.lowered) {
                try connection.execute(statement.sql, statement.bindings)
            }
            let insert = QueryDocument(
                models: ScenarioModels.gorm,
                query: .insert(InsertQuery("User", rows: [["id": 7, "name": "a"], ["id": 99_999, "name": "b"]])))
            for statement in try insert.translated(with: dialect).compactMap(\.lowered) {
                try connection.execute(statement.sql, statement.bindings)
            }
            let step = try step(dialect.capabilities)
            var found: [Int64] = []
            for statement in try step.statements(forKeys: Self.keys, capabilities: dialect.capabilities) {
                let lowered = try dialect.lower(.select(statement))
                try connection.prepareOnly(lowered.sql)
                for row in try connection.query(lowered.sql, lowered.bindings) {
                    found.append(try row.decode(at: step.targetKeyPositions[0]))
                }
            }
            #expect(found.sorted() == [7, 99_999])
        }
    }

    @Test func keysAreDistinctAndNullsSkipped() throws {
        let step = try step(TestDialect.sqlite.dialect().capabilities)
        let columns = RowColumns(["id", "name", "user_id"])
        let rows = [SQLValue.integer(3), .null, .integer(1), .integer(3), .integer(2)].enumerated().map {
            Row(columns: columns, values: [.integer(Int64($0.offset)), .text("p"), $0.element])
        }
        #expect(step.distinctKeys(in: rows) == [[.integer(3)], [.integer(1)], [.integer(2)]])
        #expect(try step.statements(forKeys: [], capabilities: DialectCapabilities()).isEmpty)
    }
}
