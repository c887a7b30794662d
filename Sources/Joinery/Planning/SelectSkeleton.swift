import Synchronization

/// What a SELECT's tables and joins alone decide, kept per schema: the selected columns with
/// their `User__name` aliases, the `LEFT JOIN … ON …` clauses, the row layout and the names a
/// condition may use. Queries that differ in their filter, order or limit share it, so planning
/// one whose shape the plan cache has not seen (a new filter on known joins) builds only its
/// `WHERE` and `ORDER BY`; aliasing every column was most of that work.
struct SelectSkeleton: Sendable {
    var selected: [SelectedColumn]
    var resultColumns: [RowLayout.ResultColumn]
    var segments: [RowLayout.Segment]
    var joins: [Join]
    /// The statement's own table and each join's alias, for resolving conditions.
    var tables: Planner.StatementTables
    /// `select profiles`: the ``PlannedStatement/purpose`` of a root statement.
    var purpose: String
    /// The SQL of the columns, table and joins, once lowered; only for a skeleton that is kept.
    var prefix: LoweredSelectPrefix?

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
}

/// The skeletons of one schema's statements. A schema never changes once built, so nothing
/// here goes stale; a new schema (a model registered, a migration) starts an empty memo.
/// Bounded: a program that builds joins from input cannot grow it without end.
final class SelectSkeletonMemo: Sendable {
    private let skeletons = Mutex<[SelectSkeleton.Key: SelectSkeleton]>([:])
    static let capacity = 256

    func skeleton(_ key: SelectSkeleton.Key, orBuild build: () throws -> SelectSkeleton) rethrows -> SelectSkeleton {
        if let skeleton = skeletons.withLock({ $0[key] }) { return skeleton }
        let skeleton = try build()
        skeletons.withLock { skeletons in
            if skeletons.count >= Self.capacity { skeletons.removeAll(keepingCapacity: true) }
            skeletons[key] = skeleton
        }
        return skeleton
    }

    /// How many are kept, for tests.
    var count: Int { skeletons.withLock { $0.count } }
}
