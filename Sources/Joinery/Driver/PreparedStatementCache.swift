/// Prepared statements kept for reuse by a driver, keyed by their SQL. Preparing costs as much
/// as running a small query (a round trip on server engines); the core issues the same few
/// statements over and over.
///
/// A statement is taken out while it runs and given back after, so the same SQL run again
/// inside another statement's row loop gets a fresh statement instead of a busy one.
/// Not thread-safe: the owning connection serialises access.
///
/// Its methods are inlinable, so that each driver's copy is specialised for its statement type
/// (a generic dictionary lookup per statement would cost more than the lookup itself).
public struct PreparedStatementCache<Statement> {
    @usableFromInline
    struct Entry {
        @usableFromInline var statement: Statement
        @usableFromInline var lastUse: UInt64

        @inlinable
        init(statement: Statement, lastUse: UInt64) {
            self.statement = statement
            self.lastUse = lastUse
        }
    }

    @usableFromInline var entries: [String: Entry] = [:]
    @usableFromInline var clock: UInt64 = 0
    @usableFromInline var bytes = 0
    @usableFromInline let capacity: Int
    @usableFromInline let byteBudget: Int
    @usableFromInline let release: (Statement) -> Void

    /// - Parameters:
    ///   - capacity: how many statements to keep; past it, the least recently used goes.
    ///   - byteBudget: how much SQL text the kept statements may hold together. Large
    ///     statements (a preload's `IN` list of 32,766 placeholders is about 100 KB) are kept
    ///     too — a preload repeats them — but pushed out first when the budget runs out.
    ///   - release: finalizes a statement that is not kept.
    public init(capacity: Int = 64, byteBudget: Int = 2 << 20, release: @escaping (Statement) -> Void) {
        self.capacity = capacity
        self.byteBudget = byteBudget
        self.release = release
    }

    /// Takes the cached statement for `sql`, if any; it is the caller's until given back.
    @inlinable
    public mutating func take(_ sql: String) -> Statement? {
        guard let entry = entries.removeValue(forKey: sql) else { return nil }
        bytes -= sql.utf8.count
        return entry.statement
    }

    /// Keeps `statement` for the next run of `sql`, pushing out the least recently used ones
    /// when the cache is full; a statement larger than the whole budget is released.
    @inlinable
    public mutating func give(back statement: Statement, for sql: String) {
        let size = sql.utf8.count
        guard size <= byteBudget else {
            release(statement)
            return
        }
        clock += 1
        if let replaced = entries.updateValue(Entry(statement: statement, lastUse: clock), forKey: sql) {
            // The same SQL given back twice (run again inside its own row loop): keep one.
            release(replaced.statement)
        } else {
            bytes += size
        }
        while entries.count > capacity || bytes > byteBudget {
            guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
            entries[oldest.key] = nil
            bytes -= oldest.key.utf8.count
            release(oldest.value.statement)
        }
    }

    /// How many statements are kept.
    public var count: Int { entries.count }

    /// Releases every kept statement (before the connection closes).
    public mutating func releaseAll() {
        for entry in entries.values { release(entry.statement) }
        entries.removeAll()
        bytes = 0
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
