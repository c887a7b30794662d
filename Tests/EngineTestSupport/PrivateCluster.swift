import Foundation
import Joinery

/// A replicated setup of a test's own, started with scripts/cluster.sh on ports and in a state
/// directory no other test uses: a 3-node Galera cluster, or a PostgreSQL primary and its
/// streaming replica. Fault tests kill its servers, make its replica lag and promote it — never
/// the shared cluster's. Use ``withPrivateCluster(_:_:)``: it removes the servers afterwards.
public final class PrivateCluster: @unchecked Sendable {
    public enum Kind: String, Sendable {
        case galera, postgres
    }

    public let kind: Kind
    /// Galera: the three nodes. PostgreSQL: the primary, then the replica.
    public let urls: [String]
    private let environment: [String: String]
    private let state: String

    /// Starts a new setup (Galera about 12 s, PostgreSQL about 3 s).
    public static func start(_ kind: Kind) async throws -> PrivateCluster {
        try await offTheCooperativePool { try PrivateCluster(kind) }
    }

    private init(_ kind: Kind) throws {
        self.kind = kind
        var attempt = 0
        var started: (environment: [String: String], state: String, output: String)?
        while started == nil {
            let (base, peer) = PrivatePorts.cluster()
            let state = "/tmp/joinery-fault-cluster-\(kind.rawValue)-\(base)"
            let environment = [
                "JOINERY_CLUSTER_STATE": state, "GALERA_PORT": String(base), "GALERA_PEER_PORT": String(peer),
                "PG_PRIMARY_PORT": String(base), "PG_REPLICA_PORT": String(base + 1),
            ]
            do {
                let output = try ProjectScripts.run(
                    "cluster.sh", arguments: [kind == .galera ? "galera" : "pg"], environment: environment)
                started = (environment, state, output)
            } catch where attempt < 2 {
                attempt += 1
                _ = try? ProjectScripts.run("cluster-stop.sh", arguments: ["--wipe"], environment: environment)
            }
        }
        guard let started else { throw JoineryError(.connectionFailed, "no private \(kind.rawValue) cluster") }
        (environment, state) = (started.environment, started.state)
        let exports = Self.exports(started.output)
        switch kind {
        case .galera:
            urls = (exports["JOINERY_GALERA_URLS"] ?? "").split(separator: ",").map(String.init)
        case .postgres:
            urls = [exports["JOINERY_PG_PRIMARY_URL"], exports["JOINERY_PG_REPLICA_URL"]].compactMap { $0 }
        }
        guard urls.count == (kind == .galera ? 3 : 2) else {
            throw JoineryError(.connectionFailed, "scripts/cluster.sh printed no URLs: \(started.output)")
        }
    }

    /// `export NAME=value` lines, as a dictionary.
    static func exports(_ output: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            values[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return values
    }

    /// Kills server `index` of ``urls`` as a crash would (SIGKILL, every process of it).
    public func kill(_ index: Int) async throws {
        try await offTheCooperativePool { [self] in
            let pattern = kind == .galera ? "--defaults-file=\(state)/galera/node\(index + 1)/my.cnf"
                : "\(state)/pg/\(index == 0 ? "primary" : "replica")/data"
            let pids = try ProjectScripts.run("/usr/bin/pgrep", arguments: ["-f", "--", pattern], environment: [:], allowFailure: true)
                .split(separator: "\n").map(String.init)
            guard !pids.isEmpty else { throw JoineryError(.connectionFailed, "no process of \(urls[index])") }
            var children: [String] = []
            for pid in pids {
                children += try ProjectScripts.run("/usr/bin/pgrep", arguments: ["-P", pid], environment: [:], allowFailure: true)
                    .split(separator: "\n").map(String.init)
            }
            _ = try ProjectScripts.run("/bin/kill", arguments: ["-KILL"] + pids + children, environment: [:], allowFailure: true)
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Runs scripts/cluster.sh again: a killed Galera node rejoins (incremental state transfer).
    public func restart() async throws {
        try await offTheCooperativePool { [self] in
            _ = try ProjectScripts.run("cluster.sh", arguments: [kind == .galera ? "galera" : "pg"], environment: environment)
        }
    }

    /// PostgreSQL: promotes the replica to a primary that takes writes (`pg_ctl promote`).
    public func promoteReplica() async throws {
        try await offTheCooperativePool { [self] in
            let bin = try ProjectScripts.run("/bin/sh", arguments: ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1"], environment: [:])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try ProjectScripts.run(
                "/usr/sbin/runuser",
                arguments: ["-u", "postgres", "--", "\(bin)/pg_ctl", "-D", "\(state)/pg/replica/data", "-w", "promote"],
                environment: [:])
        }
    }

    /// Stops every server and deletes the state directory.
    public func stop() async {
        _ = try? await offTheCooperativePool { [self] in
            _ = try? ProjectScripts.run("cluster-stop.sh", arguments: ["--wipe"], environment: environment)
        }
    }
}

/// Runs `body` with a private cluster, and removes it afterwards — also when `body` throws.
public func withPrivateCluster<T: Sendable>(
    _ kind: PrivateCluster.Kind, _ body: (PrivateCluster) async throws -> T
) async throws -> T {
    let cluster = try await PrivateCluster.start(kind)
    do {
        let result = try await body(cluster)
        await cluster.stop()
        return result
    } catch {
        await cluster.stop()
        throw error
    }
}

/// The shared replicated setups of scripts/cluster.sh, named by `JOINERY_GALERA_URLS`,
/// `JOINERY_PG_PRIMARY_URL` and `JOINERY_PG_REPLICA_URL`. Under `CI=true` a missing variable
/// fails the test; otherwise the script's default ports are used.
public enum SharedCluster {
    /// The three Galera nodes.
    public static func galeraURLs(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        try value("JOINERY_GALERA_URLS", environment, default: (1...3).map {
            "mariadb://joinery:joinery@127.0.0.1:\(3310 + $0)/joinery"
        }.joined(separator: ",")).split(separator: ",").map(String.init)
    }

    /// The PostgreSQL primary and its replica.
    public static func postgresURLs(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (primary: String, replica: String) {
        (try value("JOINERY_PG_PRIMARY_URL", environment, default: "postgres://joinery:joinery@127.0.0.1:5441/joinery"),
         try value("JOINERY_PG_REPLICA_URL", environment, default: "postgres://joinery:joinery@127.0.0.1:5442/joinery"))
    }

    private static func value(_ variable: String, _ environment: [String: String], default fallback: String) throws -> String {
        if let value = environment[variable], !value.isEmpty { return value }
        if environment["CI"] == "true" {
            throw JoineryError(
                .connectionFailed, "\(variable) is not set and CI=true: the cluster tests must run, not skip (run `make test`)")
        }
        return fallback
    }
}
