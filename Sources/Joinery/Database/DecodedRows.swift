/// The models decoded from a statement's rows. `load<M>` is generic code the compiler does not
/// specialise for the application's models, and there an `Array<M>.append` looked `Array<M>`'s
/// type metadata up on every row (a tenth of the row loop). Rows are moved into chunks of 256
/// that `M`'s own value witnesses manage, and from the chunks into an array of exactly their
/// number at the end: each model is moved twice and never copied (a copy retains every string
/// and box the model holds, and releasing the copy costs as much again).
final class DecodedRows<M> {
    private static var chunkSize: Int { 256 }
    /// Full chunks, then the one being filled.
    private var chunks: [UnsafeMutablePointer<M>]
    /// The chunk being filled (the last one), held apart: reading it from `chunks` would look
    /// the array's type metadata up on every row.
    private var last: UnsafeMutablePointer<M>
    /// How many models the last chunk holds.
    private var inLast = 0
    private var total = 0

    init() {
        last = .allocate(capacity: Self.chunkSize)
        chunks = [last]
    }

    deinit {
        for (index, chunk) in chunks.enumerated() {
            chunk.deinitialize(count: index == chunks.count - 1 ? inLast : Self.chunkSize)
            chunk.deallocate()
        }
    }

    func append(_ model: consuming M) {
        if inLast == Self.chunkSize {
            last = .allocate(capacity: Self.chunkSize)
            chunks.append(last)
            inLast = 0
        }
        (last + inLast).initialize(to: model)
        inLast += 1
        total += 1
    }

    /// The models as an array; nothing is left here.
    func takeArray() -> [M] {
        let chunks = chunks, inLast = inLast, total = total
        last = .allocate(capacity: Self.chunkSize)
        self.chunks = [last]
        self.inLast = 0
        self.total = 0
        return [M](unsafeUninitializedCapacity: total) { buffer, count in
            count = 0
            for (index, chunk) in chunks.enumerated() {
                let filled = index == chunks.count - 1 ? inLast : Self.chunkSize
                if let base = buffer.baseAddress {
                    (base + count).moveInitialize(from: chunk, count: filled)
                    count += filled
                } else {
                    chunk.deinitialize(count: filled)
                }
                chunk.deallocate()
            }
        }
    }
}
