import Foundation
import Joinery
import Synchronization

/// One request of the mixed workload: create a profile with a new user (one transaction), read
/// it back with its user preloaded (the preload pair), and again with its user joined.
enum Workload {
    static func joinery(_ pool: DatabasePool, name: String) async throws {
        var profile = Profile(name: "p-" + name, user: User(name: "u-" + name))
        try await pool.create(&profile)
        guard let id = profile.id else { throw LoadError("no id") }
        let preloaded = try await pool.query(Profile.self).preload(\.user).find(id)
        let joined = try await pool.query(Profile.self).join(\.user).find(id)
        try requireReadBack(preloaded, joined, name: name)
    }

    /// The same request on a single-connection `Database`: no pool, no hop.
    static func joinery(_ db: Database, name: String) throws {
        var profile = Profile(name: "p-" + name, user: User(name: "u-" + name))
        try db.create(&profile)
        guard let id = profile.id else { throw LoadError("no id") }
        let preloaded = try db.query(Profile.self).preload(\.user).find(id)
        let joined = try db.query(Profile.self).join(\.user).find(id)
        try requireReadBack(preloaded, joined, name: name)
    }

    /// Both reads found the profile with the user the request created.
    private static func requireReadBack(_ preloaded: Profile?, _ joined: Profile?, name: String) throws {
        guard preloaded?.user?.name == "u-" + name, joined?.user?.name == "u-" + name else {
            throw LoadError("request \(name) read back the wrong rows")
        }
    }

    /// The same request as one unit of work: one connection, one hop to its queue and back.
    static func joineryInOneUnit(_ pool: DatabasePool, name: String) async throws {
        try await pool.write { db in try joinery(db, name: name) }
    }

    /// The same statements through a C client, read by position into the same structs.
    static func raw(_ client: any RawClient, _ sql: CapturedRequest, name: String) throws {
        try client.execute(sql.begin)
        let userID: Int64
        let profileID: Int64
        do {
            userID = try client.returningID(sql.insertUser.sql, sql.insertUser.bindings.map { replacing($0, name: "u-" + name) })
            profileID = try client.returningID(
                sql.insertProfile.sql,
                sql.insertProfile.bindings.map { replacing($0, name: "p-" + name, userID: userID, captured: sql) })
            try client.execute(sql.commit)
        } catch {
            try? client.execute("ROLLBACK")
            throw error
        }
        var profiles: [Profile] = []
        try client.run(sql.preloadProfile, [.integer(profileID)]) { row in
            profiles.append(Profile(id: row.integer(0), name: row.text(1) ?? "", userID: row.integer(2)))
        }
        var users: [Int64: User] = [:]
        if let key = profiles.first?.userID {
            try client.run(sql.preloadUser, [.integer(key)]) { row in
                let user = User(id: row.integer(0), name: row.text(1) ?? "", deletedAt: row.text(2).map { _ in Date() })
                if let id = user.id { users[id] = user }
            }
        }
        for index in profiles.indices { profiles[index].user = profiles[index].userID.flatMap { users[$0] } }
        var joined: [Profile] = []
        try client.run(sql.join, [.integer(profileID)]) { row in
            var profile = Profile(id: row.integer(0), name: row.text(1) ?? "", userID: row.integer(2))
            if let id = row.integer(3) { profile.user = User(id: id, name: row.text(4) ?? "", deletedAt: nil) }
            joined.append(profile)
        }
        guard profiles.first?.user?.name == "u-" + name, joined.first?.user?.name == "u-" + name else {
            throw LoadError("raw request \(name) read back the wrong rows")
        }
    }

    /// A captured binding with this request's values: the captured name becomes `name`, the
    /// captured user id becomes `userID`.
    private static func replacing(_ value: SQLValue, name: String, userID: Int64? = nil, captured: CapturedRequest? = nil) -> SQLValue {
        switch value {
        case .text(let text) where text == "capture": return .text(name)
        case .integer(let integer) where userID != nil && integer == captured?.capturedUserID: return .integer(userID ?? integer)
        default: return value
        }
    }
}
