/// Prepared statements kept for reuse by a driver, keyed by their SQL. Preparing costs as much
/// as running a small query (a round trip on server engines); the core issues the same few
/// statements over and over.
///
/// A statement is taken while it runs and given back after; meanwhile it stays in the cache,
/// marked taken, so the same SQL run again inside its row loop gets `nil` (and prepares a fresh
/// statement, released when given back) instead of a busy one. Taking and giving back look the
/// SQL up once each: a statement that runs in microseconds should not pay for the dictionary
/// removing and re-inserting it.
/// Not thread-safe: the owning connection serialises access.
///
/// Its methods are inlinable, so that each driver's copy is specialised for its statement type
/// (a generic dictionary lookup per statement would cost more than the lookup itself).
public struct PreparedStatementCache<Statement: Equatable> {
    @usableFromInline
    struct Entry {
        @usableFromInline var statement: Statement
        @usableFromInline var lastUse: UInt64
        @usableFromInline var taken = false

        @inlinable
        init(statement: Statement, lastUse: UInt64) {
            self.statement = statement
            self.lastUse = lastUse
        }
    }

    /// Where a taken statement sits in the cache, so that giving it back does not look its SQL
    /// up a second time (hashing it): good while the cache has neither gained nor lost an entry
    /// since it was taken. A statement prepared inside the taken one's row loop changes that,
    /// and the SQL is looked up instead.
    public struct Ticket {
        @usableFromInline let index: Dictionary<SQLKey, Entry>.Index
        @usableFromInline let layout: UInt64

        @inlinable
        init(index: Dictionary<SQLKey, Entry>.Index, layout: UInt64) {
            self.index = index
            self.layout = layout
        }
    }

    /// A statement found lately, by where its SQL's bytes live (``recentSlots``).
    @usableFromInline
    struct RecentSlot {
        /// The text looked up, held so that its bytes stay where they are.
        @usableFromInline var text: String = ""
        @usableFromInline var address: UnsafeRawPointer?
        @usableFromInline var index: Dictionary<SQLKey, Entry>.Index?
        @usableFromInline var layout: UInt64 = 0

        @inlinable
        init() {}

        @inlinable
        init(text: String, address: UnsafeRawPointer, index: Dictionary<SQLKey, Entry>.Index, layout: UInt64) {
            self.text = text
            self.address = address
            self.index = index
            self.layout = layout
        }
    }

    @usableFromInline var entries: [SQLKey: Entry] = [:]
    /// The statements taken lately, by the address of their SQL's bytes: a query from the plan
    /// cache runs the very `String` it ran before, whose bytes are where they were, so its entry
    /// is found without hashing and comparing the text (about 850 instructions a statement, a
    /// twentieth of a small query). A slot holds the text it was found by, so nothing else can
    /// be at that address while the slot has it: an equal address is that text. Its entry's
    /// index is good while no entry has been added or removed since (`layout`). Texts short
    /// enough to live inside the `String` value have no address of their own and are hashed.
    @usableFromInline var recentSlots = [RecentSlot](repeating: RecentSlot(), count: 16)
    /// Counts the entries added and removed (not a `didSet`: that would copy the dictionary on
    /// every change); a ticket taken under another count is not used.
    @usableFromInline var layout: UInt64 = 0
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

    /// Takes the cached statement for `sql`, if there is one and it is not taken already; it is
    /// the caller's until given back.
    @inlinable
    public mutating func take(_ sql: String) -> Statement? {
        takeWithTicket(sql)?.statement
    }

    /// ``take(_:)``, with a ticket for ``give(back:for:ticket:)``.
    @inlinable
    public mutating func takeWithTicket(_ sql: String) -> (statement: Statement, ticket: Ticket)? {
        let address = Self.address(of: sql)
        let index: Dictionary<SQLKey, Entry>.Index
        if let address, let recent = recentIndex(of: address) {
            index = recent
        } else {
            guard let found = entries.index(forKey: SQLKey(sql)) else { return nil }
            index = found
            if let address { remember(sql, at: address, as: index) }
        }
        guard !entries.values[index].taken else { return nil }
        entries.values[index].taken = true
        return (entries.values[index].statement, Ticket(index: index, layout: layout))
    }

