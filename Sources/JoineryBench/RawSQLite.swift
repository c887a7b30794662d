import CSQLite
import Joinery

/// The same work by hand on the libsqlite3 API: the same SQL, stepped and read into the same
/// structs, with no Joinery in between. What Joinery is measured against.
struct RawSQLite {
    let db: OpaquePointer

    /// Prepares `sql`, binds `keys` as integers, and calls `row` for each result row.
    func each(_ sql: String, keys: ArraySlice<Int64> = [], _ row: (OpaquePointer) -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchmarkError("raw prepare failed: \(String(cString: sqlite3_errmsg(db)))")
        }
        defer { sqlite3_finalize(statement) }
        for (index, key) in keys.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), key) }
        while sqlite3_step(statement) == SQLITE_ROW { row(statement) }
    }

    static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    static func optionalInteger(_ statement: OpaquePointer, _ column: Int32) -> Int64? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column)
    }

    /// The preload pair: profiles, then their users by the distinct keys in batches of the sizes
    /// Joinery used, stitched by id.
    func preload(profilesSQL: String, usersSQL: [(sql: String, keyCount: Int)]) throws -> [Profile] {
        var profiles: [Profile] = []
        try each(profilesSQL) { statement in
            profiles.append(Profile(
                id: sqlite3_column_int64(statement, 0), name: Self.text(statement, 1),
                userID: Self.optionalInteger(statement, 2)))
        }
        var seen: Set<Int64> = []
        var keys: [Int64] = []
        for profile in profiles {
            if let key = profile.userID, seen.insert(key).inserted { keys.append(key) }
        }
        var users: [Int64: User] = [:]
        var start = 0
        for batch in usersSQL {
            try each(batch.sql, keys: keys[start..<start + batch.keyCount]) { statement in
                let id = sqlite3_column_int64(statement, 0)
                users[id] = User(id: id, name: Self.text(statement, 1), email: Self.text(statement, 2))
            }
            start += batch.keyCount
        }
        for index in profiles.indices {
            if let key = profiles[index].userID { profiles[index].user = users[key] }
        }
        return profiles
    }

    /// The join: one statement, each row into a profile with its user nested.
    func join(_ sql: String) throws -> [Profile] {
        var profiles: [Profile] = []
        try each(sql) { statement in
            var profile = Profile(
                id: sqlite3_column_int64(statement, 0), name: Self.text(statement, 1),
                userID: Self.optionalInteger(statement, 2))
            if sqlite3_column_type(statement, 3) != SQLITE_NULL {
                profile.user = User(
                    id: sqlite3_column_int64(statement, 3), name: Self.text(statement, 4), email: Self.text(statement, 5))
            }
            profiles.append(profile)
        }
        return profiles
    }
}

/// Why the benchmark cannot go on.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
