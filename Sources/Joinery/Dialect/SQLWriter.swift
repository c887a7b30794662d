/// Writes SQL text and collects bound values for one statement, in one dialect: the default
/// lowering behind ``SQLDialect/lower(_:)``. Identifiers are always quoted by the dialect and
/// values are always bound; the writer never splices a value into the text (DDL defaults aside,
/// which engines cannot bind).
///
/// A dialect that needs a different shape for one clause can write it with the same writer:
///
/// ```swift
/// var writer = SQLWriter(dialect: self)
/// writer.append("SELECT ")
/// writer.identifier("users")       // "users"
/// writer.bind(.integer(1))         // $1 or ?
/// return writer.finish()
/// ```
public struct SQLWriter {
    /// The dialect whose hooks and capabilities the writer follows.
    public let dialect: any SQLDialect
    /// The SQL written so far.
    public private(set) var sql = ""
    /// The values bound so far, in placeholder order.
    public private(set) var bindings: [SQLValue] = []
    /// The dialect's placeholder spelling, read once: a preload's `IN` list binds tens of
    /// thousands of values, and the capabilities are built anew on each read.
    private let placeholders: PlaceholderStyle
    /// `(?, ?, ?)` for rows of `count` values, made once per statement.
    private var questionMarkRow: (count: Int, text: String) = (-1, "")

    /// A writer with nothing written yet.
    public init(dialect: any SQLDialect) {
        self.dialect = dialect
        placeholders = dialect.capabilities.placeholders
    }

    /// The SQL and bindings written.
    public func finish() -> LoweredStatement {
        LoweredStatement(sql: sql, bindings: bindings)
    }

    /// Appends SQL text as it is (a keyword, punctuation); values are bound, never appended.
    public mutating func append(_ text: String) {
        sql += text
    }

    /// Appends a quoted identifier.
    public mutating func identifier(_ name: String) {
        sql += dialect.quoteIdentifier(name)
    }

    /// Appends quoted identifiers separated by commas: `"a", "b"`.
    public mutating func identifiers(_ names: [String]) {
        for (index, name) in names.enumerated() {
            if index > 0 { sql += ", " }
            identifier(name)
        }
    }

    /// Binds `value` and appends its placeholder.
    public mutating func bind(_ value: SQLValue) {
        bindings.append(value)
        if case .questionMark = placeholders {
            sql += "?"
        } else {
            sql += placeholders.placeholder(bindings.count)
        }
    }

    /// Binds the values of one row and appends their placeholders in parentheses: `($1, $2)` or
    /// `(?, ?)` — a multi-row `INSERT` writes thousands of these.
    public mutating func bindRow(_ row: [SQLValue]) {
        if case .questionMark = placeholders {
            if questionMarkRow.count != row.count {
                questionMarkRow = (row.count, "(" + Array(repeating: "?", count: row.count).joined(separator: ", ") + ")")
            }
            sql += questionMarkRow.text
            bindings.append(contentsOf: row)
            return
        }
        sql += "("
        bindList(row, separator: ", ")
        sql += ")"
    }

    /// Binds `values` and appends their placeholders, `separator` between them: `$1,$2,$3` or
    /// `?,?,?` — a preload's `IN` list binds tens of thousands at once.
    public mutating func bindList(_ values: [SQLValue], separator: String) {
        guard !values.isEmpty else { return }
        if case .questionMark = placeholders {
            var list = String(repeating: "?" + separator, count: values.count)
            list.removeLast(separator.count)
            sql += list
            bindings.append(contentsOf: values)
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { sql += separator }
            bind(value)
        }
    }

    /// Reserves room for `bytes` more bytes of SQL and `values` more bindings.
    public mutating func reserve(bytes: Int, values: Int) {
        sql.reserveCapacity(sql.utf8.count + bytes)
        bindings.reserveCapacity(bindings.count + values)
    }

    /// `"table"."column"`, or `"column"` when unqualified.
    public mutating func column(_ reference: ColumnReference) {
        if let table = reference.table {
            identifier(table)
            sql += "."
        }
        identifier(reference.column)
    }

