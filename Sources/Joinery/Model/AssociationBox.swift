/// The storage behind a `@BelongsTo` property. A struct cannot hold a value of its own type
/// (`User.manager: User?` would have infinite size), so `@BelongsTo` keeps the associated value
/// in this immutable box: setting the property replaces the box, so copies of a model stay
/// independent, as values should.
public final class AssociationBox<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
