extension DatabasePool {
    /// How the pool runs again a unit of work the engine rolled back — a deadlock, a
    /// serialization failure, a Galera certification failure (``JoineryError/Kind/transactionConflict``),
    /// or a connection lost before anything could commit — before it gives the error to the
    /// caller. Only whole transactions are run again (``DatabasePool/transaction(_:)`` and the
    /// one-shot writes, each one transaction or one statement), never a unit of work that may
    /// have committed part of itself.
    ///
    /// ```swift
    /// var configuration = DatabasePool.Configuration()
    /// configuration.retry = .init(maximumAttempts: 5, initialBackoff: .milliseconds(20))
    /// configuration.retry = .none          // every conflict goes straight to the caller
    /// ```
    public struct RetryPolicy: Sendable, Hashable {
        /// Attempts in all, the first included: 1 runs once and never again.
        public var maximumAttempts: Int
        /// The wait before the second attempt; each later wait doubles, up to ``maximumBackoff``,
        /// and is shortened by a random part so that two conflicting callers do not meet again.
        public var initialBackoff: Duration
        /// The longest wait between two attempts.
        public var maximumBackoff: Duration

        /// Three attempts, 10 ms and then 20 ms apart (less a random part).
        public init(maximumAttempts: Int = 3, initialBackoff: Duration = .milliseconds(10), maximumBackoff: Duration = .milliseconds(500)) {
            self.maximumAttempts = max(1, maximumAttempts)
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
        }

        /// No retry: a conflict is thrown at once.
        public static let none = RetryPolicy(maximumAttempts: 1)

        /// The wait after failed attempt `attempt` (1-based): exponential, capped, with jitter.
        func backoff(after attempt: Int) -> Duration {
            var wait = initialBackoff
            for _ in 1..<max(1, attempt) where wait < maximumBackoff { wait = wait * 2 }
            let capped = min(wait, maximumBackoff)
            return capped * Double.random(in: 0.5...1.0)
        }

        /// Whether `error` means the unit of work left nothing behind and may succeed if run again.
        static func mayRetry(_ error: any Error) -> Bool {
            guard let error = error as? JoineryError, error.kind != .poolExhausted else { return false }
            return error.isRetryable
        }
    }
}

extension DatabasePool {
    /// Runs `attempt` until it succeeds, fails with an error that must not be retried, or the
    /// policy's attempts are spent; the task's cancellation stops the waiting.
    func retrying<T>(_ attempt: () async throws -> T) async throws -> T {
        let policy = configuration.retry
        var number = 1
        while true {
            do {
                return try await attempt()
            } catch where number < policy.maximumAttempts && RetryPolicy.mayRetry(error) && !Task.isCancelled {
                try await Task.sleep(for: policy.backoff(after: number))
                number += 1
            }
        }
    }
}
