import Foundation
import Joinery

// The side-by-side benchmark of issue 12: Joinery against a hand-written loop on each C client
// (running the very SQL Joinery ran, filling the same structs) and GRDB 7 on SQLite, in one
// process, interleaved round by round; medians and ratios for every measure, each against the
// issue's target. `make bench` runs it with the servers `make test` starts.
//
//   JOINERY_BENCH_ROWS      rows per table (100000)
//   JOINERY_BENCH_RUNS      rounds per measure, the median kept (7)
//   JOINERY_BENCH_ONLY      a comma list of: reads (or preload, join), creates, requests, lowering,
//                           memory, scaling (all)
//   JOINERY_BENCH_ENGINES   a comma list of: sqlite, postgresql, mariadb (all that have a URL)
//   JOINERY_BENCH_SCALING   the row counts of the scaling series (10000,100000,1000000)
//   JOINERY_BENCH_MEMORY_ROWS  rows of the peak-memory preload (1000000)
//   JOINERY_BENCH_CREATES   creates (and requests) per round (1000); JOINERY_BENCH_LOWERINGS cached queries lowered per round (20000; a quarter as many fresh)

let environment = ProcessInfo.processInfo.environment
let arguments = CommandLine.arguments

if arguments.count == 4, arguments[1] == "memory" {
    try MemoryBenchmark.measureInChild(arguments[2], arguments[3])
    exit(0)
}

func list(_ name: String) -> Set<String>? {
    environment[name].map { Set($0.lowercased().split(separator: ",").map(String.init)) }
}
func number(_ name: String, _ fallback: Int) -> Int { environment[name].flatMap { Int($0) } ?? fallback }

let rows = number("JOINERY_BENCH_ROWS", 100_000)
let timing = InterleavedTiming(rounds: number("JOINERY_BENCH_RUNS", 7))
let sections = list("JOINERY_BENCH_ONLY") ?? ["reads", "creates", "requests", "lowering", "memory", "scaling"]
let engines = list("JOINERY_BENCH_ENGINES") ?? ["sqlite", "postgresql", "mariadb"]
let scaling = (environment["JOINERY_BENCH_SCALING"] ?? "10000,100000,1000000").split(separator: ",").compactMap { Int($0) }
let memoryRows = number("JOINERY_BENCH_MEMORY_ROWS", 1_000_000)
let creates = number("JOINERY_BENCH_CREATES", 1_000)
let lowerings = number("JOINERY_BENCH_LOWERINGS", 20_000)

/// The lines printed so far, for the summary of targets.
final class Report {
    var lines: [ReportLine] = []
    func emit(_ line: ReportLine) {
        say(line.text)
        lines.append(line)
    }
}
let report = Report()
@MainActor func emit(_ line: ReportLine) { report.emit(line) }

/// Runs every section asked for; a failure ends the run with its message.
@MainActor func runBenchmarks() throws {
say("Joinery / raw C client / GRDB 7, \(rows.formatted) rows, median of \(timing.rounds) interleaved rounds")

// One engine at a time: its fixture, its reads, its creates, its lowering.
for engine in ["sqlite", "postgresql", "mariadb"] where engines.contains(engine) {
    let fixture: Fixture
    switch engine {
    case "postgresql":
        guard let url = environment["JOINERY_POSTGRES_URL"] else {
            if environment["CI"] == "true" { throw BenchmarkError("CI: JOINERY_POSTGRES_URL is not set") }
            say("PostgreSQL: skipped (JOINERY_POSTGRES_URL is not set; make bench starts the server)")
            continue
        }
        fixture = try Fixture.postgreSQL(url, rows: rows)
    case "mariadb":
        guard let url = environment["JOINERY_MARIADB_URL"] else {
            if environment["CI"] == "true" { throw BenchmarkError("CI: JOINERY_MARIADB_URL is not set") }
            say("MariaDB: skipped (JOINERY_MARIADB_URL is not set; make bench starts the server)")
            continue
        }
        fixture = try Fixture.mariaDB(url, rows: rows)
    default:
        fixture = try Fixture.sqlite(rows: rows)
    }
    defer { try? fixture.close() }
    let grdb = engine == "sqlite" ? try GRDBContender(copying: Fixture.copy(of: fixture.database)) : nil
    say("\(fixture.engine) \(fixture.database.connection.engine.version)")
    let reads = ReadBenchmark(fixture: fixture, timing: timing, grdb: grdb, target: engine == "sqlite" ? 1.25 : 1.15)
    if sections.contains("reads") || sections.contains("preload") { emit(try reads.preload()) }
    if sections.contains("reads") || sections.contains("join") { emit(try reads.join()) }
    if sections.contains("creates") {
        emit(try CreateBenchmark(fixture: fixture, timing: timing, count: creates).run())
        emit(try BatchCreateBenchmark(fixture: fixture, timing: timing, count: creates).run())
    }
    if sections.contains("requests") {
        emit(try RequestBenchmark(fixture: fixture, timing: timing, count: creates).run())
    }
    if sections.contains("lowering") {
        let lowering = LoweringBenchmark(database: fixture.database, grdb: grdb, timing: timing, repetitions: lowerings)
        emit(try lowering.fresh())
        emit(try lowering.cached())
    }
}

if sections.contains("memory") { emit(try MemoryBenchmark(rows: memoryRows).run()) }

if sections.contains("scaling") {
    try ScalingSeries(rowCounts: scaling, rounds: max(3, timing.rounds / 2)).run()
}

}

do {
    try runBenchmarks()
} catch {
    say("benchmark failed: \(error)")
    exit(1)
}

let targeted = report.lines.filter { $0.target != nil || $0.grdbTarget != nil }
let missed = targeted.filter { !$0.met }
say("\ntargets met: \(targeted.count - missed.count) of \(targeted.count)")
for line in missed { say("  not met: \(line.measure)") }
