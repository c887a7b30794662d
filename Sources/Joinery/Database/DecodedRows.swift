/// The models decoded from a statement's rows, kept in memory that `M`'s own value witnesses
/// manage until they become an `[M]`. `load<M>` is generic code the compiler does not specialise
/// for the application's models, and there an `Array<M>.append` looked `Array<M>`'s type metadata
/// up on every row (a tenth of the row loop); this appends through `M` alone.
final class DecodedRows<M> {
    private var base: UnsafeMutablePointer<M>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ model: consuming M) {
        if count == capacity {
            let grown = UnsafeMutablePointer<M>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: model)
        count += 1
    }

    /// The models as an array, moved out: the buffer is left empty.
    func takeArray() -> [M] {
        let moved = count
        count = 0
        return [M](unsafeUninitializedCapacity: moved) { buffer, initialized in
            guard let destination = buffer.baseAddress else { return }
            destination.moveInitialize(from: base, count: moved)
            initialized = moved
        }
    }
}
