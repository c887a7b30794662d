import Joinery

/// Runs scenarios on targets, each in isolation, and reports pass, fail (with a diff) or
/// unsupported for each.
///
/// Isolation: every scenario on an engine gets a new connection and, where the dialect has one, a
/// new ``ScratchNamespace`` (a PostgreSQL schema, a MariaDB database) that is dropped afterwards,
/// also when the scenario fails — a shared server is left as it was. A dialect without namespaces
/// (SQLite) needs each connection to open an empty database (`sqlite::memory:`); the runner checks
/// that the scenario's tables do not exist before it starts.
///
/// ```swift
/// let report = ConformanceRunner().run(on: [sqlite, postgres, mariadb])
/// print(report.text)          // the scenario × engine matrix, then each failure's diff
/// ```
public struct ConformanceRunner: Sendable {
    public var scenarios: [ConformanceScenario]

    public init(scenarios: [ConformanceScenario] = ConformanceScenario.all) {
        self.scenarios = scenarios
    }

    /// Every scenario on every target. Targets that share a label get `#2`, `#3`… so that each
    /// keeps a column of its own (a failure on one cannot hide behind another's pass).
    public func run(on targets: [ConformanceTarget]) -> ConformanceReport {
        var seen: [String: Int] = [:]
        let targets = targets.map { target in
            var target = target
            seen[target.label, default: 0] += 1
            if let count = seen[target.label], count > 1 { target.label += " #\(count)" }
            return target
        }
        return ConformanceReport(
            scenarios: scenarios, targets: targets.map(\.label),
            results: targets.flatMap { target in scenarios.map { run($0, on: target) } })
    }

    /// One scenario on one target.
    public func run(_ scenario: ConformanceScenario, on target: ConformanceTarget) -> ScenarioResult {
        func result(_ outcome: ScenarioResult.Outcome) -> ScenarioResult {
            ScenarioResult(
                scenarioID: scenario.id, title: scenario.title, area: scenario.area, target: target.label,
                outcome: outcome)
        }
        func outcome(_ failures: [ScenarioFailure]) -> ScenarioResult.Outcome {
            failures.isEmpty ? .passed : .failed(failures)
        }

        guard let connect = target.connect else {
            guard let dialect = target.dialect else {
                return result(.failed([ScenarioFailure(what: "target", detail: "has neither a dialect nor an engine")]))
            }
            if let unmet = Self.unmet(scenario, dialect) { return result(.unsupported(unmet)) }
            guard case .sql(let check) = scenario.check else { return result(.unsupported("needs an engine")) }
            return result(outcome(SQLScenarioRun(check: check, scenario: scenario, dialect: dialect,
                                                 expectations: target.expectations).failures(on: nil)))
        }

        let connection: any DatabaseConnection
        do {
            connection = try connect()
        } catch {
            return result(.failed([ScenarioFailure(what: "connect", detail: "cannot open a connection: \(error)")]))
        }
        defer { connection.close() }
        let dialect = target.dialect ?? connection.dialect
        if let unmet = Self.unmet(scenario, dialect) { return result(.unsupported(unmet)) }
        return result(outcome(Self.isolated(connection, dialect: dialect, scenario: scenario) {
            switch scenario.check {
            case .sql(let check):
                return SQLScenarioRun(check: check, scenario: scenario, dialect: dialect, expectations: target.expectations)
                    .failures(on: connection)
            case .executed(let check):
                return Self.execute(check, scenario: scenario, on: connection, dialect: dialect,
                                    expectations: target.expectations)
            }
        }))
    }

    /// `needs X, Y` when the dialect lacks what the scenario requires.
    static func unmet(_ scenario: ConformanceScenario, _ dialect: any SQLDialect) -> String? {
        let unmet = scenario.unmetRequirements(dialect.capabilities)
        return unmet.isEmpty ? nil : "needs " + unmet.map(\.description).joined(separator: ", ")
    }

    /// Runs `body` in a new scratch namespace, dropped after; failing to make or drop it is a failure.
    static func isolated(
        _ connection: any DatabaseConnection, dialect: any SQLDialect, scenario: ConformanceScenario,
        _ body: () -> [ScenarioFailure]
    ) -> [ScenarioFailure] {
        let name = "joinery_conformance_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        if dialect.scratchNamespace(named: name) == nil,
           let refused = unisolatedTables(connection, dialect: dialect, scenario: scenario) {
            return refused
        }
        var failures: [ScenarioFailure] = []
        do {
            try connection.withScratchNamespace(named: name, dialect: dialect) { failures = body() }
        } catch {
            failures.append(ScenarioFailure(what: "isolation", detail: "the scratch namespace \(name): \(error)"))
        }
        return failures
    }

    /// Without a namespace, the database must start empty of the scenario's tables.
    private static func unisolatedTables(
        _ connection: any DatabaseConnection, dialect: any SQLDialect, scenario: ConformanceScenario
    ) -> [ScenarioFailure]? {
        let declarations: [ModelDeclaration]
        switch scenario.check {
        case .sql(let check): declarations = check.document.models
        case .executed(let check): declarations = reachableDeclarations(check.models)
        }
        let db = Database(connection, dialect: dialect)
        let tables = ((try? Schema(declarations))?.tables ?? []).map(\.name)
        let existing = tables.filter { (try? db.tableExists($0)) == true }
        guard !existing.isEmpty else { return nil }
        return [ScenarioFailure(
            what: "isolation",
            detail: "the tables \(existing.joined(separator: ", ")) already exist: \(dialect.name) has no scratch "
                + "namespace, so each connection must open an empty database (use sqlite::memory:)")]
    }

    static func reachableDeclarations(_ types: [any Model.Type]) -> [ModelDeclaration] {
        var seen: [String: ModelDeclaration] = [:]
        var order: [String] = []
        var pending = types
        while let type = pending.popLast() {
            let declaration = type.modelDeclaration
            guard seen[declaration.name] == nil else { continue }
            seen[declaration.name] = declaration
            order.append(declaration.name)
            pending.append(contentsOf: type.associationTypes.values)
        }
        return order.compactMap { seen[$0] }
    }

    private static func execute(
        _ check: ExecutedCheck, scenario: ConformanceScenario, on connection: any DatabaseConnection,
        dialect: any SQLDialect, expectations: SQLExpectations
    ) -> [ScenarioFailure] {
        let db = Database(connection, dialect: dialect)
        do {
            if !check.models.isEmpty { try db.migrate(check.models) }
        } catch {
            return [ScenarioFailure(what: "migrate", detail: "\(error)")]
        }
        let context = ScenarioContext(db: db, scenario: scenario, expectations: expectations)
        do {
            try check.body(context)
        } catch is ScenarioStopped {
            // Already recorded.
        } catch {
            context.fail("steps", "threw \(error)")
        }
        return context.failures
    }
}
