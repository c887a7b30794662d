import EngineTestSupport
import Foundation
import Joinery
import JoineryTestSupport
import Testing

/// One app's `Player` model in three releases.
enum Release1 {
    @Model struct Player {
        var id: Int64?
        var name: String
        var legacy: String?
        var level: String?
    }
}

enum Release2 {
    @Model struct Team {
        var id: Int64?
        var name: String
    }

    @Model struct Player {
        var id: Int64?
        var name: String
        var level: Int64?
        var nickname: String?
        @Column(unique: true, maxLength: 64) var email: String?
        @Column(default: .integer(0)) var score: Int64
        @Column(index: .plain) var rank: Int64?
        var teamID: Int64?
        @BelongsTo(onDelete: .setNull) var team: Team?
    }
}

enum Release3 {
    @Model struct Player {
        var id: Int64?
        var name: String
        var mandatory: String
    }
}

@Suite("Migrate evolves existing tables")
struct MigrationEvolutionTests {
    @Test(arguments: TestEngine.allCases)
    func aTableGainsColumnsIndexesAndForeignKeysAndReportsDrift(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let release1 = Database(connection)
            try release1.migrate(Release1.Player.self)
            var veteran = Release1.Player(name: "veteran", legacy: "x")
            try release1.create(&veteran)

            let db = Database(connection)
            let report = try db.migrate(Release2.Player.self)
            #expect(report.createdTables == ["teams"])
            #expect(Set(report.addedColumns) == ["players.nickname", "players.email", "players.score", "players.rank", "players.team_id"])
            #expect(Set(report.addedIndexes).isSuperset(of: ["idx_players_rank"]), "\(report.addedIndexes)")
            if engine.dialect.capabilities.addForeignKey {
                #expect(report.addedForeignKeys == ["fk_players_team"])
            }
            #expect(report.drift.contains(.columnNotInModel(table: "players", column: "legacy")), "\(report.drift)")
            #expect(report.drift.contains { if case .typeDiffers(_, "level", _, _) = $0 { return true } else { return false } },
                "\(report.drift)")

            // The old row reads with the new columns' defaults.
            let old = try db.query(Release2.Player.self).find(veteran.id)
            #expect(old?.score == 0)
            #expect(old?.nickname == nil)

            // The new constraints are real.
            var rookie = Release2.Player(name: "rookie", email: "r@example.com", score: 1, team: Release2.Team(name: "reds"))
            try db.create(&rookie)
            var orphan = Release2.Player(name: "orphan", score: 1, teamID: 999_999)
            let orphanError = joineryError { try db.create(&orphan) }
            #expect(orphanError?.kind == .foreignKeyViolation)
            var copy = Release2.Player(name: "copy", email: "r@example.com", score: 1)
            let copyError = joineryError { try db.create(&copy) }
            #expect(copyError?.kind == .uniqueViolation)

            // Again: nothing to do, the same drift.
            let again = try db.migrate(Release2.Player.self)
            #expect(again.changedNothing, "\(again)")
            #expect(again.drift.count == report.drift.count)
        }
    }

    @Test(arguments: TestEngine.allCases)
    func aRequiredFieldWithoutDefaultIsRefusedAndNothingChanges(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            try Database(connection).migrate(Release1.Player.self)
            let db = Database(connection)
            let error = joineryError { try db.migrate(Release3.Player.self) }
            #expect(error?.kind == .misuse)
            #expect(error?.field == "mandatory")
            let columns = try connection.query("SELECT * FROM players WHERE 1 = 0")
            #expect(columns.isEmpty)
            let probe = joineryError { _ = try connection.query("SELECT mandatory FROM players") }
            #expect(probe?.kind == .undefinedObject)
        }
    }
}

/// A key column that gains its association in a later release, and a table that points at it.
enum KeyLater {
    enum Before {
        @Model(table: "teams") struct Team {
            var id: Int64?
            var name: String
        }

        @Model(table: "players") struct Player {
            var id: Int64?
            @Column(index: .plain, maxLength: 64) var name: String
            var teamID: Int64?
        }

        @Model(table: "cards") struct Card {
            var id: Int64?
            var playerID: Int64?
            @BelongsTo var player: Player?
        }
    }

    enum After {
        @Model(table: "teams") struct Team {
            var id: Int64?
            var name: String
        }

        @Model(table: "players") struct Player {
            var id: Int64?
            @Column(index: .plain, maxLength: 64) var name: String
            var teamID: Int64?
            @BelongsTo var team: Team?
        }
    }
}

@Suite("Migrate adds a foreign key to an existing column")
struct ForeignKeyOnExistingColumnTests {
    @Test(arguments: TestEngine.allCases)
    func theConstraintIsAddedAndEverythingElseKept(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let before = Database(connection)
            try before.migrate(KeyLater.Before.Card.self, KeyLater.Before.Team.self)
            var team = KeyLater.Before.Team(name: "reds")
            try before.create(&team)
            var card = KeyLater.Before.Card(player: KeyLater.Before.Player(name: "p", teamID: team.id))
            try before.create(&card)

            let db = Database(connection)
            let report = try db.migrate(KeyLater.After.Player.self)
            #expect(report.addedForeignKeys == ["fk_players_team"], "\(report)")
            #expect(report.drift.isEmpty, "\(report.drift)")
            #expect(try db.migrate(KeyLater.After.Player.self).changedNothing)

            // The rows are kept, the new key holds, the index is still there.
            let player = try db.query(KeyLater.After.Player.self).preload(\.team).first()
            #expect(player?.team?.name == "reds")
            var stray = KeyLater.After.Player(name: "stray", teamID: 999_999)
            #expect(joineryError { try db.create(&stray) }?.kind == .foreignKeyViolation)
            let indexes = try db.inspectForTests("players")
            #expect(indexes.contains("idx_players_name"), "\(indexes)")
            // The key that points at players from cards still holds.
            let orphan = joineryError {
                try connection.execute(engine.sql("INSERT INTO cards (player_id) VALUES (?)"), [999_999])
            }
            #expect(orphan?.kind == .foreignKeyViolation)
        }
    }
}

extension ForeignKeyOnExistingColumnTests {
    @Test(arguments: TestEngine.allCases)
    func rowsThatBreakTheNewKeyStopTheMigrationAndKeepTheTable(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let before = Database(connection)
            try before.migrate(KeyLater.Before.Player.self, KeyLater.Before.Team.self)
            var stray = KeyLater.Before.Player(name: "stray", teamID: 999_999)
            try before.create(&stray)

            let db = Database(connection)
            let error = joineryError { try db.migrate(KeyLater.After.Player.self) }
            #expect(error?.kind == .foreignKeyViolation, "\(String(describing: error))")
            let kept = try db.query(KeyLater.After.Player.self).all()
            #expect(kept.map(\.teamID) == [999_999])
        }
    }
}

extension Database {
    /// The index names of `table`, from the dialect's catalog.
    func inspectForTests(_ table: String) throws -> Set<String> {
        guard let catalog = dialect.catalog(of: table) else { return [] }
        return Set(try connection.query(catalog.indexes.sql, catalog.indexes.bindings).map { try $0.decode(String.self, at: 0) })
    }
}
