/// A value's fields behind one reference, for schema types the planner copies many times a
/// statement (a table's schema is a dozen strings and arrays: each copy retained every one,
/// and releasing them was a third of planning a query). A copy now retains one object; a change
/// makes a new one, so the value keeps value semantics and needs no lock. Schemas change rarely
/// (when built or migrated), and are read on every query.
final class SharedFields<Fields: Sendable & Hashable>: Sendable {
    let fields: Fields

    init(_ fields: Fields) { self.fields = fields }

    /// A box holding `fields` with `change` made.
    func changing(_ change: (inout Fields) -> Void) -> SharedFields {
        var changed = fields
        change(&changed)
        return SharedFields(changed)
    }

    /// Equal fields; the same box is equal without comparing them.
    static func same(_ lhs: SharedFields, _ rhs: SharedFields) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }
}
