import CSQLite
import Joinery

/// Maps SQLite's extended result codes and messages to ``JoineryError``.
enum SQLiteError {
    // Extended codes (sqlite3.h builds them with macros Swift cannot import).
    static let constraintCheck: Int32 = 275        // SQLITE_CONSTRAINT_CHECK
    static let constraintForeignKey: Int32 = 787   // SQLITE_CONSTRAINT_FOREIGNKEY
    static let constraintNotNull: Int32 = 1299     // SQLITE_CONSTRAINT_NOTNULL
    static let constraintPrimaryKey: Int32 = 1555  // SQLITE_CONSTRAINT_PRIMARYKEY
    static let constraintUnique: Int32 = 2067      // SQLITE_CONSTRAINT_UNIQUE

    static func make(_ db: OpaquePointer, _ code: Int32, sql: String?) -> JoineryError {
        let extended = sqlite3_extended_errcode(db)
        let message = String(cString: sqlite3_errmsg(db))
        var error = JoineryError(
            .engine, message, engine: "SQLite", engineCode: String(extended), engineMessage: message, sql: sql)
        // An ON DELETE/UPDATE RESTRICT action fails with a plain (or trigger) constraint code, not
        // SQLITE_CONSTRAINT_FOREIGNKEY: the message is what says so.
        let restrictAction = code & 0xFF == SQLITE_CONSTRAINT && message.hasPrefix("FOREIGN KEY constraint failed")
        switch extended {
        case _ where restrictAction, constraintForeignKey:
            error.kind = .foreignKeyViolation
            error.message = "foreign key constraint failed"
        case constraintUnique, constraintPrimaryKey:
            error.kind = .uniqueViolation
            error.message = "duplicate key"
            nameTableAndColumn(&error, after: "constraint failed: ")
        case constraintNotNull:
            error.kind = .notNullViolation
            error.message = "NULL in a NOT NULL column"
            nameTableAndColumn(&error, after: "constraint failed: ")
        case constraintCheck:
            error.kind = .checkViolation
            error.message = "check constraint failed"
            if let range = message.firstRange(of: "constraint failed: ") {
                error.constraint = String(message[range.upperBound...])
            }
        default:
            switch code & 0xFF {
            case SQLITE_BUSY, SQLITE_LOCKED: error.kind = .transactionConflict
            case SQLITE_READONLY: error.kind = .readOnly
            case SQLITE_INTERRUPT: error.kind = .cancelled
            case SQLITE_CANTOPEN, SQLITE_NOTADB: error.kind = .connectionFailed
            case SQLITE_RANGE: error.kind = .parameterCount
            case SQLITE_ERROR:
                if message.contains("syntax error") || message.contains("incomplete input") || message.contains("unrecognized token") {
                    error.kind = .syntax
                } else if message.hasPrefix("no such") {
                    error.kind = .undefinedObject
                }
            default: break
            }
        }
        return error
    }

    /// "UNIQUE constraint failed: users.email, users.name" → table users, column email,
    /// constraint "users.email, users.name" (SQLite does not name the index).
    private static func nameTableAndColumn(_ error: inout JoineryError, after marker: String) {
        guard let message = error.engineMessage, let range = message.firstRange(of: marker) else { return }
        let subject = String(message[range.upperBound...])
        error.constraint = subject
        let first = subject.split(separator: ",").first.map { $0.trimmingPrefix(" ") } ?? ""
        let parts = first.split(separator: ".", maxSplits: 1)
        if parts.count == 2 {
            error.table = String(parts[0])
            error.column = String(parts[1])
        }
    }
}
