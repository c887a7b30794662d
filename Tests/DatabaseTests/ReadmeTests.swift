import Foundation
import Joinery
import JoinerySQLite
import Logging
import Testing

/// The README's example, run as written (models in a namespace of their own).
enum Readme {
    @Model struct Company {
        var id: Int64?
        var name: String
    }

    @Model struct User {
        var id: Int64?
        var name: String
        var companyID: Int64?
        var deletedAt: Date?
        @BelongsTo var company: Company?
    }

    @Model struct Profile {
        var id: Int64?
        var name: String
        var userID: Int64?
        @BelongsTo(onUpdate: .cascade, onDelete: .setNull) var user: User?
    }
}

@Suite("README")
struct ReadmeTests {
    typealias Company = Readme.Company
    typealias User = Readme.User
    typealias Profile = Readme.Profile

    @Test func theExampleRunsAsWritten() throws {
        let db = try Database.open("sqlite::memory:", drivers: [SQLiteDriver()])
        try db.migrate(User.self, Company.self, Profile.self)

        var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
        try db.create(&profile)
        #expect(profile.userID == profile.user?.id)

        let preloaded = try db.query(Profile.self).preload(\.user).all()
        let named = try db.query(Profile.self).preload(\.user, "name = ?", "jinzhu").all()
        let nested = try db.query(Profile.self).preload(\.user, \.company).all()
        let joined = try db.query(Profile.self).join(\.user).all()
        let inner = try db.query(Profile.self).join(\.user, .inner).all()
        let first = try db.query(Profile.self).join(\.user, \.company).first()
        for loaded in [preloaded, named, nested, joined, inner, [first].compactMap { $0 }] {
            #expect(loaded.map { $0.user?.name } == ["jinzhu"])
        }

        var other = User(name: "other")
        try db.create(&other)
        try db.update(&profile, set: ["userID": other.id])
        #expect(try db.query(Profile.self).join(\.user).first()?.user?.name == "other")
        if let user = try db.query(Profile.self).join(\.user).first()?.user { try db.delete(user) }
        #expect(try db.query(Profile.self).preload(\.user).first()?.user == nil)
        let all = try db.query(Profile.self).preload(\.user).unscoped().all()
        #expect(all.first?.user?.name == "other")

        // Association mode, as in the README.
        db.logStatements(to: Logger(label: "joinery.sql"))
        let users = db.association(\Profile.user)
        let user = try users.find(for: profile)
        #expect(user == nil)  // "other" was soft-deleted above
        var hu = User(name: "hu")
        try users.replace(&profile, with: &hu, deletingOld: true)
        #expect(try users.find(for: profile)?.name == "hu")
        try users.clear(&profile)
        #expect(profile.userID == nil)
    }
}
