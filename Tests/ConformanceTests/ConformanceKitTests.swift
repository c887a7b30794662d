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

    @Test(arguments: ConformanceScenario.sqlLevel, DialectVariant.allCases)
    func loweredInTheDialect(scenario: ConformanceScenario, variant: DialectVariant) {
        expectNoFailure(ConformanceRunner().run(scenario, on: variant.target))
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
