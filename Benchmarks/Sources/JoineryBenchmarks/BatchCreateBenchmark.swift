import Joinery

/// `count` profiles, each with a new user, in one `create(&profiles)`: Joinery against the raw
/// loop running the same two multi-row inserts (recorded from Joinery) in one transaction, each
/// round with names of its own.
struct BatchCreateBenchmark {
    let fixture: Fixture
    let timing: InterleavedTiming
    var count = 1_000
    var target = 1.3

    func run() throws -> ReportLine {
        let database = fixture.database, raw = fixture.raw, count = count
        func newProfiles(_ tag: String) -> [Profile] {
            (0..<count).map { index in
                Profile(name: "\(tag) profile \(index)", user: User(name: "\(tag) user \(index)", email: "\(tag).\(index)@example.com"))
            }
        }
        let recorded = try fixture.statements { db in
            var probes = newProfiles("batch probe")
            try db.create(&probes)
        }
        let sql = try CreateSQL(recorded: recorded, of: "create(&profiles)")

        var round = 0
        let medians = try timing.medians([
            ("joinery", {
                round += 1
                var profiles = newProfiles("bj\(round)")
                try database.create(&profiles)
                guard profiles.allSatisfy({ $0.id != nil && $0.userID != nil && $0.userID == $0.user?.id }) else {
                    throw BenchmarkError("Joinery create(&profiles) gave no ids")
                }
            }),
            ("raw", {
                let created = try raw.createBatch(count, "br\(round)", sql)
                guard created.count == count, created.allSatisfy({ $0.id != nil }) else { throw BenchmarkError("raw batch create failed") }
            }),
        ])
        return ReportLine(
            measure: "\(fixture.engine) \(count.formatted) creates, new users, one create(&array)",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, target: target)
    }
}
