import CLibPQ
import Joinery

/// Maps SQLSTATE codes to ``JoineryError``, keeping PostgreSQL's constraint, table and column.
enum PostgreSQLError {
    static func make(_ result: OpaquePointer, sql: String) -> JoineryError {
        func field(_ code: Character) -> String? {
            guard let ascii = code.asciiValue, let value = PQresultErrorField(result, Int32(ascii)) else { return nil }
            return String(cString: value)
        }
        let state = field("C") ?? ""
        let message = field("M") ?? PostgreSQLConnection.trimmed(String(cString: PQresultErrorMessage(result)))
        var error = JoineryError(
            kind(for: state, message: message), message, engine: "PostgreSQL", engineCode: state,
            engineMessage: message, constraint: field("n"), table: field("t"), column: field("c"), sql: sql)
        if let detail = field("D") { error.message += " (\(detail))" }
        return error
    }

    static func kind(for state: String, message: String) -> JoineryError.Kind {
        switch state {
        case "23503": return .foreignKeyViolation
        case "23505": return .uniqueViolation
        case "23502": return .notNullViolation
        case "23514": return .checkViolation
        case "42601": return .syntax
        case "42P01", "42703", "42883", "42704", "3D000", "3F000": return .undefinedObject
        case "40001", "40P01", "55P03": return .transactionConflict
        case "25006": return .readOnly  // read_only_sql_transaction: a hot standby, or a READ ONLY transaction
        case "57P01", "57P02", "57P03": return .connectionLost  // the server shut down, crashed, or is starting
        case "57014": return message.contains("user request") ? .cancelled : .timeout
        // A kept prepared statement whose table changed: inside a transaction the error aborts
        // it, and running the transaction again prepares the statement afresh.
        case "0A000" where message.contains("cached plan must not change result type"): return .transactionConflict
        case "0A000": return .unsupported
        case "08P01" where message.contains("bind message supplies"): return .parameterCount
        case "42P02": return .parameterCount  // "there is no parameter $n"
        default:
            if state.hasPrefix("08") { return .connectionFailed }
            if state.hasPrefix("28") { return .authenticationFailed }
            return .engine
        }
    }
}
