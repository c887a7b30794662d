import EngineTestSupport
import Foundation
import Joinery
import Synchronization
import Testing

/// The models the hammer writes: GORM's profile → user, with a unique profile name so that a
/// unit of work can be made to fail on purpose (and must then leave nothing behind).
enum Hammer {
    @Model struct User {
        var id: Int64?
        var name: String
        var deletedAt: Date?
    }

    @Model struct Profile {
        var id: Int64?
        @Column(unique: true, maxLength: 100) var name: String
        var userID: Int64?
        @BelongsTo var user: User?
    }

    /// What one unit of work did, as the caller saw it.
    enum Outcome: Sendable { case created, failedOnPurpose, unexpected(String) }

    /// Counts kept by every worker, checked against the rows at the end.
    final class Ledger: Sendable {
        private let outcomes = Mutex<[String: Outcome]>([:])
        func record(_ tag: String, _ outcome: Outcome) { outcomes.withLock { $0[tag] = outcome } }
        var all: [String: Outcome] { outcomes.withLock { $0 } }
    }

    /// One unit of work, as an application would write it: create a profile with a new user (one
    /// transaction), read it back with its user preloaded, then replace the user by a new one
    /// (deleting the old). Every fifth unit instead creates a profile whose name is taken, with a
    /// new user: the whole transaction must roll back, the user included.
    static func unit(_ tag: String, index: Int, _ db: Database) throws -> Outcome {
        if index % 5 == 4 {
            var clash = Profile(name: "p-\(tag.dropLast(2))-0", user: User(name: "x-\(tag)"))
            do {
                try db.create(&clash)
                return .unexpected("the clashing create of \(tag) succeeded")
            } catch let error as JoineryError where error.kind == .uniqueViolation {
                return clash.id == nil ? .failedOnPurpose : .unexpected("\(tag) kept a rolled-back id")
            }
        }
        var profile = Profile(name: "p-\(tag)", user: User(name: "u-\(tag)"))
        try db.create(&profile)
        guard let loaded = try db.query(Profile.self).preload(\.user).filter("name = ?", "p-\(tag)").first(),
            loaded.user?.name == "u-\(tag)", loaded.userID == profile.userID
        else { return .unexpected("\(tag) did not read back its own profile and user") }
        var replacement = User(name: "r-\(tag)")
        try db.association(\Profile.user).replace(&profile, with: &replacement, deletingOld: true)
        return .created
    }

    /// The same unit of work through a pool's one-shot calls: each is its own unit of work on
    /// whatever connection is free.
    static func unit(_ tag: String, index: Int, _ pool: DatabasePool) async throws -> Outcome {
        if index % 5 == 4 {
            var clash = Profile(name: "p-\(tag.dropLast(2))-0", user: User(name: "x-\(tag)"))
            do {
                try await pool.create(&clash)
                return .unexpected("the clashing create of \(tag) succeeded")
            } catch let error as JoineryError where error.kind == .uniqueViolation {
                return clash.id == nil && clash.user?.id == nil ? .failedOnPurpose : .unexpected("\(tag) kept a rolled-back id")
            }
        }
        var profile = Profile(name: "p-\(tag)", user: User(name: "u-\(tag)"))
        try await pool.create(&profile)
        guard let loaded = try await pool.query(Profile.self).preload(\.user).filter("name = ?", "p-\(tag)").first(),
            loaded.user?.name == "u-\(tag)", loaded.userID == profile.userID
        else { return .unexpected("\(tag) did not read back its own profile and user") }
        var replacement = User(name: "r-\(tag)")
        try await pool.association(\Profile.user).replace(&profile, with: &replacement, deletingOld: true)
        guard profile.userID == replacement.id, replacement.id != nil else {
            return .unexpected("\(tag): the replace did not hand back the new user's key")
        }
        return .created
    }

    /// Checks the rows against the ledger: no lost, duplicated or phantom row.
    static func audit(_ db: Database, _ ledger: Ledger) throws {
        let outcomes = ledger.all
        let unexpected = outcomes.compactMap { tag, outcome -> String? in
            if case .unexpected(let why) = outcome { return why } else { return nil }
        }
        #expect(unexpected.count == 0, "spurious failures: \(unexpected.sorted().prefix(5))")
        let created = Set(outcomes.filter { if case .created = $0.value { true } else { false } }.keys)
        let profiles = try db.query(Profile.self).preload(\.user).all()
        let names = profiles.map(\.name)
        let expected = Set(created.map { "p-\($0)" })
        let lost = expected.subtracting(names)
        let duplicated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys
        let phantom = Set(names).subtracting(expected)
        #expect(lost.count == 0, "lost profiles: \(lost.sorted().prefix(5))")
        #expect(duplicated.count == 0, "duplicated profiles: \(duplicated.sorted().prefix(5))")
        #expect(phantom.count == 0, "phantom profiles: \(phantom.sorted().prefix(5))")
        let wrongUser = profiles.filter { $0.user?.name != "r-" + $0.name.dropFirst(2) }.map(\.name)
        #expect(wrongUser.count == 0, "profiles not pointing at their replacement user: \(wrongUser.prefix(3))")
        // Users: the first of each created profile (soft-deleted by the replace), its replacement,
        // and nothing from the units that failed on purpose.
        let users = try db.query(User.self).unscoped().all().map(\.name)
        let expectedUsers = Set(created.flatMap { ["u-\($0)", "r-\($0)"] })
        let wrongUsers = Set(users).symmetricDifference(expectedUsers)
        #expect(wrongUsers.count == 0, "lost or phantom users: \(wrongUsers.sorted().prefix(5))")
        #expect(users.count == expectedUsers.count, "duplicated users")
        let live = try db.query(User.self).count()
        #expect(live == created.count)
        #expect(created.count > 0)
    }
}
