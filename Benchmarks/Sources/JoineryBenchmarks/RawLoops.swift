/// Reads the current result row by position, straight from a C client's buffers.
protocol RawRow {
    func isNull(_ column: Int) -> Bool
    func integer(_ column: Int) -> Int64
    func text(_ column: Int) -> String
}

/// A value a raw loop binds.
enum RawValue {
    case integer(Int64)
    case text(String)
}

/// One connection of a C client, used the way a careful hand-written program uses it: statements
/// prepared once and kept (where the client has them), values bound, rows read by position into
/// the structs. Each engine implements it concretely; the loops below are generic over it and
/// specialised by the compiler, so no existential sits in a raw loop.
protocol RawEngine {
    associatedtype Row: RawRow
    /// Runs `sql` with `keys` bound in order as integers, calling `row` for each result row.
    func each(_ sql: String, keys: ArraySlice<Int64>, _ row: (Row) -> Void) throws
    /// Runs `sql` with `values` bound in order, calling `row` for each result row.
    func each(_ sql: String, values: [RawValue], _ row: (Row) -> Void) throws
    /// Runs a statement without values or rows (`BEGIN`, `COMMIT`).
    func execute(_ sql: String) throws
    /// Ends the connection (before its scratch database is dropped, which would wait for it).
    func close()
}

/// The work each raw contender does, written once over ``RawEngine``.
enum RawLoops {
    /// The preload pair: profiles, then their users by the distinct keys, in batches of the sizes
    /// Joinery used, stitched by id.
    static func preload<Engine: RawEngine>(
        _ engine: Engine, profilesSQL: String, usersSQL: [(sql: String, keyCount: Int)]
    ) throws -> [Profile] {
        // No capacity reserved up front: a C client does not say how many rows are coming.
        var profiles: [Profile] = []
        try engine.each(profilesSQL, keys: []) { row in
            profiles.append(Profile(
                id: row.integer(0), name: row.text(1), userID: row.isNull(2) ? nil : row.integer(2)))
        }
        var seen: Set<Int64> = []
        seen.reserveCapacity(profiles.count)
        var keys: [Int64] = []
        keys.reserveCapacity(profiles.count)
        for profile in profiles {
            if let key = profile.userID, seen.insert(key).inserted { keys.append(key) }
        }
        var users: [Int64: User] = [:]
        users.reserveCapacity(keys.count)
        var start = 0
        for batch in usersSQL {
            try engine.each(batch.sql, keys: keys[start..<min(start + batch.keyCount, keys.count)]) { row in
                let id = row.integer(0)
                users[id] = User(id: id, name: row.text(1), email: row.text(2))
            }
            start += batch.keyCount
        }
        for index in profiles.indices {
            if let key = profiles[index].userID { profiles[index].user = users[key] }
        }
        return profiles
    }

    /// The join: one statement, each row into a profile with its user nested.
    static func join<Engine: RawEngine>(_ engine: Engine, sql: String) throws -> [Profile] {
        var profiles: [Profile] = []
        try engine.each(sql, keys: []) { row in
            var profile = Profile(id: row.integer(0), name: row.text(1), userID: row.isNull(2) ? nil : row.integer(2))
            if !row.isNull(3) { profile.user = User(id: row.integer(3), name: row.text(4), email: row.text(5)) }
            profiles.append(profile)
        }
        return profiles
    }

    /// `count` profiles, each with a new user, in one transaction: the user's INSERT … RETURNING,
    /// then the profile's with the user's new id. Returns the new profiles, ids filled in.
    /// `savepoint`: each create inside `SAVEPOINT` … `RELEASE`, as Joinery runs it (so that a
    /// create that fails inside a transaction leaves nothing behind).
    static func create<Engine: RawEngine>(
        _ engine: Engine, count: Int, tag: String, userSQL: String, profileSQL: String, begin: String, commit: String,
        savepoint: Bool
    ) throws -> [Profile] {
        var created: [Profile] = []
        created.reserveCapacity(count)
        try engine.execute(begin)
        for index in 0..<count {
            if savepoint { try engine.execute("SAVEPOINT joinery_1") }
            defer { if savepoint { try? engine.execute("RELEASE SAVEPOINT joinery_1") } }
            created.append(try insertProfileWithUser(engine, tag: tag, index: index, userSQL: userSQL, profileSQL: profileSQL))
        }
        try engine.execute(commit)
        return created
    }

    /// Profile `index` of `tag` with its new user: the user's INSERT … RETURNING, then the
    /// profile's with the user's new id. Returns the profile, ids filled in, its user set.
    static func insertProfileWithUser<Engine: RawEngine>(
        _ engine: Engine, tag: String, index: Int, userSQL: String, profileSQL: String
    ) throws -> Profile {
        var user = User(name: "\(tag) user \(index)", email: "\(tag).\(index)@example.com")
        try engine.each(userSQL, values: [.text(user.name), .text(user.email)]) { row in user.id = row.integer(0) }
        guard let userID = user.id else { throw BenchmarkError("raw insert: no user id returned") }
        var profile = Profile(name: "\(tag) profile \(index)", userID: userID)
        try engine.each(profileSQL, values: [.text(profile.name), .integer(userID)]) { row in profile.id = row.integer(0) }
        guard profile.id != nil else { throw BenchmarkError("raw insert: no profile id returned") }
        profile.user = user
        return profile
    }

    /// `count` profiles with a new user each in two multi-row inserts, as Joinery's
    /// `create(&profiles)` runs them: the users' insert, their keys sorted (an engine numbers the
    /// rows of one insert in order), then the profiles' insert with those keys, in one
    /// transaction.
    static func createBatch<Engine: RawEngine>(
        _ engine: Engine, count: Int, tag: String, userSQL: String, profileSQL: String, begin: String, commit: String
    ) throws -> [Profile] {
        var users = (0..<count).map { User(name: "\(tag) user \($0)", email: "\(tag).\($0)@example.com") }
        var values: [RawValue] = []
        values.reserveCapacity(count * 2)
        for user in users {
            values.append(.text(user.name))
            values.append(.text(user.email))
        }
        var keys: [Int64] = []
        keys.reserveCapacity(count)
        try engine.execute(begin)
        try engine.each(userSQL, values: values) { row in keys.append(row.integer(0)) }
        guard keys.count == count else { throw BenchmarkError("raw batch create: \(keys.count) user ids for \(count) rows") }
        keys.sort()
        var profiles: [Profile] = []
        profiles.reserveCapacity(count)
        values.removeAll(keepingCapacity: true)
        for index in 0..<count {
            users[index].id = keys[index]
            let profile = Profile(name: "\(tag) profile \(index)", userID: keys[index])
            values.append(.text(profile.name))
            values.append(.integer(keys[index]))
            profiles.append(profile)
        }
        keys.removeAll(keepingCapacity: true)
        try engine.each(profileSQL, values: values) { row in keys.append(row.integer(0)) }
        guard keys.count == count else { throw BenchmarkError("raw batch create: \(keys.count) profile ids for \(count) rows") }
        keys.sort()
        for index in 0..<count {
            profiles[index].id = keys[index]
            profiles[index].user = users[index]
        }
        try engine.execute(commit)
        return profiles
    }
}
