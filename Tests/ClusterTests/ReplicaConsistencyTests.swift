import EngineTestSupport
import Foundation
import Joinery
import JoineryPostgreSQL
import Testing

/// A pool over a PostgreSQL primary and its streaming replica, on a private pair whose replica
/// the tests make lag (replay paused) and promote.
@Suite("Reads on a replica: consistency, lag and failover", .serialized)
struct ReplicaConsistencyTests {
    let driver = PostgreSQLDriver()

    /// What a read saw: the rows of the table, and whether a replica served it.
    struct Seen: Sendable, Equatable {
        var rows: Int
        var onReplica: Bool
    }

    static func seen(_ table: String) -> @Sendable (Database) throws -> Seen {
        { db in
            Seen(
                rows: try rowCount(db.connection, table),
                onReplica: try db.connection.query("SELECT pg_is_in_recovery()")[0].decode(Bool.self, at: 0))
        }
    }

    /// Pauses replay on the replica and waits until it is paused.
    func pauseReplay(_ replica: any DatabaseConnection) throws {
        _ = try replica.query("SELECT pg_wal_replay_pause()")
        for _ in 0..<500 {
            if try replica.query("SELECT pg_get_wal_replay_pause_state()")[0].decode(String.self, at: 0) == "paused" { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("the replica's replay did not pause")
    }

    /// A table on the primary that the replica has too.
    func replicatedTable(_ primary: any DatabaseConnection, _ replica: any DatabaseConnection) throws -> String {
        let table = uniqueTableName("replicated")
        try primary.execute("CREATE TABLE \(table) (v TEXT)")
        let position = try #require(try primary.replicationPosition())
        #expect(try replica.waitForReplay(of: position, timeout: .seconds(10)))
        return table
    }

    @Test func aReadAfterAWriteWaitsForTheReplicaOrReadsThePrimary() async throws {
        try await withPrivateCluster(.postgres) { cluster in
            let (primaryURL, replicaURL) = (cluster.urls[0], cluster.urls[1])
            let primary = try driver.connect(primaryURL)
            let replica = try driver.connect(replicaURL)
            defer { primary.close(); replica.close() }
            let table = try replicatedTable(primary, replica)
            let seen = Self.seen(table)
            try pauseReplay(replica)

            // Eventual (the default): the replica serves the read and misses the write.
            let eventual = try DatabasePool(primary: primaryURL, replicas: [replicaURL], drivers: [driver])
            try await eventual.write { db in try db.connection.execute("INSERT INTO \(table) (v) VALUES ('a')") }
            #expect(try await eventual.read(seen) == Seen(rows: 0, onReplica: true))
            await eventual.close()

            // waitForReplay: the read waits for the replica, then reads the primary.
            var configuration = DatabasePool.Configuration()
            configuration.waitForReplay = .milliseconds(300)
            let causal = try DatabasePool(primary: primaryURL, replicas: [replicaURL], drivers: [driver], configuration: configuration)
            try await causal.write { db in try db.connection.execute("INSERT INTO \(table) (v) VALUES ('b')") }
            let started = ContinuousClock.now
            #expect(try await causal.read(seen) == Seen(rows: 2, onReplica: false))
            #expect(ContinuousClock.now - started >= .milliseconds(300))

            // Once the replica replays again, it serves the reads and sees both rows.
            _ = try replica.query("SELECT pg_wal_replay_resume()")
            #expect(try await causal.read(seen) == Seen(rows: 2, onReplica: true))
            await causal.close()
        }
    }

    @Test func aReplicaLaggingPastTheLimitIsSkipped() async throws {
        try await withPrivateCluster(.postgres) { cluster in
            let (primaryURL, replicaURL) = (cluster.urls[0], cluster.urls[1])
            let primary = try driver.connect(primaryURL)
            let replica = try driver.connect(replicaURL)
            defer { primary.close(); replica.close() }
            let table = try replicatedTable(primary, replica)
            let seen = Self.seen(table)

            var configuration = DatabasePool.Configuration()
            configuration.maximumReplicaLag = .milliseconds(500)
            let pool = try DatabasePool(primary: primaryURL, replicas: [replicaURL], drivers: [driver], configuration: configuration)
            #expect(try await pool.read(seen) == Seen(rows: 0, onReplica: true))

            try pauseReplay(replica)
            try primary.execute("INSERT INTO \(table) (v) VALUES ('a')")
            try await Task.sleep(for: .milliseconds(1500))
            #expect(try replica.replicationLag().map { $0 > .seconds(1) } == true)
            #expect(try await pool.read(seen) == Seen(rows: 1, onReplica: false))

            _ = try replica.query("SELECT pg_wal_replay_resume()")
            var caughtUp: Seen?
            for _ in 0..<50 where caughtUp?.onReplica != true {
                caughtUp = try await pool.read(seen)
                if caughtUp?.onReplica != true { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(caughtUp == Seen(rows: 1, onReplica: true))
            await pool.close()
        }
    }

    @Test func aPromotedReplicaBecomesThePrimaryWhenThePoolIsTold() async throws {
        try await withPrivateCluster(.postgres) { cluster in
            let (primaryURL, replicaURL) = (cluster.urls[0], cluster.urls[1])
            let primary = try driver.connect(primaryURL)
            let replica = try driver.connect(replicaURL)
            defer { replica.close() }
            let table = try replicatedTable(primary, replica)
            let seen = Self.seen(table)

            var configuration = DatabasePool.Configuration(maximumConnections: 2)
            configuration.connectTimeout = .seconds(1)
            configuration.retry = .none
            let pool = try DatabasePool(primary: primaryURL, replicas: [replicaURL], drivers: [driver], configuration: configuration)
            for _ in 0..<10 {
                try await pool.write { db in try db.connection.execute("INSERT INTO \(table) (v) VALUES ('before')") }
            }
            // Replication is asynchronous: what the replica has not replayed when the primary
            // dies is lost with it. Wait, so that the count below is exact.
            #expect(try replica.waitForReplay(of: try #require(try primary.replicationPosition()), timeout: .seconds(10)))
            primary.close()

            try await cluster.kill(0)
            await #expect(throws: JoineryError.self) {
                try await pool.write { db in try db.connection.execute("INSERT INTO \(table) (v) VALUES ('lost')") }
            }
            // Reads still work on the replica meanwhile.
            #expect(try await pool.read(seen) == Seen(rows: 10, onReplica: true))

            try await cluster.promoteReplica()
            try pool.failover(toPrimary: replicaURL)
            try await pool.write { db in try db.connection.execute("INSERT INTO \(table) (v) VALUES ('after')") }
            #expect(try await pool.read(seen) == Seen(rows: 11, onReplica: false))
            #expect(throws: JoineryError.self) {
                try DatabasePool(primaryURL, drivers: [driver]).failover(toPrimary: replicaURL)
            }
            await pool.close()
        }
    }
}
