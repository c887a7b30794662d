import ServiceLifecycle

/// A pool runs as a service of the application's `ServiceGroup`, the way postgres-nio's
/// `PostgresClient` does: it serves from the moment it is created, and when the group shuts
/// down gracefully (SIGTERM, or another service ending) it closes, waiting for the units of
/// work in flight.
///
/// ```swift
/// let pool = try DatabasePool(url, drivers: [PostgreSQLDriver()])
/// let group = ServiceGroup(services: [pool, httpServer], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
extension DatabasePool: Service {
    public func run() async throws {
        // Returns at graceful shutdown; throws when the task is cancelled instead. Either way
        // the pool closes.
        try? await gracefulShutdown()
        await close()
    }
}
