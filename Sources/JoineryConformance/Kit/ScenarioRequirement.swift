import Joinery

/// A capability a scenario needs, read from ``DialectCapabilities`` — never from a dialect's
/// name, so a plugin dialect is judged by what it says it can do.
///
/// ```swift
/// ConformanceScenario(id: "insert.returning", …, requires: [.returning], …)
/// // on MySQL 8 (no RETURNING): unsupported — needs INSERT … RETURNING
/// ```
public struct ScenarioRequirement: Sendable, CustomStringConvertible {
    /// What is needed, for the matrix: `"INSERT … RETURNING"`.
    public var description: String
    public var isMet: @Sendable (DialectCapabilities) -> Bool

    public init(_ description: String, _ isMet: @escaping @Sendable (DialectCapabilities) -> Bool) {
        self.description = description
        self.isMet = isMet
    }

    public static let returning = ScenarioRequirement("INSERT … RETURNING") { $0.returning }
    public static let noReturning = ScenarioRequirement("no RETURNING (keys read as the last insert id)") {
        !$0.returning
    }
    public static let upsert = ScenarioRequirement("an upsert") { $0.upsert != nil }
    public static let noUpsert = ScenarioRequirement("no upsert") { $0.upsert == nil }
}
