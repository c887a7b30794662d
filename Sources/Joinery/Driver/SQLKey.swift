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

    /// `String`'s own hash: canonically equivalent texts hash alike, so texts of the same bytes
    /// certainly do.
    @inlinable
    func hash(into hasher: inout Hasher) { hasher.combine(sql) }
}
