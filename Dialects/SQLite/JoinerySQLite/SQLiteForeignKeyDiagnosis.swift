import Joinery

/// SQLite reports a failed foreign key as "FOREIGN KEY constraint failed", naming nothing. To say
/// which one failed, the statement is run again inside a savepoint with the check deferred,
/// `PRAGMA foreign_key_check` lists the row that breaks a key, and the savepoint is rolled back:
/// nothing of the second run remains, and an enclosing transaction goes on as before.
struct SQLiteForeignKeyDiagnosis {
    let connection: SQLiteConnection

    /// `original` with its table, column, referenced table and — when the table's SQL declares it
    /// with `CONSTRAINT name` — the constraint's name; `original` unchanged when the failure cannot
    /// be reproduced (an ON DELETE RESTRICT action fails even when deferred).
    func describe(_ original: JoineryError, sql: String, bindings: [SQLValue]) -> JoineryError {
        guard Self.writes(sql) else { return original }
        let savepoint = "joinery_foreign_key_check"
        let wasDeferred = (try? connection.query("PRAGMA defer_foreign_keys").first?.decode(Int.self, at: 0)) == 1
        do {
            try connection.execute("SAVEPOINT \(savepoint)")
        } catch {
            return original
        }
        defer {
            _ = try? connection.execute("ROLLBACK TO \(savepoint)")
            _ = try? connection.execute("RELEASE \(savepoint)")
            if !wasDeferred { _ = try? connection.execute("PRAGMA defer_foreign_keys = OFF") }
        }
        do {
            try connection.execute("PRAGMA defer_foreign_keys = ON")
            try connection.execute(sql, bindings)
            guard let violation = try connection.query("PRAGMA foreign_key_check").first else { return original }
            let table: String = try violation.decode(at: 0)
            let keyID: Int = try violation.decode(at: 3)
            let key = try connection.query("PRAGMA foreign_key_list(\(SQLiteDialect().quoteIdentifier(table)))")
                .filter { try $0.decode(Int.self, at: 0) == keyID }
                .sorted { try $0.decode(Int.self, at: 1) < $1.decode(Int.self, at: 1) }
            guard let first = key.first else { return original }
            let parent: String = try first.decode(at: 2)
            let columns: [String] = try key.map { try $0.decode(String.self, at: 3) }
            var described = original
            described.table = table
            described.column = columns.joined(separator: ", ")
            described.constraint = try constraintName(of: table, columns: columns)
            described.message = "foreign key constraint failed: \(table) (\(columns.joined(separator: ", "))) references \(parent)"
                + (described.constraint.map { " (\($0))" } ?? "") + " and no such row exists"
            return described
        } catch {
            return original
        }
    }

    /// The name given to the table's foreign key over `columns` in its `CREATE TABLE`, if any.
    private func constraintName(of table: String, columns: [String]) throws -> String? {
        guard let sql = try connection.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)])
            .first.flatMap({ try $0.decode(String?.self, at: 0) })
        else { return nil }
        let tokens = SQLTokens(sql).tokens
        let wanted = columns.map { $0.lowercased() }
        for index in tokens.indices where tokens[index].lowercased() == "constraint" && index + 4 < tokens.count {
            guard tokens[index + 2].lowercased() == "foreign", tokens[index + 3].lowercased() == "key",
                tokens[index + 4] == "("
            else { continue }
            let listed = tokens[(index + 5)...].prefix { $0 != ")" }.filter { $0 != "," }.map { $0.lowercased() }
            if listed == wanted { return tokens[index + 1] }
        }
        return nil
    }

    private static func writes(_ sql: String) -> Bool {
        let head = sql.drop(while: \.isWhitespace).prefix(7).uppercased()
        return ["INSERT", "UPDATE", "DELETE", "REPLACE", "WITH"].contains { head.hasPrefix($0) }
    }
}

/// The words, names (unquoted) and punctuation of a `CREATE TABLE` statement — enough to find its
/// `CONSTRAINT name FOREIGN KEY (columns)` clauses.
private struct SQLTokens {
    private(set) var tokens: [String] = []

    init(_ sql: String) {
        var characters = Substring(sql)
        while let first = characters.first {
            switch first {
            case "\"", "`", "[":
                let close: Character = first == "[" ? "]" : first
                characters.removeFirst()
                var name = ""
                while let next = characters.first {
                    characters.removeFirst()
                    if next == close {
                        guard close != "]", characters.first == close else { break }
                        characters.removeFirst()  // a doubled quote
                    }
                    name.append(next)
                }
                tokens.append(name)
            case "'":
                characters.removeFirst()
                while let next = characters.first {
                    characters.removeFirst()
                    if next == "'" {
                        guard characters.first == "'" else { break }
                        characters.removeFirst()
                    }
                }
                tokens.append("''")
            case "(", ")", ",":
                tokens.append(String(first))
                characters.removeFirst()
            case _ where first.isWhitespace:
                characters.removeFirst()
            default:
                let word = characters.prefix { !$0.isWhitespace && !"(),\"`['".contains($0) }
                tokens.append(String(word.isEmpty ? characters.prefix(1) : word))
                characters.removeFirst(max(word.count, 1))
            }
        }
    }
}
