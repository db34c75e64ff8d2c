import AnkangXML
import Testing

/// A small schema exercising the error kinds Ankang maps: element order, required attributes,
/// enumerations, patterns, unique and keyref constraints.
let toySchemaFiles = TrustedSchemaFiles([
    "types.xsd": Array("""
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test" elementFormDefault="qualified">
      <xs:simpleType name="Grade"><xs:restriction base="xs:token"><xs:enumeration value="general"/><xs:enumeration value="major"/></xs:restriction></xs:simpleType>
    </xs:schema>
    """.utf8),
    "main.xsd": Array("""
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test" xmlns:t="urn:test" elementFormDefault="qualified">
      <xs:include schemaLocation="types.xsd"/>
      <xs:element name="root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="date" type="xs:date"/>
            <xs:element name="hazard" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent><xs:extension base="xs:string">
                  <xs:attribute name="id" type="xs:token" use="required"/>
                  <xs:attribute name="grade" type="Grade" use="required"/>
                </xs:extension></xs:simpleContent>
              </xs:complexType>
            </xs:element>
            <xs:element name="check" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType><xs:attribute name="hazard" type="xs:token" use="required"/></xs:complexType>
            </xs:element>
          </xs:sequence>
          <xs:attribute name="code" use="optional"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z][0-9]"/></xs:restriction></xs:simpleType></xs:attribute>
        </xs:complexType>
        <xs:key name="hazardId"><xs:selector xpath="t:hazard"/><xs:field xpath="@id"/></xs:key>
        <xs:keyref name="checkRef" refer="hazardId"><xs:selector xpath="t:check"/><xs:field xpath="@hazard"/></xs:keyref>
      </xs:element>
    </xs:schema>
    """.utf8),
])

let toySchema: CompiledSchema = {
    do { return try CompiledSchema("main.xsd", from: toySchemaFiles) } catch { fatalError("\(error)") }
}()

func validateToy(_ text: String, limits: XMLLimits = .standard) -> XMLValidationResult<String> {
    validateToy(Array(text.utf8), limits: limits)
}

func validateToy(_ bytes: [UInt8], limits: XMLLimits = .standard) -> XMLValidationResult<String> {
    XMLValidator(limits: limits).validate(bytes, selectSchema: { _ in .validate(toySchema) }) { root, _ in
        root.children("hazard").map { $0.attribute("grade") ?? "?" }.joined(separator: ",")
    }
}

@Suite struct ValidatorTests {
    @Test func validDocumentReachesInspect() {
        let result = validateToy("""
        <?xml version="1.0" encoding="UTF-8"?>
        <root xmlns="urn:test" code="A1"><date>2011-07-01</date><hazard id="h1" grade="general">配电箱</hazard><hazard id="h2" grade="major"/><check hazard="h2"/></root>
        """)
        #expect(result.isValid)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value == "general,major")
    }

    @Test func schemaErrorsCarryRealColumnsAndPaths() throws {
        let result = validateToy("""
        <root xmlns="urn:test">
          <date>2011-07-01</date>
          <hazard id="h1" grade="general"/>
            <hazard id="h2"   grade="minor"/>
        </root>
        """)
        #expect(!result.isValid)
        #expect(result.value == nil)
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == "ANK-XSD-004")
        #expect(finding.line == 4)
        #expect(finding.column == 23)  // the attribute `grade`, not libxml2's column 0
        #expect(finding.path == "/root/hazard[2]/@grade")
        #expect(finding.zh.contains("minor"))
        #expect(!finding.en.contains("{urn:test}"))
    }

    @Test func elementErrorsPointAtTheStartTag() throws {
        let result = validateToy("<root xmlns=\"urn:test\"><hazard id=\"h1\" grade=\"general\"/></root>")
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == "ANK-XSD-001")
        #expect(finding.line == 1)
        #expect(finding.column == 24)
        #expect(finding.path == "/root/hazard")
    }

    @Test func identityConstraintsMapToTheirCodes() {
        let duplicate = validateToy("""
        <root xmlns="urn:test"><date>2011-07-01</date><hazard id="h1" grade="general"/><hazard id="h1" grade="major"/></root>
        """)
        #expect(duplicate.diagnostics.map(\.code).contains("ANK-XSD-005"))
        let dangling = validateToy("""
        <root xmlns="urn:test"><date>2011-07-01</date><hazard id="h1" grade="general"/><check hazard="h9"/></root>
        """)
        #expect(dangling.diagnostics.map(\.code).contains("ANK-XSD-006"))
    }

    @Test func missingAndUnexpectedAttributes() {
        let result = validateToy("""
        <root xmlns="urn:test" colour="red"><date>2011-07-01</date><hazard grade="general"/></root>
        """)
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.contains("ANK-XSD-002"))
        #expect(codes.contains("ANK-XSD-003"))
    }

    @Test func wellFormednessErrorsKeepTheParserColumn() throws {
        let result = validateToy("<root xmlns=\"urn:test\">\n  <date>2011-07-01</dat>\n</root>")
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == "ANK-XML-001")
        #expect(finding.line == 2)
        #expect(finding.column != nil)
    }

    /// Indentation between elements may be dropped while parsing, but never whitespace that belongs to a value:
    /// next to a comment, PI or CDATA section libxml2 cannot tell the two apart, so such documents keep it all.
    @Test(arguments: [
        ("<hazard id=\"h1\" grade=\"general\">  </hazard>", "  "),
        ("<hazard id=\"h1\" grade=\"general\">  <!-- note -->  </hazard>", "    "),
        ("<hazard id=\"h1\" grade=\"general\">  <?note x?></hazard>", "  "),
        ("<hazard id=\"h1\" grade=\"general\"> <![CDATA[配电箱]]></hazard>", " 配电箱"),
        ("<hazard id=\"h1\" grade=\"general\">\n    配电箱\n  </hazard>", "\n    配电箱\n  "),
    ])
    func whitespaceInsideValuesIsKept(hazard: String, text: String) {
        let document = "<root xmlns=\"urn:test\">\n  <date>2011-07-01</date>\n  \(hazard)\n</root>\n"
        let result = XMLValidator().validate(Array(document.utf8), selectSchema: { _ in .validate(toySchema) }) { root, _ in
            root.children("hazard").map(\.text)
        }
        #expect(result.isValid)
        #expect(result.value == [text])
    }

    @Test func findingsAreCapped() {
        var text = "<root xmlns=\"urn:test\"><date>2011-07-01</date>"
        for i in 0..<300 { text += "<hazard id=\"h\(i)\" grade=\"bad\"/>" }
        text += "</root>"
        let result = validateToy(text, limits: XMLLimits(maxDiagnostics: 10))
        #expect(result.diagnostics.count == 11)
        #expect(result.diagnostics.last?.code == "ANK-SEC-004")
    }

    @Test func schemaSelectionCanRejectWithAPosition() throws {
        let result = XMLValidator().validate(Array("<other xmlns=\"urn:x\"/>".utf8), selectSchema: { root in
            .reject(Diagnostic(.error, .unknownDocumentType, zh: "未知 \(root.name)", en: "unknown \(root.name)"))
        }, inspect: { _, _ in () })
        let finding = try #require(result.diagnostics.first)
        #expect(finding.code == "ANK-DOC-001")
        #expect(finding.path == "/other")
        #expect(finding.line == 1 && finding.column == 1)
    }
}
