import Synchronization

/// Plans of select queries and their root statement's SQL, by query shape (``QueryShape``), so a
/// query run again with other values is neither planned nor lowered again. Shared by every unit
/// of work of one ``Database`` or ``DatabasePool``; entries are made under one schema generation
/// and one dialect, and a query under another builds its own. At most `capacity` shapes are
/// kept: past it, the least recently used half is dropped.
final class PlanCache: Sendable {
    /// What one shape planned to. A class, so a hit updates its use in place.
    final class Entry: Sendable {
        /// The plan, its conditions holding markers for the values.
        let plan: QueryPlan
        /// The first statement lowered, markers among its bindings.
        let root: LoweredStatement
        /// Where each binding of `root` takes a value from: `rootMarkers[i]` is the value index
        /// for binding i, or -1 for a binding of its own (a NULL, a soft-delete's).
        let rootMarkers: [Int]
        /// Whether any preload statement's bindings hold markers (its include has a filter).
        let preloadsHaveMarkers: Bool
        /// What the dialect could do when it lowered the plan: a dialect of the same type with
        /// other capabilities (another version) does not use this entry.
        let capabilities: DialectCapabilities
        fileprivate let lastUse: Atomic<Int>
        /// The preload statements lowered so far, by step and number of keys; a few, within a
        /// byte budget (the number of keys changes from query to query).
        /// A key whose statement cannot be reused (its keys folded into one array parameter)
        /// is kept as nil, so that it is not tried again.
        private let preloads = Mutex<(statements: [PreloadKey: CachedStatement?], bytes: Int)>(([:], 0))

        /// The most preload statements one entry keeps, and the most bytes of SQL and bindings.
        static let preloadLimit = (count: 16, bytes: 4 << 20)

        /// The statement kept for `key`: nil when none was tried, `.some(nil)` when it cannot be
        /// reused.
        func preload(_ key: PreloadKey) -> CachedStatement?? {
            preloads.withLock { $0.statements[key] }
        }

        /// Whether another preload statement may be kept: when not, none is lowered to be kept.
        var hasRoomForPreloads: Bool {
            preloads.withLock { $0.statements.count < Self.preloadLimit.count && $0.bytes < Self.preloadLimit.bytes }
        }

        /// Keeps `statement` for `key`, or that it cannot be reused (nil).
        func keep(_ statement: CachedStatement?, for key: PreloadKey) {
            let size = statement.map { $0.lowered.sql.utf8.count + $0.lowered.bindings.count * MemoryLayout<SQLValue>.stride } ?? 0
            preloads.withLock { kept in
                guard kept.statements.index(forKey: key) == nil, kept.statements.count < Self.preloadLimit.count,
                    kept.bytes + size <= Self.preloadLimit.bytes
                else { return }
                kept.statements[key] = statement
                kept.bytes += size
            }
        }

        init(
            plan: QueryPlan, root: LoweredStatement, rootMarkers: [Int], preloadsHaveMarkers: Bool,
            capabilities: DialectCapabilities, lastUse: Int
        ) {
            self.plan = plan
            self.capabilities = capabilities
            self.root = root
            self.rootMarkers = rootMarkers
            self.preloadsHaveMarkers = preloadsHaveMarkers
            self.lastUse = Atomic(lastUse)
        }

        /// The root statement with `values` in place of its markers.
        func root(with values: QueryValues) -> LoweredStatement {
            var lowered = root
            for (position, index) in rootMarkers.enumerated() where index >= 0 {
                lowered.bindings[position] = values.values[index]
            }
            return lowered
        }
    }

    /// A preload statement's place in a plan: its step, and how many keys it binds.
    struct PreloadKey: Hashable, Sendable {
        var step: Int
        var keys: Int
    }

    /// A statement lowered with markers, and where each binding takes its value from: an index
    /// into the query's values, then into the keys after them; -1 for a binding of its own.
    struct CachedStatement: Sendable {
        var lowered: LoweredStatement
        var markers: [Int]

        func bound(_ values: [SQLValue], _ keys: ArraySlice<SQLValue>) -> LoweredStatement {
            var bound = lowered
            for (position, index) in markers.enumerated() where index >= 0 {
                bound.bindings[position] = index < values.count ? values[index] : keys[keys.startIndex + index - values.count]
            }
            return bound
        }
    }

    /// The dialect is told by its type (its name may be built on each call); its capabilities
    /// are compared on a hit, not hashed on every query.
    ///
    /// The hash is computed once, when the key is made, outside the cache's lock: hashing a
    /// shape walks all of it, and done under the lock it kept every other thread of a busy pool
    /// waiting (the lock is taken on every query).
    struct Key: Hashable, Sendable {
        let shape: QueryShape
        let generation: Int
        let dialect: ObjectIdentifier
        private let hashCode: Int

        init(shape: QueryShape, generation: Int, dialect: ObjectIdentifier) {
            self.shape = shape
            self.generation = generation
            self.dialect = dialect
            var hasher = Hasher()
            hasher.combine(shape)
            hasher.combine(generation)
            hasher.combine(dialect)
            hashCode = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hashCode == rhs.hashCode && lhs.generation == rhs.generation && lhs.dialect == rhs.dialect
                && lhs.shape == rhs.shape
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
    }

    /// Counts uses, for evicting the least recently used half; an atomic, so a hit needs the
    /// lock only for the lookup.
    private let clock = Atomic<Int>(0)

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 512) { self.capacity = capacity }

    func entry(for key: Key, capabilities: DialectCapabilities) -> Entry? {
        guard let entry = state.withLock({ $0.entries[key] }), entry.capabilities == capabilities else { return nil }
        entry.lastUse.store(clock.add(1, ordering: .relaxed).newValue, ordering: .relaxed)
        return entry
    }

    /// Keeps what `key` planned to, and returns the entry.
    @discardableResult
    func store(
        _ plan: QueryPlan, root: LoweredStatement, rootMarkers: [Int], preloadsHaveMarkers: Bool,
        capabilities: DialectCapabilities, for key: Key
    ) -> Entry {
        state.withLock { state in
            if state.entries.count >= capacity {
                let cutoff = state.entries.values.map { $0.lastUse.load(ordering: .relaxed) }.sorted()[state.entries.count / 2]
                state.entries = state.entries.filter { $0.value.lastUse.load(ordering: .relaxed) > cutoff }
            }
            let entry = Entry(
                plan: plan, root: root, rootMarkers: rootMarkers, preloadsHaveMarkers: preloadsHaveMarkers,
                capabilities: capabilities, lastUse: clock.add(1, ordering: .relaxed).newValue)
            state.entries[key] = entry
            return entry
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
