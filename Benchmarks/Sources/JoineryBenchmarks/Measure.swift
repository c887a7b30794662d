import Foundation

/// Contenders timed in rounds, one after the other within each round, so that the machine's
/// drift (another process, a warm or cold cache) falls on all of them alike. The figure kept
/// for each is the median of its rounds.
struct InterleavedTiming {
    let rounds: Int

    /// `contenders` in order within each round; returns each one's median, in milliseconds.
    func medians(_ contenders: [(name: String, run: () throws -> Void)]) throws -> [String: Double] {
        var samples: [String: [Double]] = [:]
        for _ in 0..<rounds {
            for contender in contenders {
                let start = ContinuousClock.now
                try contender.run()
                samples[contender.name, default: []].append(Self.milliseconds(ContinuousClock.now - start))
            }
        }
        return samples.mapValues { $0.sorted()[$0.count / 2] }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// One line of the printed table: a measure, each contender's figure, and the ratios to raw.
/// Without a raw figure (lowering), the target bounds Joinery's own figure.
struct ReportLine {
    var measure: String
    var joinery: Double
    var raw: Double?
    var grdb: Double?
    var unit = "ms"
    /// The most Joinery / raw (or, without raw, Joinery's figure) may be: the issue's target.
    var target: Double?
    /// GRDB / Joinery must be at least this (the issue: 2× its preload, 3× its join).
    var grdbTarget: Double?
    /// Printed after the figures, in parentheses.
    var note: String?

    /// What the target bounds: Joinery / raw, or Joinery's own figure.
    var measured: Double { raw.map { joinery / $0 } ?? joinery }
    var met: Bool {
        (target.map { measured <= $0 } ?? true) && (grdbTarget.map { target in grdb.map { $0 / joinery >= target } ?? false } ?? true)
    }

    var text: String {
        var line = measure.padding(toLength: 56, withPad: " ", startingAt: 0)
        line += "Joinery \(Self.figure(joinery)) \(unit)"
        if let raw { line += "   raw \(Self.figure(raw)) \(unit)   Joinery/raw \(String(format: "%.2f", joinery / raw))×" }
        if let target { line += " (≤ \(target)\(raw == nil ? " " + unit : "×"))" }
        if let grdb {
            line += "   GRDB \(Self.figure(grdb)) \(unit)   GRDB/Joinery \(String(format: "%.2f", grdb / joinery))×"
            if let grdbTarget { line += " (≥ \(grdbTarget)×)" }
        }
        if target != nil || grdbTarget != nil { line += met ? "  met" : "  NOT MET" }
        if let note { line += "  (\(note))" }
        return line
    }

    static func figure(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
    }
}

/// Prints a line at once, also into a pipe (`make bench | tee`), so a failure keeps what was
/// measured before it.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
