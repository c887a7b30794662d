// swift-tools-version:6.1
import PackageDescription

// The side-by-side benchmark (`make bench`, docs/benchmarks.md): Joinery, a hand-written loop on
// each C client and GRDB, in one process. A package of its own, so that Joinery's users never
// build GRDB.
let package = Package(
    name: "JoineryBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Joinery", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // The raw loops call libsqlite3 through GRDB's GRDBSQLite, libpq and libmariadb through
        // the C modules Joinery's drivers import (CLibPQ, CMariaDB), visible through them.
        .executableTarget(
            name: "JoineryBenchmarks",
            dependencies: [
                .product(name: "Joinery", package: "Joinery"),
                .product(name: "JoinerySQLite", package: "Joinery"),
                .product(name: "JoineryPostgreSQL", package: "Joinery"),
                .product(name: "JoineryMariaDB", package: "Joinery"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
