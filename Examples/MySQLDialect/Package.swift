// swift-tools-version:6.0
import PackageDescription

// A dialect written outside Joinery, as any plugin author would: it depends on Joinery by path
// (a released plugin would name Joinery's Git URL and a version) and uses only its public API.
let package = Package(
    name: "JoineryMySQL",
    products: [
        .library(name: "JoineryMySQL", targets: ["JoineryMySQL"]),
    ],
    dependencies: [
        .package(name: "Joinery", path: "../.."),
    ],
    targets: [
        .target(name: "JoineryMySQL", dependencies: [.product(name: "Joinery", package: "Joinery")]),
        .testTarget(
            name: "JoineryMySQLTests",
            dependencies: [
                "JoineryMySQL",
                .product(name: "Joinery", package: "Joinery"),
                .product(name: "JoineryConformance", package: "Joinery"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
