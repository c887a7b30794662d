/// A boolean condition: what goes after `WHERE` or `ON`. Values are always bound.
///
/// ```swift
/// Condition.equal("name", "jinzhu")                  // "name" = ?
/// .and([.isNull(.column("deleted_at")), .like(.column("name"), "jin%")])
/// .fragment("name = ?", ["jinzhu"])                  // written by hand, placeholders rewritten
/// ```
public indirect enum Condition: Sendable, Hashable {
    /// `left op right`.
    case comparison(Operand, ComparisonOperator, Operand)
    /// Every condition holds (an empty list is true).
    case and([Condition])
    /// At least one holds (an empty list is false).
    case or([Condition])
    case not(Condition)
    /// `operand IN (?, ?, …)`; one value is written `operand = ?`, none is false.
    case `in`(Operand, [SQLValue])
    /// Membership in one bound array (`operand = ANY($1::bigint[])` on PostgreSQL): how a dialect
    /// whose ``DialectCapabilities/largeIn`` is ``LargeInStrategy/bindArray`` takes many keys.
    case inArray(Operand, [SQLValue], elementType: ColumnType)
    case isNull(Operand)
    case isNotNull(Operand)
    /// `operand LIKE ?`, with the pattern bound.
    case like(Operand, String)
    /// SQL written by hand, with `?` placeholders for `arguments`: GORM's
    /// `Preload("User", "name = ?", "jinzhu")`. The placeholders are rewritten for the dialect
    /// (`$n` on PostgreSQL); a count that differs from `arguments` is a typed error.
    case fragment(String, arguments: [SQLValue])

    /// A fragment whose first placeholder takes `list` (expanded to `(?, ?, …)`, or `(NULL)`
    /// when empty), then `more`. A `[UInt8]` is one blob value, not a list.
    public static func fragment<Element: SQLValueConvertible>(
        _ sql: String, list: [Element], _ more: [any SQLValueConvertible] = []
    ) -> Condition {
        // `as? [UInt8]` alone would also take an empty list of any type.
        if Element.self == UInt8.self, let blob = list as? [UInt8] {
            return .fragment(sql, arguments: [blob.sqlValue] + more.map(\.sqlValue))
        }
        return .fragment(
            PlaceholderRewriter.expandingFirstPlaceholder(of: sql, into: list.count),
            arguments: list.map(\.sqlValue) + more.map(\.sqlValue))
    }

    /// `column = value`.
    public static func equal(_ column: String, _ value: SQLValue, table: String? = nil) -> Condition {
        .comparison(.column(ColumnReference(column, table: table)), .equal, .value(value))
    }

    /// The number of values this condition binds (before any dialect rewrites `inArray`).
    public var bindingCount: Int {
        switch self {
        case .comparison(let left, _, let right): return left.bindingCount + right.bindingCount
        case .and(let conditions), .or(let conditions): return conditions.reduce(0) { $0 + $1.bindingCount }
        case .not(let condition): return condition.bindingCount
        case .in(let operand, let values): return operand.bindingCount + values.count
        case .inArray(let operand, _, _): return operand.bindingCount + 1
        case .isNull(let operand), .isNotNull(let operand): return operand.bindingCount
        case .like(let operand, _): return operand.bindingCount + 1
        case .fragment(_, let arguments): return arguments.count
        }
    }

    /// `self AND other`, flattening nested ANDs.
    public func and(_ other: Condition) -> Condition {
        switch (self, other) {
        case (.and(let left), .and(let right)): return .and(left + right)
        case (.and(let left), _): return .and(left + [other])
        case (_, .and(let right)): return .and([self] + right)
        default: return .and([self, other])
        }
    }
}

/// One side of a comparison: a column or a bound value.
public enum Operand: Sendable, Hashable {
    case column(ColumnReference)
    case value(SQLValue)

    /// A column operand: `.column("name", table: "User")` is `"User"."name"`.
    public static func column(_ name: String, table: String? = nil) -> Operand {
        .column(ColumnReference(name, table: table))
    }

    var bindingCount: Int {
        if case .value = self { return 1 }
        return 0
    }
}

/// The comparison of two operands.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

extension Condition {
    /// Calls `transform` on every column reference, keeping the shape: how the planner
    /// resolves relation aliases to the names SQL uses.
    public func mapColumns(_ transform: (ColumnReference) throws -> ColumnReference) rethrows -> Condition {
        func operand(_ operand: Operand) throws -> Operand {
            if case .column(let reference) = operand { return .column(try transform(reference)) }
            return operand
        }
        switch self {
        case .comparison(let left, let op, let right): return .comparison(try operand(left), op, try operand(right))
        case .and(let conditions): return .and(try conditions.map { try $0.mapColumns(transform) })
        case .or(let conditions): return .or(try conditions.map { try $0.mapColumns(transform) })
        case .not(let condition): return .not(try condition.mapColumns(transform))
        case .in(let target, let values): return .in(try operand(target), values)
        case .inArray(let target, let values, let type): return .inArray(try operand(target), values, elementType: type)
        case .isNull(let target): return .isNull(try operand(target))
        case .isNotNull(let target): return .isNotNull(try operand(target))
        case .like(let target, let pattern): return .like(try operand(target), pattern)
        case .fragment: return self
        }
    }
}
