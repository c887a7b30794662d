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
