/// Conditions ANDed as they are added, nested ANDs flattened (``Condition/and(_:)``'s shape):
/// one condition is itself, none is `nil`.
struct Conjunction {
    /// The first condition; the array is made only when a second comes (most statements have
    /// one condition or none, and an array allocated per condition was a tenth of planning).
    private var only: Condition?
    private var flattened: [Condition] = []
    private var count = 0

    mutating func add(_ condition: Condition?) {
        guard let condition else { return }
        count += 1
        if count == 1 {
            only = condition
            return
        }
        if count == 2, let first = only {
            flattened.reserveCapacity(4)
            append(first)
        }
        append(condition)
    }

    private mutating func append(_ condition: Condition) {
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
