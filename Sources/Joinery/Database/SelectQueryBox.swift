/// A ``QueryBuilder``'s query, held by reference: a builder is passed and copied at every step
/// of a chain (and by callers that keep one to run again), and a `SelectQuery` inline is a dozen
/// fields to retain and release on each copy. Boxed, a copy is one retain.
///
/// Copy on write, as Swift's own arrays: a step changes the query in place when its builder holds
/// the only reference to the box — the usual chain, `db.query(Profile.self).preload(\.user).find(id)`,
/// where each step consumes the builder it is called on — and copies it into a new box otherwise,
/// so a builder kept and reused never sees another's changes.
///
/// Unchecked `Sendable`: the box is changed only through ``QueryBuilder/query``'s `_modify`, and
/// only while `isKnownUniquelyReferenced` holds — then no other builder, task or thread can
/// reach it. A shared box is only read. For the same reason its accesses need no run-time
/// exclusivity check.
final class SelectQueryBox: @unchecked Sendable {
    @exclusivity(unchecked) var query: SelectQuery

    init(_ query: SelectQuery) { self.query = query }
}
