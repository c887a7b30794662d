import Foundation
import EngineTestSupport
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite
import Testing

/// The three engines' dialects and the odd test dialect, for tests that lower in each.
enum TestDialect: String, CaseIterable, Sendable, CustomTestStringConvertible {
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
