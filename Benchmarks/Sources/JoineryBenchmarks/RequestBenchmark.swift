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
        var sql = try RequestSQL(recorded: recorded, engine: fixture.engine)

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
                    guard let preloaded, let joined, preloaded.user?.name == profile.user?.name, joined.user?.name == profile.user?.name
                    else { throw BenchmarkError("Joinery read back the wrong rows") }
                    sum &+= checksum([preloaded, joined]) &- Int(id) &* 62 &- Int(profile.userID ?? 0) &* 34
                }
                checksums["joinery"] = sum
            }),
            ("raw", {
                sql.tag = "r\(round)"
                checksums["raw"] = try raw.requests(count, sql)
            }),
        ])
        guard checksums["joinery"] == checksums["raw"] else {
            throw BenchmarkError("the request's contenders read different rows: \(checksums)")
        }
        return ReportLine(
            measure: "\(fixture.engine) \(count.formatted) requests: create, preload find, join find",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, target: target)
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
    /// Makes each round's names its own.
    var tag = ""

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
    /// `count` requests as ``RequestBenchmark`` runs them; returns a checksum of what was read.
    static func requests<Engine: RawEngine>(_ engine: Engine, count: Int, sql: RequestSQL) throws -> Int {
        var sum = 0
        for index in 0..<count {
            var user = User(name: "\(sql.tag) user \(index)", email: "\(sql.tag).\(index)@example.com")
            var profile = Profile(name: "\(sql.tag) profile \(index)")
            try engine.execute(sql.create.begin)
            do {
                try engine.each(sql.create.user, values: [.text(user.name), .text(user.email)]) { row in user.id = row.integer(0) }
                guard let userID = user.id else { throw BenchmarkError("raw request: no user id returned") }
                profile.userID = userID
                try engine.each(sql.create.profile, values: [.text(profile.name), .integer(userID)]) { row in profile.id = row.integer(0) }
                try engine.execute(sql.create.commit)
            } catch {
                try? engine.execute("ROLLBACK")
                throw error
            }
            guard let id = profile.id, let userID = user.id else { throw BenchmarkError("raw request: no profile id returned") }
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
            guard let preloaded, let joined, preloaded.user?.name == user.name, joined.user?.name == user.name else {
                throw BenchmarkError("raw request read back the wrong rows")
            }
            sum &+= checksum([preloaded, joined]) &- Int(id) &* 62 &- Int(userID) &* 34
        }
        return sum
    }
}
