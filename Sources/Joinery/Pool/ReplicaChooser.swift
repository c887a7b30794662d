import Synchronization

/// The servers of a pool over a primary and its replicas: opens connections to the primary,
/// and to the replicas in turn — skipping one that cannot be reached; when none can, the
/// primary serves the read. ``failover(to:)`` puts another primary (a promoted replica) in
/// place.
final class ReplicaChooser: Sendable {
    struct Server: Sendable {
        var driver: any DatabaseDriver
        var url: DatabaseURL
    }

    private let servers: Mutex<(primary: Server, replicas: [Server])>
    private let next = Mutex<Int>(0)

    init(primary: Server, replicas: [Server]) {
        servers = Mutex((primary, replicas))
    }

    /// A connection to the primary.
    func openPrimary() throws -> any DatabaseConnection {
        let primary = servers.withLock { $0.primary }
        return try primary.driver.connect(to: primary.url)
    }

    /// A connection to the next replica that answers, or to the primary. Only a replica that
    /// cannot be reached is skipped: one that refuses the login, say, throws, so that a
    /// misconfigured replica is noticed rather than quietly left out.
    func openReplica() throws -> any DatabaseConnection {
        let (primary, replicas) = servers.withLock { ($0.primary, $0.replicas) }
        let start = next.withLock { index in
            defer { index = (index + 1) % max(1, replicas.count) }
            return index
        }
        for offset in replicas.indices {
            let replica = replicas[(start + offset) % replicas.count]
            do {
                return try replica.driver.connect(to: replica.url)
            } catch let error as JoineryError where Self.unreachable.contains(error.kind) {
                continue
            }
        }
        return try primary.driver.connect(to: primary.url)
    }

    static let unreachable: Set<JoineryError.Kind> = [.connectionFailed, .connectionLost, .timeout]

    /// From now on, connections open to `primary` and `replicas`.
    func failover(to primary: Server, replicas: [Server]) {
        servers.withLock { $0 = (primary, replicas) }
    }
}

/// Opens connections to the node a cluster's writes are pinned to, and moves the pin to the
/// next node that answers when that one cannot be reached.
final class NodeChooser: Sendable {
    private let nodes: [(driver: any DatabaseDriver, url: DatabaseURL)]
    private let pinned = Mutex<Int>(0)

    init(nodes: [(any DatabaseDriver, DatabaseURL)]) {
        self.nodes = nodes.map { (driver: $0.0, url: $0.1) }
    }

    /// A connection to the pinned node, or to the first after it that answers (which becomes
    /// the pinned one). Throws the last node's error when none answers.
    func open() throws -> any DatabaseConnection {
        let start = pinned.withLock { $0 }
        var lastError: any Error = JoineryError(.connectionFailed, "the cluster has no nodes")
        for offset in nodes.indices {
            let index = (start + offset) % nodes.count
            do {
                let connection = try nodes[index].driver.connect(to: nodes[index].url)
                if offset > 0 { pinned.withLock { $0 = index } }
                return connection
            } catch {
                lastError = error
            }
        }
        throw lastError
    }
}
