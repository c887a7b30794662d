import Joinery

/// Preload and join of every profile with its user: Joinery, the raw loop running the very SQL
/// Joinery ran (recorded), and GRDB on SQLite; every contender's checksum must match Joinery's.
struct ReadBenchmark {
    let fixture: Fixture
    let timing: InterleavedTiming
    var grdb: GRDBContender?
    /// The ratio Joinery / raw the issue sets for this engine.
    var target: Double

    func preload() throws -> ReportLine {
        let database = fixture.database, rows = fixture.rows, raw = fixture.raw
        let recorded = try fixture.statements { _ = try $0.query(Profile.self).preload(\.user).all() }
        guard let profilesSQL = recorded.first?.sql else { throw BenchmarkError("the preload ran no statement") }
        // PostgreSQL binds the keys as one array (`= ANY($1::bigint[])`): count its elements.
        let usersSQL = recorded.dropFirst().map { statement in
            if statement.bindings.count == 1, case .text(let array) = statement.bindings[0], array.hasPrefix("{") {
                return (sql: statement.sql, keyCount: array.split(separator: ",").count)
            }
            return (sql: statement.sql, keyCount: statement.bindings.count)
        }
        let expected = checksum(try database.query(Profile.self).preload(\.user).all())
        try same(expected, checksum(try raw.preload(profilesSQL, usersSQL)), "raw preload")
        if let grdb { try same(expected, checksum(try grdb.preload()), "GRDB preload") }

        var contenders: [(name: String, run: () throws -> Void)] = [
            ("joinery", { _ = try database.query(Profile.self).preload(\.user).all() }),
            ("raw", { _ = try raw.preload(profilesSQL, usersSQL) }),
        ]
        if let grdb { contenders.append(("grdb", { _ = try grdb.preload() })) }
        let medians = try timing.medians(contenders)
        return ReportLine(
            measure: "\(fixture.engine) preload, \(rows.formatted) rows (\(recorded.count) statements)",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, grdb: medians["grdb"], target: target,
            grdbTarget: grdb == nil ? nil : 2)
    }

    func join() throws -> ReportLine {
        let database = fixture.database, rows = fixture.rows, raw = fixture.raw
        let recorded = try fixture.statements { _ = try $0.query(Profile.self).join(\.user).all() }
        guard let sql = recorded.first?.sql else { throw BenchmarkError("the join ran no statement") }
        let expected = checksum(try database.query(Profile.self).join(\.user).all())
        try same(expected, checksum(try raw.join(sql)), "raw join")
        if let grdb { try same(expected, checksum(try grdb.join()), "GRDB join") }

        var contenders: [(name: String, run: () throws -> Void)] = [
            ("joinery", { _ = try database.query(Profile.self).join(\.user).all() }),
            ("raw", { _ = try raw.join(sql) }),
        ]
        if let grdb { contenders.append(("grdb", { _ = try grdb.join() })) }
        let medians = try timing.medians(contenders)
        return ReportLine(
            measure: "\(fixture.engine) LEFT JOIN, \(rows.formatted) rows",
            joinery: medians["joinery"] ?? 0, raw: medians["raw"] ?? 0, grdb: medians["grdb"], target: target,
            grdbTarget: grdb == nil ? nil : 3)
    }

    private func same(_ expected: Int, _ actual: Int, _ contender: String) throws {
        guard expected == actual else {
            throw BenchmarkError("\(fixture.engine): \(contender) read other rows than Joinery (checksum \(actual), not \(expected))")
        }
    }
}

extension Int {
    /// `100000` as `100k`, `1000000` as `1M`.
    var formatted: String {
        self >= 1_000_000 && self % 1_000_000 == 0 ? "\(self / 1_000_000)M" : self >= 1_000 && self % 1_000 == 0 ? "\(self / 1_000)k" : "\(self)"
    }
}
