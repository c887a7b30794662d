import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Synchronization
import Testing

/// A server killed, restarted or frozen under a pool: each test starts a private server on ports
/// of its own (scripts/services.sh with a private data directory) and removes it afterwards.
@Suite("Faults on private servers", .serialized)
struct FaultTests {
    /// What one create saw while the server went away and came back.
    private final class Tally: Sendable {
        let created = Atomic<Int>(0)
        let mayHaveCommitted = Atomic<Int>(0)
        let failures = Mutex<[JoineryError]>([])
        let foreign = Mutex<[String]>([])
        let keptIDs = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
    }

    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aServerKilledAndRestartedUnderThePool(engine: TestEngine) async throws {
        try await withPrivateServer(engine) { server in try await killAndRestart(server) }
    }

    private func killAndRestart(_ server: PrivateServer) async throws {
        let engine = server.engine
        var configuration = DatabasePool.Configuration(maximumConnections: 4)
        configuration.acquireTimeout = .seconds(30)
        configuration.connectTimeout = .seconds(2)
        configuration.statementTimeout = .seconds(5)
        let pool = try DatabasePool(server.url, drivers: [engine.driver], configuration: configuration)
        try await pool.migrate(Hammer.Profile.self)
        let tally = Tally()
        let workers = (0..<6).map { worker in
            Task {
                var index = 0
                while !tally.stop.load(ordering: .acquiring) {
                    index += 1
                    var profile = Hammer.Profile(name: "p-\(worker)-\(index)", user: Hammer.User(name: "u-\(worker)-\(index)"))
                    do {
                        try await pool.create(&profile)
                        tally.created.add(1, ordering: .relaxed)
                    } catch let error as JoineryError {
                        if error.mayHaveCommitted != false { tally.mayHaveCommitted.add(1, ordering: .relaxed) }
                        tally.failures.withLock { $0.append(error) }
                        if profile.id != nil { tally.keptIDs.add(1, ordering: .relaxed) }
                        try? await Task.sleep(for: .milliseconds(20))
                    } catch {
                        tally.foreign.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        let beforeKill = tally.created.load(ordering: .relaxed)
        try await server.kill()
        try await Task.sleep(for: .milliseconds(300))
        try await server.restart()
        let afterRestart = tally.created.load(ordering: .relaxed)
        try await Task.sleep(for: .seconds(1))
        tally.stop.store(true, ordering: .releasing)
        for worker in workers { await worker.value }

        #expect(beforeKill > 0)
        #expect(tally.created.load(ordering: .relaxed) > afterRestart, "the pool did not recover after the restart")
        let failures = tally.failures.withLock { $0 }
        #expect(!failures.isEmpty, "killing the server made no call fail")
        let allowed: Set<JoineryError.Kind> = [.connectionLost, .connectionFailed, .timeout]
        let odd = failures.filter { !allowed.contains($0.kind) }.map(\.description)
        #expect(odd.isEmpty, "untyped or unexpected failures: \(odd.prefix(3))")
        #expect(tally.foreign.withLock { $0 }.isEmpty)
        let keptIDs = tally.keptIDs.load(ordering: .relaxed)
        #expect(keptIDs == 0, "failed creates left ids in the callers' values")

        // No partial writes: every stored profile has its user, and no user is stored alone;
        // rows beyond the successes come only from calls that said they may have committed.
        let (profiles, users, orphans) = try await pool.read { db in
            let profiles = try db.query(Hammer.Profile.self).preload(\.user).all()
            return (profiles.count, try db.query(Hammer.User.self).count(), profiles.filter { $0.user == nil }.count)
        }
        #expect(orphans == 0)
        #expect(users == profiles)
        let extra = profiles - tally.created.load(ordering: .relaxed)
        #expect(extra >= 0 && extra <= tally.mayHaveCommitted.load(ordering: .relaxed), "\(extra) rows no call owns")
        await pool.close()
    }

    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func aFrozenServerGivesATimeoutNotAHang(engine: TestEngine) async throws {
        try await withPrivateServer(engine) { server in try await freezeAndThaw(server) }
    }

    private func freezeAndThaw(_ server: PrivateServer) async throws {
        let engine = server.engine
        var configuration = DatabasePool.Configuration(maximumConnections: 2)
        configuration.connectTimeout = .seconds(1)
        configuration.statementTimeout = .milliseconds(500)
        let pool = try DatabasePool(server.url, drivers: [engine.driver], configuration: configuration)
        try await pool.migrate(Hammer.Profile.self)
        #expect(try await pool.query(Hammer.User.self).count() == 0)
        try await server.freeze()
        let start = ContinuousClock.now
        let error = await joineryError { try await pool.query(Hammer.User.self).count() }
        let elapsed = ContinuousClock.now - start
        try await server.thaw()
        #expect(error?.kind == .timeout, "\(String(describing: error))")
        #expect(elapsed < .seconds(5), "waited \(elapsed) on a frozen server")
        #expect(try await pool.query(Hammer.User.self).count() == 0, "the pool serves again once the server does")
        await pool.close()
    }
}
