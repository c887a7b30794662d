import Synchronization

/// The SQL a SELECT's columns, table and joins lower to — `SELECT "profiles"."id", …,
/// "User"."name" AS "User__name" FROM "profiles" LEFT JOIN "users" "User" ON …` — kept with the
/// planner's skeleton of that SELECT (``SelectSkeleton``), so that each identifier in it is
/// quoted once per schema, not once per statement: statements that differ in their `WHERE`,
/// `ORDER BY` or `LIMIT` copy it. Kept per identifier quote (the only thing of the dialect's
/// the text depends on: a dialect with its own quoting function does not use it), and only
/// when the text binds no value.
final class LoweredSelectPrefix: Sendable {
    /// At most a few quotes are ever used in one process; each text is written once and freed
    /// with this object, so a pointer read under the lock stays valid while the object lives.
    private let texts = Mutex<[KeptText]>([])

    /// A text and its quote. The bytes are written before it is kept and never after, and
    /// freed only by the prefix's `deinit`: sharing the pointer between threads is safe.
    private struct KeptText: @unchecked Sendable {
        let quote: UInt8
        let bytes: UnsafeMutableBufferPointer<UInt8>
    }

    init() {}

    deinit {
        texts.withLock { texts in
            for text in texts { text.bytes.deallocate() }
        }
    }

    /// The text written with `quote`, if kept. Valid while this object is alive.
    func text(quotedWith quote: UInt8) -> UnsafeBufferPointer<UInt8>? {
        texts.withLock { texts in
            for text in texts where text.quote == quote { return UnsafeBufferPointer(text.bytes) }
            return nil
        }
    }

    /// Keeps a copy of `bytes` as the text written with `quote` (the first one kept wins).
    func keep(_ bytes: UnsafeBufferPointer<UInt8>, quotedWith quote: UInt8) {
        texts.withLock { texts in
            guard texts.count < 4, !texts.contains(where: { $0.quote == quote }) else { return }
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = copy.initialize(from: bytes)
            texts.append(KeptText(quote: quote, bytes: copy))
        }
    }
}
