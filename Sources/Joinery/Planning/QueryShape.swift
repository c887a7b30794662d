/// A select query with its values taken out: the shape that plans and SQL are cached under.
/// `Profile where name = 'ann'` and `Profile where name = 'bob'` share a shape, so the second is
/// neither planned nor lowered again — only its values are bound.
///
/// Each value becomes a marker, a text no application writes (a control character, then a
/// random number drawn once per process, then the value's index). The planner and the writer
/// carry values without looking at them, so the markers come out as bindings of the lowered
/// statements, where the real values replace them. NULL stays in the shape (it is part of how a
/// condition may be written), and a query whose values a dialect rewrites (`inArray`) has no
/// shape: it is planned afresh each time.
///
/// A select is kept by its fingerprint instead (``ShapeFingerprint``), so a hit builds no shape;
/// these are the inserts.
enum QueryShape: Hashable, Sendable {
    /// An insert of one row.
    case insert(InsertShape)
    /// An insert of one row of every column of a model type, those in `nulls` (a bit per
    /// column position) NULL: what `create` runs, keyed without hashing a single name.
    case modelInsert(ObjectIdentifier, nulls: UInt64)
}

/// The values taken out of a query, in marker order, and how to put them back.
struct QueryValues: Sendable {
    /// Drawn once per process, so no stored text can pass for a marker.
    static let prefix = "\u{1}joinery-\(UInt64.random(in: 1...UInt64.max))-"

    var values: [SQLValue]

    /// The first markers, made once: a shape is taken on every query.
    private static let markers = (0..<64).map { SQLValue.text(prefix + String($0)) }

    static func marker(_ index: Int) -> SQLValue { index < markers.count ? markers[index] : .text(prefix + String(index)) }

    /// The value index `value` marks, or nil for any other value.
    @inline(__always)
    static func index(of value: SQLValue) -> Int? {
        guard case .text(let text) = value, text.utf8.first == 1, text.hasPrefix(prefix) else { return nil }
        return Int(text.utf8.dropFirst(prefix.utf8.count).reduce(0) { $0 * 10 + Int($1) - 48 })
    }

    /// Replaces every marker in `bindings` by its value.
    func restore(_ bindings: inout [SQLValue]) {
        for position in bindings.indices { bindings[position] = restore(bindings[position]) }
    }

    /// For each binding of `lowered`, the index of the value its marker stands for, or -1 for a
    /// binding of the statement's own; nil when a marker reached the SQL text (a dialect wrote
    /// the value as a literal), so the statement cannot be reused with other values.
    static func markerPositions(in lowered: LoweredStatement) -> [Int]? {
        // A marker starts with the byte 0x01, which SQL text does not hold: one scan of the bytes
        // answers, without a substring search through a 100 KB preload statement.
        guard !(lowered.sql.utf8.contains(1) && lowered.sql.contains(prefix)) else { return nil }
        return lowered.bindings.map { index(of: $0) ?? -1 }
    }

    /// The statement with its values back, for observers (which see what ran).
    func restore(_ statement: SQLStatement) -> SQLStatement {
        switch statement {
        case .select(var select):
            select.filter = select.filter.map(restore)
            for index in select.joins.indices { select.joins[index].on = restore(select.joins[index].on) }
            return .select(select)
        case .insert(var insert):
            insert.rows = insert.rows.map { row in row.map(restore) }
            return .insert(insert)
        default:
            return statement
        }
    }

    private func restore(_ value: SQLValue) -> SQLValue {
        Self.index(of: value).flatMap { $0 < values.count ? values[$0] : nil } ?? value
    }

    func restore(_ condition: Condition) -> Condition {
        condition.replacingValues(restore) ?? condition
    }
}

/// The shape of an insert of one row: the columns written and which of them are NULL (the
/// markers stand for the others, in column order). Cheaper to hash than the query itself.
struct InsertShape: Hashable, Sendable {
    var model: String
    var columns: [String]
    var nullColumns: [Int]
    var returning: [String]?

