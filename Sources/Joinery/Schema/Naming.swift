/// GORM's naming rules: `UserProfile` → table `user_profiles`, `userID` → column `user_id`,
/// `fk_<table>_<relation>` for constraints, `idx_<table>_<column>` for indexes.
public enum Naming {
    /// `userID` → `user_id`, `UserRefer` → `user_refer`, `HTTPServer` → `http_server`,
    /// `createdAt` → `created_at`, `address2` → `address2`.
    public static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var output = ""
        output.reserveCapacity(characters.count + 4)
        for (index, character) in characters.enumerated() {
            if character.isUppercase {
                let previous = index > 0 ? characters[index - 1] : nil
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // A word starts at an upper-case letter after a lower-case one or a digit
                // (userID → user|ID), or at the last capital of a run that a lower-case letter
                // follows (HTTPServer → HTTP|Server).
                let startsWord = previous.map { $0.isLowercase || $0.isNumber } ?? false
                    || (previous?.isUppercase == true && next?.isLowercase == true)
                if startsWord, !output.isEmpty, output.last != "_" { output.append("_") }
                output.append(contentsOf: character.lowercased())
            } else {
                output.append(character)
            }
        }
        return output
    }

    /// The table of a model type: snake case, last word plural (`Company` → `companies`).
    public static func tableName(forModel name: String) -> String {
        let snake = snakeCase(name)
        guard let underscore = snake.lastIndex(of: "_") else { return plural(snake) }
        return String(snake[...underscore]) + plural(String(snake[snake.index(after: underscore)...]))
    }

    /// `fk_profiles_user`.
    public static func foreignKeyConstraint(table: String, relation: String) -> String {
        "fk_\(table)_\(snakeCase(relation))"
    }

    /// `idx_profiles_user_id`; several columns are joined by `_`.
    public static func index(table: String, columns: [String]) -> String {
        "idx_\(table)_\(columns.joined(separator: "_"))"
    }

    /// `uni_users_refer`: the constraint behind a unique column.
    public static func uniqueConstraint(table: String, columns: [String]) -> String {
        "uni_\(table)_\(columns.joined(separator: "_"))"
    }

    /// The alias of a joined relation: `user` → `User`, the path `user.company` → `User__Company`.
    public static func relationAlias(_ path: [String]) -> String {
        if path.count == 1 { return capitalizedFirst(path[0]) }
        return path.map(capitalizedFirst).joined(separator: "__")
    }

    /// `user` → `User`: how relation names become join aliases.
    public static func capitalizedFirst(_ name: String) -> String {
        guard let firstByte = name.utf8.first else { return name }
        // ASCII, the usual case, without going through `Character`s.
        if firstByte < 0x80 {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(firstByte) else { return name }
            let count = name.utf8.count
            return String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(from: name.utf8)
                buffer[0] = firstByte - 0x20
                return count
            }
        }
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }

    /// English plural of one lower-case word, as GORM's inflection does it for common words.
    public static func plural(_ word: String) -> String {
        if word.isEmpty || uncountable.contains(word) { return word }
        if let irregular = irregulars[word] { return irregular }
        for (suffix, replacement) in suffixRules where word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count)) + replacement
        }
        let last = word.last
        if last == "y", let beforeY = word.dropLast().last, !"aeiou".contains(beforeY) {
            return word.dropLast() + "ies"  // company → companies, but key → keys
        }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"  // status → statuses, box → boxes, match → matches
        }
        return word + "s"
    }

    private static let uncountable: Set<String> = [
        "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "deer", "news", "data",
        "metadata", "jeans", "police",
    ]

    private static let irregulars: [String: String] = [
        "person": "people", "man": "men", "woman": "women", "child": "children", "mouse": "mice", "goose": "geese",
        "tooth": "teeth", "foot": "feet", "ox": "oxen", "leaf": "leaves", "life": "lives", "wife": "wives",
        "knife": "knives", "half": "halves", "shelf": "shelves", "quiz": "quizzes", "index": "indices",
        "matrix": "matrices", "vertex": "vertices", "criterion": "criteria",
    ]

    private static let suffixRules: [(String, String)] = [
        ("people", "people"), ("children", "children"), ("analysis", "analyses"), ("basis", "bases"),
        ("crisis", "crises"), ("thesis", "theses"), ("axis", "axes"),
    ]
}

extension String {
    /// Whether the name holds `__`, the separator of join aliases and their columns (`User__name`).
    var containsDoubleUnderscore: Bool {
        func scan(_ bytes: some Sequence<UInt8>) -> Bool {
            var previousWasUnderscore = false
            for byte in bytes {
                let isUnderscore = byte == UInt8(ascii: "_")
                if isUnderscore, previousWasUnderscore { return true }
                previousWasUnderscore = isUnderscore
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? scan(utf8)
    }
}
