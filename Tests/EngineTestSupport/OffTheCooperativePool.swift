import Foundation

/// Runs blocking work (starting a server, threads that share one connection) on a thread of its
/// own and awaits it. Tests run in parallel on Swift's few cooperative threads: a test that held
/// one for seconds would stall every other test, and the timing tests would measure that stall
/// instead of what they are about.
public func offTheCooperativePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 4 << 20
        thread.start()
    }
}
