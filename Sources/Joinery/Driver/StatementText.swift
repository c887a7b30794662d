#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a driver makes on a statement's text before it reaches the C client.
public enum StatementText {
    /// Whether `text` holds a NUL character: `memchr` over its UTF-8 bytes. (Walking the UTF-8
    /// view byte by byte cost some 80 instructions a value, and every text value of every insert
    /// is checked.)
    public static func containsNUL(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        }
        return found ?? text.utf8.contains(0)
    }

    /// Throws ``JoineryError/Kind/misuse`` when `sql` holds a NUL character: every C client
    /// reads SQL as a C string, so all that follows the NUL would be dropped without a word
    /// (`"SELECT 1\0; DROP TABLE keep"` would run `SELECT 1` and report success).
    public static func requireNoNUL(_ sql: String) throws {
        guard containsNUL(sql) else { return }
        throw JoineryError(
            .misuse, "the SQL contains a NUL character, and everything after it would be ignored; "
                + "bind such text as a value instead", sql: sql.split(separator: "\u{0}", omittingEmptySubsequences: false).joined(separator: "\\0"))
    }
}
