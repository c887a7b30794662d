/// How a dialect spells the n-th bound value.
public enum PlaceholderStyle: Sendable, Hashable, Codable {
    /// `?` — SQLite, MariaDB, MySQL.
    case questionMark
    /// `$1`, `$2`, … — PostgreSQL.
    case dollarNumbered
    /// A prefix and the 1-based position: `.numbered(prefix: ":")` writes `:1` (Oracle),
    /// `.numbered(prefix: "@p")` writes `@p1` (SQL Server).
    case numbered(prefix: String)

    /// The placeholder of the `index`-th bound value (1-based).
    public func placeholder(_ index: Int) -> String {
        switch self {
        case .questionMark: return "?"
        case .dollarNumbered: return "$\(index)"
        case .numbered(let prefix): return prefix + String(index)
        }
    }
}

/// Rewrites the `?` placeholders of a user-written SQL fragment (`"name = ?"`) into a dialect's
/// spelling, skipping every `?` that is not a placeholder: inside string literals (`'a?'`,
/// `E'it\'s?'`, `$$…$$` and `$tag$…$tag$` bodies), quoted identifiers (`"a?"`, and the same in backticks) and
/// comments (`-- ?`, `/* ? */`, nested on PostgreSQL).
///
/// ```swift
/// try PlaceholderRewriter.rewrite("name = ? AND note <> '?'", style: .dollarNumbered, startingAt: 3, argumentCount: 1)
/// // "name = $3 AND note <> '?'"
/// ```
public enum PlaceholderRewriter {
    /// The number of `?` placeholders in `sql`.
    /// `backslashEscapes`: a backslash escapes the next character in every '…' string, as in
    /// MariaDB's and MySQL's default mode (PostgreSQL and SQLite only do so in `E'…'`).
    public static func count(in sql: String, backslashEscapes: Bool = false) -> Int {
        var count = 0
        scan(sql, backslashEscapes: backslashEscapes) { _ in count += 1 }
        return count
    }

    /// The highest `$n` placeholder in `sql` (0 when there is none): how many values a
    /// PostgreSQL statement takes. PostgreSQL itself accepts surplus values silently.
    public static func highestNumberedPlaceholder(in sql: String) -> Int {
        var highest = 0
        scan(sql, numbered: { highest = max(highest, $0) }) { _ in }
        return highest
    }

    /// Rewrites every placeholder, numbering from `startingAt`. Throws
    /// ``JoineryError/Kind/parameterCount`` when the fragment has a different number of
    /// placeholders than `argumentCount`, and ``JoineryError/Kind/misuse`` when it has a
    /// numbered one (`$1`): its number would count the statement's values, not the fragment's,
    /// and bind another value on PostgreSQL.
    public static func rewrite(
        _ sql: String, style: PlaceholderStyle, startingAt first: Int = 1, argumentCount: Int,
        backslashEscapes: Bool = false
    ) throws -> String {
        var found = 0, numbered: Int?
        scan(sql, backslashEscapes: backslashEscapes, numbered: { numbered = numbered ?? $0 }) { _ in found += 1 }
        if let numbered {
            throw JoineryError(
                .misuse, "the fragment \"\(sql)\" has the numbered placeholder $\(numbered); fragments take ? placeholders only",
                sql: sql)
        }
        guard found == argumentCount else {
            throw JoineryError(
                .parameterCount,
                "the fragment \"\(sql)\" has \(found) placeholder\(found == 1 ? "" : "s") but \(argumentCount) argument\(argumentCount == 1 ? " was" : "s were") given",
                sql: sql)
        }
        if style == .questionMark { return sql }
        var output = ""
        output.reserveCapacity(sql.utf8.count + found * 2)
        var next = first
        var copiedUpTo = sql.utf8.startIndex
        scan(sql, backslashEscapes: backslashEscapes) { index in
            output += sql[copiedUpTo..<index]
            output += style.placeholder(next)
            next += 1
            copiedUpTo = sql.utf8.index(after: index)
        }
        output += sql[copiedUpTo...]
        return output
    }

    /// `sql` with its first placeholder standing for `count` values, GORM's slice expansion:
    /// `id IN ?` becomes `id IN (?, ?, ?)` (`id IN (?)` becomes `id IN (?, ?, ?)` too), and no
    /// values become `(NULL)`, which matches no row (`x IN (NULL)` is never true).
    public static func expandingFirstPlaceholder(of sql: String, into count: Int) -> String {
        var first: String.Index?
        scan(sql) { index in first = first ?? index }
        guard let first else { return sql }
        let before = sql[..<first].last { !$0.isWhitespace }
        let after = sql[sql.utf8.index(after: first)...].first { !$0.isWhitespace }
        let list = count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
        let parenthesized = before == "(" && after == ")"
        return String(sql[..<first]) + (parenthesized ? list : "(\(list))") + String(sql[sql.utf8.index(after: first)...])
    }

