import AnkangXML
import Foundation
import Testing

/// Every file is hostile until validated. Each case asserts the outcome, that it was decided quickly,
/// and that nothing outside the trusted schema set was loaded.
@Suite struct HostileInputTests {
    /// A local file whose content must never surface anywhere.
    static let canary: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-canary-\(getpid()).txt")
        try? "CANARY-7f3a9e-SECRET".write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    /// Validates `bytes` and checks the common promises: finished within `seconds`, no load reached
    /// the entity loader, and the canary text appears in no finding.
    func expectRejected(_ bytes: [UInt8], code: String, within seconds: Double = 2, limits: XMLLimits = .standard,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let refusalsBefore = LibXML.refusedLoads
        let clock = ContinuousClock()
        var result: XMLValidationResult<String>?
        let elapsed = clock.measure { result = validateToy(bytes, limits: limits) }
        guard let result else { return }
        #expect(!result.isValid, sourceLocation: sourceLocation)
        #expect(result.value == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.map(\.code).contains(code), "\(result.diagnostics)", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(seconds), "took \(elapsed)", sourceLocation: sourceLocation)
        #expect(LibXML.refusedLoads == refusalsBefore, "the entity loader was asked for something", sourceLocation: sourceLocation)
        #expect(!result.diagnostics.contains { $0.zh.contains("CANARY") || $0.en.contains("CANARY") }, sourceLocation: sourceLocation)
        #expect(LibXML.entityLoaderIsTrustedOnly, sourceLocation: sourceLocation)
    }

    func expectRejected(_ text: String, code: String, within seconds: Double = 2, limits: XMLLimits = .standard,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        expectRejected(Array(text.utf8), code: code, within: seconds, limits: limits, sourceLocation: sourceLocation)
    }

    @Test func externalEntityToALocalFile() {
        expectRejected("""
        <?xml version="1.0"?>
        <!DOCTYPE root [<!ENTITY x SYSTEM "file://\(Self.canary.path)">]>
        <root xmlns="urn:test"><date>2011-07-01</date><hazard id="h" grade="general">&x;</hazard></root>
        """, code: "ANK-SEC-001")
    }

    @Test func externalEntityOverTheNetwork() {
        expectRejected("""
        <!DOCTYPE root [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>
        <root xmlns="urn:test"><date>2011-07-01</date><hazard id="h" grade="general">&x;</hazard></root>
        """, code: "ANK-SEC-001")
    }

    @Test func externalParameterEntity() {
        expectRejected("""
        <!DOCTYPE root [<!ENTITY % p SYSTEM "file://\(Self.canary.path)"> %p;]>
        <root xmlns="urn:test"/>
        """, code: "ANK-SEC-001")
    }

    @Test func externalDTD() {
        expectRejected("<!DOCTYPE root SYSTEM \"file://\(Self.canary.path)\"><root xmlns=\"urn:test\"/>", code: "ANK-SEC-001")
    }

