/// A ``QueryBuilder``'s query, held by reference: a builder is passed and copied at every step
/// of a chain (and by callers that keep one to run again), and a `SelectQuery` inline is a dozen
/// fields to retain and release on each copy. Boxed, a copy is one retain. The box never
/// changes (a step that changes the query puts it in a new box, copying it once, as before), so
/// the query is read in place and the box is safe to share between tasks.
final class SelectQueryBox: Sendable {
    let query: SelectQuery

    init(_ query: SelectQuery) { self.query = query }
}
