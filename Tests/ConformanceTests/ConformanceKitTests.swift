import EngineTestSupport
import Joinery
import JoineryConformance
import Testing

/// The kit, as Joinery tests itself: every scenario on every engine, and every SQL-level scenario
/// in every dialect variant.
@Suite("Conformance kit")
struct ConformanceKitTests {
    @Test(arguments: ConformanceScenario.all, TestEngine.allCases)
    func onTheEngine(scenario: ConformanceScenario, engine: TestEngine) {
        expectNoFailure(ConformanceRunner().run(scenario, on: engine.conformanceTarget))
    }

    /// Galera hands out interleaved ids (`auto_increment_increment` = the number of nodes, each
    /// node its own offset): on one MariaDB server set the same way, every executed scenario
    /// still passes — the kit assumes no consecutive ids.
    @Test(arguments: ConformanceScenario.executed)
    func withInterleavedIDs(scenario: ConformanceScenario) {
        let target = ConformanceTarget(label: "mariadb, ids 2, 5, 8, …", expectations: .mariadb) {
            let connection = try TestEngine.mariadb.connect()
            try connection.execute("SET SESSION auto_increment_increment = 3, auto_increment_offset = 2")
            return connection
        }
        expectNoFailure(ConformanceRunner().run(scenario, on: target))
    }

    @Test(arguments: ConformanceScenario.sqlLevel, DialectVariant.allCases)
    func loweredInTheDialect(scenario: ConformanceScenario, variant: DialectVariant) {
        expectNoFailure(ConformanceRunner().run(scenario, on: variant.target))
    }

    /// Two targets with one label (two nodes of one engine and version) keep a column each.
    @Test func targetsWithOneLabelKeepAColumnEach() throws {
        let scenario = try #require(ConformanceScenario.sqlLevel.first)
        let report = ConformanceRunner(scenarios: [scenario]).run(on: [DialectVariant.postgresql.target, DialectVariant.postgresql.target])
        #expect(Set(report.targets).count == 2, "\(report.targets)")
        #expect(report.results.count == 2)
        #expect(report.text.contains(" #2"))
    }

    @Test func scenarioIDsAreUnique() {
        let ids = ConformanceScenario.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// An entry no scenario reads is a typo or a leftover.
    @Test(arguments: [("sqlite", SQLExpectations.sqlite), ("postgresql", .postgresql), ("mariadb", .mariadb), ("odd", .odd)])
    func everyExpectationBelongsToAScenario(table: String, expectations: SQLExpectations) {
        let ids = Set(ConformanceScenario.all.map(\.id))
        #expect(Set(expectations.outcomes.keys).subtracting(ids).isEmpty, "\(table)")
    }

    /// Gating is by capability: the old versions report what they lack, the new ones run it.
    @Test func olderVersionsAreGatedByCapability() throws {
        let runner = ConformanceRunner()
        let scenario = try #require(ConformanceScenario.all.first { $0.id == "insert.returning" })
        #expect(runner.run(scenario, on: DialectVariant.sqlite.target).outcome == .passed)
        #expect(runner.run(scenario, on: DialectVariant.sqlite3_34.target).outcome == .unsupported("needs INSERT … RETURNING"))
    }

    /// An executed scenario on a target without an engine is unsupported, not failed.
    @Test func executedScenariosNeedAnEngine() {
        let report = ConformanceRunner().run(on: [DialectVariant.postgresql.target])
        #expect(report.allPassed)
        for scenario in ConformanceScenario.executed {
            #expect(report.result(scenario.id, on: report.targets[0])?.outcome == .unsupported("needs an engine"))
        }
    }
}
