/// The models decoded from a statement's rows. `load<M>` is generic code the compiler does not
/// specialise for the application's models, and there an `Array<M>.append` looked `Array<M>`'s
/// type metadata up on every row (a tenth of the row loop). Rows are moved into chunks that
/// `M`'s own value witnesses manage, and from the chunks into an array of exactly their number
/// at the end: each model is moved twice and never copied (a copy retains every string and box
/// the model holds, and releasing the copy costs as much again).
///
/// The chunks start small and double up to 256 models: most statements return a row or a
/// few, and a chunk of 256 for each of them (tens of kilobytes, allocated and freed per
/// statement) made glibc hand the memory back to the kernel and fault it in again on every
/// request — an madvise and page faults per `find`.
///
/// Its properties are not checked for exclusive access at run time: an instance lives within one
/// load on one thread, and each check (begin and end, on every chunk and every take) cost more
/// than the access it guarded.
final class DecodedRows<M> {
    private static var firstChunkSize: Int { 8 }
    private static var largestChunkSize: Int { 256 }
    /// Full chunks and their sizes, then the one being filled. Untyped, so that this array, its
    /// elements and iterating it involve no type made from `M`: in this unspecialised code each
    /// such type's metadata is looked up at run time (iterating `[(UnsafeMutablePointer<M>, Int)]`
    /// with `enumerated()` cost 1,700 instructions a step, most of a one-row `find`'s hydration).
    @exclusivity(unchecked) private var chunks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    /// The chunk being filled (the last one), held apart: reading it from `chunks` would look
    /// the array's type metadata up on every row. Nil until the first row.
    @exclusivity(unchecked) private var last: UnsafeMutablePointer<M>?
    @exclusivity(unchecked) private var lastSize = 0
    /// How many models the last chunk holds.
    @exclusivity(unchecked) private var inLast = 0
    @exclusivity(unchecked) private var total = 0

    init() {}

    deinit {
        eachChunk { _, start, filled in start.deinitialize(count: filled) }
        releaseChunks()
    }

    func append(_ model: consuming M) {
        if inLast == lastSize { startChunk() }
        (last.unsafelyUnwrapped + inLast).initialize(to: model)
        inLast += 1
        total += 1
    }

    private func startChunk() {
        lastSize = lastSize == 0 ? Self.firstChunkSize : min(lastSize * 2, Self.largestChunkSize)
        let chunk = UnsafeMutablePointer<M>.allocate(capacity: lastSize)
        chunks.append((UnsafeMutableRawPointer(chunk), lastSize))
        last = chunk
        inLast = 0
    }

    /// Calls `body` with each model in place, and its row number.
    func mutateEach(_ body: (Int, UnsafeMutablePointer<M>) throws -> Void) rethrows {
        var row = 0
        try eachChunk { _, start, filled in
            for offset in 0..<filled { try body(row + offset, start + offset) }
            row += filled
        }
    }

    /// The first model, the others dropped; nothing is left here. What `find` and `first` take:
    /// no array (made in this unspecialised code, one cost 1,500 instructions for one row).
    func takeFirst() -> M? {
        guard total > 0 else { return nil }
        let model = chunks[0].start.assumingMemoryBound(to: M.self).move()
        eachChunk { number, start, filled in
            if number == 0 { (start + 1).deinitialize(count: filled - 1) } else { start.deinitialize(count: filled) }
        }
        releaseChunks()
        return model
    }

    /// The models as an array; nothing is left here.
    func takeArray() -> [M] {
        let array = [M](unsafeUninitializedCapacity: total) { buffer, count in
            count = 0
            eachChunk { _, start, filled in
                if let base = buffer.baseAddress {
                    (base + count).moveInitialize(from: start, count: filled)
                    count += filled
                } else {
                    start.deinitialize(count: filled)
                }
            }
        }
        releaseChunks()
        return array
    }

    /// Calls `body` with each chunk in order: its number, its first model, how many it holds.
    private func eachChunk(_ body: (_ number: Int, _ start: UnsafeMutablePointer<M>, _ filled: Int) throws -> Void) rethrows {
        var index = 0
        while index < chunks.count {
            try body(index, chunks[index].start.assumingMemoryBound(to: M.self), index == chunks.count - 1 ? inLast : chunks[index].size)
            index += 1
        }
    }

    /// Frees the chunks, whose models were moved out or destroyed, and starts empty.
    private func releaseChunks() {
        var index = 0
        while index < chunks.count {
            chunks[index].start.deallocate()
            index += 1
        }
        chunks = []
        last = nil
        lastSize = 0
        inLast = 0
        total = 0
    }
}
