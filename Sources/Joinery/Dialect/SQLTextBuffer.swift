/// The UTF-8 bytes of SQL being written: appended with one `memcpy` each, copied on write like
/// an array. Lowering a fresh query appends about a hundred short pieces, and `Array`'s generic
/// `append(contentsOf:)` costs several times the copy itself for pieces this short.
struct SQLTextBuffer {
    /// The allocation, shared by copies of a buffer until one of them writes. Its properties
    /// are constants, so reading them needs no exclusivity check.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            bytes = .allocate(capacity: capacity)
        }

        deinit { bytes.deallocate() }
    }

    private var storage: Storage
    /// The number of bytes written (each copy of a buffer has its own).
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        storage = Storage(capacity: Swift.max(capacity, 16))
    }

    /// Makes room for `additional` more bytes, in storage no other buffer shares.
    @inline(__always)
    private mutating func prepare(for additional: Int) {
        if count + additional <= storage.capacity, isKnownUniquelyReferenced(&storage) { return }
        grow(for: additional)
    }

    private mutating func grow(for additional: Int) {
        let needed = count + additional
        let grown = Storage(capacity: needed <= storage.capacity ? storage.capacity : Swift.max(needed, storage.capacity * 2))
        grown.bytes.initialize(from: storage.bytes, count: count)
        storage = grown
    }

    /// Lets `body` write at most `maximum` bytes straight into the storage, at the end; it
    /// returns how many it wrote.
    @inline(__always)
    mutating func write(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        prepare(for: maximum)
        count += body(storage.bytes + count)
    }

    /// Appends `bytes`.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        prepare(for: bytes.count)
        (storage.bytes + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        prepare(for: 1)
        (storage.bytes + count).initialize(to: byte)
        count += 1
    }

    /// Appends the bytes of `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Makes room for `additional` more bytes at once.
    mutating func reserve(_ additional: Int) {
        prepare(for: additional)
    }

    /// The text written from byte `start` on.
    func string(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: storage.bytes + start, count: count - start), as: UTF8.self)
    }

    /// The text written (the bytes are UTF-8: every piece came from a `String`).
    var string: String {
        String(decoding: UnsafeBufferPointer(start: storage.bytes, count: count), as: UTF8.self)
    }
}