    /// Whether `byte` may appear in an unquoted identifier (or a dollar-quote tag): an ASCII
    /// letter, `_`, a digit unless `first`, or any byte of a non-ASCII character.
    private static func isIdentifierByte(_ byte: UInt8, first: Bool) -> Bool {
        if byte >= 0x80 || byte == UInt8(ascii: "_") { return true }
        if byte | 0x20 >= UInt8(ascii: "a"), byte | 0x20 <= UInt8(ascii: "z") { return true }
        return !first && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Calls `found` with the index of each placeholder `?`, and `numbered` with each `$n`.
    private static func scan(
        _ sql: String, backslashEscapes: Bool = false, numbered: (Int) -> Void = { _ in },
        _ found: (String.Index) -> Void
    ) {
        let utf8 = sql.utf8
        var index = utf8.startIndex
        func byte(at position: String.Index) -> UInt8? { position < utf8.endIndex ? utf8[position] : nil }
        func advance(_ position: inout String.Index) { position = utf8.index(after: position) }

        /// Skips a quoted run that ends at `quote`, where a doubled quote is an escaped one
        /// (and, when `backslashEscapes`, `\x` escapes x).
        func skipQuoted(_ quote: UInt8, backslashEscapes: Bool) {
            advance(&index)  // opening quote
            while let current = byte(at: index) {
                advance(&index)
                if backslashEscapes, current == UInt8(ascii: "\\") {
                    if index < utf8.endIndex { advance(&index) }
                } else if current == quote {
                    guard byte(at: index) == quote else { return }
                    advance(&index)  // doubled quote: still inside
                }
            }
        }

        while let current = byte(at: index) {
            switch current {
            case UInt8(ascii: "?"):
                found(index)
                advance(&index)
            case UInt8(ascii: "'"):
                // E'…' (PostgreSQL) takes backslash escapes; so does MariaDB's default mode.
                // (`LIKE'…'` is not E'…': the E must start a word.)
                var escaped = backslashEscapes
                if !escaped, index > utf8.startIndex {
                    let before = utf8.index(before: index)
                    let previous = utf8[before]
                    let wordByte = before > utf8.startIndex ? utf8[utf8.index(before: before)] : UInt8(ascii: " ")
                    let startsWord = !(wordByte == UInt8(ascii: "_") || (wordByte >= 48 && wordByte <= 57)
                        || (wordByte | 0x20 >= UInt8(ascii: "a") && wordByte | 0x20 <= UInt8(ascii: "z")))
                    escaped = (previous == UInt8(ascii: "E") || previous == UInt8(ascii: "e")) && startsWord
                }
                skipQuoted(current, backslashEscapes: escaped)
            case UInt8(ascii: "\""), UInt8(ascii: "`"):
                skipQuoted(current, backslashEscapes: false)
            case UInt8(ascii: "-") where byte(at: utf8.index(after: index)) == UInt8(ascii: "-"):
                while let c = byte(at: index), c != UInt8(ascii: "\n") { advance(&index) }
            case UInt8(ascii: "/") where byte(at: utf8.index(after: index)) == UInt8(ascii: "*"):
                var depth = 0
                while index < utf8.endIndex {
                    let next = utf8.index(after: index)
                    if byte(at: index) == UInt8(ascii: "/"), byte(at: next) == UInt8(ascii: "*") {
                        depth += 1
                        index = utf8.index(after: next)
                    } else if byte(at: index) == UInt8(ascii: "*"), byte(at: next) == UInt8(ascii: "/") {
                        depth -= 1
                        index = utf8.index(after: next)
                        if depth == 0 { break }
                    } else {
                        advance(&index)
                    }
                }
            case UInt8(ascii: "$"):
                // Inside an identifier (`price$1`) a `$` is part of the name. Otherwise `$1` is a
                // numbered placeholder, and `$tag$ … $tag$` (and `$$ … $$`) a dollar-quoted
                // string, its tag an identifier without `$` (PostgreSQL's lexer: letters, digits
                // after the first, `_`, and any non-ASCII letter); a lone `$` is neither.
                if index > utf8.startIndex, isIdentifierByte(utf8[utf8.index(before: index)], first: false) {
                    advance(&index)
                    continue
                }
                let afterDollar = utf8.index(after: index)
                var tagEnd = afterDollar
                while let c = byte(at: tagEnd), isIdentifierByte(c, first: tagEnd == afterDollar) {
                    advance(&tagEnd)
                }
                if byte(at: tagEnd) == UInt8(ascii: "$") {
                    let tag = sql[index...tagEnd]
                    let bodyStart = utf8.index(after: tagEnd)
                    index = sql[bodyStart...].firstRange(of: tag)?.upperBound ?? utf8.endIndex
                    continue
                }
                index = afterDollar
                guard tagEnd == afterDollar else { continue }
                var number = 0, digits = 0
                while let c = byte(at: index), c >= 48, c <= 57 {
                    if digits < 9 { number = number * 10 + Int(c - 48) }
                    digits += 1
                    advance(&index)
                }
                if digits > 0 { numbered(number) }
            default:
                advance(&index)
            }
        }
    }
}