    @Test func billionLaughs() {
        var dtd = "<!ENTITY l0 \"ha\">"
        for level in 1...10 { dtd += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        expectRejected("<!DOCTYPE root [\(dtd)]><root xmlns=\"urn:test\">&l10;</root>", code: "ANK-SEC-001", within: 1)
    }

    @Test func quadraticBlowupInAnAttribute() {
        let entity = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&e;", count: 50_000)
        expectRejected("""
        <!DOCTYPE root [<!ENTITY e "\(entity)">]>
        <root xmlns="urn:test" code="\(references)"><date>2011-07-01</date><hazard id="h" grade="general"/></root>
        """, code: "ANK-SEC-001", within: 1)
    }

    @Test func doctypeAfterCommentsAndInOddCase() {
        expectRejected("<?xml version=\"1.0\"?>\n<!-- harmless -->\n<!doctype root>\n<root xmlns=\"urn:test\"/>", code: "ANK-SEC-001")
        expectRejected("\u{FEFF}<!DOCTYPE root><root xmlns=\"urn:test\"/>", code: "ANK-SEC-001")
    }

    @Test func undefinedEntityIsNotWellFormed() {
        expectRejected("<root xmlns=\"urn:test\"><date>&secret;</date></root>", code: "ANK-XML-001")
    }

    @Test func deepNesting() {
        let depth = 100_000
        let text = "<root xmlns=\"urn:test\">" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</root>"
        expectRejected(text, code: "ANK-SEC-002", within: 1, limits: XMLLimits(maxBytes: 16 << 20))
    }

    @Test func manyAttributesAreRefusedBeforeLibxml2Sees_them() {
        // libxml2 2.9.14 needs about 54 s for 100,000 attributes in one tag.
        var text = "<root xmlns=\"urn:test\""
        for i in 0..<100_000 { text += " a\(i)=\"1\"" }
        text += "/>"
        expectRejected(text, code: "ANK-SEC-003", within: 1, limits: XMLLimits(maxBytes: 16 << 20))
    }

    @Test func hugeTextNodeWithinTheSizeCapIsHandledQuickly() {
        let text = "<root xmlns=\"urn:test\"><date>2011-07-01</date><hazard id=\"h\" grade=\"general\">"
            + String(repeating: "隐患描述", count: 300_000) + "</hazard></root>"
        let clock = ContinuousClock()
        var result: XMLValidationResult<String>?
        let elapsed = clock.measure { result = validateToy(text, limits: XMLLimits(maxBytes: 8 << 20)) }
        #expect(result?.isValid == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func oversizeFileIsRefusedUnread() {
        let text = "<root xmlns=\"urn:test\">" + String(repeating: " ", count: 5 << 20) + "</root>"
        expectRejected(text, code: "ANK-IO-002", within: 0.5)
    }

    @Test func schemaLocationHintsAreIgnored() {
        let refusalsBefore = LibXML.refusedLoads
        let result = validateToy("""
        <root xmlns="urn:test" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              xsi:schemaLocation="urn:test http://127.0.0.1:9/evil.xsd urn:x file://\(Self.canary.path)">
          <date>2011-07-01</date><hazard id="h" grade="general"/>
        </root>
        """)
        #expect(result.isValid)
        #expect(LibXML.refusedLoads == refusalsBefore)
    }

    @Test func xincludeIsNotProcessed() {
        let refusalsBefore = LibXML.refusedLoads
        let result = validateToy("""
        <root xmlns="urn:test" xmlns:xi="http://www.w3.org/2001/XInclude">
          <date>2011-07-01</date><xi:include href="file://\(Self.canary.path)" parse="text"/>
        </root>
        """)
        #expect(!result.isValid)
        #expect(result.diagnostics.first?.code == "ANK-XSD-001")
        #expect(LibXML.refusedLoads == refusalsBefore)
    }

    // MARK: File formats

    @Test func emptyFile() { expectRejected([], code: "ANK-FMT-001") }

    @Test func zipAndGzipAreNotUnpacked() {
        expectRejected([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], code: "ANK-FMT-003")
        expectRejected([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], code: "ANK-FMT-003")
    }

    @Test func binaryFile() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[10] = 0
        bytes[0] = 0x41
        expectRejected(bytes, code: "ANK-FMT-002")
        expectRejected([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31], code: "ANK-FMT-002")
    }

    @Test func truncatedFile() {
        expectRejected("<root xmlns=\"urn:test\"><date>2011-07-01</date><hazard id=\"h\" gra", code: "ANK-XML-001")
    }

    // MARK: Encodings

    static let chineseDocument = "<root xmlns=\"urn:test\"><date>2011-07-01</date><hazard id=\"h\" grade=\"general\">临泽镇𠀀配电箱</hazard></root>"

    @Test func gb18030DocumentsDecodeCorrectly() throws {
        for label in ["GB18030", "GBK", "GB2312"] {
            let text = "<?xml version=\"1.0\" encoding=\"\(label)\"?>\n" + Self.chineseDocument.replacingOccurrences(of: "𠀀", with: label == "GB18030" ? "𠀀" : "")
            let bytes = try #require(gb18030(text))
            let result = XMLValidator().validate(bytes, selectSchema: { _ in .validate(toySchema) }) { root, _ in
                root.child("hazard")?.text ?? ""
            }
            #expect(result.isValid, "\(label): \(result.diagnostics)")
            #expect(result.value == (label == "GB18030" ? "临泽镇𠀀配电箱" : "临泽镇配电箱"))
            #expect(result.encoding == .gb18030)
        }
    }