    /// The insert with a marker for each non-NULL value: what is planned and lowered once.
    var query: InsertQuery {
        var row: [String: SQLValue] = [:]
        row.reserveCapacity(columns.count)
        var marker = 0
        for (index, column) in columns.enumerated() {
            if nullColumns.contains(index) {
                row[column] = .null
            } else {
                row[column] = QueryValues.marker(marker)
                marker += 1
            }
        }
        return InsertQuery(model, rows: [row], returning: returning)
    }
}

extension InsertShape {
    /// The shape of an insert of one row of `columns` with `values` (in that order), and the
    /// non-NULL values taken out.
    static func of(
        _ model: String, columns: [String], values: [SQLValue], returning: [String]? = nil
    ) -> (shape: InsertShape, values: QueryValues) {
        var taken: [SQLValue] = []
        taken.reserveCapacity(values.count)
        var nulls: [Int] = []
        for (index, value) in values.enumerated() {
            if value.isNull { nulls.append(index) } else { taken.append(value) }
        }
        return (InsertShape(model: model, columns: columns, nullColumns: nulls, returning: returning), QueryValues(values: taken))
    }
}

extension InsertQuery {
    /// An insert of one row: `values` in the order of `columns`.
    init(_ model: String, columns: [String], values: [SQLValue], returning: [String]? = nil) {
        self.init(model, rows: [Dictionary(zip(columns, values), uniquingKeysWith: { first, _ in first })], returning: returning)
    }
}

extension SelectQuery {
    /// This query with its values taken out, and those values; nil when it has no shape (a
    /// condition whose values a dialect may rewrite).
    func shaped() -> (query: SelectQuery, values: QueryValues)? {
        var values: [SQLValue] = []
        func take(_ value: SQLValue) -> SQLValue {
            if value.isNull { return value }
            values.append(value)
            return QueryValues.marker(values.count - 1)
        }
        var shape = self
        if let filter {
            guard let replaced = filter.replacingValues(take) else { return nil }
            shape.filter = replaced
        }
        for index in includes.indices {
            guard let filter = includes[index].filter else { continue }
            guard let replaced = filter.replacingValues(take) else { return nil }
            shape.includes[index].filter = replaced
        }
        return (shape, QueryValues(values: values))
    }
}

extension Condition {
    /// The condition with each bound value passed through `transform`, in the order they bind;
    /// nil when it holds an `inArray` (a dialect turns its values into one parameter).
    func replacingValues(_ transform: (SQLValue) -> SQLValue) -> Condition? {
        func operand(_ operand: Operand) -> Operand {
            if case .value(let value) = operand { return .value(transform(value)) }
            return operand
        }
        func all(_ conditions: [Condition]) -> [Condition]? {
            var replaced: [Condition] = []
            replaced.reserveCapacity(conditions.count)
            for condition in conditions {
                guard let next = condition.replacingValues(transform) else { return nil }
                replaced.append(next)
            }
            return replaced
        }
        switch self {
        case .comparison(let left, let op, let right):
            let newLeft = operand(left)
            return .comparison(newLeft, op, operand(right))
        case .and(let conditions): return all(conditions).map { .and($0) }
        case .or(let conditions): return all(conditions).map { .or($0) }
        case .not(let condition): return condition.replacingValues(transform).map { .not($0) }
        case .in(let target, let values):
            let newTarget = operand(target)
            return .in(newTarget, values.map(transform))
        case .inArray: return nil
        case .isNull(let target): return .isNull(operand(target))
        case .isNotNull(let target): return .isNotNull(operand(target))
        case .like(let target, let pattern):
            let newTarget = operand(target)
            guard case .text(let newPattern) = transform(.text(pattern)) else { return nil }
            return .like(newTarget, newPattern)
        case .fragment(let sql, let arguments): return .fragment(sql, arguments: arguments.map(transform))
        }
    }
}
