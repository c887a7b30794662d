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
    public var sql: String { text.string }
    /// The values bound so far, in placeholder order.
    public private(set) var bindings: [SQLValue] = []
    /// The SQL's UTF-8 bytes: appending bytes costs a fraction of appending to a `String`, and
    /// lowering a fresh query appends a hundred pieces.
    var text = SQLTextBuffer(capacity: 1024)
    /// The dialect's capabilities, read once: a dialect may build them anew on each read.
    let capabilities: DialectCapabilities
    /// The dialect's placeholder spelling (a preload's `IN` list binds tens of thousands of values).
    private let placeholders: PlaceholderStyle
    /// The dialect's ``SQLDialect/identifierQuote`` as a byte, when it is ASCII.
    let quote: UInt8?
    /// `(?, ?, ?)` for rows of `count` values, made once per statement.
    private var questionMarkRow: (count: Int, text: String) = (-1, "")

    /// A writer with nothing written yet.
    public init(dialect: any SQLDialect) {
        self.dialect = dialect
        capabilities = dialect.capabilities
        placeholders = capabilities.placeholders
        quote = dialect.identifierQuote.flatMap { $0.isASCII ? UInt8($0.value) : nil }
    }

    /// The SQL and bindings written.
    public func finish() -> LoweredStatement {
        LoweredStatement(sql: sql, bindings: bindings)
    }

    /// Appends SQL text as it is (a keyword, punctuation); values are bound, never appended.
    public mutating func append(_ sql: String) {
        text.append(sql)
    }

    /// Appends SQL text the writer itself spells (keywords, punctuation): no `String` made.
    mutating func put(_ literal: StaticString) {
        // Not `withUTF8Buffer`: a closure writing to `self` is checked for exclusivity at run time.
        if literal.hasPointerRepresentation {
            text.append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        } else {
            append(literal.description)
        }
    }

    /// Appends a decimal number.
    mutating func put(_ number: Int) {
        append(String(number))
    }

    /// Appends a quoted identifier.
    public mutating func identifier(_ name: String) {
        guard let quote else {
            append(dialect.quoteIdentifier(name))
            return
        }
        // At most every byte doubled, and the two quotes: room made once, bytes written in place.
        text.write(atMost: name.utf8.count * 2 + 2) { out in
            name.utf8.withContiguousStorageIfAvailable { Self.quote($0, with: quote, into: out) }
                ?? Array(name.utf8).withUnsafeBufferPointer { Self.quote($0, with: quote, into: out) }
        }
    }

    /// Writes `bytes` enclosed in `quote`, each `quote` inside doubled, and returns the length.
    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, with quote: UInt8, into out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = quote
        var written = 1
        for byte in bytes {
            out[written] = byte
            written += 1
            if byte == quote {
                out[written] = quote
                written += 1
            }
        }
        out[written] = quote
        return written + 1
    }

    /// Appends quoted identifiers separated by commas: `"a", "b"`.
    public mutating func identifiers(_ names: [String]) {
        for (index, name) in names.enumerated() {
            if index > 0 { put(", ") }
            identifier(name)
        }
    }

    /// Binds `value` and appends its placeholder.
    public mutating func bind(_ value: SQLValue) {
        bindings.append(value)
        switch placeholders {
        case .questionMark:
            text.append(UInt8(ascii: "?"))
        case .dollarNumbered:
            text.append(UInt8(ascii: "$"))
            put(bindings.count)
        case .numbered:
            append(placeholders.placeholder(bindings.count))
        }
    }

    /// Binds the values of one row and appends their placeholders in parentheses: `($1, $2)` or
    /// `(?, ?)` — a multi-row `INSERT` writes thousands of these.
    public mutating func bindRow(_ row: [SQLValue]) {
        if case .questionMark = placeholders {
            if questionMarkRow.count != row.count {
                questionMarkRow = (row.count, "(" + Array(repeating: "?", count: row.count).joined(separator: ", ") + ")")
            }
            append(questionMarkRow.text)
            bindings.append(contentsOf: row)
            return
        }
        put("(")
        bindList(row, separator: ", ")
        put(")")
    }

    /// Binds `values` and appends their placeholders, `separator` between them: `$1,$2,$3` or
    /// `?,?,?` — a preload's `IN` list binds tens of thousands at once.
    public mutating func bindList(_ values: [SQLValue], separator: String) {
        guard !values.isEmpty else { return }
        if case .questionMark = placeholders {
            var list = String(repeating: "?" + separator, count: values.count)
            list.removeLast(separator.count)
            append(list)
            bindings.append(contentsOf: values)
            return
        }
        for (index, value) in values.enumerated() {
            if index > 0 { append(separator) }
            bind(value)
        }
    }

    /// Reserves room for `bytes` more bytes of SQL and `values` more bindings.
    public mutating func reserve(bytes: Int, values: Int) {
        text.reserve(bytes)
        bindings.reserveCapacity(bindings.count + values)
    }

    /// `"table"."column"`, or `"column"` when unqualified.
    public mutating func column(_ reference: ColumnReference) {
        if let table = reference.table {
            identifier(table)
            put(".")
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
            put(" ")
            append(op.rawValue)
            put(" ")
            operand(right)
        case .and(let conditions):
            if conditions.isEmpty { put("1 = 1"); return }
            if conditions.count == 1 { try write(conditions[0], at: position); return }
            try list(conditions, separator: " AND ", inside: .insideAnd, parenthesised: position == .insideOr)
        case .or(let conditions):
            if conditions.isEmpty { put("1 = 0"); return }
            if conditions.count == 1 { try write(conditions[0], at: position); return }
            try list(conditions, separator: " OR ", inside: .insideOr, parenthesised: position == .insideAnd)
        case .not(let inner):
            put("NOT (")
            try write(inner, at: .whole)
            put(")")
        case .in(let target, let values):
            switch values.count {
            case 0:
                put("1 = 0")
            case 1:
                operand(target)
                put(" = ")
                bind(values[0])
            default:
                operand(target)
                put(" IN (")
                // Room once for the whole list: reserving per call would reallocate to the exact
                // size each time (a multi-row INSERT calls bindList once per row).
                reserve(bytes: values.count * 8, values: values.count)
                bindList(values, separator: ",")
                put(")")
            }
        case .inArray(let target, let values, let elementType):
            var operandWriter = SQLWriter(dialect: dialect)
            operandWriter.bindings = bindings
            operandWriter.operand(target)
            bindings = operandWriter.bindings
            let parameter = try dialect.arrayParameter(values, elementType: elementType)
            bindings.append(parameter)
            let placeholder = placeholders.placeholder(bindings.count)
            append(try dialect.arrayMembership(operandWriter.sql, placeholder: placeholder, elementType: elementType))
        case .isNull(let target):
            operand(target)
            put(" IS NULL")
        case .isNotNull(let target):
            operand(target)
            put(" IS NOT NULL")
        case .like(let target, let pattern):
            operand(target)
            put(" LIKE ")
            bind(.text(pattern))
        case .fragment(let text, let arguments):
            let rewritten = try PlaceholderRewriter.rewrite(
                text, style: capabilities.placeholders, startingAt: bindings.count + 1,
                argumentCount: arguments.count, backslashEscapes: capabilities.backslashEscapesInStrings)
            append(position == .whole ? rewritten : "(" + rewritten + ")")
            bindings += arguments
        }
    }

    private mutating func list(
        _ conditions: [Condition], separator: String, inside position: Position, parenthesised: Bool
    ) throws {
        if parenthesised { put("(") }
        for (index, item) in conditions.enumerated() {
            if index > 0 { append(separator) }
            try write(item, at: position)
        }
        if parenthesised { put(")") }
    }

    /// Writes an operand: a qualified column, or a placeholder with the value bound.
    public mutating func operand(_ operand: Operand) {
        switch operand {
        case .column(let reference): column(reference)
        case .value(let value): bind(value)
        }
    }
}
