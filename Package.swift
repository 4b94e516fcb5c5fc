// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Swift 6 language mode everywhere, with existential `any` spelled out.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// `make fuzz` sets EVIDENT_FUZZ to the path of libFuzzer's `fuzzer_no_main` runtime: the core and
/// the harness are then built with libFuzzer's coverage instrumentation and AddressSanitizer, and
/// the harness drives libFuzzer from its own entry point. Normal builds never see these flags.
let fuzzerRuntime = ProcessInfo.processInfo.environment["EVIDENT_FUZZ"]
let fuzzSwiftSettings: [SwiftSetting] = fuzzerRuntime == nil ? [] : [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")]
let fuzzLinkerSettings: [LinkerSetting] = fuzzerRuntime.map {
    [.unsafeFlags(["-sanitize=address", "-use-ld=lld", "-Xlinker", $0, "-lstdc++"])]
} ?? []

let package = Package(
    name: "Evident",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "evident", targets: ["evident"]),
        .library(name: "EvidentCore", targets: ["EvidentCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        // The version swift-nio-ssl 2.37.6 resolves to, pinned: NIO's channels and HTTP/1 codec.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        // The team store's PostgreSQL client.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // The logger type PostgresNIO's API takes (Evident passes one that discards everything).
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // The whole product: domain, checklist loader, store, vault, reports, diff, export, scan.
        .target(
            name: "EvidentCore",
            dependencies: [
                "CLibYAML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings + fuzzSwiftSettings,
            plugins: ["EmbedResourcesPlugin"]
        ),
        // The system's libyaml (Debian: libyaml-dev), the parser under the checklist loader.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The command line: parse, call EvidentCore, print, map errors to exit codes.
        .executableTarget(
            name: "evident",
            dependencies: [
                "EvidentCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // libFuzzer harness for the checklist loader, review CSV and bundle reader (`make fuzz`).
        .executableTarget(
            name: "EvidentFuzz",
            dependencies: ["EvidentCore"],
            swiftSettings: swiftSettings + fuzzSwiftSettings,
            linkerSettings: fuzzLinkerSettings
        ),
        // Build-time tool: turns Templates/ and Checklists/liasonpay/ into Swift string literals.
        .executableTarget(name: "EmbedResources", swiftSettings: swiftSettings),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResources"]
        ),
        .target(
            name: "EvidentTestSupport",
            dependencies: ["EvidentCore"],
            path: "Tests/EvidentTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidentCoreTests",
            dependencies: ["EvidentCore", "EvidentTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvidentCLITests",
            dependencies: [
                "EvidentCore", "EvidentTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
