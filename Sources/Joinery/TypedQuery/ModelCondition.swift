/// A condition on the stored fields of `Root`, written with key paths and checked by the
/// compiler: a misspelt field, or a value of the wrong type, does not build.
///
/// ```swift
/// db.query(Profile.self).filter(\.name == "jinzhu")                  // WHERE "profiles"."name" = ?
/// db.query(Profile.self).filter(\.userID == nil || \.name != "x")     // "user_id" IS NULL OR "name" <> ?
/// db.query(Profile.self).filter(.in(\.id, [1, 2, 3]))                // "profiles"."id" IN (?, ?, ?)
/// db.query(Profile.self).filter(.like(\.name, "jin%"))               // "profiles"."name" LIKE ?
/// db.query(Profile.self).join(\.user).filter(\.user, \.name == "jinzhu")   // "User"."name" = ?
/// ```
///
/// Comparing with `nil` (or an optional that is nil) writes `IS NULL` / `IS NOT NULL`, never
/// `= NULL`. The string forms (``QueryBuilder/filter(_:_:)-(String,_)``) stay for what key paths
/// cannot say.
public struct ModelCondition<Root: Model>: Sendable {
    /// The condition in Joinery's IR: its columns are `Root`'s field names, not yet qualified.
    public let condition: Condition

    /// A typed condition around an IR condition whose columns are `Root`'s fields.
    public init(_ condition: Condition) {
        self.condition = condition
    }

    /// Both hold: `a AND b`.
    public static func && (left: Self, right: Self) -> Self {
        Self(left.condition.and(right.condition))
    }

    /// Either holds: `a OR b`.
    public static func || (left: Self, right: Self) -> Self {
        switch left.condition {
        case .or(let conditions): return Self(.or(conditions + [right.condition]))
        default: return Self(.or([left.condition, right.condition]))
        }
    }

    /// `NOT (a)`.
    public static prefix func ! (condition: Self) -> Self {
        Self(.not(condition.condition))
    }

    /// `field IN (?, ?, …)`; an empty list matches no row.
    public static func `in`<Value: SQLValueConvertible>(_ field: KeyPath<Root, Value>, _ values: some Sequence<Value>) -> Self {
        Self(.in(.column(Root.reference(to: field)), values.map(\.sqlValue)))
    }

    /// `field IN (…)` for an optional field, with values of the wrapped type.
    public static func `in`<Value: SQLValueConvertible>(_ field: KeyPath<Root, Value?>, _ values: some Sequence<Value>) -> Self {
        Self(.in(.column(Root.reference(to: field)), values.map(\.sqlValue)))
    }

    /// `field LIKE ?` (`%` any run of characters, `_` one character).
    public static func like(_ field: KeyPath<Root, String>, _ pattern: String) -> Self {
        Self(.like(.column(Root.reference(to: field)), pattern))
    }

    /// `field LIKE ?` for an optional text field.
    public static func like(_ field: KeyPath<Root, String?>, _ pattern: String) -> Self {
        Self(.like(.column(Root.reference(to: field)), pattern))
    }

    /// `field IS NULL`.
    public static func isNull<Value>(_ field: KeyPath<Root, Value?>) -> Self {
        Self(.isNull(.column(Root.reference(to: field))))
    }

    /// `field IS NOT NULL`.
    public static func isNotNull<Value>(_ field: KeyPath<Root, Value?>) -> Self {
        Self(.isNotNull(.column(Root.reference(to: field))))
    }

    /// The same condition on a joined table: each column qualified by `alias` (`"User"`,
    /// `"User__Company"`).
    func qualified(by alias: String) -> Condition {
        condition.mapColumns { ColumnReference($0.column, table: $0.table ?? alias) }
    }
}

extension Model {
    /// The column a key path names, by field name (the planner maps it to the column). A key
    /// path to no stored field (a computed property, an association) names a column no table
    /// has, so the query fails with a misuse naming it.
    static func reference<Value>(to keyPath: KeyPath<Self, Value>) -> ColumnReference {
        ColumnReference(fieldName(for: keyPath) ?? "\(keyPath) (not a stored field of \(Self.self))")
    }

    /// The field a key path names, or a misuse error that says why it is not one.
    static func requireFieldName<Value>(_ keyPath: KeyPath<Self, Value>) throws -> String {
        guard let name = fieldName(for: keyPath) else {
            throw JoineryError.misuse("\(keyPath) is not a stored field of \(Self.self)", model: modelDeclaration.name)
        }
        return name
    }
}
