/// Checks a driver makes on a statement's text before it reaches the C client.
public enum StatementText {
    /// Throws ``JoineryError/Kind/misuse`` when `sql` holds a NUL character: every C client
    /// reads SQL as a C string, so all that follows the NUL would be dropped without a word
    /// (`"SELECT 1\0; DROP TABLE keep"` would run `SELECT 1` and report success).
    public static func requireNoNUL(_ sql: String) throws {
        guard sql.utf8.contains(0) else { return }
        throw JoineryError(
            .misuse, "the SQL contains a NUL character, and everything after it would be ignored; "
                + "bind such text as a value instead", sql: sql.split(separator: "\u{0}", omittingEmptySubsequences: false).joined(separator: "\\0"))
    }
}
