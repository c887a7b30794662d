import Joinery

/// Planning and lowering the join query with a filter, per statement: what every query pays
/// before the engine sees it. Against GRDB's turning the same request into a statement.
struct LoweringBenchmark {
    let database: Database
    var grdb: GRDBContender?
    var repetitions = 20_000

    func fresh() throws -> ReportLine {
        let query = database.query(Profile.self).join(\.user).filter(\.name == "profile 7").query
        let planner = Planner(schema: try Schema(models: Profile.self, User.self), capabilities: database.dialect.capabilities)
        let dialect = database.dialect
        var statements = 0, sink = 0
        let start = ContinuousClock.now
        for _ in 0..<repetitions {
            for planned in try planner.plan(.select(query)).statements {
                sink &+= try dialect.lower(planned.statement).sql.utf8.count
                statements += 1
            }
        }
        let joinery = InterleavedTiming.milliseconds(ContinuousClock.now - start) * 1000 / Double(statements)
        var grdbFigure: Double?
        if let grdb {
            let grdbStart = ContinuousClock.now
            let grdbRepetitions = max(repetitions / 10, 1)
            for index in 0..<grdbRepetitions { sink &+= try grdb.makeJoinStatement(name: "profile \(index)") }
            grdbFigure = InterleavedTiming.milliseconds(ContinuousClock.now - grdbStart) * 1000 / Double(grdbRepetitions)
        }
        guard sink > 0 else { throw BenchmarkError("lowering produced no SQL") }
        return ReportLine(
            measure: "plan + lower a fresh join query (\(database.dialect.name))", joinery: joinery, raw: nil,
            grdb: grdbFigure, unit: "µs per statement", target: 3)
    }

    /// The same query, its shape cached: `statement()` on queries that differ in their value only.
    func cached() throws -> ReportLine {
        let builders = (0..<100).map { database.query(Profile.self).join(\.user).filter(\.name == "profile \($0)") }
        var sink = 0
        for builder in builders { sink &+= try builder.statement().bindings.count }
        let start = ContinuousClock.now
        for index in 0..<repetitions { sink &+= try builders[index % builders.count].statement().sql.utf8.count }
        let joinery = InterleavedTiming.milliseconds(ContinuousClock.now - start) * 1000 / Double(repetitions)
        guard sink > 0 else { throw BenchmarkError("lowering produced no SQL") }
        return ReportLine(
            measure: "lower a cached join query (\(database.dialect.name))", joinery: joinery, raw: nil,
            unit: "µs per statement", target: 0.3)
    }
}