    /// Where `sql`'s bytes live, when they live outside the `String` value (longer texts).
    @inlinable
    static func address(of sql: String) -> UnsafeRawPointer? {
        // Up to 15 bytes, a string may keep its bytes in the value itself: no lasting address.
        // Past 4 KB (a large preload's `IN` list) the statement costs far more than its lookup,
        // and a slot would keep the text alive after the cache let it go.
        let count = sql.utf8.count
        guard count > 15, count <= 4096 else { return nil }
        return sql.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @inlinable
    static func slot(of address: UnsafeRawPointer) -> Int {
        // Allocations are 16-byte aligned: the bits above those, folded.
        let bits = UInt(bitPattern: address) >> 4
        return Int(bitPattern: (bits ^ (bits >> 4) ^ (bits >> 9)) & 15)
    }

    /// The entry of the text whose bytes are at `address`, if a slot holds that text and
    /// nothing was added or removed since.
    @inlinable
    func recentIndex(of address: UnsafeRawPointer) -> Dictionary<SQLKey, Entry>.Index? {
        let slot = Self.slot(of: address)
        guard recentSlots[slot].address == address, recentSlots[slot].layout == layout else { return nil }
        return recentSlots[slot].index
    }

    /// Remembers that `text`, its bytes at `address`, is the key of the entry at `index`.
    @inlinable
    mutating func remember(_ text: String, at address: UnsafeRawPointer, as index: Dictionary<SQLKey, Entry>.Index) {
        recentSlots[Self.slot(of: address)] = RecentSlot(text: text, address: address, index: index, layout: layout)
    }

    /// ``give(back:for:)`` for a statement taken with `ticket` (nil: one prepared afresh): found
    /// by its ticket while that is good, else by its SQL.
    @inlinable
    public mutating func give(back statement: Statement, for sql: String, ticket: Ticket?) {
        if let ticket, ticket.layout == layout, entries.values[ticket.index].statement == statement {
            clock += 1
            entries.values[ticket.index].taken = false
            entries.values[ticket.index].lastUse = clock
            return
        }
        give(back: statement, for: sql)
    }

    /// Gives back a statement taken from the cache, or keeps a newly prepared one for the next
    /// run of `sql`, pushing out the least recently used ones when the cache is full. A statement
    /// larger than the whole budget, or prepared while the cached one for the same SQL was
    /// taken, is released.
    @inlinable
    public mutating func give(back statement: Statement, for sql: String) {
        clock += 1
        if let index = entries.index(forKey: SQLKey(sql)) {
            if entries.values[index].statement == statement {
                entries.values[index].taken = false
                entries.values[index].lastUse = clock
            } else {
                release(statement)
            }
            return
        }
        let size = sql.utf8.count
        guard size <= byteBudget else {
            release(statement)
            return
        }
        entries[SQLKey(sql)] = Entry(statement: statement, lastUse: clock)
        layout &+= 1
        bytes += size
        while entries.count > capacity || bytes > byteBudget {
            // Only a statement not running can go.
            guard let oldest = entries.filter({ !$0.value.taken }).min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
            entries[oldest.key] = nil
            layout &+= 1
            bytes -= oldest.key.sql.utf8.count
            release(oldest.value.statement)
        }
    }

    /// Releases a statement that must not run again (its connection state is unknown), taking
    /// it out of the cache if it came from there.
    @inlinable
    public mutating func discard(_ statement: Statement, for sql: String) {
        if let index = entries.index(forKey: SQLKey(sql)), entries.values[index].statement == statement {
            entries.remove(at: index)
            layout &+= 1
            bytes -= sql.utf8.count
        }
        release(statement)
    }

    /// How many statements are kept and not taken.
    public var count: Int { entries.values.count { !$0.taken } }

    /// Releases every kept statement (before the connection closes).
    public mutating func releaseAll() {
        for entry in entries.values { release(entry.statement) }
        entries.removeAll()
        recentSlots = [RecentSlot](repeating: RecentSlot(), count: recentSlots.count)
        layout &+= 1
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
