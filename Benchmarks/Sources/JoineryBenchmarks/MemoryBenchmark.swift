import Foundation
import GRDBSQLite
import Joinery
import JoinerySQLite

/// Peak memory of the preload of `rows` profiles with their users: each contender in a process of
/// its own (this executable, `memory joinery|raw FILE`), reading a SQLite file database that
/// this process seeded, so that one contender's freed memory cannot hide the other's. The figure
/// is the process's peak resident memory (VmHWM) minus its resident memory just before the query.
struct MemoryBenchmark {
    var rows: Int
    var target = 1.3

    func run() throws -> ReportLine {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(Fixture.scratch)-memory.db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try Database.open("sqlite:\(path)", drivers: [SQLiteDriver()])
        try Fixture.seed(database, rows: rows)
        // The SQL the raw child runs: what Joinery ran here, one statement per line, then its key count.
        let recorder = Recorded()
        database.observeStatements { recorder.append($0) }
        _ = try database.query(Profile.self).preload(\.user).all()
        recorder.stop()
        let plan = recorder.statements.map { "\($0.bindings.count)\t\($0.sql)" }.joined(separator: "\n")
        try plan.write(toFile: path + ".sql", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path + ".sql") }

        let joinery = try Self.child("joinery", path)
        let raw = try Self.child("raw", path)
        return ReportLine(
            measure: "SQLite preload peak memory, \(rows.formatted) rows", joinery: joinery, raw: raw, unit: "MiB",
            target: target)
    }

    /// Runs this executable as `memory CONTENDER PATH` and reads the MiB it printed.
    static func child(_ contender: String, _ path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["memory", contender, path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let figure = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchmarkError("the \(contender) memory child failed (status \(process.terminationStatus))") }
        return figure
    }

    /// The child's side: one preload, then the growth of resident memory, in MiB, on stdout.
    static func measureInChild(_ contender: String, _ path: String) throws {
        var baseline = 0.0
        var count = 0
        switch contender {
        case "joinery":
            let database = try Database.open("sqlite:\(path)", drivers: [SQLiteDriver()])
            database.register([Profile.self, User.self])
            baseline = try residentMiB("VmRSS")
            let profiles = try database.query(Profile.self).preload(\.user).all()
            count = profiles.count
        case "raw":
            let lines = try String(contentsOfFile: path + ".sql", encoding: .utf8).split(separator: "\n")
            let statements = lines.compactMap { line -> (sql: String, keyCount: Int)? in
                guard let tab = line.firstIndex(of: "\t"), let keys = Int(line[..<tab]) else { return nil }
                return (String(line[line.index(after: tab)...]), keys)
            }
            guard let first = statements.first else { throw BenchmarkError("no recorded SQL") }
            var handle: OpaquePointer?
            guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let handle else {
                throw BenchmarkError("cannot open \(path)")
            }
            let engine = RawSQLite(db: handle)
            baseline = try residentMiB("VmRSS")
            let profiles = try RawLoops.preload(engine, profilesSQL: first.sql, usersSQL: Array(statements.dropFirst()))
            count = profiles.count
        default:
            throw BenchmarkError("unknown memory contender \(contender)")
        }
        guard count > 0 else { throw BenchmarkError("the \(contender) preload read nothing") }
        say(String(format: "%.1f", try residentMiB("VmHWM") - baseline))
    }

    /// A figure of /proc/self/status (`VmRSS`, `VmHWM`: the peak), in MiB.
    static func residentMiB(_ field: String) throws -> Double {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kilobytes = Double(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "")
        else { throw BenchmarkError("no \(field) in /proc/self/status") }
        return kilobytes / 1024
    }
}
