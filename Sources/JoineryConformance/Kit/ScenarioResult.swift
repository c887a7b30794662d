/// How one scenario went on one target.
public struct ScenarioResult: Sendable, CustomStringConvertible {
    public var scenarioID: String
    public var title: String
    public var area: String
    public var target: String
    public var outcome: Outcome

    public enum Outcome: Sendable, Equatable {
        case passed
        /// Each check that failed, with what was expected and what came out.
        case failed([ScenarioFailure])
        /// The dialect lacks a capability the scenario needs (named), or the target has no engine
        /// for an executed scenario.
        case unsupported(String)
    }

    public var passed: Bool { outcome == .passed }
    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// `join.left on SQLite 3.40.1: FAIL` and each failure's diff below.
    public var description: String {
        switch outcome {
        case .passed: return "\(scenarioID) on \(target): pass"
        case .unsupported(let reason): return "\(scenarioID) on \(target): unsupported (\(reason))"
        case .failed(let failures):
            return "\(scenarioID) on \(target): FAIL\n" + failures.map(\.description).joined(separator: "\n")
        }
    }
}

/// One failed check: what was checked, and a diff or message saying how it differed.
public struct ScenarioFailure: Sendable, Equatable, CustomStringConvertible {
    public var what: String
    public var detail: String

    public init(what: String, detail: String) {
        self.what = what
        self.detail = detail
    }

    public var description: String {
        "  \(what):\n" + detail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            .joined(separator: "\n")
    }
}
