import Joinery

/// `count` profiles, each created with a new user, in one transaction: Joinery's
/// `create(&profile)` in `transaction { }` against the raw loop running the same statements — the
/// INSERT … RETURNING pair recorded from Joinery, inside the savepoint Joinery puts around each
/// create — each round with names of its own. The raw loop without savepoints is printed too.
struct CreateBenchmark {
    let fixture: Fixture
    let timing: InterleavedTiming
    var count = 1_000
    var target = 1.3

    func run() throws -> ReportLine {
        let database = fixture.database, raw = fixture.raw, count = count
        let recorded = try fixture.statements { db in
            try db.transaction {
                var probe = Profile(name: "probe", user: User(name: "probe", email: "probe@example.com"))
                try db.create(&probe)
            }
        }
        let sql = try CreateSQL(recorded: recorded, of: "create")

        var round = 0
        let medians = try timing.medians([
            ("joinery", {
                round += 1
                let tag = "j\(round)"
                try database.transaction {
                    for index in 0..<count {
                        var profile = Profile(
                            name: "\(tag) profile \(index)", user: User(name: "\(tag) user \(index)", email: "\(tag).\(index)@example.com"))
                        try database.create(&profile)
                        guard profile.id != nil, profile.userID != nil else { throw BenchmarkError("Joinery create gave no id") }
                    }
                }
            }),
            ("raw", {
                let created = try raw.create(count, "r\(round)", sql, true)
                guard created.count == count, created.allSatisfy({ $0.id != nil }) else { throw BenchmarkError("raw create failed") }
            }),
            ("bare", {
                let created = try raw.create(count, "b\(round)", sql, false)
                guard created.count == count, created.allSatisfy({ $0.id != nil }) else { throw BenchmarkError("raw create failed") }
            }),
        ])
        let bare = medians["bare"] ?? 0
        var line = ReportLine(
            measure: "\(fixture.engine) \(count.formatted) creates with a new user, 1 transaction",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, target: target)
        line.note = "raw without savepoints \(ReportLine.figure(bare)) ms, Joinery / that \(String(format: "%.2f", line.joinery / bare))×"
        return line
    }
}
