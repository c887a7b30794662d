import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

@Suite("Versioned migrator")
struct MigratorTests {
    private func migrator(failingSecondStep: Bool = false) -> Migrator {
        var migrator = Migrator()
        migrator.register("1 create players") { db in try db.migrate(Release1.Player.self) }
        migrator.register("2 backfill legacy") { db in
            try db.connection.execute("UPDATE players SET legacy = 'migrated' WHERE legacy IS NULL")
            if failingSecondStep { throw JoineryError.misuse("step 2 fails on purpose") }
        }
        return migrator
    }

    @Test(arguments: TestEngine.allCases)
    func stepsRunOnceInOrderAndAFailedStepIsNotRecorded(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            var first = Migrator()
            first.register("1 create players") { db in try db.migrate(Release1.Player.self) }
            #expect(try first.migrate(db) == ["1 create players"])
            var player = Release1.Player(name: "p")
            try db.create(&player)

            let failing = migrator(failingSecondStep: true)
            let error = joineryError { try failing.migrate(db) }
            #expect(error?.kind == .misuse)
            #expect(try failing.appliedMigrations(db).map(\.name) == ["1 create players"])
            if engine != .mariadb {  // there the step is not in a transaction (DDL commits by itself)
                #expect(try db.query(Release1.Player.self).find(player.id)?.legacy == nil)
            }

            let working = migrator()
            #expect(try working.migrate(db) == ["2 backfill legacy"])
            #expect(try db.query(Release1.Player.self).find(player.id)?.legacy == "migrated")
            #expect(try working.migrate(db) == [])
            #expect(try working.appliedMigrations(db).map(\.name).sorted() == ["1 create players", "2 backfill legacy"])
        }
    }

    @Test func aNameRegisteredTwiceIsMisuseBeforeAnythingRuns() throws {
        try withScratchSchema(.sqlite) { connection in
            var migrator = Migrator()
            migrator.register("same") { db in try db.migrate(Release1.Player.self) }
            migrator.register("same") { _ in }
            let error = joineryError { try migrator.migrate(Database(connection)) }
            #expect(error?.kind == .misuse)
            let exists = try Database(connection).tableExists("players")
            #expect(!exists)
        }
    }
}
