import Foundation
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Testing

/// The dialects every golden fixture is written for: the three engines and the odd test dialect.
enum GoldenDialect: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql, mariadb, odd

    var testDescription: String { rawValue }

    /// The dialect at `version`, or at its default version.
    func dialect(version: EngineVersion? = nil) -> any SQLDialect {
        switch self {
        case .sqlite: return version.map { SQLiteDialect(version: $0) } ?? SQLiteDialect()
        case .postgresql: return version.map { PostgreSQLDialect(version: $0) } ?? PostgreSQLDialect()
        case .mariadb: return version.map { MariaDBDialect(version: $0) } ?? MariaDBDialect()
        case .odd: return OddDialect()
        }
    }
}

/// What a fixture must produce in one dialect.
enum GoldenOutcome: Sendable, Equatable {
    /// These statements, in order.
    case sql([String])
    /// Lowering throws ``JoineryError/Kind/unsupported``.
    case unsupported
}

/// One canonical IR fixture and the SQL it must become in each dialect (sqlglot's layout).
struct Golden: Sendable, CustomTestStringConvertible {
    var name: String
    var models: [ModelDeclaration]
    var query: Query
    var preloadKeys: [String: [[SQLValue]]] = [:]
    /// Engine versions other than the dialects' defaults.
    var versions: [GoldenDialect: EngineVersion] = [:]
    /// Whether the statements create the schema themselves (DDL), rather than need it to exist.
    var createsSchema = false
    /// Values bound, where the fixture checks them (the same in every dialect).
    var bindings: [[SQLValue]]? = nil
    var expected: [GoldenDialect: GoldenOutcome]

    var testDescription: String { name }

    /// The fixed clock of every fixture: 2024-05-06 07:08:09 UTC.
    static let now = Date(timeIntervalSince1970: 1_714_979_289)

    func translated(_ dialect: GoldenDialect) throws -> [TranslatedStatement] {
        try document.translated(with: dialect.dialect(version: versions[dialect]))
    }

    var document: QueryDocument {
        QueryDocument(models: models, query: query, preloadKeys: preloadKeys, now: Self.now)
    }
}
