import Foundation
import Testing

/// A generated corpus of realistic submissions (tools/gen-corpus.py): on every file, `ankang validate`
/// must agree with xmllint on schema validity and with the generator's manifest on the full verdict and
/// the expected finding code (tools/compare-verdicts.py).
@Suite struct CorpusAgreementTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug binary that `swift build` (run by tools/test before the tests) writes.
    static let ankang: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ankang")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/ankang")
    }()

    static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let xmllintInstalled = findExecutable("xmllint") != nil

    struct Run {
        var status: Int32
        var output: String
    }

    /// Runs `python3 ARGUMENTS` from the package root, stdout and stderr together.
    static func python(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func generate(into folder: URL, count: Int, seed: Int, startIndex: Int = 0) throws -> Run {
        try python(["tools/gen-corpus.py", "--count", "\(count)", "--seed", "\(seed)", "--invalid-share", "0.1",
                    "--out", folder.path, "--start-index", "\(startIndex)"])
    }

    @Test(.enabled(if: xmllintInstalled, "xmllint is not installed (Debian: apt-get install libxml2-utils); corpus agreement not checked"))
    func ankangAgreesWithXmllintAndManifestOnGeneratedCorpus() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.ankang.path), "build first: swift build")
        let corpus = try AnkangBinary.temporaryFolder("corpus")
        defer { try? FileManager.default.removeItem(at: corpus) }

        let generated = try Self.generate(into: corpus, count: 120, seed: 2011)
        try #require(generated.status == 0, "gen-corpus.py failed:\n\(generated.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".xml") }
        #expect(files.count == 120)

        let compared = try Self.python(["tools/compare-verdicts.py", corpus.path, "--ankang", Self.ankang.path])
        #expect(compared.status == 0, "ankang disagrees with xmllint or the manifest:\n\(compared.output)")
        #expect(compared.output.contains("schema level:  120/120 agree"), "\(compared.output)")
    }

    /// Same arguments give byte-identical files, and a corpus generated in two chunks equals one
    /// generated at once (each file depends only on the seed and its index).
    @Test func generatorIsDeterministicAndChunkable() throws {
        let whole = try AnkangBinary.temporaryFolder("whole")
        let chunked = try AnkangBinary.temporaryFolder("chunked")
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: chunked)
        }
        try #require(try Self.generate(into: whole, count: 24, seed: 7).status == 0)
        try #require(try Self.generate(into: chunked, count: 10, seed: 7).status == 0)
        try #require(try Self.generate(into: chunked, count: 14, seed: 7, startIndex: 10).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: chunked.path).sorted()))
        #expect(names.contains("manifest.tsv") && names.count == 25)
        for name in names {
            let a = try Data(contentsOf: whole.appendingPathComponent(name))
            let b = try Data(contentsOf: chunked.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between a whole and a chunked run")
        }
    }
}
