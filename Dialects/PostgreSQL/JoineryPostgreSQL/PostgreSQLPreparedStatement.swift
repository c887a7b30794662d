import CLibPQ
import Joinery

/// A named prepared statement of one PostgreSQL connection, and the parameter types it was
/// prepared with: the server fixed each parameter's type then, so it serves a later run only
/// when that run's values have the same types (a NULL fits any).
struct PostgreSQLPreparedStatement: Equatable {
    let name: String
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
    static func isPlannable(_ sql: String) -> Bool {
        var word: [UInt8] = []
        for byte in sql.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "("):
                if word.isEmpty { continue }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if word.count < 6 { word.append(byte | 0x20); continue }
            default:
                break
            }
            break
        }
        switch String(decoding: word, as: UTF8.self) {
        case "select", "insert", "update", "delete", "with", "values": return true
        default: return false
        }
    }
}

/// Names of prepared statements the cache let go, to be deallocated on the server once no
/// transaction is open (a `DEALLOCATE` that failed inside one would abort it).
final class PostgreSQLStatementsToDeallocate {
    var names: [String] = []
}
