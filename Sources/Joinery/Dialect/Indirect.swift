/// A value kept behind a reference, copied when it is set: what keeps a dialect small.
///
/// ``SQLDialect/lower(_:)`` hands the dialect to its ``SQLWriter`` as `any SQLDialect`, and a
/// struct larger than an existential's inline buffer (three words) is copied into a heap box
/// each time — for the built-in dialects, with their ``DialectCapabilities``, an allocation, a
/// copy and a release on every statement lowered. Their version and capabilities are declared
/// `@Indirect`, so that the dialect is two references:
///
/// ```swift
/// public struct MyDialect: SQLDialect {
///     @Indirect public var version: EngineVersion
///     @Indirect public var capabilities: DialectCapabilities
/// }
/// ```
///
/// The value stays a value: setting it puts a new box in place, so a copy of the dialect taken
/// before keeps what it had.
@propertyWrapper
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The value; setting it boxes the new one.
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}
