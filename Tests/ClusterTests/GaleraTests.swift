import EngineTestSupport
import Foundation
import Joinery
import JoineryConformance
import JoineryMariaDB
import JoineryPostgreSQL
import Synchronization
import Testing

/// The shared Galera cluster and PostgreSQL pair of scripts/cluster.sh: nothing here kills or
/// pauses a server.
@Suite("On the shared cluster")
struct SharedClusterTests {
    let mariadb = MariaDBDriver()

    /// The sum of a status counter over the nodes.
    static func status(_ name: String, on nodes: [any DatabaseConnection]) throws -> Int {
        try nodes.reduce(0) { sum, node in
            sum + (try node.query("SELECT CAST(VARIABLE_VALUE AS SIGNED) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = ?", [.text(name.uppercased())])
                .first?.decode(Int.self, at: 0) ?? 0)
        }
    }

    @Test func aPairReadsOnTheReaderWhatTheWriterWrote() throws {
        let nodes = try SharedCluster.galeraURLs()
        let (primary, replica) = try SharedCluster.postgresURLs()
        for (writeURL, readURL, driver) in [
            (nodes[0], nodes[1], mariadb as any DatabaseDriver), (primary, replica, PostgreSQLDriver()),
        ] {
            let pair = PairedConnection(writer: try driver.connect(writeURL), reader: try driver.connect(readURL))
            defer { pair.close() }
            let table = uniqueTableName("pair")
            try pair.execute("CREATE TABLE \(table) (v INTEGER)")
            defer { _ = try? pair.execute("DROP TABLE \(table)") }
            for value in 1...20 {
                try pair.execute("INSERT INTO \(table) (v) VALUES (\(value))")
                // Each read follows a write: the reader must have replayed it.
                #expect(try rowCount(pair, table) == value)
            }
            let where_ = try pair.query(
                driver is MariaDBDriver ? "SELECT @@port" : "SELECT inet_server_port()")[0].decode(Int.self, at: 0)
            #expect(where_ == (try DatabaseURL(parsing: readURL)).port, "the reads ran on \(readURL)")
        }
    }

    @Test func conflictingUpdatesOnTwoNodesAreAppliedOnceOrReported() async throws {
        let nodes = try SharedCluster.galeraURLs()
        let connections = try nodes.map { try mariadb.connect($0) }
        defer { connections.forEach { $0.close() } }
        let table = uniqueTableName("counter")
        try connections[0].execute("CREATE TABLE \(table) (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)")
        defer { _ = try? connections[0].execute("DROP TABLE \(table)") }
        try connections[0].execute("INSERT INTO \(table) (id, n) VALUES (1, 0)")
        let created = try #require(try connections[0].replicationPosition())
        #expect(try connections[1].waitForReplay(of: created, timeout: .seconds(10)))
        let conflictsBefore = try Self.status("wsrep_local_cert_failures", on: connections)
            + Self.status("wsrep_local_bf_aborts", on: connections)

        var configuration = DatabasePool.Configuration(maximumConnections: 4)
        configuration.retry = .init(maximumAttempts: 30, initialBackoff: .milliseconds(2), maximumBackoff: .milliseconds(50))
        // One pool on node 1, one on node 2: both update the same row at once.
        let pools = try nodes.prefix(2).map { try DatabasePool($0, drivers: [mariadb], configuration: configuration) }
        let tally = Tally()
        await withTaskGroup(of: Void.self) { group in
            for pool in pools {
                for _ in 0..<4 {
                    group.addTask {
                        for _ in 0..<15 {
                            do {
                                try await pool.transaction { db in
                                    let n: Int = try db.connection.query("SELECT n FROM \(table) WHERE id = 1 FOR UPDATE")[0].decode(at: 0)
                                    try db.connection.execute("UPDATE \(table) SET n = ? WHERE id = 1", [.integer(Int64(n + 1))])
                                }
                                tally.applied.add(1, ordering: .relaxed)
                            } catch let error as JoineryError {
                                tally.reported.withLock { $0.append(error) }
                            } catch {
                                Issue.record("an untyped error: \(error)")
                            }
                        }
                    }
                }
            }
        }
        for pool in pools { await pool.close() }

        // Read on node 3 once it has replayed everything node 1 and 2 committed.
        for connection in connections.prefix(2) {
            #expect(try connections[2].waitForReplay(of: try #require(try connection.replicationPosition()), timeout: .seconds(10)))
        }
        let final: Int = try connections[2].query("SELECT n FROM \(table) WHERE id = 1")[0].decode(at: 0)
        let errors = tally.reported.withLock { $0 }
        #expect(final == tally.applied.load(ordering: .relaxed), "every transaction that returned is counted once, none lost")
        #expect(final + errors.count == 2 * 4 * 15)
        #expect(errors.allSatisfy { $0.kind == .transactionConflict }, "\(errors)")
        #expect(errors.count <= 6, "conflicts are run again, not surfaced: \(errors.count) reported")
        let conflicts = try Self.status("wsrep_local_cert_failures", on: connections)
            + Self.status("wsrep_local_bf_aborts", on: connections) - conflictsBefore
        #expect(conflicts > 0, "the two nodes' transactions conflicted (and were run again)")
    }
}

