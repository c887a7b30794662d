import EngineTestSupport
import Foundation
import Joinery
import Testing

/// A pool over a primary and a replica. The stand-in replica is a private server of its own whose
/// table of the same name holds other rows, so each read shows where it ran.
@Suite("A pool over a primary and replicas")
struct ReplicaPoolTests {
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func readsGoToReplicasWritesToThePrimaryAndADownReplicaIsSkipped(engine: TestEngine) async throws {
        try await withPrivateServer(engine) { replica in
            let table = uniqueTableName("origin")
            let primaryURL = try engine.url()
            let primary = try engine.connect()
            let standIn = try engine.driver.connect(to: try DatabaseURL(parsing: replica.url))
            for (connection, origin) in [(primary, "primary"), (standIn, "replica")] {
                try connection.execute("CREATE TABLE \(table) (origin \(engine.types.shortText))")
                try connection.execute("INSERT INTO \(table) (origin) VALUES ('\(origin)')")
            }
            standIn.close()
            defer {
                _ = try? primary.execute("DROP TABLE \(table)")
                primary.close()
            }
            let origins = "SELECT origin FROM \(table) ORDER BY origin"
            @Sendable func rows(_ db: Database) throws -> [String] {
                try db.connection.query(origins).map { try $0.decode(String.self, at: 0) }
            }

            let pool = try DatabasePool(primary: primaryURL, replicas: [replica.url], drivers: [engine.driver])
            #expect(try await pool.read(rows) == ["replica"])
            try await pool.write { db in try db.connection.execute("INSERT INTO \(table) (origin) VALUES ('written')") }
            #expect(try await pool.read(rows) == ["replica"])  // replication is the engine's business
            #expect(try await pool.write(rows) == ["primary", "written"])
            await pool.close()

            // Read-your-writes: right after a write, reads go to the primary.
            var configuration = DatabasePool.Configuration()
            configuration.readYourWrites = .seconds(30)
            let sticky = try DatabasePool(primary: primaryURL, replicas: [replica.url], drivers: [engine.driver], configuration: configuration)
            #expect(try await sticky.read(rows) == ["replica"])
            try await sticky.write { db in try db.connection.execute("INSERT INTO \(table) (origin) VALUES ('again')") }
            #expect(try await sticky.read(rows) == ["again", "primary", "written"])
            await sticky.close()

            // A replica that cannot be reached is skipped; with none left, the primary reads.
            await replica.stop()
            var quick = DatabasePool.Configuration()
            quick.connectTimeout = .seconds(1)
            let fallback = try DatabasePool(primary: primaryURL, replicas: [replica.url], drivers: [engine.driver], configuration: quick)
            #expect(try await fallback.read(rows) == ["again", "primary", "written"])
            await fallback.close()
        }
    }
}

/// A replica that answers but refuses the login is a misconfiguration: it is reported, not
/// skipped (a skipped one would never be noticed).
@Suite("A replica that refuses the login")
struct MisconfiguredReplicaTests {
    @Test(arguments: [TestEngine.postgresql, .mariadb])
    func itsErrorReachesTheCaller(engine: TestEngine) async throws {
        var wrong = try DatabaseURL(parsing: try engine.url())
        wrong.password = "not-the-password"
        let pool = try DatabasePool(url: try DatabaseURL(parsing: try engine.url()), replicas: [wrong], drivers: [engine.driver])
        let error = await #expect(throws: JoineryError.self) { try await pool.read { _ in 1 } }
        #expect(error?.kind == .authenticationFailed)
        #expect(try await pool.write { _ in 2 } == 2)
        await pool.close()
    }
}

/// A pool over cluster nodes: work pinned to one node, moving to the next when it goes down.
/// Two private servers stand in for two Galera nodes (each holds its own rows).
@Suite("A pool over cluster nodes")
struct ClusterPoolTests {
    @Test func writesStayOnOneNodeAndMoveWhenItGoesDown() async throws {
        let engine = TestEngine.mariadb
        try await withPrivateServer(engine) { first in
            try await withPrivateServer(engine) { second in
                let table = uniqueTableName("node")
                for server in [first, second] {
                    let connection = try engine.driver.connect(to: try DatabaseURL(parsing: server.url))
                    try connection.execute("CREATE TABLE \(table) (v \(engine.types.shortText))")
                    connection.close()
                }
                func count(_ server: PrivateServer) throws -> Int {
                    let connection = try engine.driver.connect(to: try DatabaseURL(parsing: server.url))
                    defer { connection.close() }
                    return try rowCount(connection, table)
                }
                var configuration = DatabasePool.Configuration(maximumConnections: 2)
                configuration.connectTimeout = .seconds(1)
                configuration.retry = .init(maximumAttempts: 4, initialBackoff: .milliseconds(50))
                let pool = try DatabasePool(nodes: [first.url, second.url], drivers: [engine.driver], configuration: configuration)
                let insert = "INSERT INTO \(table) (v) VALUES ('x')"
                for _ in 0..<3 { try await pool.transaction { db in try db.connection.execute(insert) } }
                #expect(try count(first) == 3)
                #expect(try count(second) == 0)

                await first.stop()
                try await pool.transaction { db in try db.connection.execute(insert) }
                try await pool.transaction { db in try db.connection.execute(insert) }
                #expect(try count(second) == 2)
                await pool.close()
            }
        }
    }
}
