// swift-tools-version:6.0
import CompilerPluginSupport
import PackageDescription

// Each engine is its own library product: an app that links JoinerySQLite links
// neither libpq nor libmariadb.
let package = Package(
    name: "Joinery",
    products: [
        .library(name: "Joinery", targets: ["Joinery"]),
        .library(name: "JoinerySQLite", type: .static, targets: ["JoinerySQLite"]),
        .library(name: "JoineryPostgreSQL", type: .static, targets: ["JoineryPostgreSQL"]),
        .library(name: "JoineryMariaDB", type: .static, targets: ["JoineryMariaDB"]),
        // The conformance kit: scenarios, expectations and the runner, for dialect plugins too.
        .library(name: "JoineryConformance", targets: ["JoineryConformance"]),
        .executable(name: "joinery", targets: ["joinery"]),
        .executable(name: "joinery-demo", targets: ["JoineryDemo"]),
        .executable(name: "joinery-load", targets: ["JoineryLoad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // `swift package generate-documentation`: the DocC catalog in Sources/Joinery/Joinery.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.4.0"),
    ],
    targets: [
        // The core: pure Swift, no C dependency.
        .target(
            name: "Joinery",
            dependencies: [
                "JoineryMacros", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Joinery"),
        // @Model, @BelongsTo, @Column, @Transient: compile-time plugins (swift-syntax).
        .macro(
            name: "JoineryMacros",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ],
            path: "Sources/JoineryMacros"),

        .systemLibrary(
            name: "CSQLite", path: "Dialects/SQLite/CSQLite",
            pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "JoinerySQLite", dependencies: ["Joinery", "CSQLite"],
            path: "Dialects/SQLite/JoinerySQLite"),

        .systemLibrary(
            name: "CLibPQ", path: "Dialects/PostgreSQL/CLibPQ",
            pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(
            name: "JoineryPostgreSQL", dependencies: ["Joinery", "CLibPQ"],
            path: "Dialects/PostgreSQL/JoineryPostgreSQL"),

        .systemLibrary(
            name: "CMariaDB", path: "Dialects/MariaDB/CMariaDB",
            pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .target(
            name: "JoineryMariaDB", dependencies: ["Joinery", "CMariaDB"],
            path: "Dialects/MariaDB/JoineryMariaDB"),

        // Scenarios defined once, the SQL each built-in dialect must produce, and the runner.
        // Depends on the core only: a plugin author imports it beside their own dialect.
        .target(name: "JoineryConformance", dependencies: ["Joinery"], path: "Sources/JoineryConformance"),

        // The command-line tool: `joinery translate`, `joinery conformance`.
        .executableTarget(
            name: "joinery",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryConformance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/joinery"),

        // `make demo`: GORM's belongs-to story on in-memory SQLite, with the SQL of all three engines.
        .executableTarget(
            name: "JoineryDemo",
            dependencies: ["Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB"],
            path: "Sources/JoineryDemo"),


        // `make load`: the mixed workload through a DatabasePool against raw C-client connections.
        .executableTarget(
            name: "JoineryLoad",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "CSQLite", "CLibPQ", "CMariaDB",
            ],
            path: "Sources/JoineryLoad"),

        // Helpers shared by the test targets (not a product).
        .target(name: "JoineryTestSupport", dependencies: ["Joinery"], path: "Tests/JoineryTestSupport"),
        .target(
            name: "EngineTestSupport",
            dependencies: ["Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryTestSupport"],
            path: "Tests/EngineTestSupport"),
        .testTarget(name: "JoineryTests", dependencies: ["Joinery", "JoineryTestSupport"], path: "Tests/JoineryTests"),
        .testTarget(
            name: "JoineryMacrosTests",
            dependencies: [
                "JoineryMacros",
                .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax"),
            ],
            path: "Tests/JoineryMacrosTests"),
        .testTarget(
            name: "DialectTests",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryTestSupport", "EngineTestSupport",
                "JoineryConformance",
            ],
            path: "Tests/DialectTests"),
        .testTarget(
            name: "DatabaseTests",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryTestSupport", "EngineTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DatabaseTests"),
        .testTarget(
            name: "ConformanceTests",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryConformance",
                "EngineTestSupport",
            ],
            path: "Tests/ConformanceTests"),
        .testTarget(
            name: "ConcurrencyTests",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryTestSupport", "EngineTestSupport",
                "CSQLite", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ConcurrencyTests"),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "Joinery", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryConformance", "JoineryTestSupport",
                "EngineTestSupport",
            ],
            path: "Tests/ClusterTests"),
        .testTarget(
            name: "DriverTests",
            dependencies: [
                "Joinery", "JoinerySQLite", "JoineryPostgreSQL", "JoineryMariaDB", "JoineryTestSupport", "EngineTestSupport",
            ],
            path: "Tests/DriverTests"),
    ],
    swiftLanguageModes: [.v6]
)
