import EngineTestSupport
import Foundation
import Joinery
import Testing

/// Models that declare `Codable`, with their belongs-to associations: what a handler returns as
/// JSON.
enum Wire {
    @Model struct Company: Codable, Equatable {
        var id: Int64?
        var name: String
    }

    @Model struct User: Codable {
        var id: Int64?
        var name: String
        var companyID: Int64?
        var managerID: Int64?
        @BelongsTo var company: Company?
        @BelongsTo var manager: User?
    }

    @Model struct Profile: Codable {
        var id: Int64?
        var name: String
        var userID: Int64?
        var updatedAt: Date?
        @BelongsTo var user: User?
    }
}

@Suite("Codable models")
struct CodableModelTests {
    @Test(arguments: TestEngine.allCases)
    func aLoadedGraphEncodesWithItsParentsAndDecodesBack(engine: TestEngine) throws {
        try withScratchSchema(engine) { connection in
            let db = Database(connection)
            try db.migrate(Wire.Profile.self)
            var profile = Wire.Profile(name: "jinzhu's", user: Wire.User(name: "jinzhu", company: Wire.Company(name: "acme")))
            try db.create(&profile)
            var bare = Wire.Profile(name: "bare")
            try db.create(&bare)

            let loaded = try db.query(Wire.Profile.self).join(\.user, \.company).order(by: \.id).all()
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            encoder.dateEncodingStrategy = .iso8601
            let json = String(decoding: try encoder.encode(loaded), as: UTF8.self)
            #expect(json.contains(#""user":{"company":{"id":"#), "\(json)")
            #expect(json.contains(#""name":"acme""#))
            #expect(!json.contains("_user"))

            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let decoded = try decoder.decode([Wire.Profile].self, from: Data(json.utf8))
            #expect(decoded.map(\.name) == ["jinzhu's", "bare"])
            #expect(decoded[0].user?.name == "jinzhu")
            #expect(decoded[0].user?.company == loaded[0].user?.company)
            #expect(decoded[1].user == nil)  // not loaded: left out, read back as nil
            #expect(decoded[0].userID == profile.userID)
        }
    }
}
