import Foundation
import Testing

/// `ankang validate`, run as a separate process on the samples.
@Suite struct ValidateCommandTests {
    @Test func validFolderExitsZeroWithASummary() throws {
        let result = try AnkangBinary.run(["validate", AnkangBinary.samples("valid")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.lines.count == 1)
        let summary = try #require(result.lines.last)
        #expect(summary.contains("个文件") && summary.contains("files checked"))
        #expect(summary.contains("0 invalid"))
    }

    @Test func invalidFileExitsOneWithCompilerStyleLines() throws {
        let result = try AnkangBinary.run(["validate", AnkangBinary.samples("invalid")])
        #expect(result.status == 1)
        let findings = result.lines.dropLast()
        #expect(!findings.isEmpty)
        // path:line:column: error|warning: message [/element/path] (CODE), with line/column left out only when unknown.
        let pattern = #/^[^:]+\.(xml|zip|bin)(:\d+(:\d+)?)?: (error|warning): .+ \(ANK-[A-Z]+-\d{3}\)$/#
        for line in findings {
            #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
        }
        #expect(findings.contains { $0.contains(" [/") })
    }

    @Test func schemaErrorsHaveRealColumns() throws {
        let result = try AnkangBinary.run(["validate", "--lang", "en", AnkangBinary.samples("invalid")])
        let xsd = result.lines.filter { $0.contains("(ANK-XSD-") }
        #expect(!xsd.isEmpty)
        for line in xsd {
            #expect(line.wholeMatch(of: #/^[^:]+\.xml:\d+:[1-9]\d*: .*/#) != nil, "no real column: \(line)")
        }
    }

    @Test func languageSelection() throws {
        let english = try AnkangBinary.run(["validate", "--lang", "en", AnkangBinary.samples("invalid")])
        let han = #/\p{Han}/#
        for line in english.lines {
            // File names and quoted document values may be Chinese; the message frame must not be.
            #expect(line.replacing(#/“[^”]*”|'[^']*'|\"[^\"]*\"/#, with: "").contains(han) == false || line.contains("'"), "\(line)")
        }
        let chinese = try AnkangBinary.run(["validate", "--lang", "zh", AnkangBinary.samples("valid")])
        #expect(chinese.lines.last?.contains("files checked") == false)
    }

    @Test func jsonCarriesTheSameFindings() throws {
        let text = try AnkangBinary.run(["validate", AnkangBinary.samples("invalid")])
        let json = try AnkangBinary.run(["validate", "--format", "json", AnkangBinary.samples("invalid")])
        #expect(json.status == text.status)
        struct Output: Decodable {
            struct File: Decodable { var path: String; var valid: Bool; var diagnostics: [Finding] }
            struct Finding: Decodable { var severity: String; var code: String; var zh: String; var en: String; var line: Int?; var column: Int?; var path: String? }
            struct Summary: Decodable { var files: Int; var valid: Int; var invalid: Int; var warnings: Int }
            var files: [File]
            var summary: Summary
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(json.stdout.utf8))
        #expect(output.files.flatMap(\.diagnostics).count == text.lines.count - 1)
        #expect(output.summary.files == output.files.count)
        #expect(output.summary.invalid == output.files.filter { !$0.valid }.count)
    }

    @Test func outputOrderIsDeterministicWhateverTheParallelism() throws {
        let one = try AnkangBinary.run(["validate", "--jobs", "1", AnkangBinary.samples("")])
        let many = try AnkangBinary.run(["validate", "--jobs", "8", AnkangBinary.samples("")])
        #expect(one.stdout == many.stdout)
        #expect(one.status == many.status)
    }

    @Test func usageAndIOErrorsExitTwo() throws {
        let missing = try AnkangBinary.run(["validate", "/nonexistent/file.xml"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no such file"))
        let badOption = try AnkangBinary.run(["validate", "--format", "yaml", AnkangBinary.samples("valid")])
        #expect(badOption.status == 2)
        let noPath = try AnkangBinary.run(["validate"])
        #expect(noPath.status == 2)
        let badSchemas = try AnkangBinary.run(["validate", "--schemas", "/nonexistent", AnkangBinary.samples("valid")])
        #expect(badSchemas.status == 2)
    }

    @Test func schemasCanComeFromAFolder() throws {
        // A copy of schemas/ without the 2012 catalogue: 2012 submissions now name an unknown catalogue.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-schemas-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: AnkangBinary.packageRoot.appendingPathComponent("schemas"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("catalogue/catalogue-2012.xml"))
        let result = try AnkangBinary.run(["validate", "--schemas", folder.path, AnkangBinary.samples("valid")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("(ANK-SEM-010)"))
        let embedded = try AnkangBinary.run(["validate", AnkangBinary.samples("valid")])
        #expect(embedded.status == 0)
    }

    @Test func sizeCapIsConfigurable() throws {
        let result = try AnkangBinary.run(["validate", "--max-bytes", "1000", AnkangBinary.samples("valid")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("(ANK-IO-002)"))
    }
}
