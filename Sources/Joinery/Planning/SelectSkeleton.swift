import Synchronization

/// What a SELECT's tables and joins alone decide, kept per schema: the selected columns with
/// their `User__name` aliases, the `LEFT JOIN … ON …` clauses, the row layout and the names a
/// condition may use. Queries that differ in their filter, order or limit share it, so planning
/// one whose shape the plan cache has not seen (a new filter on known joins) builds only its
/// `WHERE` and `ORDER BY`; aliasing every column was most of that work.
///
/// A class: handed out of the memo with one retain, where a struct's every array and string was
/// retained and released again.
final class SelectSkeleton: Sendable {
    let selected: [SelectedColumn]
    let resultColumns: [RowLayout.ResultColumn]
    let segments: [RowLayout.Segment]
    let joins: [Join]
    /// The statement's own table and each join's alias, for resolving conditions.
    let tables: Planner.StatementTables
    /// `select profiles`: the ``PlannedStatement/purpose`` of a root statement.
    let purpose: String
    /// The SQL of the columns, table and joins, once lowered; only for a skeleton that is kept.
    let prefix: LoweredSelectPrefix?

    init(
        selected: [SelectedColumn], resultColumns: [RowLayout.ResultColumn], segments: [RowLayout.Segment], joins: [Join],
        tables: Planner.StatementTables, purpose: String, prefix: LoweredSelectPrefix? = nil
    ) {
        self.selected = selected
        self.resultColumns = resultColumns
        self.segments = segments
        self.joins = joins
        self.tables = tables
        self.purpose = purpose
        self.prefix = prefix
    }

    /// What a skeleton depends on: the statement's table, each join (its path from that table,
    /// how it joins, whether soft-deleted rows count) and the dialect's identifier limit, which
    /// shortens aliases. Joins with a filter of their own or chosen columns are not kept.
    struct Key: Hashable, Sendable {
        var scope: String
        var joins: [JoinKey]
        var identifierLimit: IdentifierLimit?
        /// FNV over the names, made once: hashing every string through `Hasher` took more than
        /// the rest of the lookup.
        private let digest: UInt64

        init(scope: String, joins: [JoinKey], identifierLimit: IdentifierLimit?) {
            self.scope = scope
            self.joins = joins
            self.identifierLimit = identifierLimit
            var print = ShapeFingerprint()
            print.mix(scope)
            print.mix(joins.count)
            for join in joins {
                print.mix(join.path.count)
                for name in join.path { print.mix(name) }
                print.mix(join.mode.ordinal)
                print.mix(join.unscoped)
            }
            digest = print.hash
        }

        static func == (left: Key, right: Key) -> Bool {
            left.digest == right.digest && left.scope == right.scope && left.joins == right.joins
                && left.identifierLimit == right.identifierLimit
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    struct JoinKey: Hashable, Sendable {
        var path: ArraySlice<String>
        var mode: IncludeMode
        var unscoped: Bool
    }

    /// What a query's include nodes and root skeleton depend on: its model, its includes
    /// (without filters or chosen columns: those are not kept), whether it is unscoped, and the
    /// dialect's identifier limit.
    struct RootKey: Hashable, Sendable {
        var model: String
        var includes: [Include]
        var unscoped: Bool
        var identifierLimit: IdentifierLimit?
        /// FNV over the names, made once (as ``Key``'s).
        private let digest: UInt64

        init(model: String, includes: [Include], unscoped: Bool, identifierLimit: IdentifierLimit?) {
            self.model = model
            self.includes = includes
            self.unscoped = unscoped
            self.identifierLimit = identifierLimit
            var print = ShapeFingerprint()
            print.mix(model)
            print.mix(unscoped)
            print.mix(includes.count)
            for index in includes.indices {
                print.mix(includes[index].path.count)
                for name in includes[index].path { print.mix(name) }
                print.mix(includes[index].mode.ordinal)
                print.mix(includes[index].unscoped)
            }
            digest = print.hash
        }

        static func == (left: RootKey, right: RootKey) -> Bool {
            left.digest == right.digest && left.model == right.model && left.unscoped == right.unscoped
                && left.includes == right.includes && left.identifierLimit == right.identifierLimit
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// A query's include nodes (every intermediate path present, shortest first) and the
    /// skeleton of its root statement. A class, as a skeleton is.
    final class RootShape: Sendable {
        let nodes: [Planner.IncludeNode]
        let skeleton: SelectSkeleton

        init(nodes: [Planner.IncludeNode], skeleton: SelectSkeleton) {
            self.nodes = nodes
            self.skeleton = skeleton
        }
    }
}

/// The skeletons of one schema's statements, and each query shape's include nodes and root
/// skeleton. A schema never changes once built, so nothing here goes stale; a new schema (a
/// model registered, a migration) starts an empty memo. Bounded: a program that builds joins
/// from input cannot grow it without end.
///
/// Looked up, then filled by the planner on a miss: not one call taking a closure to build,
/// whose captures (the planner, the query) were copied on every call, hit or miss.
final class SelectSkeletonMemo: Sendable {
    private let skeletons = Mutex<[SelectSkeleton.Key: SelectSkeleton]>([:])
    private let roots = Mutex<[SelectSkeleton.RootKey: SelectSkeleton.RootShape]>([:])
    static let capacity = 256

    /// The skeleton kept for `key`.
    func skeleton(_ key: SelectSkeleton.Key) -> SelectSkeleton? {
        skeletons.withLock { $0[key] }
    }

    /// Keeps `skeleton` for `key`.
    func keep(_ skeleton: SelectSkeleton, for key: SelectSkeleton.Key) {
        Self.keep(skeleton, for: key, in: skeletons)
    }

    /// The include nodes and root skeleton kept for the queries with `key`.
    func root(_ key: SelectSkeleton.RootKey) -> SelectSkeleton.RootShape? {
        roots.withLock { $0[key] }
    }

    /// Keeps `shape` for the queries with `key`.
    func keep(_ shape: SelectSkeleton.RootShape, for key: SelectSkeleton.RootKey) {
        Self.keep(shape, for: key, in: roots)
    }

    /// Stores `value`, emptying the memo first when it is full.
    private static func keep<Key: Hashable & Sendable, Value: Sendable>(_ value: Value, for key: Key, in memo: borrowing Mutex<[Key: Value]>) {
        memo.withLock { memo in
            if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
            memo[key] = value
        }
    }

    /// How many skeletons are kept, for tests.
    var count: Int { skeletons.withLock { $0.count } }

    /// How many root shapes are kept, for tests.
    var rootCount: Int { roots.withLock { $0.count } }
}
