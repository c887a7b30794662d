import ArgumentParser
import Foundation
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite

/// `joinery explain --url URL [FILE]`: the engine's plan of each statement of a query document,
/// with the index each table access goes through.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the engine's plan of each statement of a query document (docs/ir.md), on a database.",
        discussion: """
            Plans the document in the dialect of the database at --url and asks the engine for its plan of \
            each statement (EXPLAIN QUERY PLAN on SQLite, EXPLAIN (FORMAT JSON) on PostgreSQL, EXPLAIN \
            FORMAT=JSON on MariaDB). A preload is explained for the keys in the document's preloadKeys. \
            With --migrate, the document's tables are created first where missing.
            """)

    @Argument(help: "The query document (JSON); '-' or nothing reads standard input.")
    var file: String?

    @Option(name: .long, help: "The database: sqlite:/path, postgres://…, mariadb://…")
    var url: String

    @Flag(name: .long, help: "Create the document's tables where missing before explaining.")
    var migrate = false

    @Flag(name: .long, help: "Also print the engine's own plan.")
    var verbose = false

    func run() throws {
        let data: Data
        if let file, file != "-" {
            guard let contents = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            let document = try QueryDocument(json: data)
            let db = try Database.open(url, drivers: [SQLiteDriver(), PostgreSQLDriver(), MariaDBDriver()])
            if migrate {
                let creation = QueryDocument(models: document.models, query: .migrate(MigrateQuery(ifNotExists: true)))
                for statement in try creation.translated(with: db.dialect).compactMap(\.lowered) {
                    try db.connection.execute(statement.sql, statement.bindings)
                }
            }
            var output = "-- \(db.dialect.name)\n"
            for (number, statement) in try document.translated(with: db.dialect).enumerated() {
                output += "-- \(number + 1). \(statement.purpose)\n"
                guard let lowered = statement.lowered else {
                    output += "--    \(statement.note ?? "not run")\n"
                    continue
                }
                let explained = try db.explain(lowered)
                output += lowered.sql + ";\n"
                for access in explained.accesses { output += "--    \(access)\n" }
                if verbose { output += explained.enginePlan + "\n" }
            }
            print(output, terminator: "")
        } catch let error as JoineryError {
            throw ValidationError(error.description)
        }
    }
}
