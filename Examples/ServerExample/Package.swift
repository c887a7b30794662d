// swift-tools-version:6.0
import PackageDescription

// The server guide's example (docs/server-guide.md): a Hummingbird service whose handlers share
// one DatabasePool. A package of its own, so that Joinery's users never build Hummingbird.
let package = Package(
    name: "ServerExample",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Joinery", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "ProfileServer",
            dependencies: [
                .product(name: "Joinery", package: "Joinery"),
                .product(name: "JoinerySQLite", package: "Joinery"),
                .product(name: "JoineryPostgreSQL", package: "Joinery"),
                .product(name: "JoineryMariaDB", package: "Joinery"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