    @Test func utf16WithByteOrderMarkAndUTF8WithBOM() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + Self.chineseDocument
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let result = validateToy(bytes)
            #expect(result.isValid, "\(result.diagnostics)")
        }
        let bom = validateToy([0xEF, 0xBB, 0xBF] + Array(Self.chineseDocument.utf8))
        #expect(bom.isValid)
    }

    @Test func utf8LabelledAsGB18030IsRefusedNotMojibaked() {
        expectRejected("<?xml version=\"1.0\" encoding=\"GB18030\"?>\n" + Self.chineseDocument, code: "ANK-ENC-002")
    }

    @Test func gbkBytesLabelledAsUTF8() throws {
        let bytes = try #require(gb18030("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Self.chineseDocument))
        expectRejected(bytes, code: "ANK-ENC-002")
    }

    /// Ankang leaves the UTF-8 check to libxml2, which rejects malformed UTF-8 wherever it is, and looks for
    /// the bad bytes only to word the error: so every malformed sequence at every place of a document that uses
    /// each construct (names, attributes, text, comments, PIs, CDATA, after the root) must come out as ANK-ENC-002.
    @Test func malformedUTF8AnywhereIsAnEncodingMismatch() {
        let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        let body = Array("""
        <root xmlns="urn:test" code="A1"><!-- 备注 --><?note 临泽?>
        <date>2011-07-01</date><hazard id="h1" grade="general">配电箱<![CDATA[线路]]></hazard></root>
        <!-- 完 -->
        """.utf8)
        #expect(validateToy(declaration + body).isValid)
        let malformed: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                                    [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xB8], [0xC3, 0x28]]
        var accepted: [String] = []
        for offset in body.indices where body[offset] & 0xC0 != 0x80 {
            for sequence in malformed {
                let bytes = declaration + body[..<offset] + sequence + body[offset...]
                let result = validateToy(bytes)
                let line = 2 + body[..<offset].filter { $0 == 0x0A }.count
                if result.diagnostics.map(\.code) != ["ANK-ENC-002"] || result.diagnostics.first?.line != line {
                    accepted.append("\(sequence) at \(offset): \(result.diagnostics.map { "\($0.code) line \($0.line ?? 0)" })")
                }
            }
        }
        #expect(accepted.isEmpty, "\(accepted.prefix(5))")
        // Well-formed UTF-8 that is not an XML character is libxml2's finding.
        expectRejected("<root xmlns=\"urn:test\"><date>2011-07-01</date><hazard id=\"h\" grade=\"general\">\u{FFFE}</hazard></root>",
                       code: "ANK-XML-001")
    }

    @Test func unsupportedAndContradictoryEncodings() {
        expectRejected("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><root xmlns=\"urn:test\"/>", code: "ANK-ENC-001")
        expectRejected("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><root xmlns=\"urn:test\"/>", code: "ANK-ENC-001")
        expectRejected([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"GBK\"?><root xmlns=\"urn:test\"/>".utf8), code: "ANK-ENC-003")
        let mislabelled = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root xmlns=\"urn:test\"/>"
        let utf16: [UInt8] = mislabelled.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        expectRejected([0xFF, 0xFE] + utf16, code: "ANK-ENC-003")
        expectRejected(utf16, code: "ANK-ENC-001")
        expectRejected([0xFF, 0xFE, 0x3C, 0x00, 0x72], code: "ANK-ENC-002")
        expectRejected("<?xml version=\"1.0\" encoding=\"UTF-16\"?><root xmlns=\"urn:test\"/>", code: "ANK-ENC-002")
        expectRejected([0xFF, 0xFE, 0x00, 0xD8, 0x3C, 0x00], code: "ANK-ENC-002")  // lone surrogate
    }

    /// Encodes with glibc's iconv, independently of libxml2.
    func gb18030(_ text: String) -> [UInt8]? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let inputCount = input.count
        let outputCount = output.count
        return input.withUnsafeMutableBufferPointer { inBuffer -> [UInt8]? in
            output.withUnsafeMutableBufferPointer { outBuffer -> [UInt8]? in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inputCount
                var outLeft = outputCount
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return nil }
                return outBuffer[0..<(outputCount - outLeft)].map { UInt8(bitPattern: $0) }
            }
        }
    }
}