    /// Writes one whole statement: what ``SQLDialect/lower(_:)`` does by default.
    public mutating func write(_ statement: SQLStatement) throws {
        switch statement {
        case .select(let select): try write(select)
        case .insert(let insert): try write(insert)
        case .update(let update): try write(update)
        case .delete(let delete): try write(delete)
        case .createTable(let create): try write(create)
        case .createIndex(let create): try write(create)
        case .addForeignKey(let add): try write(add)
        case .addColumn(let add): try write(add)
        }
    }

    // MARK: Conditions

    /// Where a condition appears, which decides whether it needs parentheses.
    private enum Position {
        case whole, insideAnd, insideOr
    }

    /// Appends a condition. AND binds tighter than OR, so an OR inside an AND (and a hand-written
    /// fragment inside either) is parenthesised; nothing else is.
    public mutating func condition(_ condition: Condition) throws {
        try write(condition, at: .whole)
    }

    private mutating func write(_ condition: Condition, at position: Position) throws {
        switch condition {
        case .comparison(let left, let op, let right):
            operand(left)
            sql += " \(op.rawValue) "
            operand(right)
        case .and(let conditions):
            if conditions.isEmpty { sql += "1 = 1"; return }
            if conditions.count == 1 { try write(conditions[0], at: position); return }
            try list(conditions, separator: " AND ", inside: .insideAnd, parenthesised: position == .insideOr)
        case .or(let conditions):
            if conditions.isEmpty { sql += "1 = 0"; return }
            if conditions.count == 1 { try write(conditions[0], at: position); return }
            try list(conditions, separator: " OR ", inside: .insideOr, parenthesised: position == .insideAnd)
        case .not(let inner):
            sql += "NOT ("
            try write(inner, at: .whole)
            sql += ")"
        case .in(let target, let values):
            switch values.count {
            case 0:
                sql += "1 = 0"
            case 1:
                operand(target)
                sql += " = "
                bind(values[0])
            default:
                operand(target)
                sql += " IN ("
                // Room once for the whole list: reserving per call would reallocate to the exact
                // size each time (a multi-row INSERT calls bindList once per row).
                reserve(bytes: values.count * 8, values: values.count)
                bindList(values, separator: ",")
                sql += ")"
            }
        case .inArray(let target, let values, let elementType):
            var operandWriter = SQLWriter(dialect: dialect)
            operandWriter.bindings = bindings
            operandWriter.operand(target)
            bindings = operandWriter.bindings
            let parameter = try dialect.arrayParameter(values, elementType: elementType)
            bindings.append(parameter)
            let placeholder = dialect.capabilities.placeholders.placeholder(bindings.count)
            sql += try dialect.arrayMembership(operandWriter.sql, placeholder: placeholder, elementType: elementType)
        case .isNull(let target):
            operand(target)
            sql += " IS NULL"
        case .isNotNull(let target):
            operand(target)
            sql += " IS NOT NULL"
        case .like(let target, let pattern):
            operand(target)
            sql += " LIKE "
            bind(.text(pattern))
        case .fragment(let text, let arguments):
            let capabilities = dialect.capabilities
            let rewritten = try PlaceholderRewriter.rewrite(
                text, style: capabilities.placeholders, startingAt: bindings.count + 1,
                argumentCount: arguments.count, backslashEscapes: capabilities.backslashEscapesInStrings)
            sql += position == .whole ? rewritten : "(" + rewritten + ")"
            bindings += arguments
        }
    }

    private mutating func list(
        _ conditions: [Condition], separator: String, inside position: Position, parenthesised: Bool
    ) throws {
        if parenthesised { sql += "(" }
        for (index, item) in conditions.enumerated() {
            if index > 0 { sql += separator }
            try write(item, at: position)
        }
        if parenthesised { sql += ")" }
    }

    /// Writes an operand: a qualified column, or a placeholder with the value bound.
    public mutating func operand(_ operand: Operand) {
        switch operand {
        case .column(let reference): column(reference)
        case .value(let value): bind(value)
        }
    }
}
