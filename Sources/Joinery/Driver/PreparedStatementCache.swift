/// Prepared statements kept for reuse by a driver, keyed by their SQL. Preparing costs as much
/// as running a small query (a round trip on server engines); the core issues the same few
/// statements over and over.
///
/// A statement is taken out while it runs and given back after, so the same SQL run again
/// inside another statement's row loop gets a fresh statement instead of a busy one.
/// Not thread-safe: the owning connection serialises access.
public struct PreparedStatementCache<Statement> {
    private var statements: [String: Statement] = [:]
    private let capacity: Int
    private let longestCachedSQL: Int
    private let release: (Statement) -> Void

    /// - Parameters:
    ///   - capacity: how many statements to keep.
    ///   - longestCachedSQL: longer SQL (a preload with 100,000 placeholders) is rarely repeated
    ///     and would pin large buffers; it is released after use.
    ///   - release: finalizes a statement that is not kept.
    public init(capacity: Int = 64, longestCachedSQL: Int = 8_192, release: @escaping (Statement) -> Void) {
        self.capacity = capacity
        self.longestCachedSQL = longestCachedSQL
        self.release = release
    }

    /// Takes the cached statement for `sql`, if any; it is the caller's until given back.
    public mutating func take(_ sql: String) -> Statement? {
        statements.removeValue(forKey: sql)
    }

    /// Keeps `statement` for the next run of `sql`, or releases it when the cache is full.
    public mutating func give(back statement: Statement, for sql: String) {
        if sql.utf8.count <= longestCachedSQL, statements.count < capacity, statements[sql] == nil {
            statements[sql] = statement
        } else {
            release(statement)
        }
    }

    /// Releases every kept statement (before the connection closes).
    public mutating func releaseAll() {
        for statement in statements.values { release(statement) }
        statements.removeAll()
    }
}

/// Whether what follows a statement is only white space, `;` and comments: drivers use it to
/// refuse a second statement in one call instead of silently not running it.
public func isBlankSQL(_ text: some StringProtocol) -> Bool {
    var rest = Substring(text)
    while let first = rest.first {
        if first.isWhitespace || first == ";" {
            rest = rest.dropFirst()
        } else if rest.hasPrefix("--") {
            rest = rest.drop(while: { $0 != "\n" })
        } else if rest.hasPrefix("/*") {
            guard let end = rest.firstRange(of: "*/") else { return true }
            rest = rest[end.upperBound...]
        } else {
            return false
        }
    }
    return true
}
