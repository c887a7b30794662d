import Hummingbird
import Joinery

extension JoineryError {
    /// The HTTP answer for a database error: the client's fault (4xx) or the server's (5xx), and
    /// whether the client may simply try again (503).
    var httpError: HTTPError {
        switch kind {
        case .uniqueViolation: return HTTPError(.conflict, message: "already exists")
        case .notFound: return HTTPError(.notFound)
        case .foreignKeyViolation, .notNullViolation, .checkViolation, .invalidValue:
            return HTTPError(.unprocessableContent, message: message)
        case .poolExhausted, .transactionConflict, .connectionFailed, .connectionLost, .timeout, .readOnly:
            return HTTPError(.serviceUnavailable, message: "try again")
        case .cancelled: return HTTPError(.requestTimeout)
        default: return HTTPError(.internalServerError)
        }
    }
}
