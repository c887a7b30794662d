import Foundation
import Joinery

/// A PostgreSQL or MariaDB server of a test's own, on ports and in a data directory no other test
/// uses, started with the project's scripts/services.sh: fault tests kill, freeze and restart it,
/// never the shared servers. Use ``withPrivateServer(_:_:)``: it removes the server afterwards.
///
/// Every call that waits for a script or a signal runs off Swift's cooperative threads (starting
/// a server takes seconds), so the tests running beside a fault test are not held up.
public final class PrivateServer: @unchecked Sendable {
    public let engine: TestEngine
    public let url: String
    private let state: String
    private let port: Int

    /// Starts a new server for `engine` (a few seconds: a new data directory is initialised).
    public static func start(_ engine: TestEngine) async throws -> PrivateServer {
        try await offTheCooperativePool { try PrivateServer(engine) }
    }

    private init(_ engine: TestEngine) throws {
        precondition(engine != .sqlite, "SQLite has no server")
        self.engine = engine
        // A random port below the kernel's ephemeral range; another one when it happens to be taken.
        var attempt = 0
        var started: (port: Int, state: String, output: String)?
        while started == nil {
            let port = PrivatePorts.server()
            let state = "/tmp/joinery-fault-\(engine.rawValue)-\(port)"
            do {
                started = (port, state, try Self.run("services.sh", environment: Self.environment(engine, state: state, port: port)))
            } catch where attempt < 2 {
                attempt += 1
                _ = try? Self.run("services-stop.sh", arguments: ["--wipe"], environment: ["JOINERY_DB_STATE": state])
            }
        }
        guard let started else { throw JoineryError(.connectionFailed, "no private \(engine.rawValue) server") }
        (port, state) = (started.port, started.state)
        let output = started.output
        let prefix = engine == .postgresql ? "export JOINERY_POSTGRES_URL=" : "export JOINERY_MARIADB_URL="
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
            throw JoineryError(.connectionFailed, "scripts/services.sh printed no URL for \(engine.rawValue): \(output)")
        }
        url = String(line.dropFirst(prefix.count))
    }

    /// Starts the server again on the same data (after ``kill()``): crash recovery, then ready.
    public func restart() async throws {
        try await offTheCooperativePool { [self] in
            _ = try Self.run("services.sh", environment: Self.environment(engine, state: state, port: port))
        }
    }

    /// Kills the server as a crash would: no shutdown, no checkpoint, every session cut.
    public func kill() async throws {
        try await offTheCooperativePool { [self] in try signal("KILL") }
    }

    /// SIGSTOP: the server keeps its sockets but answers nothing, as a wedged machine does.
    public func freeze() async throws {
        try await offTheCooperativePool { [self] in try signal("STOP") }
    }

    /// SIGCONT after ``freeze()``.
    public func thaw() async throws {
        try await offTheCooperativePool { [self] in try signal("CONT") }
    }

    /// Stops the server and deletes its data directory.
    public func stop() async {
        _ = try? await offTheCooperativePool { [self] in
            _ = try? signal("CONT")
            _ = try? Self.run("services-stop.sh", arguments: ["--wipe"], environment: ["JOINERY_DB_STATE": state])
        }
    }

    /// Every process of the server: PostgreSQL's postmaster and its backends, or mariadbd.
    private func signal(_ name: String) throws {
        let pattern = engine == .postgresql ? "\(state)/postgres/data" : "--datadir=\(state)/mariadb/data"
        let pids = try Self.run("/usr/bin/pgrep", arguments: ["-f", "--", pattern], environment: [:], allowFailure: true)
        let all = pids.split(separator: "\n").map(String.init)
        guard !all.isEmpty else { throw JoineryError(.connectionFailed, "no \(engine.rawValue) process under \(state)") }
        if engine == .postgresql {
            // The backends are children of the postmaster: signal them all.
            var children: [String] = []
            for pid in all {
                children += try Self.run("/usr/bin/pgrep", arguments: ["-P", pid], environment: [:], allowFailure: true)
                    .split(separator: "\n").map(String.init)
            }
            _ = try Self.run("/bin/kill", arguments: ["-\(name)"] + all + children, environment: [:], allowFailure: true)
        } else {
            _ = try Self.run("/bin/kill", arguments: ["-\(name)"] + all, environment: [:], allowFailure: true)
        }
        if name == "KILL" { Thread.sleep(forTimeInterval: 0.2) }
    }

    private static func environment(_ engine: TestEngine, state: String, port: Int) -> [String: String] {
        var environment = [
            "JOINERY_DB_STATE": state, "PG_PORT": String(port), "MARIADB_PORT": String(port),
            // Killed servers must keep what they acknowledged, or no count of rows can be checked.
            "JOINERY_DB_DURABLE": "1",
        ]
        // services.sh starts only the engine whose URL is not given.
        if engine == .postgresql { environment["JOINERY_MARIADB_URL"] = "unused" } else { environment["JOINERY_POSTGRES_URL"] = "unused" }
        return environment
    }

    @discardableResult
    private static func run(
        _ command: String, arguments: [String] = [], environment: [String: String], allowFailure: Bool = false
    ) throws -> String {
        try ProjectScripts.run(command, arguments: arguments, environment: environment, allowFailure: allowFailure)
    }
}

/// Runs `body` with a private server for `engine`, and removes the server afterwards — also when
/// `body` throws.
public func withPrivateServer<T: Sendable>(
    _ engine: TestEngine, _ body: (PrivateServer) async throws -> T
) async throws -> T {
    let server = try await PrivateServer.start(engine)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
