// swift-tools-version:6.1
import PackageDescription

/// Ankang: validate, score, store and report trade-union labour-protection inspection submissions.
///
/// Pipeline (dependencies point downwards only):
///   ankang (CLI) → AnkangDocuments → AnkangXML → CLibXML2
///                         ↓
///                    AnkangModel (pure domain types)
let package = Package(
    name: "Ankang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ankang", targets: ["ankang"]),
        .library(name: "AnkangDocuments", targets: ["AnkangDocuments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The only C in the project: libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Hardened parsing and XSD validation; the only module that imports CLibXML2.
        .target(name: "AnkangXML", dependencies: ["CLibXML2"]),
        // Pure domain types and identifier checks; Foundation only.
        .target(name: "AnkangModel"),
        // Bundled schemas and catalogues, document detection, XML → model extraction, semantic rules.
        .target(
            name: "AnkangDocuments",
            dependencies: ["AnkangXML", "AnkangModel"],
            plugins: [.plugin(name: "EmbedSchemas")]
        ),
        .executableTarget(
            name: "ankang",
            dependencies: [
                "AnkangDocuments",
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
        .testTarget(name: "AnkangCLITests", dependencies: ["ankang"]),
    ],
    swiftLanguageModes: [.v6]
)
