/// The models decoded from a statement's rows. `load<M>` is generic code the compiler does not
/// specialise for the application's models, and there an `Array<M>.append` looked `Array<M>`'s
/// type metadata up on every row (a tenth of the row loop). Rows go first into a small buffer that
/// `M`'s own value witnesses manage, and join the array 256 at a time; the array grows as it would
/// have, so the peak memory is the same.
final class DecodedRows<M> {
    private static var batch: Int { 256 }
    private var array: [M] = []
    private let buffer: UnsafeMutablePointer<M>
    private var buffered = 0

    init() {
        buffer = .allocate(capacity: Self.batch)
    }

    deinit {
        buffer.deinitialize(count: buffered)
        buffer.deallocate()
    }

    func append(_ model: consuming M) {
        if buffered == Self.batch { flush() }
        (buffer + buffered).initialize(to: model)
        buffered += 1
    }

    private func flush() {
        array.append(contentsOf: UnsafeBufferPointer(start: buffer, count: buffered))
        buffer.deinitialize(count: buffered)
        buffered = 0
    }

    /// The models as an array; the buffer is left empty.
    func takeArray() -> [M] {
        flush()
        defer { array = [] }
        return array
    }
}
