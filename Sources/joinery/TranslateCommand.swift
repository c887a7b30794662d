import ArgumentParser
import Foundation
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite

/// `joinery translate [FILE] --dialect postgresql`: a query document (docs/ir.md) in, the SQL
/// and bound values of every statement of its plan out.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Print the SQL of a query document (docs/ir.md) in one dialect or all three.",
        discussion: """
            Reads the JSON document from FILE, or from standard input when FILE is '-' or absent, plans it, \
            and prints each statement with its bound values. Preloads are shown for the keys given in the \
            document's preloadKeys.
            """)

    enum DialectChoice: String, ExpressibleByArgument, CaseIterable {
        case sqlite, postgresql, mariadb, all
    }

    @Argument(help: "The query document (JSON); '-' or nothing reads standard input.")
    var file: String?

    @Option(name: .shortAndLong, help: "sqlite, postgresql, mariadb or all.")
    var dialect: DialectChoice = .all

    @Option(name: .long, help: "The engine version to write for (e.g. 3.34, 16, 10.4); only with one dialect.")
    var engineVersion: String?

    func validate() throws {
        if engineVersion != nil, dialect == .all {
            throw ValidationError("--engine-version needs one --dialect")
        }
        if let engineVersion, EngineVersion(parsing: engineVersion) == nil {
            throw ValidationError("'\(engineVersion)' is not a version like 3.35 or 10.11")
        }
    }

    func run() throws {
        let data: Data
        if let file, file != "-" {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            let document = try QueryDocument(json: data)
            var output = ""
            for (index, dialect) in dialects().enumerated() {
                if index > 0 { output += "\n" }
                output += "-- \(dialect.name)\n"
                for (number, statement) in try document.translated(with: dialect).enumerated() {
                    output += "-- \(number + 1). \(statement.purpose)\n"
                    if let lowered = statement.lowered {
                        output += lowered.sql + ";\n"
                        if !lowered.bindings.isEmpty {
                            output += "--    " + bindingList(lowered.bindings, dialect: dialect) + "\n"
                        }
                    }
                    if let note = statement.note { output += "--    \(note)\n" }
                }
            }
            print(output, terminator: "")
        } catch let error as JoineryError {
            throw ValidationError(error.description)
        }
    }

    private func dialects() -> [any SQLDialect] {
        let version = engineVersion.flatMap { EngineVersion(parsing: $0) }
        switch dialect {
        case .sqlite: return [version.map { SQLiteDialect(version: $0) } ?? SQLiteDialect()]
        case .postgresql: return [version.map { PostgreSQLDialect(version: $0) } ?? PostgreSQLDialect()]
        case .mariadb: return [version.map { MariaDBDialect(version: $0) } ?? MariaDBDialect()]
        case .all: return [SQLiteDialect(), PostgreSQLDialect(), MariaDBDialect()]
        }
    }

    /// `$1 = 'jinzhu', $2 = 1` (or `1: 'jinzhu'` where placeholders are not numbered).
    private func bindingList(_ bindings: [SQLValue], dialect: any SQLDialect) -> String {
        bindings.enumerated().map { index, value in
            let placeholder = dialect.capabilities.placeholders.placeholder(index + 1)
            return (placeholder == "?" ? "\(index + 1):" : "\(placeholder) =") + " \(value)"
        }.joined(separator: ", ")
    }
}
