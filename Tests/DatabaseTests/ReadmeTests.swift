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

    @Test func theExampleRunsAsWritten() async throws {
        let pool = try DatabasePool("sqlite::memory:", drivers: [SQLiteDriver()])
        try await pool.migrate(User.self, Company.self, Profile.self)

        var profile = Profile(name: "jinzhu's profile", user: User(name: "jinzhu"))
        try await pool.create(&profile)
        #expect(profile.userID == profile.user?.id)

        let preloaded = try await pool.query(Profile.self).preload(\.user).all()
        let named = try await pool.query(Profile.self).preload(\.user, filter: \.name == "jinzhu").all()
        let nested = try await pool.query(Profile.self).preload(\.user, \.company).all()
        let joined = try await pool.query(Profile.self).join(\.user).all()
        let inner = try await pool.query(Profile.self).join(\.user, .inner).all()
        let first = try await pool.query(Profile.self).join(\.user, \.company).first()
        let jinzhus = try await pool.query(Profile.self)
            .join(\.user)
            .filter(\.user, \.name == "jinzhu")
            .filter(\.userID != nil && .like(\.name, "%profile"))
            .order(by: \.id, .descending)
            .all()
        let some = try await pool.query(Profile.self).filter(.in(\.id, [1, 2, 3])).preload(\.user).all()
        for loaded in [preloaded, named, nested, joined, inner, [first].compactMap { $0 }, jinzhus, some] {
            #expect(loaded.map { $0.user?.name } == ["jinzhu"])
        }

        var other = User(name: "other")
        try await pool.create(&other)
        try await pool.update(&profile, \.userID, to: other.id)
        #expect(try await pool.query(Profile.self).join(\.user).first()?.user?.name == "other")
        #expect(profile.user == nil)  // the parent it no longer points at is dropped
        if let user = try await pool.association(\Profile.user).find(for: profile) { try await pool.delete(user) }
        #expect(try await pool.query(Profile.self).preload(\.user).first()?.user == nil)
        let all = try await pool.query(Profile.self).preload(\.user).unscoped().all()
        #expect(all.first?.user?.name == "other")

        // Association mode, as in the README.
        pool.logStatements(to: Logger(label: "joinery.sql"))
        let users = pool.association(\Profile.user)
        let user = try await users.find(for: profile)
        #expect(user == nil)  // "other" was soft-deleted above
        var hu = User(name: "hu")
        try await users.replace(&profile, with: &hu, deletingOld: true)
        #expect(try await users.find(for: profile)?.name == "hu")
        try await users.clear(&profile)
        #expect(profile.userID == nil)

        // Units of work, as in the README.
        let (count, newest) = try await pool.read { db in
            (try db.query(Profile.self).count(), try db.query(Profile.self).join(\.user).first())
        }
        #expect(count == 1)
        #expect(newest?.id == profile.id)
        profile = try await pool.transaction { [profile] db in
            var moved = profile
            var company = Company(name: "gorm.io")
            try db.create(&company)
            try db.update(&moved) { $0.name = "moved" }
            return moved
        }
        #expect(profile.name == "moved")
        #expect(try await pool.query(Company.self).count() == 1)

        // Schemas that change, as in the README.
        let report = try await pool.migrate(Profile.self)
        for drift in report.drift { print(drift) }
        #expect(report.changedNothing && report.drift.isEmpty)
        var migrator = Migrator()
        migrator.register("2026-12-04 trim profile names") { db in
            try db.connection.execute("UPDATE profiles SET name = TRIM(name)")
        }
        #expect(try await migrator.migrate(pool) == ["2026-12-04 trim profile names"])
        #expect(try await migrator.migrate(pool) == [])
        await pool.close()
    }

    @Test func theScriptExampleRunsAsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let db = try Database.open("sqlite:\(path)", drivers: [SQLiteDriver()])
        try db.migrate(User.self, Company.self, Profile.self)
        var script = Profile(name: "from a script", user: User(name: "gorm"))
        try db.create(&script)
        let loaded = try db.query(Profile.self).preload(\.user).all()
        #expect(loaded.map { $0.user?.name } == ["gorm"])
    }
}
