import Joinery

/// What one scenario must become in one dialect.
public enum ExpectedSQL: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// These statements, in order.
    case sql([String])
    /// Lowering throws ``JoineryError/Kind/unsupported``: the dialect cannot express it, and
    /// says so rather than drop a clause.
    case unsupported

    public init(arrayLiteral statements: String...) {
        self = .sql(statements)
    }
}

/// A dialect's expected SQL, by scenario id: sqlglot's layout, one table per dialect. The kit
/// ships the tables of its three dialects (``sqlite``, ``postgresql``, ``mariadb``); a plugin
/// writes its own, usually by running the kit once and reading the SQL each missing entry prints.
///
/// ```swift
/// let mysql: SQLExpectations = [
///     "join.left": [#"SELECT `profiles`.`id`, … LEFT JOIN `users` `User` ON … AND `User`.`deleted_at` IS NULL"#],
///     "insert.explicit-returning": .unsupported,
/// ]
/// ```
public struct SQLExpectations: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var outcomes: [String: ExpectedSQL]

    public init(_ outcomes: [String: ExpectedSQL]) {
        self.outcomes = outcomes
    }

    public init(dictionaryLiteral elements: (String, ExpectedSQL)...) {
        self.outcomes = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public subscript(id: String) -> ExpectedSQL? { outcomes[id] }

    /// These expectations, with `other`'s replacing any of the same id: a dialect that differs
    /// from another in a few scenarios starts from its table.
    public func merging(_ other: SQLExpectations) -> SQLExpectations {
        SQLExpectations(outcomes.merging(other.outcomes, uniquingKeysWith: { _, new in new }))
    }
}
