import Joinery

/// Planning and lowering the join query with a filter, per statement: what every query pays
/// before the engine sees it. Against GRDB's turning the same request into a statement. Each
/// figure is the median of `timing`'s rounds (the first round pays for cold caches and lazily
/// loaded code), like every other line of the table.
struct LoweringBenchmark {
    let database: Database
    var grdb: GRDBContender?
    var timing: InterleavedTiming
    /// Statements per round.
    var repetitions = 20_000

    func fresh() throws -> ReportLine {
        let query = database.query(Profile.self).join(\.user).filter(\.name == "profile 7").query
        let planner = Planner(schema: try Schema(models: Profile.self, User.self), capabilities: database.dialect.capabilities)
        let dialect = database.dialect
        let freshRepetitions = max(repetitions / 4, 1), grdbRepetitions = max(repetitions / 40, 1)
        var statements = 0, sink = 0
        var contenders: [(name: String, run: () throws -> Void)] = [
            ("joinery", {
                statements = 0
                for _ in 0..<freshRepetitions {
                    for planned in try planner.plan(.select(query)).statements {
                        sink &+= try dialect.lower(planned.statement).sql.utf8.count
                        statements += 1
                    }
                }
            })
        ]
        if let grdb {
            contenders.append(("grdb", {
                for index in 0..<grdbRepetitions { sink &+= try grdb.makeJoinStatement(name: "profile \(index)") }
            }))
        }
        let medians = try timing.medians(contenders)
        guard sink > 0, statements > 0, let joinery = medians["joinery"] else { throw BenchmarkError("lowering produced no SQL") }
        return ReportLine(
            measure: "plan + lower a fresh join query (\(database.dialect.name))", joinery: joinery * 1000 / Double(statements),
            raw: nil, grdb: medians["grdb"].map { $0 * 1000 / Double(grdbRepetitions) }, unit: "µs per statement", target: 3)
    }

    /// The same query, its shape cached: `statement()` on queries that differ in their value only.
    func cached() throws -> ReportLine {
        let builders = (0..<100).map { database.query(Profile.self).join(\.user).filter(\.name == "profile \($0)") }
        var sink = 0
        for builder in builders { sink &+= try builder.statement().bindings.count }
        let medians = try timing.medians([("joinery", {
            for index in 0..<repetitions { sink &+= try builders[index % builders.count].statement().sql.utf8.count }
        })])
        guard sink > 0, let joinery = medians["joinery"] else { throw BenchmarkError("lowering produced no SQL") }
        return ReportLine(
            measure: "lower a cached join query (\(database.dialect.name))", joinery: joinery * 1000 / Double(repetitions),
            raw: nil, unit: "µs per statement", target: 0.3)
    }
}
