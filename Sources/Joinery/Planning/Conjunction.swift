/// Conditions ANDed as they are added, nested ANDs flattened (``Condition/and(_:)``'s shape):
/// one condition is itself, none is `nil`.
struct Conjunction {
    private var only: Condition?
    private var flattened: [Condition] = []
    private var count = 0

    mutating func add(_ condition: Condition?) {
        guard let condition else { return }
        count += 1
        only = condition
        if case .and(let inner) = condition {
            flattened.append(contentsOf: inner)
        } else {
            flattened.append(condition)
        }
    }

    var condition: Condition? {
        count > 1 ? .and(flattened) : only
    }
}
