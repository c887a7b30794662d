import Joinery
import Testing

/// The error `body` throws, as a ``JoineryError`` (recording an issue if it throws something else
/// or nothing).
public func joineryError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> JoineryError? {
    do {
        try body()
        Issue.record("expected a JoineryError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as JoineryError {
        return error
    } catch {
        Issue.record("expected a JoineryError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The error an async `body` throws, as a ``JoineryError``.
public func joineryError<T>(
    _ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) async -> JoineryError? {
    do {
        _ = try await body()
        Issue.record("expected a JoineryError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as JoineryError {
        return error
    } catch {
        Issue.record("expected a JoineryError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
