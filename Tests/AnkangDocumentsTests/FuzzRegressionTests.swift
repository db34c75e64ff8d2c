import AnkangDocuments
import Foundation
import Testing

/// Inputs the fuzzer (or a reading of the code it prompted) found to crash the process, to be rejected as
/// "schema and extractor disagree", to be accepted with misdecoded text, or to get wrong positions.
/// Each must now end in an ordinary finding: no trap, no ANK-INT, no valid verdict.
@Suite struct FuzzRegressionTests {
    static let folder = Samples.root.appendingPathComponent("Fuzz/regressions")
    static let files = Samples.files(in: folder) + Samples.files(in: folder, extension: "bin")

    @Test(arguments: files)
    func rejectedWithAnOrdinaryFinding(_ url: URL) {
        let report = Samples.validator.validateFile(at: url)
        let codes = report.diagnostics.map(\.code)
        #expect(!codes.contains { $0.hasPrefix("ANK-INT") }, "\(url.lastPathComponent): \(codes)")
        #expect(!report.isValid, "\(url.lastPathComponent) was accepted")
    }

    @Test func unboundedNumbersAndOddDatesAreSchemaErrors() {
        for name in ["sem042-huge-deduction-int-trap.xml", "sem041-violation-count-overflow.xml", "int002-xsdate-tz-deadline.xml",
                     "int002-xsdate-5digit-year-deadline.xml", "gyear-12011-silently-1201.xml", "int002-positiveInteger-over-int64-employees-total.xml"] {
            let report = Samples.validator.validateFile(at: Self.folder.appendingPathComponent(name))
            #expect(report.diagnostics.map(\.code).contains("ANK-XSD-004"), "\(name): \(report.diagnostics.map(\.code))")
        }
    }

    @Test func aLongXMLDeclarationStillHasItsEncodingChecked() {
        let report = Samples.validator.validateFile(at: Self.folder.appendingPathComponent("mojibake-accepted-decl-beyond-256.xml"))
        #expect(report.diagnostics.map(\.code) == ["ANK-ENC-002"])
        var padded = Array("<?xml version=\"1.0\"".utf8) + Array(repeating: UInt8(ascii: " "), count: 5000)
        padded += Array(" encoding=\"GBK\"?><monitoringRecord/>".utf8)
        #expect(Samples.validator.validate(padded).diagnostics.map(\.code) == ["ANK-ENC-001"])
    }

    @Test func lineNumbersFollowLibxml2ForLoneCarriageReturns() {
        // libxml2 2.9.14 counts LF only; the scanner and the sniffer count the same way, so a schema error's
        // line and column come from one consistent reckoning.
        let report = Samples.validator.validateFile(at: Self.folder.appendingPathComponent("cr-only-line-ends-column-1569.xml"))
        for finding in report.diagnostics {
            #expect(finding.line == nil || finding.line == 1, "\(finding)")
        }
    }
}
