import Joinery

/// What a server's request costs the client, without a pool: `count` requests, each a create of a
/// profile with a new user (its own transaction), then the profile found by id with its user
/// preloaded, then found again with the user joined — Joinery's calls against the raw loop
/// running the statements Joinery ran, read into the same structs. Few rows per statement, so
/// this is planning, lowering, binding and hydration set-up per statement rather than a row loop:
/// the client's side of `make load`, measured in one thread where instruction counts are stable.
struct RequestBenchmark {
    let fixture: Fixture
    let timing: InterleavedTiming
    var count = 1_000
    var target = 1.3

    func run() throws -> ReportLine {
        let database = fixture.database, raw = fixture.raw, count = count
        let recorded = try fixture.statements { db in
            var probe = Profile(name: "request probe", user: User(name: "request probe", email: "probe@example.com"))
            try db.create(&probe)
            _ = try db.query(Profile.self).preload(\.user).find(probe.id ?? 0)
            _ = try db.query(Profile.self).join(\.user).find(probe.id ?? 0)
        }
        let sql = try RequestSQL(recorded: recorded, engine: fixture.engine)

        var round = 0
        var checksums: [String: Int] = [:]
        let medians = try timing.medians([
            ("joinery", {
                round += 1
                var sum = 0
                for index in 0..<count {
                    var profile = Profile(
                        name: "q\(round) profile \(index)", user: User(name: "q\(round) user \(index)", email: "q\(round).\(index)@example.com"))
                    try database.create(&profile)
                    guard let id = profile.id else { throw BenchmarkError("Joinery create gave no id") }
                    let preloaded = try database.query(Profile.self).preload(\.user).find(id)
                    let joined = try database.query(Profile.self).join(\.user).find(id)
                    sum &+= try Self.checksum(created: profile, preloaded: preloaded, joined: joined, by: "Joinery")
                }
                checksums["joinery"] = sum
            }),
            ("raw", { checksums["raw"] = try raw.requests(count, "r\(round)", sql) }),
        ])
        guard checksums["joinery"] == checksums["raw"] else {
            throw BenchmarkError("the request's contenders read different rows: \(checksums)")
        }
        return ReportLine(
            measure: "\(fixture.engine) \(count.formatted) requests: create, preload find, join find",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, target: target)
    }

    /// What one request read, as a number both contenders must reach: both finds found the
    /// profile created, with its user. The ids (each contender's own) are left out, so that
    /// the sums compare what was read, not which keys the engine gave.
    static func checksum(created: Profile, preloaded: Profile?, joined: Profile?, by contender: String) throws -> Int {
        guard let id = created.id, let userID = created.userID, let preloaded, let joined,
            preloaded.user?.name == created.user?.name, joined.user?.name == created.user?.name
        else { throw BenchmarkError("\(contender) read back the wrong rows") }
        // `checksum` weighs each profile's id by 31 and its user's by 17.
        return JoineryBenchmarks.checksum([preloaded, joined]) &- Int(id) &* 62 &- Int(userID) &* 34
    }
}

/// The statements of one request, as Joinery ran them.
struct RequestSQL {
    var create: CreateSQL
    /// The profile by id, then its user by key (the preload pair).
    var profileByID: String
    var userByID: String
    /// The profile by id with its user joined.
    var joinByID: String

    init(recorded: [ExecutedStatement], engine: String) throws {
        create = try CreateSQL(recorded: recorded, of: "a request's create")
        // A transaction of its own, begun as Joinery begins one (SQLite takes the write lock at once).
        create.begin = engine == "SQLite" ? "BEGIN IMMEDIATE" : "BEGIN"
        let selects = recorded.filter { $0.sql.uppercased().hasPrefix("SELECT") }
        guard selects.count == 3, selects.allSatisfy({ $0.bindings.count == 1 }) else {
            throw BenchmarkError("a request's finds ran \(selects.map(\.sql)), not three selects of one value")
        }
        profileByID = selects[0].sql
        userByID = selects[1].sql
        joinByID = selects[2].sql
    }
}

extension RawLoops {
    /// `count` requests as ``RequestBenchmark`` runs them, names tagged `tag`; returns a checksum
    /// of what was read.
    static func requests<Engine: RawEngine>(_ engine: Engine, count: Int, tag: String, sql: RequestSQL) throws -> Int {
        var sum = 0
        for index in 0..<count {
            try engine.execute(sql.create.begin)
            let created: Profile
            do {
                created = try insertProfileWithUser(
                    engine, tag: tag, index: index, userSQL: sql.create.user, profileSQL: sql.create.profile)
                try engine.execute(sql.create.commit)
            } catch {
                try? engine.execute("ROLLBACK")
                throw error
            }
            guard let id = created.id else { throw BenchmarkError("raw request: no profile id returned") }
            var preloaded: Profile?
            try engine.each(sql.profileByID, keys: [id]) { row in
                preloaded = Profile(id: row.integer(0), name: row.text(1), userID: row.isNull(2) ? nil : row.integer(2))
            }
            if let key = preloaded?.userID {
                try engine.each(sql.userByID, keys: [key]) { row in
                    preloaded?.user = User(id: row.integer(0), name: row.text(1), email: row.text(2))
                }
            }
            var joined: Profile?
            try engine.each(sql.joinByID, keys: [id]) { row in
                joined = Profile(id: row.integer(0), name: row.text(1), userID: row.isNull(2) ? nil : row.integer(2))
                if !row.isNull(3) { joined?.user = User(id: row.integer(3), name: row.text(4), email: row.text(5)) }
            }
            sum &+= try RequestBenchmark.checksum(created: created, preloaded: preloaded, joined: joined, by: "raw")
        }
        return sum
    }
}
