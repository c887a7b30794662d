import Foundation
import Joinery
import JoineryMariaDB
import JoineryPostgreSQL

/// `joinery-load scale` (`make scale`): what more servers buy, in one run on the cluster tier of
/// scripts/cluster.sh.
///
/// - Reads: a page of 50 profiles with their users, preloaded and then joined, at 1, 8 and 32
///   concurrent tasks — through a pool on one server, and through a pool that spreads its reads
///   over several (the PostgreSQL primary and its replica; the three Galera nodes).
/// - Writes: a profile created with a new user (one transaction) at the same levels — through a
///   pool pinned to one Galera node, and spread over the three nodes.
///
/// Rounds are interleaved (one server, several, one, …) and the median of three is printed with
/// the ratio several / one.
enum ScaleOut {
    static let levels = [1, 8, 32]
    static let profiles = 2_000
    static let page = 50
    static let rounds = 3
    static let seconds = 1.5

    static func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let primary = environment["JOINERY_PG_PRIMARY_URL"], let replica = environment["JOINERY_PG_REPLICA_URL"],
            let galera = environment["JOINERY_GALERA_URLS"]
        else {
            throw LoadError("set JOINERY_PG_PRIMARY_URL, JOINERY_PG_REPLICA_URL and JOINERY_GALERA_URLS: run `make scale`")
        }
        let nodes = galera.split(separator: ",").map(String.init)
        guard nodes.count >= 2 else { throw LoadError("JOINERY_GALERA_URLS names \(nodes.count) node(s)") }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("Scale-out: requests per second, median of \(rounds) interleaved rounds of \(seconds) s; \(cores) cores")
        print("for the benchmark and every server together. ratio = several servers / one server.\n")

        let name = "joinery_scale_\(UInt32.random(in: 0...UInt32.max))"
        let postgres = try PostgresNamespace(name: name, primary: primary, replica: replica)
        defer { postgres.drop() }
        let cluster = try GaleraNamespace(name: name, nodes: nodes)
        defer { cluster.drop() }

