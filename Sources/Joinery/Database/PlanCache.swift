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
        /// Whether the root binds the query's values as they are, in order and nothing else (the
        /// common case): its bindings are then the values' own array, nothing copied.
        private let rootBindsValuesInOrder: Bool
        /// Whether any preload statement's bindings hold markers (its include has a filter).
        let preloadsHaveMarkers: Bool
        /// What the dialect could do when it lowered the plan: a dialect of the same type with
        /// other capabilities (another version) does not use this entry. Told by its number
        /// (``PlanCache/number(of:)``): comparing two numbers, not two structs, on every hit.
        let capabilities: CapabilitiesNumber
        /// For a select: the shape it was planned from, matched against a query in place.
        let selectKey: SelectKey?
        fileprivate let lastUse: Atomic<Int>
        /// The preload statements lowered so far, by step and number of keys; a few, within a
        /// byte budget (the number of keys changes from query to query).
        /// A key whose statement cannot be reused (its keys folded into one array parameter)
        /// is kept as nil, so that it is not tried again.
        private let preloads = Mutex<(statements: [PreloadKey: CachedStatement?], bytes: Int)>(([:], 0))

        /// How loading this plan's rows decodes them, made on its first load.
        private let recipe = Mutex<HydrationRecipe?>(nil)

        /// The recipe kept, or `make`'s, kept for the next load (made outside the lock: two
        /// threads may both make one, and either is right).
        func hydrationRecipe(_ make: () throws -> HydrationRecipe) rethrows -> HydrationRecipe {
            if let kept = recipe.withLock({ $0 }) { return kept }
            let made = try make()
            recipe.withLock { $0 = $0 ?? made }
            return made
        }

        /// Whether a load has kept its recipe here.
        var hasHydrationRecipe: Bool { recipe.withLock { $0 != nil } }

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
            capabilities: CapabilitiesNumber, selectKey: SelectKey? = nil, lastUse: Int
        ) {
            self.plan = plan
            self.selectKey = selectKey
            self.capabilities = capabilities
            self.root = root
            self.rootMarkers = rootMarkers
            self.rootBindsValuesInOrder = rootMarkers.elementsEqual(rootMarkers.indices) && root.bindings.count == rootMarkers.count
            self.preloadsHaveMarkers = preloadsHaveMarkers
            self.lastUse = Atomic(lastUse)
        }

        /// The root statement with `values` in place of its markers.
        func root(with values: QueryValues) -> LoweredStatement {
            if rootBindsValuesInOrder, values.values.count == rootMarkers.count {
                return LoweredStatement(sql: root.sql, bindings: values.values)
            }
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

    /// Where a select's entry is kept: by its shape's fingerprint, the shape compared in place
    /// (``SelectQuery/hasShape(_:)``), so a hit builds no shape and hashes no `Hasher`.
    /// A class, so that reading it from an entry retains it rather than copying the whole query.
    final class SelectKey: Sendable {
        let shape: SelectQuery
        let generation: Int
        let dialect: ObjectIdentifier
        /// Its fingerprint's bucket (``bucket(_:generation:dialect:)``): where the entry is kept.
        let bucket: Int

        init(shape: SelectQuery, generation: Int, dialect: ObjectIdentifier, bucket: Int) {
            self.shape = shape
            self.generation = generation
            self.dialect = dialect
            self.bucket = bucket
        }

        /// The bucket of a fingerprint under one generation and dialect.
        static func bucket(_ fingerprint: ShapeFingerprint, generation: Int, dialect: ObjectIdentifier) -> Int {
            var print = fingerprint
            print.mix(generation)
            print.mix(Int(bitPattern: dialect))
            return Int(truncatingIfNeeded: print.hash)
        }

        func matches(_ query: SelectQuery, generation: Int, dialect: ObjectIdentifier) -> Bool {
            self.generation == generation && self.dialect == dialect && query.hasShape(shape)
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Selects, by ``SelectKey/bucket``.
        var selects: SelectEntryTable

        var count: Int { entries.count + selects.count }

        /// Drops the least recently used half.
        mutating func evict() {
            let uses = (entries.values.map { $0.lastUse.load(ordering: .relaxed) }
                + selects.entries.map { $0.lastUse.load(ordering: .relaxed) }).sorted()
            guard !uses.isEmpty else { return }
            let cutoff = uses[uses.count / 2]
            entries = entries.filter { $0.value.lastUse.load(ordering: .relaxed) > cutoff }
            selects.removeAll { $0.lastUse.load(ordering: .relaxed) <= cutoff }
        }
    }

    /// Counts uses, for evicting the least recently used half; an atomic, so a hit needs the
    /// lock only for the lookup.
    private let clock = Atomic<Int>(0)

    let capacity: Int
    private let state: Mutex<State>

    /// A number for each distinct set of capabilities seen, an entry's place in the list.
    struct CapabilitiesNumber: Hashable, Sendable {
        fileprivate let value: Int
    }

    private let capabilitySets = Mutex<[DialectCapabilities]>([])

    /// The number standing for `capabilities` in this cache: equal capabilities, equal numbers.
    /// Taken once per ``Database``, so that a lookup compares two integers.
    func number(of capabilities: DialectCapabilities) -> CapabilitiesNumber {
        capabilitySets.withLock { sets in
            if let index = sets.firstIndex(of: capabilities) { return CapabilitiesNumber(value: index) }
            sets.append(capabilities)
            return CapabilitiesNumber(value: sets.count - 1)
        }
    }

    init(capacity: Int = 512) {
        self.capacity = capacity
        state = Mutex(State(selects: SelectEntryTable(minimumCapacity: capacity)))
    }

    func entry(for key: Key, capabilities: CapabilitiesNumber) -> Entry? {
        guard let entry = state.withLock({ $0.entries[key] }), entry.capabilities == capabilities else { return nil }
        entry.lastUse.store(clock.add(1, ordering: .relaxed).newValue, ordering: .relaxed)
        return entry
    }

    /// Keeps what `key` planned to, and returns the entry.
    @discardableResult
    func store(
        _ plan: QueryPlan, root: LoweredStatement, rootMarkers: [Int], preloadsHaveMarkers: Bool,
        capabilities: CapabilitiesNumber, for key: Key
    ) -> Entry {
        state.withLock { state in
            if state.count >= capacity { state.evict() }
            let entry = Entry(
                plan: plan, root: root, rootMarkers: rootMarkers, preloadsHaveMarkers: preloadsHaveMarkers,
                capabilities: capabilities, lastUse: clock.add(1, ordering: .relaxed).newValue)
            state.entries[key] = entry
            return entry
        }
    }

    /// The entry planned from `query`'s shape, its bucket `bucket` (``SelectKey/bucket(_:generation:dialect:)``).
    /// Each candidate is read under the lock, its shape compared outside it.
    func selectEntry(
        matching query: SelectQuery, bucket: Int, generation: Int, dialect: ObjectIdentifier,
        capabilities: CapabilitiesNumber
    ) -> Entry? {
        var slot: Int?
        while let (entry, found) = state.withLock({ $0.selects.candidate(bucket: bucket, after: slot) }) {
            slot = found
            guard let key = entry.selectKey, key.matches(query, generation: generation, dialect: dialect),
                entry.capabilities == capabilities
            else { continue }
            entry.lastUse.store(clock.add(1, ordering: .relaxed).newValue, ordering: .relaxed)
            return entry
        }
        return nil
    }

    /// Keeps what a select of `key.shape` planned to, under `key.bucket`, and returns the entry.
    @discardableResult
    func storeSelect(
        _ plan: QueryPlan, root: LoweredStatement, rootMarkers: [Int], preloadsHaveMarkers: Bool,
        capabilities: CapabilitiesNumber, key: SelectKey
    ) -> Entry {
        state.withLock { state in
            if state.count >= capacity { state.evict() }
            let entry = Entry(
                plan: plan, root: root, rootMarkers: rootMarkers, preloadsHaveMarkers: preloadsHaveMarkers,
                capabilities: capabilities, selectKey: key, lastUse: clock.add(1, ordering: .relaxed).newValue)
            // Another thread may have planned the same shape meanwhile: keep one.
            var slot: Int?
            while let (kept, found) = state.selects.candidate(bucket: key.bucket, after: slot) {
                slot = found
                if kept.selectKey?.matches(key.shape, generation: key.generation, dialect: key.dialect) == true
                    && kept.capabilities == capabilities
                {
                    state.selects.replace(at: found, with: entry)
                    return entry
                }
            }
            state.selects.insert(entry)
            return entry
        }
    }

    var count: Int { state.withLock { $0.count } }

    /// Create recipes by model type: one per type, replaced when the schema's generation (or the
    /// dialect) changes. As many as the database has model types.
    private let createRecipes = Mutex<[ObjectIdentifier: CreateRecipe]>([:])

    /// The create recipe kept for `type`, whichever generation it was made under.
    func keptCreateRecipe(for type: any Model.Type) -> CreateRecipe? {
        createRecipes.withLock { $0[ObjectIdentifier(type)] }
    }

    /// The create recipe of `type` made under `generation`, `dialect` and `capabilities`: the
    /// one kept, or `make`'s, kept (made outside the lock: two threads may both make one).
    func createRecipe(
        for type: any Model.Type, generation: Int, dialect: ObjectIdentifier, capabilities: CapabilitiesNumber,
        make: () throws -> CreateRecipe
    ) rethrows -> CreateRecipe {
        let id = ObjectIdentifier(type)
        if let kept = createRecipes.withLock({ $0[id] }),
            kept.fits(generation: generation, dialect: dialect, capabilities: capabilities)
        {
            return kept
        }
        let made = try make()
        createRecipes.withLock { recipes in
            if let kept = recipes[id], kept.generation > generation { return }
            recipes[id] = made
        }
        return made
    }
}
