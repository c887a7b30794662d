import Foundation

/// Preload and join on in-memory SQLite at growing sizes: time per row for Joinery and the raw
/// loop. Linear growth shows as a flat time per row.
struct ScalingSeries {
    var rowCounts: [Int]
    var rounds: Int

    func run() throws {
        say("\nscaling, SQLite in memory, ns per row (Joinery / raw), median of \(rounds) rounds")
        var firstPerRow: (preload: Double, join: Double)?
        for rows in rowCounts {
            let fixture = try Fixture.sqlite(rows: rows)
            let reads = ReadBenchmark(fixture: fixture, timing: InterleavedTiming(rounds: rounds), grdb: nil, target: 1.25)
            let preload = try reads.preload(), join = try reads.join()
            func perRow(_ value: Double?) -> String { String(format: "%.0f", (value ?? 0) * 1e6 / Double(rows)) }
            func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
            var line = rows.formatted.padding(toLength: 6, withPad: " ", startingAt: 0)
            line += "  preload \(perRow(preload.joinery)) / \(perRow(preload.raw)) ns (\(ratio(preload.measured)))"
            line += "   join \(perRow(join.joinery)) / \(perRow(join.raw)) ns (\(ratio(join.measured)))"
            let here = (preload: preload.joinery / Double(rows), join: join.joinery / Double(rows))
            if let first = firstPerRow {
                line += "   Joinery per row against \(rowCounts[0].formatted): preload \(ratio(here.preload / first.preload))"
                line += ", join \(ratio(here.join / first.join))"
            }
            say(line)
            if firstPerRow == nil { firstPerRow = here }
        }
    }
}