        print("reads: 50 profiles preloaded, then joined      tasks   one server   several   ratio")
        try await reads("PostgreSQL primary | + replica", driver: PostgreSQLDriver(), one: postgres.primary, several: postgres.both)
        try await reads("Galera node 1 | nodes 1-\(nodes.count)", driver: MariaDBDriver(), one: cluster.nodes[0], several: cluster.nodes)
        print("\nwrites: create a profile with a new user       tasks     one node     spread   ratio")
        try await writes(cluster.nodes)
    }

    // MARK: Reads

    static func reads(_ label: String, driver: any DatabaseDriver, one: DatabaseURL, several: [DatabaseURL]) async throws {
        let seeder = try DatabasePool(url: one, drivers: [driver])
        try await seeder.migrate(Profile.self)
        for batch in stride(from: 0, to: profiles, by: 200) {
            try await seeder.transaction { db in
                for index in batch..<min(batch + 200, profiles) {
                    var profile = Profile(name: "p-\(index)", user: User(name: "u-\(index)"))
                    try db.create(&profile)
                }
            }
        }
        // Every server of `several` must hold the rows before it is read.
        let position = try await seeder.write { db in try db.connection.replicationPosition() }
        await seeder.close()
        if let position {
            for url in several {
                let connection = try driver.connect(to: url)
                defer { connection.close() }
                guard try connection.waitForReplay(of: position, timeout: .seconds(30)) else {
                    throw LoadError("\(url) did not replay the seed rows")
                }
            }
        }

        for tasks in levels {
            let configuration = DatabasePool.Configuration(maximumConnections: tasks, acquireTimeout: .seconds(60))
            let single = try DatabasePool(url: one, drivers: [driver], configuration: configuration)
            // The first server is the primary; listing it among the replicas spreads reads over all.
            let spread = try DatabasePool(url: one, replicas: several, drivers: [driver], configuration: configuration)
            _ = try await readRound(single, tasks: tasks)
            _ = try await readRound(spread, tasks: tasks)
            var oneServer: [Double] = [], severalServers: [Double] = []
            for _ in 0..<rounds {
                oneServer.append(try await readRound(single, tasks: tasks))
                severalServers.append(try await readRound(spread, tasks: tasks))
            }
            await single.close()
            await spread.close()
            printLine(label, tasks, median(oneServer), median(severalServers))
        }
    }

    /// Requests per second of `tasks` tasks reading pages.
    static func readRound(_ pool: DatabasePool, tasks: Int) async throws -> Double {
        try await round(tasks: tasks) { _, _ in
            let offset = Int.random(in: 0...(profiles - page))
            let preloaded = try await pool.query(Profile.self).preload(\.user).order(by: \.id).limit(page).offset(offset).all()
            let joined = try await pool.query(Profile.self).join(\.user).order(by: \.id).limit(page).offset(offset).all()
            guard preloaded.count == page, joined.count == page, preloaded.allSatisfy({ $0.user != nil }),
                joined.map(\.user?.name) == preloaded.map(\.user?.name)
            else { throw LoadError("a page read back wrong rows") }
        }
    }

    // MARK: Writes

    static func writes(_ nodes: [DatabaseURL]) async throws {
        let driver = MariaDBDriver()
        for tasks in levels {
            let configuration = DatabasePool.Configuration(maximumConnections: tasks, acquireTimeout: .seconds(60))
            let pinned = try DatabasePool(nodes: nodes, drivers: [driver], configuration: configuration)
            let perNode = DatabasePool.Configuration(
                maximumConnections: (tasks + nodes.count - 1) / nodes.count, acquireTimeout: .seconds(60))
            let spread = try nodes.map { try DatabasePool(url: $0, drivers: [driver], configuration: perNode) }
            var oneNode: [Double] = [], allNodes: [Double] = []
            for round in 0..<rounds {
                oneNode.append(try await writeRound(tasks: tasks, tag: "one-\(tasks)-\(round)") { _ in pinned })
                allNodes.append(try await writeRound(tasks: tasks, tag: "all-\(tasks)-\(round)") { spread[$0 % spread.count] })
            }
            await pinned.close()
            for pool in spread { await pool.close() }
            printLine("Galera node 1 | nodes 1-\(nodes.count)", tasks, median(oneNode), median(allNodes))
        }
    }

    static func writeRound(tasks: Int, tag: String, pool: @escaping @Sendable (Int) -> DatabasePool) async throws -> Double {
        try await round(tasks: tasks) { task, count in
            var profile = Profile(name: "w-\(tag)-\(task)-\(count)", user: User(name: "w-\(tag)"))
            try await pool(task).create(&profile)
        }
    }

    // MARK: Rounds

    /// Requests per second of `tasks` tasks, each running `request` until the round ends.
    static func round(tasks: Int, _ request: @escaping @Sendable (_ task: Int, _ count: Int) async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        let deadline = started + .milliseconds(Int(seconds * 1000))
        let done = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var count = 0
                    while ContinuousClock.now < deadline {
                        try await request(task, count)
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(done) / elapsedSeconds(since: started)
    }

    static func printLine(_ label: String, _ tasks: Int, _ one: Double, _ several: Double) {
        print(label.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: " %7d %12.0f %10.0f %7.2f", tasks, one, several, several / one))
    }
}

/// A schema of the benchmark's own on the PostgreSQL primary (the replica receives it), and the
/// URLs that make it the default.
struct PostgresNamespace {
    let primary: DatabaseURL
    let both: [DatabaseURL]
    private let setup: any DatabaseConnection
    private let name: String

    init(name: String, primary primaryText: String, replica replicaText: String) throws {
        self.name = name
        var primary = try DatabaseURL(parsing: primaryText)
        var replica = try DatabaseURL(parsing: replicaText)
        setup = try PostgreSQLDriver().connect(to: primary)
        try setup.execute("CREATE SCHEMA \(name)")
        primary.options["options"] = "-c search_path=\(name)"
        replica.options["options"] = "-c search_path=\(name)"
        self.primary = primary
        both = [primary, replica]
    }

    func drop() {
        _ = try? setup.execute("DROP SCHEMA \(name) CASCADE")
        setup.close()
    }
}

/// A database of the benchmark's own on the Galera cluster (created on one node, it exists on
/// all), and the node URLs that use it.
struct GaleraNamespace {
    let nodes: [DatabaseURL]
    private let setup: any DatabaseConnection
    private let name: String

    init(name: String, nodes texts: [String]) throws {
        self.name = name
        var nodes = try texts.map { try DatabaseURL(parsing: $0) }
        setup = try MariaDBDriver().connect(to: nodes[0])
        try setup.execute("CREATE DATABASE \(name)")
        for index in nodes.indices { nodes[index].database = name }
        self.nodes = nodes
    }

    func drop() {
        _ = try? setup.execute("DROP DATABASE \(name)")
        setup.close()
    }
}
