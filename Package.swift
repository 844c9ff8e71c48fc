// swift-tools-version: 6.1
import PackageDescription

/// One set of settings for every target: strict Swift 6, explicit existentials, explicit imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// SHA-256, for every digest PbR keeps (extracts, journal rows, contracts, statements, output files).
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")

let package = Package(
    name: "PbR",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pbr", targets: ["pbr"]),
        .library(name: "PbRCore", targets: ["PbRCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        // The version PostgresNIO resolves to: one copy is built, for the driver and for the digests.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The web application (issue 14). Hummingbird without its default traits: swift-configuration
        // (ConfigurationSupport) is not used, and leaving it out keeps CI's clean build shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph (Hummingbird, PostgresNIO): named for ByteBuffer and the peer's address.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(
            // Crypto for SHA-256 only: a pure function of bytes (no I/O, clock or environment), so the core
            // stays pure; and a journal row's digest (`RowDigest`) is made with the row, in the core.
            name: "PbRCore", dependencies: [crypto], swiftSettings: swiftSettings),
        .target(
            name: "PbRImport",
            dependencies: ["PbRCore", "PbRSimulation", crypto, .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PbRStore",
            dependencies: [
                "PbRCore", crypto,
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            // The use cases: what the command line (and later the server) runs, over the store and the core.
            name: "PbRService",
            dependencies: [
                "PbRCore", "PbRImport", "PbRStore", "PbRSimulation", crypto,
                // bcrypt for the web's passwords: a small C library, no server code.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            // The web application: routes, sign-in, pages and the JSON API over the use cases of PbRService.
            name: "PbRWeb",
            dependencies: [
                "PbRCore", "PbRStore", "PbRService", crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "pbr",
            dependencies: [
                "PbRCore", "PbRImport", "PbRStore", "PbRSimulation", "PbRService", "PbRWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PbRTestSupport",
            dependencies: ["PbRCore", "PbRImport", "PbRStore"],
            path: "Tests/PbRTestSupport",
            swiftSettings: swiftSettings
        ),
        .target(name: "PbRSimulation", dependencies: ["PbRCore"], swiftSettings: swiftSettings),
        .testTarget(name: "PbRSimulationTests", dependencies: ["PbRSimulation", "PbRTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PbRCoreTests", dependencies: ["PbRCore", "PbRTestSupport", crypto], swiftSettings: swiftSettings),
        .testTarget(name: "PbRImportTests", dependencies: ["PbRImport", "PbRTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PbRServiceTests", dependencies: ["PbRService", "PbRTestSupport", "pbr", crypto], swiftSettings: swiftSettings),
        .testTarget(
            name: "PbRWebTests",
            dependencies: [
                "PbRWeb", "PbRService", "PbRStore", "PbRCore", "PbRTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            // "pbr": the crash tests run the real command line and kill it.
            name: "PbRStoreTests", dependencies: ["PbRStore", "PbRImport", "PbRSimulation", "PbRTestSupport", "pbr"],
            swiftSettings: swiftSettings),
    ]
)
