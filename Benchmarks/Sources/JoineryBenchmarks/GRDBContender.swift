import GRDB
import GRDBSQLite

/// GRDB 7 on its own in-memory copy of the SQLite fixture, used the way its documentation
/// recommends for speed: records decoded by position in `init(row:)` (not Codable).
struct GRDBContender {
    let queue: DatabaseQueue

    /// A copy of the database behind `source` (a libsqlite3 handle), made with the backup API.
    init(copying source: OpaquePointer) throws {
        queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            guard let backup = sqlite3_backup_init(db.sqliteConnection, "main", source, "main") else {
                throw BenchmarkError("cannot copy the database into GRDB's")
            }
            sqlite3_backup_step(backup, -1)
            sqlite3_backup_finish(backup)
        }
    }

    /// GRDB has no preload for a belongs-to: its best is fetch-and-stitch — the profiles, then
    /// their users by key (`filter(keys:)`, in batches under SQLite's 32,766-variable limit),
    /// attached through a dictionary.
    func preload() throws -> [GRDBProfile] {
        try queue.read { db in
            var profiles = try GRDBProfile.fetchAll(db)
            var seen: Set<Int64> = []
            let keys = profiles.compactMap { profile in profile.userID.flatMap { seen.insert($0).inserted ? $0 : nil } }
            var users: [Int64: GRDBUser] = [:]
            users.reserveCapacity(keys.count)
            for start in stride(from: 0, to: keys.count, by: 32_766) {
                for user in try GRDBUser.filter(keys: keys[start..<min(start + 32_766, keys.count)]).fetchAll(db) {
                    users[user.id] = user
                }
            }
            for index in profiles.indices {
                if let key = profiles[index].userID { profiles[index].user = users[key] }
            }
            return profiles
        }
    }

    /// The LEFT JOIN: `including(optional:)`, the user read from the row's "user" scope.
    func join() throws -> [GRDBProfile] {
        try queue.read { db in try GRDBProfile.including(optional: GRDBProfile.user).fetchAll(db) }
    }

    /// Turning the join request with a filter into a prepared statement: GRDB's SQL generation
    /// (it also asks SQLite to compile the statement, which Joinery's lowering does not).
    func makeJoinStatement(name: String) throws -> Int {
        try queue.read { db in
            try GRDBProfile.including(optional: GRDBProfile.user).filter(Column("name") == name)
                .makePreparedRequest(db, forSingleResult: false).statement.sql.utf8.count
        }
    }
}

/// The same checksum as `checksum(_:)` over Joinery's structs.
func checksum(_ profiles: [GRDBProfile]) -> Int {
    var sum = profiles.count
    for profile in profiles {
        sum &+= Int(profile.id) &* 31 &+ profile.name.utf8.count
        if let user = profile.user { sum &+= Int(user.id) &* 17 &+ user.email.utf8.count }
    }
    return sum
}
