import EngineTestSupport
import Joinery
import JoineryConformance
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Testing

extension ConformanceScenario: CustomTestStringConvertible {
    public var testDescription: String { id }
}

extension TestEngine {
    /// The kit's expected SQL for this engine's dialect.
    var expectations: SQLExpectations {
        switch self {
        case .sqlite: return .sqlite
        case .postgresql: return .postgresql
        case .mariadb: return .mariadb
        }
    }

    /// This engine as a conformance target: a new connection per scenario.
    var conformanceTarget: ConformanceTarget {
        ConformanceTarget(label: rawValue, expectations: expectations) { try connect() }
    }
}

/// The dialects the SQL-level scenarios are lowered in without an engine: each built-in one at
/// its default version and at the older versions that lack RETURNING or upsert, and the odd
/// test dialect.
enum DialectVariant: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, sqlite3_34, sqlite3_23, postgresql, mariadb, mariadb10_4, odd

    var testDescription: String { rawValue }

    var target: ConformanceTarget {
        switch self {
        case .sqlite: return ConformanceTarget(dialect: SQLiteDialect(), expectations: .sqlite)
        case .sqlite3_34: return ConformanceTarget(dialect: SQLiteDialect(version: EngineVersion(3, 34)), expectations: .sqlite)
        case .sqlite3_23: return ConformanceTarget(dialect: SQLiteDialect(version: EngineVersion(3, 23)), expectations: .sqlite)
        case .postgresql: return ConformanceTarget(dialect: PostgreSQLDialect(), expectations: .postgresql)
        case .mariadb: return ConformanceTarget(dialect: MariaDBDialect(), expectations: .mariadb)
        case .mariadb10_4: return ConformanceTarget(dialect: MariaDBDialect(version: EngineVersion(10, 4)), expectations: .mariadb)
        case .odd: return ConformanceTarget(dialect: OddDialect(), expectations: .odd)
        }
    }
}

/// Fails the test with the result's diff unless it passed or was unsupported.
func expectNoFailure(_ result: ScenarioResult, sourceLocation: SourceLocation = #_sourceLocation) {
    if result.failed { Issue.record(Comment(rawValue: result.description), sourceLocation: sourceLocation) }
}
