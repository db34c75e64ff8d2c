// swift-tools-version:6.1
import PackageDescription

/// Ankang: validate, score, store and report trade-union labour-protection inspection submissions.
///
/// Pipeline (dependencies point downwards only):
///   ankang (CLI: validate, score) → AnkangDocuments → AnkangXML → CLibXML2, CDocumentArena
///   ankang-log (CLI: ingest, report, serve, users, db) → AnkangServer, AnkangReports, AnkangIntake, AnkangStore
///                         ↓
///                    AnkangModel (pure domain types)
let package = Package(
    name: "Ankang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ankang", targets: ["ankang"]),
        .executable(name: "ankang-log", targets: ["ankang-log"]),
        .library(name: "AnkangDocuments", targets: ["AnkangDocuments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The allocator AnkangXML gives libxml2: one bump arena per thread and document (C for its thread-local).
        .target(name: "CDocumentArena"),
        // Hardened parsing and XSD validation; the only module that imports CLibXML2.
        .target(name: "AnkangXML", dependencies: ["CLibXML2", "CDocumentArena"]),
        // Pure domain types and identifier checks; Foundation only.
        .target(name: "AnkangModel"),
        // Bundled schemas and catalogues, document detection, XML → model extraction, semantic rules.
        .target(
            name: "AnkangDocuments",
            dependencies: ["AnkangXML", "AnkangModel"],
            plugins: [.plugin(name: "EmbedSchemas")]
        ),
        // The scoring engine: typed submissions and a scoring profile in, an explained score out. Pure.
        .target(name: "AnkangScoring", dependencies: ["AnkangModel"]),
        // The inspection log: one storage protocol, SQLite (GRDB) and PostgreSQL (postgres-nio) implementations.
        .target(
            name: "AnkangStore",
            dependencies: [
                "AnkangModel", "AnkangScoring",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the writer's per-row inserts directly (SQLiteBinding.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The one intake path shared by the CLI and the server: validate → extract → score → record.
        .target(
            name: "AnkangIntake",
            dependencies: [
                "AnkangDocuments", "AnkangScoring", "AnkangStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Reports built from the log: hazard trends, scorecards, watchlist; rendered as HTML+SVG, CSV, XLSX, JSON.
        .target(name: "AnkangReports", dependencies: ["AnkangModel", "AnkangScoring", "AnkangStore"]),
        // The HTTP service and web UI: uploads, reads and reports over the same intake and store, with tokens, passwords
        // and jurisdictions.
        .target(
            name: "AnkangServer",
            dependencies: [
                "AnkangDocuments", "AnkangIntake", "AnkangReports", "AnkangStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What both command-line binaries share: schema and output options, the finding printer, exit statuses.
        .target(
            name: "AnkangCommandLine",
            dependencies: ["AnkangDocuments", "AnkangXML", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `ankang`: the offline commands (validate, score); hands the inspection-log commands to `ankang-log`.
        .executableTarget(
            name: "ankang",
            dependencies: [
                "AnkangCommandLine",
                "AnkangDocuments",
                "AnkangScoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `ankang-log`: the inspection-log commands (ingest, report, serve, users, db), run as `ankang NAME`.
        .executableTarget(
            name: "ankang-log",
            dependencies: [
                "AnkangCommandLine",
                "AnkangDocuments",
                "AnkangIntake",
                "AnkangReports",
                "AnkangServer",
                "AnkangStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns schemas/ into Swift source so the schemas travel inside the binary.
        .executableTarget(name: "ankang-embed", path: "Sources/ankang-embed"),
        .plugin(
            name: "EmbedSchemas",
            capability: .buildTool(),
            dependencies: ["ankang-embed"]
        ),

        .testTarget(name: "AnkangXMLTests", dependencies: ["AnkangXML"]),
        .testTarget(name: "AnkangModelTests", dependencies: ["AnkangModel"]),
        .testTarget(name: "AnkangDocumentsTests", dependencies: ["AnkangDocuments"]),
        .testTarget(
            name: "AnkangScoringTests",
            dependencies: [
                "AnkangScoring", "AnkangDocuments",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "AnkangStoreTests", dependencies: ["AnkangStore", "AnkangScoring", "AnkangIntake", "AnkangDocuments"]),
        .testTarget(
            name: "AnkangReportsTests",
            dependencies: [
                "AnkangReports", "AnkangStore", "AnkangIntake", "AnkangDocuments",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "AnkangServerTests",
            dependencies: [
                "AnkangServer", "AnkangStore", "AnkangIntake", "AnkangDocuments", "AnkangReports",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "AnkangCLITests", dependencies: ["ankang", "ankang-log"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target over parse + validate + semantic rules, built only by `tools/fuzz`
// (ANKANG_FUZZ=1, with -sanitize=fuzzer), so normal builds never need the fuzzer runtime.
if Context.environment["ANKANG_FUZZ"] != nil {
    // Instrument the code under test too (coverage feedback for libFuzzer, AddressSanitizer checks),
    // not just the harness. libxml2 itself is the uninstrumented system library.
    let fuzzed: Set<String> = ["AnkangXML", "AnkangModel", "AnkangDocuments"]
    for target in package.targets where fuzzed.contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer,address"])]
    }
    // libxml2 allocates through malloc under the fuzzer (no document arena), so AddressSanitizer sees its heap.
    if let xml = package.targets.first(where: { $0.name == "AnkangXML" }) {
        xml.swiftSettings = (xml.swiftSettings ?? []) + [.define("ANKANG_SYSTEM_ALLOCATOR")]
    }
    package.targets.append(
        .executableTarget(
            name: "ankang-fuzz",
            dependencies: ["AnkangDocuments", "AnkangXML", "AnkangModel"],
            path: "Fuzz/ankang-fuzz",
            swiftSettings: [
                .unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"]),
                // `@_extern(c)` declares libFuzzer's `LLVMFuzzerRunDriver` (see FuzzTarget.swift).
                .enableExperimentalFeature("Extern"),
            ],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        )
    )
}
