/// A line diff of what was expected and what came out, for failure reports:
///
/// ```
///   SELECT "profiles"."id" …                        (same in both)
/// - SELECT … ON "profiles"."user_id" = "User"."id" AND "User"."deleted_at" IS NULL
/// + SELECT … ON "profiles"."user_id" = "User"."id"
///   first difference at character 291: expected ` AND "User"."deleted_at" IS NULL`, got the end
/// ```
enum TextDiff {
    static func lines(expected: [String], actual: [String]) -> String {
        let steps = diff(expected, actual)
        var output: [String] = []
        var index = 0
        while index < steps.count {
            // A removed line right before an added one is a changed line: say where it changes.
            if case .removed(let old) = steps[index], index + 1 < steps.count, case .added(let new) = steps[index + 1] {
                output.append("- " + old)
                output.append("+ " + new)
                output.append("  " + firstDifference(old, new))
                index += 2
                continue
            }
            switch steps[index] {
            case .same(let line): output.append("  " + line)
            case .removed(let line): output.append("- " + line)
            case .added(let line): output.append("+ " + line)
            }
            index += 1
        }
        return output.joined(separator: "\n")
    }

    /// `first difference at character N: expected "…", got "…"`.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let old = Array(expected), new = Array(actual)
        var offset = 0
        while offset < old.count, offset < new.count, old[offset] == new[offset] { offset += 1 }
        func excerpt(_ characters: [Character]) -> String {
            guard offset < characters.count else { return "the end" }
            let tail = characters[offset...]
            let shown = String(tail.prefix(48))
            return "`" + shown + (tail.count > 48 ? "…" : "") + "`"
        }
        return "first difference at character \(offset + 1): expected \(excerpt(old)), got \(excerpt(new))"
    }

    private enum Step {
        case same(String), removed(String), added(String)
    }

    /// Longest common subsequence: failure texts are short, so the quadratic table is fine.
    private static func diff(_ old: [String], _ new: [String]) -> [Step] {
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                steps.append(.same(old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                // Removals before additions, so that a changed line reads as - then +.
                steps.append(.removed(old[i])); i += 1
            } else {
                steps.append(.added(new[j])); j += 1
            }
        }
        return steps
    }
}
