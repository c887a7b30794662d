/// A statement's SQL as the key it is cached under. Equal means the same bytes — what the engine
/// prepared — not canonically equivalent Unicode, which `String`'s `==` accepts: an identifier
/// written precomposed and one written decomposed are two names to an engine, and a cache keyed
/// by `String` handed the statement prepared for one to the other.
@usableFromInline
struct SQLKey: Hashable {
    @usableFromInline let sql: String

    @inlinable
    init(_ sql: String) { self.sql = sql }

    @inlinable
    static func == (lhs: SQLKey, rhs: SQLKey) -> Bool {
        guard lhs.sql.utf8.count == rhs.sql.utf8.count else { return false }
        let compared = lhs.sql.utf8.withContiguousStorageIfAvailable { left in
            rhs.sql.utf8.withContiguousStorageIfAvailable { right in sameBytes(left, right) }
        }
        return compared.flatMap { $0 } ?? lhs.sql.utf8.elementsEqual(rhs.sql.utf8)
    }

    /// Two buffers of one length compared eight bytes at a time.
    @inlinable
    static func sameBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        if left.baseAddress == right.baseAddress { return true }
        let leftBytes = UnsafeRawBufferPointer(left), rightBytes = UnsafeRawBufferPointer(right)
        var offset = 0
        while offset + 8 <= left.count {
            guard leftBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == rightBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < left.count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The length and six words of the text — at its start, middle and end — rather than every
    /// byte through `Hasher`: a statement is looked up twice each time it runs (taken, given
    /// back), and hashing a 300-byte SELECT whole was some 500 instructions each time. Texts
    /// that share those bytes and their length only share a bucket; equality tells them apart.
    @inlinable
    func hash(into hasher: inout Hasher) {
        let count = sql.utf8.count
        let sample = sql.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var mixed = UInt64(count)
            if count < 16 {
                for byte in bytes { mixed = (mixed ^ UInt64(byte)) &* 0x100_0000_01b3 }
                return mixed
            }
            let raw = UnsafeRawBufferPointer(bytes), middle = count / 2 - 8
            func mix(_ offset: Int) {
                mixed = (mixed ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
                mixed ^= mixed >> 29
            }
            mix(0)
            mix(8)
            mix(middle)
            mix(middle + 8)
            mix(count - 16)
            mix(count - 8)
            return mixed
        }
        if let sample {
            hasher.combine(sample)
        } else {
            for byte in sql.utf8 { hasher.combine(byte) }
        }
    }
}
