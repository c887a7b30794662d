import Joinery

/// One SQL-level scenario in one dialect: lower the document, compare with the dialect's
/// expectations, and — given a connection — have the engine prepare the SQL (or run it, for DDL)
/// in the scratch namespace the runner made.
struct SQLScenarioRun {
    var check: SQLCheck
    var scenario: ConformanceScenario
    var dialect: any SQLDialect
    var expectations: SQLExpectations

    private enum Lowering {
        case statements([LoweredStatement])
        case failed(JoineryError)
    }

    func failures(on connection: (any DatabaseConnection)?) -> [ScenarioFailure] {
        let lowering: Lowering
        do {
            lowering = .statements(try check.document.translated(with: dialect).compactMap(\.lowered))
        } catch let error as JoineryError {
            lowering = .failed(error)
        } catch {
            return [ScenarioFailure(what: "lowering", detail: "threw a \(type(of: error)): \(error)")]
        }

        if let expectedError = check.expectedError {
            switch lowering {
            case .failed(let error) where expectedError.matches(error): return []
            case .failed(let error): return [ScenarioFailure(what: "error", detail: "expected \(expectedError), got \(error)")]
            case .statements(let statements):
                return [ScenarioFailure(
                    what: "error",
                    detail: "expected \(expectedError), but it lowered to:\n" + statements.map(\.sql).joined(separator: "\n"))]
            }
        }

        switch (expectations[scenario.id], lowering) {
        case (nil, .statements(let statements)):
            return [ScenarioFailure(what: "SQL", detail: SQLExpectations.missingEntry(scenario.id, actual: statements.map(\.sql)))]
        case (nil, .failed(let error)) where error.kind == .unsupported:
            return [ScenarioFailure(
                what: "SQL",
                detail: "no expected SQL for \"\(scenario.id)\" in this dialect's expectations; it threw \(error)\n"
                    + "\"\(scenario.id)\": .unsupported,")]
        case (_, .failed(let error)) where error.kind != .unsupported:
            return [ScenarioFailure(what: "lowering", detail: "threw \(error)")]
        case (.unsupported?, .failed):
            return []
        case (.unsupported?, .statements(let statements)):
            return [ScenarioFailure(
                what: "SQL",
                detail: "expected the typed unsupported error, but it lowered to:\n" + statements.map(\.sql).joined(separator: "\n"))]
        case (.sql?, .failed(let error)):
            return [ScenarioFailure(what: "SQL", detail: "expected SQL, but lowering threw \(error)")]
        case (.sql(let expected)?, .statements(let statements)):
            var failures: [ScenarioFailure] = []
            let actual = statements.map(\.sql)
            if actual != expected {
                failures.append(ScenarioFailure(what: "SQL", detail: TextDiff.lines(expected: expected, actual: actual)))
            }
            if let bindings = check.bindings, statements.map(\.bindings) != bindings {
                failures.append(ScenarioFailure(
                    what: "bound values",
                    detail: TextDiff.lines(
                        expected: bindings.map { "\($0)" }, actual: statements.map { "\($0.bindings)" })))
            }
            if let connection { failures += engineFailures(statements, on: connection) }
            return failures
        case (nil, .failed):
            return []  // unreachable: an unsupported error without an entry is handled above
        }
    }

    /// The engine's verdict on the SQL: DDL is run (later statements need its tables); anything
    /// else is prepared on tables the models' migration created.
    private func engineFailures(_ statements: [LoweredStatement], on connection: any DatabaseConnection) -> [ScenarioFailure] {
        if !check.createsSchema {
            do {
                try connection.run(QueryDocument(models: check.document.models, query: .migrate(MigrateQuery())), in: dialect)
            } catch {
                return [ScenarioFailure(what: "migrate", detail: "\(error)")]
            }
        }
        for (index, statement) in statements.enumerated() {
            do {
                try connection.prepareOnly(statement.sql)
                if check.createsSchema { try connection.execute(statement.sql, statement.bindings) }
            } catch {
                return [ScenarioFailure(
                    what: "engine", detail: "refused statement \(index + 1): \(error)\n\(statement.sql)")]
            }
        }
        return []
    }
}
