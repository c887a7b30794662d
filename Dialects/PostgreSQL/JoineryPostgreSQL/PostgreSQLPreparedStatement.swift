import CLibPQ
import Joinery

/// A named prepared statement of one PostgreSQL connection, and the parameter types it was
/// prepared with: the server fixed each parameter's type then, so it serves a later run only
/// when that run's values have the same types (a NULL fits any).
struct PostgreSQLPreparedStatement: Equatable {
    let name: String
    /// One per placeholder: a run binds `types.count` values.
    let types: [Oid]

    func accepts(_ parameters: PostgreSQLValues.Parameters) -> Bool {
        guard parameters.types.count == types.count else { return false }
        for index in types.indices where parameters.types[index] != types[index] && parameters.offsets[index] != nil {
            return false
        }
        return true
    }

    /// Whether `sql` is worth preparing: a query or a write the server plans. Transaction
    /// control, DDL and settings run unprepared (a kept `CREATE TABLE` would only take room).
    /// Runs before every statement, so the first word is packed into an integer (letters
    /// lowercased), not collected into an array.
    static func isPlannable(_ sql: String) -> Bool {
        var word: UInt64 = 0
        var letters = 0
        for byte in sql.utf8 {
            let lowered = byte | 0x20  // a letter exactly when this is a–z
            if lowered >= UInt8(ascii: "a"), lowered <= UInt8(ascii: "z") {
                letters += 1
                guard letters <= 6 else { return false }
                word = word << 8 | UInt64(lowered)
            } else if letters == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "(")
            {
                continue
            } else {
                break
            }
        }
        return plannableWords.contains(word)
    }

    private static let plannableWords: [UInt64] = ["select", "insert", "update", "delete", "with", "values"].map { word in
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// Names of prepared statements the cache let go, to be deallocated on the server once no
/// transaction is open (a `DEALLOCATE` that failed inside one would abort it).
final class PostgreSQLStatementsToDeallocate {
    var names: [String] = []
}
