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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Two servers of one engine as one target, 'WRITE_URL,READ_URL': writes on the first (a primary, a Galera node), "
                + "reads on the second (its replica, another node) once it has replayed them; repeat for several.",
            valueName: "write-url,read-url"))
    var pair: [String] = []

    @Option(name: .long, help: "Also write the matrix as Markdown to this file (docs/conformance.md).")
    var markdown: String?

    @Option(name: .long, help: "Only the scenarios whose id contains this text (join., preload.executed, …).")
    var filter: String?

    /// The built-in engines: a driver for the URL's scheme, and its dialect's expected SQL.
    static let engines: [(driver: any DatabaseDriver, expectations: SQLExpectations)] = [
        (SQLiteDriver(), .sqlite), (PostgreSQLDriver(), .postgresql), (MariaDBDriver(), .mariadb),
    ]

    func validate() throws {
        if url.isEmpty && pair.isEmpty { throw ValidationError("name at least one engine with --url or --pair") }
        for pair in pair where pair.split(separator: ",").count != 2 {
            throw ValidationError("--pair takes two URLs separated by a comma, not '\(pair)'")
        }
    }

    func run() throws {
        let targets = Self.distinctlyLabelled(try url.map(Self.target), urls: url) + (try pair.map(Self.pairTarget))
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

    /// A pair target: writes on the first URL of `pair`, reads on the second.
    static func pairTarget(_ pair: String) throws -> ConformanceTarget {
        let urls = try pair.split(separator: ",").map { try DatabaseURL(parsing: String($0)) }
        guard urls.count == 2, let engine = engines.first(where: { $0.driver.urlSchemes.contains(urls[0].scheme) }),
            engine.driver.urlSchemes.contains(urls[1].scheme)
        else { throw ValidationError("--pair needs two URLs of one engine (postgres, mariadb): \(pair)") }
        let driver = engine.driver
        let (write, read) = (urls[0], urls[1])
        let probe = try driver.connect(to: write)
        let label = "\(probe.engine) writes \(place(write)), reads \(place(read))"
        probe.close()
        return ConformanceTarget(label: label, expectations: engine.expectations) {
            let writer = try driver.connect(to: write)
            do {
                return PairedConnection(writer: writer, reader: try driver.connect(to: read))
            } catch {
                writer.close()
                throw error
            }
        }
    }

    static func place(_ url: DatabaseURL) -> String {
        url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? url.database ?? url.description
    }

    /// Targets whose engine and version coincide (two Galera nodes, a primary and its replica)
    /// are told apart by host and port, so that each keeps a column of its own.
    static func distinctlyLabelled(_ targets: [ConformanceTarget], urls: [String]) -> [ConformanceTarget] {
        let labels = targets.map(\.label)
        return zip(targets, urls).map { target, url in
            guard labels.filter({ $0 == target.label }).count > 1, let parsed = try? DatabaseURL(parsing: url) else { return target }
            var relabelled = target
            relabelled.label = "\(target.label) @ \(place(parsed))"
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
