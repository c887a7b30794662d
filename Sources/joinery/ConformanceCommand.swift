import ArgumentParser
import Foundation
import Joinery
import JoineryConformance
import JoineryMariaDB
import JoineryPostgreSQL
import JoinerySQLite

/// `joinery conformance --url sqlite::memory: --url postgres://… --url mariadb://…`: every
/// scenario of the kit on every engine named, as a scenario × engine matrix.
struct ConformanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run the conformance kit on real engines and print the scenario × engine matrix.",
        discussion: """
            Each scenario runs on its own connection in a scratch namespace (a PostgreSQL schema, a MariaDB \
            database) that is dropped afterwards, so a shared server is left as it was. SQLite has no \
            namespaces: give it sqlite::memory:. Exits with 1 when a scenario fails; the diff of each \
            failure follows the matrix.
            """)

    @Option(name: .long, help: "An engine to run on (sqlite:…, postgres://…, mariadb://…); repeat for several.")
    var url: [String] = []

    @Option(name: .long, help: "Also write the matrix as Markdown to this file (docs/conformance.md).")
    var markdown: String?

    @Option(name: .long, help: "Only the scenarios whose id contains this text (join., preload.executed, …).")
    var filter: String?

    /// The built-in engines: a driver for the URL's scheme, and its dialect's expected SQL.
    static let engines: [(driver: any DatabaseDriver, expectations: SQLExpectations)] = [
        (SQLiteDriver(), .sqlite), (PostgreSQLDriver(), .postgresql), (MariaDBDriver(), .mariadb),
    ]

    func validate() throws {
        if url.isEmpty { throw ValidationError("name at least one engine with --url") }
    }

    func run() throws {
        let targets = Self.distinctlyLabelled(try url.map(Self.target), urls: url)
        var scenarios = ConformanceScenario.all
        if let filter { scenarios = scenarios.filter { $0.id.contains(filter) } }
        let report = ConformanceRunner(scenarios: scenarios).run(on: targets)
        print(report.text)
        if let markdown {
            let document = Self.markdownDocument(report, urls: url)
            guard FileManager.default.createFile(atPath: markdown, contents: Data(document.utf8)) else {
                throw ValidationError("cannot write \(markdown)")
            }
        }
        if !report.allPassed { throw ExitCode(1) }
    }

    /// A target for `url`, labelled with the engine and version a first connection reports.
    static func target(_ url: String) throws -> ConformanceTarget {
        let parsed = try DatabaseURL(parsing: url)
        guard let engine = engines.first(where: { $0.driver.urlSchemes.contains(parsed.scheme) }) else {
            throw ValidationError("unknown scheme '\(parsed.scheme)' in \(url) (sqlite, postgres, mariadb)")
        }
        let driver = engine.driver
        let probe = try driver.connect(to: parsed)
        let label = probe.engine.description
        probe.close()
        return ConformanceTarget(label: label, expectations: engine.expectations) { try driver.connect(to: parsed) }
    }

    /// Targets whose engine and version coincide (two Galera nodes, a primary and its replica)
    /// are told apart by host and port, so that each keeps a column of its own.
    static func distinctlyLabelled(_ targets: [ConformanceTarget], urls: [String]) -> [ConformanceTarget] {
        let labels = targets.map(\.label)
        return zip(targets, urls).map { target, url in
            guard labels.filter({ $0 == target.label }).count > 1, let parsed = try? DatabaseURL(parsing: url) else { return target }
            var relabelled = target
            let place = parsed.host.map { host in parsed.port.map { "\(host):\($0)" } ?? host } ?? parsed.database ?? url
            relabelled.label = "\(target.label) @ \(place)"
            return relabelled
        }
    }

    static func markdownDocument(_ report: ConformanceReport, urls: [String]) -> String {
        """
        # Conformance matrix

        Every scenario of the conformance kit (`Sources/JoineryConformance`) on every engine, as written by

        ```sh
        joinery conformance --url sqlite::memory: --url postgres://… --url mariadb://… --markdown docs/conformance.md
        ```

        `pass`: the SQL, object graphs, rows and typed errors were what the scenario expects. `n/a`: the
        dialect lacks a capability the scenario needs (it says which). What each scenario checks, how the
        runner isolates them, and how to run the kit on a dialect of your own: see
        [dialect-plugins.md](dialect-plugins.md).

        \(report.markdown)
        """
    }
}
