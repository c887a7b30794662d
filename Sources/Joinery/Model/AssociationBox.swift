/// The storage behind a `@BelongsTo` property. A struct cannot hold a value of its own type
/// (`User.manager: User?` would have infinite size), so `@BelongsTo` keeps the associated value
/// in this immutable box: setting the property replaces the box, so copies of a model stay
/// independent, as values should.
public final class AssociationBox<Value: Sendable>: Sendable {
    /// The associated model.
    public let value: Value

    /// Boxes `value`.
    public init(_ value: Value) {
        self.value = value
    }
}

/// A boxed parent encodes as the parent itself, so a `Codable` model's JSON reads
/// `"user": {"id": 1, "name": "jinzhu"}`.
extension AssociationBox: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension AssociationBox: Decodable where Value: Decodable {
    public convenience init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Value.self))
    }
}

/// A box holding a model, whatever its type: how the default
/// ``Model/setAssociation(box:named:)`` reads a box it cannot name.
protocol BoxedModel: AnyObject {
    var boxedModel: any Model { get }
}

extension AssociationBox: BoxedModel where Value: Model {
    var boxedModel: any Model { value }
}
