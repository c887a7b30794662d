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
