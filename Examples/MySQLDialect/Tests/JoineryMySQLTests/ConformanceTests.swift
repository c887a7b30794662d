import Joinery
import JoineryConformance
import JoineryMySQL
import Testing

/// The kit's SQL-level scenarios, lowered by the MySQL 8 dialect and compared with the SQL in
/// MySQLExpectations.swift. Executed scenarios need a MySQL server; with one, a target built with
/// `ConformanceTarget(label:expectations:dialect:connect:)` over Joinery's MariaDB driver runs them.
@Suite("MySQL 8 conformance")
struct MySQLConformanceTests {
    static let target = ConformanceTarget(dialect: MySQLDialect(), expectations: .mysql)

    @Test(arguments: ConformanceScenario.sqlLevel.map(\.id))
    func scenario(id: String) throws {
        let scenario = try #require(ConformanceScenario.sqlLevel.first { $0.id == id })
        let result = ConformanceRunner().run(scenario, on: Self.target)
        if result.failed { Issue.record(Comment(rawValue: result.description)) }
    }

    /// MySQL has no RETURNING: the scenarios that need it say so instead of failing.
    @Test func returningIsGatedNotFailed() {
        let report = ConformanceRunner(scenarios: ConformanceScenario.sqlLevel).run(on: [Self.target])
        print(report.text)
        #expect(report.allPassed)
        #expect(report.result("insert.returning", on: Self.target.label)?.outcome == .unsupported("needs INSERT … RETURNING"))
        #expect(report.result("insert.last-insert-id", on: Self.target.label)?.outcome == .passed)
    }

    /// Before 8.0.19 the upsert is spelled with VALUES(), as on MariaDB.
    @Test func olderUpsertSpelling() throws {
        let old = ConformanceTarget(dialect: MySQLDialect(version: EngineVersion(8, 0, 18)), expectations: .mysql)
        let upsert = try #require(ConformanceScenario.sqlLevel.first { $0.id == "insert.upsert" })
        let result = ConformanceRunner().run(upsert, on: old)
        guard case .failed(let failures) = result.outcome else {
            Issue.record("8.0.18 wrote the 8.0.19 spelling")
            return
        }
        #expect(failures.first?.detail.contains("VALUES(`email`)") == true)
    }
}
