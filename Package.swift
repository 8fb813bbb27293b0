// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PayCircle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "paycircle", targets: ["paycircle"]),
        .library(name: "PayCircleCore", targets: ["PayCircleCore"]),
        .library(name: "PayCircleStore", targets: ["PayCircleStore"]),
        .library(name: "PayCircleSpatiaLite", targets: ["PayCircleSpatiaLite"]),
        .library(name: "PayCirclePostGIS", targets: ["PayCirclePostGIS"]),
        .library(name: "PayCircleNetwork", targets: ["PayCircleNetwork"]),
        .library(name: "PayCirclePlanning", targets: ["PayCirclePlanning"]),
        .library(name: "PayCircleEngine", targets: ["PayCircleEngine"]),
        .library(name: "PayCircleServer", targets: ["PayCircleServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.11.0"),
    ],
    targets: [
        // C libraries from Debian, reached through system-library targets.
        .systemLibrary(name: "CSpatiaLite", pkgConfig: "spatialite", providers: [.apt(["libspatialite-dev", "libsqlite3-dev"])]),
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CReadOSM", providers: [.apt(["libreadosm-dev", "zlib1g-dev", "libbz2-dev"])]),
        .systemLibrary(name: "CCompression", providers: [.apt(["zlib1g-dev", "libbz2-dev"])]),
        .target(name: "CPrefetch"),

        .target(name: "PayCircleCore", dependencies: ["CPrefetch"]),
        .target(name: "PayCircleStore", dependencies: ["PayCircleCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "PayCircleSpatiaLite", dependencies: ["PayCircleCore", "PayCircleStore", "CSpatiaLite"]),
        .target(
            name: "PayCirclePostGIS",
            dependencies: [
                "PayCircleCore", "PayCircleStore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "PayCircleNetwork", dependencies: ["PayCircleCore", "PayCircleStore", "CCompression", "CPrefetch"]),
        .target(
            name: "PayCirclePlanning",
            dependencies: ["PayCircleCore", "PayCircleStore", "PayCircleNetwork", "CCompression", .product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(name: "PayCircleEngine", dependencies: ["PayCircleCore", "PayCircleStore", "PayCircleNetwork", "PayCirclePlanning"]),
        .target(name: "PayCircleSimulation", dependencies: ["PayCircleCore", "PayCircleStore", "PayCircleEngine"]),
        .target(
            name: "PayCircleServer",
            dependencies: [
                "PayCircleCore", "PayCircleStore", "PayCircleNetwork", "PayCirclePlanning", "PayCircleEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "paycircle",
            dependencies: [
                "PayCircleCore", "PayCircleStore", "PayCircleSpatiaLite", "PayCirclePostGIS", "PayCircleNetwork", "PayCirclePlanning", "PayCircleEngine",
                "PayCircleServer", "PayCircleSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "PayCircleBench",
            dependencies: [
                "PayCircleCore", "PayCircleStore", "PayCircleSpatiaLite", "PayCircleNetwork", "PayCirclePlanning", "CSpatiaLite", "CReadOSM",
                "PayCircleEngine", "PayCircleSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        .target(
            name: "PayCircleTestSupport",
            dependencies: ["PayCircleStore", "PayCircleSpatiaLite", "PayCirclePostGIS", "PayCircleSimulation", "CSpatiaLite",
                           .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/Support"
        ),
        .testTarget(name: "PayCircleCoreTests", dependencies: ["PayCircleCore", "PayCircleTestSupport"]),
        .testTarget(
            name: "PayCircleStoreTests",
            dependencies: ["PayCircleStore", "PayCircleSpatiaLite", "PayCirclePostGIS", "PayCircleCore", "PayCircleTestSupport", "CProj", "CSpatiaLite"]
        ),
        .testTarget(name: "PayCircleNetworkTests", dependencies: ["PayCircleNetwork", "PayCircleStore", "PayCircleSpatiaLite", "PayCircleCore", "PayCircleTestSupport"]),
        .testTarget(
            name: "PayCirclePlanningTests",
            dependencies: ["PayCirclePlanning", "PayCircleNetwork", "PayCircleStore", "PayCircleSpatiaLite", "PayCircleCore", "PayCircleTestSupport"]
        ),
        .testTarget(
            name: "PayCircleEngineTests",
            dependencies: ["PayCircleEngine", "PayCircleSimulation", "PayCircleStore", "PayCircleSpatiaLite", "PayCircleCore", "PayCircleTestSupport"]
        ),
        .testTarget(
            name: "PayCircleServerTests",
            dependencies: [
                "PayCircleServer", "PayCircleEngine", "PayCircleStore", "PayCircleSpatiaLite", "PayCirclePostGIS", "PayCircleCore", "PayCircleNetwork",
                "PayCircleTestSupport",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
