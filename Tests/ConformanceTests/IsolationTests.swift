import EngineTestSupport
import Joinery
import JoineryConformance
import Synchronization
import Testing

/// Each scenario runs in a scratch namespace that is gone afterwards — also when it fails.
@Suite("Conformance kit: isolation")
struct IsolationTests {
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aFailingScenarioLeavesNothingBehind(engine: TestEngine) throws {
        let namespace = Mutex<String?>(nil)
        let failing = ConformanceScenario(
            id: "test.fails", title: "fails halfway", area: "Test",
            check: .executed(ExecutedCheck(models: []) { context in
                let current = engine == .postgresql ? "SELECT current_schema()" : "SELECT DATABASE()"
                let name: String? = try context.connection.query(current).first?.decode(at: 0)
                namespace.withLock { $0 = name }
                try context.connection.execute("CREATE TABLE leftovers (id INTEGER)")
                context.expect(1, 2, "a check that fails")
                throw JoineryError(.engine, "and then a step that throws")
            }))
        let result = ConformanceRunner(scenarios: [failing]).run(failing, on: engine.conformanceTarget)
        guard case .failed(let failures) = result.outcome else {
            Issue.record("the scenario did not fail")
            return
        }
        #expect(failures.map(\.what) == ["a check that fails", "steps"])
        let name = try #require(namespace.withLock { $0 })
        #expect(name.hasPrefix("joinery_conformance_"))
        let connection = try engine.connect()
        defer { connection.close() }
        let rewritten = engine.sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")
        let remaining: Int = try connection.query(rewritten, [.text(name)])[0].decode(at: 0)
        #expect(remaining == 0)
    }

    /// Without a namespace (SQLite), a database that already holds the tables is refused.
    @Test func aSharedSQLiteDatabaseIsRefused() throws {
        let connection = try TestEngine.sqlite.connect()
        try connection.execute("CREATE TABLE profiles (id INTEGER)")
        let scenario = try #require(ConformanceScenario.all.first { $0.id == "join.left" })
        let target = ConformanceTarget(label: "shared", expectations: .sqlite) { connection }
        let result = ConformanceRunner().run(scenario, on: target)
        guard case .failed(let failures) = result.outcome else {
            Issue.record("a shared database was accepted")
            return
        }
        #expect(failures.first?.what == "isolation")
        #expect(failures.first?.detail.contains("profiles") == true)
    }
}
