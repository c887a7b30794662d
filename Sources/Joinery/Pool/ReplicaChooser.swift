import Synchronization

/// Opens connections to a pool's replicas in turn, skipping one that cannot be reached; when
/// none can, the primary serves the read.
final class ReplicaChooser: Sendable {
    private let replicas: [(driver: any DatabaseDriver, url: DatabaseURL)]
    private let primary: @Sendable () throws -> any DatabaseConnection
    private let next = Mutex<Int>(0)

    init(replicas: [(any DatabaseDriver, DatabaseURL)], primary: @escaping @Sendable () throws -> any DatabaseConnection) {
        self.replicas = replicas.map { (driver: $0.0, url: $0.1) }
        self.primary = primary
    }

    /// A connection to the next replica that answers, or to the primary.
    func open() throws -> any DatabaseConnection {
        let start = next.withLock { index in
            defer { index = (index + 1) % max(1, replicas.count) }
            return index
        }
        for offset in replicas.indices {
            let replica = replicas[(start + offset) % replicas.count]
            if let connection = try? replica.driver.connect(to: replica.url) { return connection }
        }
        return try primary()
    }
}
