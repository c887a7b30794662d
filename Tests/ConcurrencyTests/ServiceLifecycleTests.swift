import EngineTestSupport
import Joinery
import JoineryTestSupport
import Logging
import ServiceLifecycle
import Testing

/// The pool as a service of a ServiceGroup, the way a Hummingbird or Vapor application runs it.
@Suite("DatabasePool in a ServiceGroup")
struct ServiceLifecycleTests {
    @Test(arguments: TestEngine.allCases)
    func gracefulShutdownClosesThePool(engine: TestEngine) async throws {
        try await engine.withScratchPool { pool in
            try await pool.migrate(Hammer.User.self)
            let group = ServiceGroup(services: [pool], logger: Logger(label: "joinery.test"))
            let running = Task { try await group.run() }
            var user = Hammer.User(name: "served")
            try await pool.create(&user)
            await group.triggerGracefulShutdown()
            try await running.value
            let error = await joineryError { try await pool.query(Hammer.User.self).count() }
            #expect(error?.kind == .poolClosed)
            #expect(pool.statistics.open == 0)
        }
    }
}
