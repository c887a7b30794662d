/// The results of a run, as a scenario × target matrix in text (for a terminal) or Markdown
/// (kept in docs/conformance.md), each followed by the diff of every failure.
public struct ConformanceReport: Sendable {
    public var scenarios: [ConformanceScenario]
    public var targets: [String]
    public var results: [ScenarioResult]

    public var allPassed: Bool { !results.contains(where: \.failed) }
    public var failures: [ScenarioResult] { results.filter(\.failed) }

    public func result(_ scenarioID: String, on target: String) -> ScenarioResult? {
        results.first { $0.scenarioID == scenarioID && $0.target == target }
    }

    /// Rows by area, then scenario; a column per target: `pass`, `FAIL`, or `n/a`.
    public var text: String {
        let header = ["scenario"] + targets
        var rows: [[String]] = []
        for (area, scenarios) in areas {
            rows.append(["[\(area)]"] + targets.map { _ in "" })
            for scenario in scenarios {
                rows.append(["  " + scenario.id] + targets.map { cell(scenario.id, $0, markdown: false) })
            }
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            return String(padded.reversed().drop { $0 == " " }.reversed())
        }
        var lines = [line(header)] + rows.map(line)
        lines.append("")
        lines.append(summary)
        lines += details(markdown: false)
        return lines.joined(separator: "\n")
    }

    /// A Markdown table: a section per area, a column per target.
    public var markdown: String {
        var lines: [String] = []
        lines.append(summary)
        for (area, scenarios) in areas {
            lines.append("")
            lines.append("### \(area)")
            lines.append("")
            lines.append("| scenario | " + targets.joined(separator: " | ") + " |")
            lines.append("|---|" + targets.map { _ in "---" }.joined(separator: "|") + "|")
            for scenario in scenarios {
                lines.append("| \(escape(scenario.title)) (`\(scenario.id)`) | "
                    + targets.map { cell(scenario.id, $0, markdown: true) }.joined(separator: " | ") + " |")
            }
        }
        lines += details(markdown: true)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `43 scenarios × 3 targets: 120 passed, 9 unsupported, 0 failed.`
    public var summary: String {
        let passed = results.filter(\.passed).count
        let failed = results.filter(\.failed).count
        return "\(scenarios.count) scenarios × \(targets.count) targets: \(passed) passed, "
            + "\(results.count - passed - failed) unsupported, \(failed) failed."
    }

    private var areas: [(String, [ConformanceScenario])] {
        var order: [String] = []
        var byArea: [String: [ConformanceScenario]] = [:]
        for scenario in scenarios {
            if byArea[scenario.area] == nil { order.append(scenario.area) }
            byArea[scenario.area, default: []].append(scenario)
        }
        return order.map { ($0, byArea[$0] ?? []) }
    }

    private func cell(_ scenarioID: String, _ target: String, markdown: Bool) -> String {
        switch result(scenarioID, on: target)?.outcome {
        case .passed?: return "pass"
        case .failed?: return markdown ? "**FAIL**" : "FAIL"
        case .unsupported(let reason)?: return markdown ? "n/a: \(escape(reason))" : "n/a"
        case nil: return ""
        }
    }

    private func details(markdown: Bool) -> [String] {
        guard !failures.isEmpty else { return [] }
        var lines = ["", markdown ? "### Failures" : "Failures:"]
        for failure in failures {
            lines.append("")
            if markdown {
                lines += ["`\(failure.scenarioID)` on \(failure.target):", "", "```", failure.description, "```"]
            } else {
                lines.append(failure.description)
            }
        }
        return lines
    }

    private func escape(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
