import CMariaDB
import Joinery

/// Maps MariaDB's errno values to ``JoineryError``, with the constraint, table and column
/// parsed from the message where MariaDB only reports them there.
enum MariaDBError {
    static func make(_ mysql: UnsafeMutablePointer<MYSQL>, sql: String?) -> JoineryError {
        make(code: mysql_errno(mysql), message: String(cString: mysql_error(mysql)), sql: sql)
    }

    static func make(_ statement: UnsafeMutablePointer<MYSQL_STMT>, sql: String?) -> JoineryError {
        make(code: mysql_stmt_errno(statement), message: String(cString: mysql_stmt_error(statement)), sql: sql)
    }

    static func make(code: UInt32, message: String, sql: String?) -> JoineryError {
        var error = JoineryError(
            .engine, message, engine: "MariaDB", engineCode: String(code), engineMessage: message, sql: sql)
        switch code {
        case 1451, 1452, 1216, 1217:
            // Cannot add or update a child row: a foreign key constraint fails
            // (`db`.`profiles`, CONSTRAINT `fk_profiles_user` FOREIGN KEY (`user_id`) REFERENCES …)
            error.kind = .foreignKeyViolation
            error.message = code == 1451 || code == 1217
                ? "a row is still referenced through a foreign key" : "the referenced row does not exist"
            error.constraint = quoted(in: message, after: "CONSTRAINT `")
            error.table = quoted(in: message, after: "`.`")
        case 1062, 1586:
            // Duplicate entry 'x' for key 'users_email'
            error.kind = .uniqueViolation
            error.message = "duplicate key"
            error.constraint = quoted(in: message, after: "for key '", close: "'")
        case 1048:
            // Column 'name' cannot be null
            error.kind = .notNullViolation
            error.message = "NULL in a NOT NULL column"
            error.column = quoted(in: message, after: "Column '", close: "'")
        case 1364:
            // Field 'name' doesn't have a default value
            error.kind = .notNullViolation
            error.message = "no value for a NOT NULL column without default"
            error.column = quoted(in: message, after: "Field '", close: "'")
        case 4025, 3819:
            // CONSTRAINT `age_positive` failed for `db`.`t`
            error.kind = .checkViolation
            error.constraint = quoted(in: message, after: "CONSTRAINT `")
        case 1064, 1149:
            error.kind = .syntax
        case 1146, 1054, 1049, 1305, 1091, 1109:
            error.kind = .undefinedObject
        case 1213, 1205:
            error.kind = .transactionConflict
        case 1290, 1792:
            // The server runs with --read-only; cannot execute statement in a READ ONLY transaction.
            error.kind = .readOnly
        case 1210:
            error.kind = .parameterCount
        case 1045, 1044, 1698:
            error.kind = .authenticationFailed
        case 2006, 2013, 2055:
            // Server has gone away; lost connection during query; lost connection at '…'. A read
            // that timed out (the server did not answer in time) reads "… (timeout)" or errno 110.
            let timedOut = ["timed out", "timeout", "(110)", "system error: 110"].contains { message.localizedCaseInsensitiveContains($0) }
            error.kind = timedOut ? .timeout : .connectionLost
        case 1927, 1053:
            // Connection was killed; server shutdown in progress.
            error.kind = .connectionLost
        case 2002, 2003, 2005, 2026:
            error.kind = message.contains("timed out") || message.contains("(110)") || message.contains("error: 110") ? .timeout : .connectionFailed
        case 1317:
            // Query execution was interrupted (KILL QUERY).
            error.kind = .cancelled
        case 1969:
            // Query execution was interrupted (max_statement_time exceeded).
            error.kind = .timeout
        case 1235, 1295, 1178:
            error.kind = .unsupported
        default:
            break
        }
        return error
    }

    static func connectionError(_ error: JoineryError, url: DatabaseURL) -> JoineryError {
        var error = error
        if [.engine, .undefinedObject, .connectionLost].contains(error.kind) { error.kind = .connectionFailed }
        error.message = "cannot connect to MariaDB at \(url): \(error.engineMessage ?? error.message)"
        return error
    }

    /// The text between `marker` and the next `close` character.
    private static func quoted(in message: String, after marker: String, close: Character = "`") -> String? {
        guard let start = message.firstRange(of: marker)?.upperBound,
              let end = message[start...].firstIndex(of: close)
        else { return nil }
        return String(message[start..<end])
    }
}