/// What concurrent transactions reported.
private final class Tally: Sendable {
    let applied = Atomic<Int>(0)
    let reported = Mutex<[JoineryError]>([])
}

/// A private Galera cluster whose nodes the test kills.
@Suite("Galera faults", .serialized)
struct GaleraFaultTests {
    let mariadb = MariaDBDriver()

    @Test func aNodeKilledDuringAWorkloadTheSurvivorsCarryOnAndItRejoins() async throws {
        try await withPrivateCluster(.galera) { cluster in
            let table = uniqueTableName("workload")
            let setup = try mariadb.connect(cluster.urls[1])
            defer { setup.close() }
            try setup.execute("CREATE TABLE \(table) (id BIGINT AUTO_INCREMENT PRIMARY KEY, tag VARCHAR(32) NOT NULL UNIQUE)")

            var configuration = DatabasePool.Configuration(maximumConnections: 2)
            configuration.connectTimeout = .seconds(1)
            configuration.retry = .init(maximumAttempts: 5, initialBackoff: .milliseconds(100))
            let pool = try DatabasePool(nodes: cluster.urls, drivers: [mariadb], configuration: configuration)
            var acknowledged: Set<String> = []
            var uncertain: Set<String> = []
            for index in 0..<60 {
                if index == 20 { try await cluster.kill(0) }
                let tag = "t\(index)"
                do {
                    try await pool.transaction { db in
                        try db.connection.execute("INSERT INTO \(table) (tag) VALUES (?)", [.text(tag)])
                    }
                    acknowledged.insert(tag)
                } catch let error as JoineryError where error.kind == .connectionLost && error.mayHaveCommitted != false {
                    uncertain.insert(tag)
                }
            }
            await pool.close()
            #expect(acknowledged.count + uncertain.count == 60, "every other error is retried away")
            #expect(acknowledged.count >= 58)

            func tags(_ url: String) throws -> Set<String> {
                let connection = try mariadb.connect(url)
                defer { connection.close() }
                return Set(try connection.query("SELECT tag FROM \(table)").map { try $0.decode(String.self, at: 0) })
            }
            let survivors = try tags(cluster.urls[1])
            #expect(acknowledged.isSubset(of: survivors), "no acknowledged row is lost")
            #expect(survivors.subtracting(acknowledged).isSubset(of: uncertain), "no row appears that was reported as not written")
            #expect(try tags(cluster.urls[2]) == survivors)

            // The killed node rejoins and receives what it missed.
            try await cluster.restart()
            let rejoined = try mariadb.connect(cluster.urls[0])
            defer { rejoined.close() }
            let position = try #require(try setup.replicationPosition())
            #expect(try rejoined.waitForReplay(of: position, timeout: .seconds(10)))
            #expect(try tags(cluster.urls[0]) == survivors)
        }
    }
}
