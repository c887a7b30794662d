import Synchronization

/// The SQL a SELECT's columns, table and joins lower to — `SELECT "profiles"."id", …,
/// "User"."name" AS "User__name" FROM "profiles" LEFT JOIN "users" "User" ON …` — kept with the
/// planner's skeleton of that SELECT (``SelectSkeleton``), so that each identifier in it is
/// quoted once per schema, not once per statement: statements that differ in their `WHERE`,
/// `ORDER BY` or `LIMIT` copy it. Kept per identifier quote (the only thing of the dialect's
/// the text depends on: a dialect with its own quoting function does not use it), and only
/// when the text binds no value.
final class LoweredSelectPrefix: Sendable {
    /// At most a few quotes are ever used in one process.
    private let texts = Mutex<[(quote: UInt8, text: String)]>([])

    init() {}

    /// The text written with `quote`, if kept.
    func text(quotedWith quote: UInt8) -> String? {
        texts.withLock { texts in texts.first { $0.quote == quote }?.text }
    }

    /// Keeps `text` as the text written with `quote` (the first one kept wins).
    func keep(_ text: String, quotedWith quote: UInt8) {
        texts.withLock { texts in
            guard texts.count < 4, !texts.contains(where: { $0.quote == quote }) else { return }
            texts.append((quote, text))
        }
    }
}
