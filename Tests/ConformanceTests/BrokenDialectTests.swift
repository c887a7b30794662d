import EngineTestSupport
import Joinery
import JoineryConformance
import JoinerySQLite
import Testing

/// SQLite's dialect with one deliberate bug: it drops every `IS NULL` condition from a join's ON
/// clause — the soft-delete scope — the way a careless plugin might.
struct SoftDeleteDroppingDialect: SQLDialect {
    let base = SQLiteDialect()
    var name: String { "SQLite without soft delete in ON" }
    var capabilities: DialectCapabilities { base.capabilities }

    func lower(_ statement: SQLStatement) throws -> LoweredStatement {
        guard case .select(var select) = statement else { return try base.lower(statement) }
        select.joins = select.joins.map { join in
            var join = join
            join.on = Self.withoutIsNull(join.on)
            return join
        }
        return try base.lower(.select(select))
    }

    static func withoutIsNull(_ condition: Condition) -> Condition {
        guard case .and(let terms) = condition else { return condition }
        let kept = terms.filter { if case .isNull = $0 { return false } else { return true } }
        return kept.count == 1 ? kept[0] : .and(kept)
    }
}

/// The kit's own failure mode: a broken dialect fails the scenarios it breaks, by name, with a
/// diff that points at the missing clause — and only those.
@Suite("Conformance kit: a broken dialect")
struct BrokenDialectTests {
    /// Every SQL-level scenario with a soft-deleted table joined.
    static let broken: Set<String> = [
        "join.left", "join.inner", "join.nested", "join.extra-on-conditions", "join.then-preload",
        "query.joined-column-order-page", "query.count-with-join",
    ]

    @Test func theNamedScenariosFailAndNoOthers() {
        let target = ConformanceTarget(dialect: SoftDeleteDroppingDialect(), expectations: .sqlite)
        let report = ConformanceRunner(scenarios: ConformanceScenario.sqlLevel).run(on: [target])
        #expect(Set(report.failures.map(\.scenarioID)) == Self.broken)
        #expect(!report.allPassed)
    }

    @Test func theDiffShowsTheMissingCondition() throws {
        let target = ConformanceTarget(dialect: SoftDeleteDroppingDialect(), expectations: .sqlite)
        let scenario = try #require(ConformanceScenario.all.first { $0.id == "join.left" })
        let result = ConformanceRunner().run(scenario, on: target)
        guard case .failed(let failures) = result.outcome else {
            Issue.record("join.left passed on the broken dialect")
            return
        }
        let diff = try #require(failures.first { $0.what == "SQL" }).detail
        #expect(diff.contains(#"- SELECT "profiles"."id""#))
        #expect(diff.contains(#"+ SELECT "profiles"."id""#))
        #expect(diff.contains(#"expected ` AND "User"."deleted_at" IS NULL`, got the end"#), "\(diff)")
        #expect(result.description.hasPrefix("join.left on SQLite without soft delete in ON: FAIL"))
    }

    /// On a real engine the bug shows where users would see it: a deleted user comes back.
    @Test func theExecutedJoinShowsTheDeletedUser() throws {
        let target = ConformanceTarget(label: "broken", expectations: .sqlite, dialect: SoftDeleteDroppingDialect()) {
            try SQLiteDriver().connect("sqlite::memory:")
        }
        let scenario = try #require(ConformanceScenario.all.first { $0.id == "join.executed" })
        let result = ConformanceRunner().run(scenario, on: target)
        guard case .failed(let failures) = result.outcome else {
            Issue.record("join.executed passed on the broken dialect")
            return
        }
        let graph = try #require(failures.first { $0.what == "profiles joined with their users" }).detail
        #expect(graph.contains(#"- Profile(id: 4, name: "p4", userID: 2, updatedAt: <date>, user: nil)"#), "\(graph)")
        #expect(graph.contains(#"+ Profile(id: 4, name: "p4", userID: 2, updatedAt: <date>, user: User(id: 2, name: "gone""#), "\(graph)")
    }

    @Test func theMarkdownMatrixMarksTheFailures() {
        let target = ConformanceTarget(dialect: SoftDeleteDroppingDialect(), expectations: .sqlite, label: "broken")
        let markdown = ConformanceRunner(scenarios: ConformanceScenario.sqlLevel).run(on: [target]).markdown
        #expect(markdown.contains("| left join (`join.left`) | **FAIL** |"))
        #expect(markdown.contains("### Failures"))
        #expect(markdown.contains("`join.left` on broken:"))
    }

    @Test func aMissingExpectationPrintsTheEntryToWrite() throws {
        let target = ConformanceTarget(dialect: SQLiteDialect(), expectations: [:])
        let scenario = try #require(ConformanceScenario.all.first { $0.id == "query.first" })
        let result = ConformanceRunner().run(scenario, on: target)
        #expect(result.failed)
        #expect(result.description.contains(#""query.first": ["#))
    }
}
