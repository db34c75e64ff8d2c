import Testing

@testable import AnkangReports

@Suite struct XMLTextTests {
    @Test func escapesMarkupCharacters() {
        #expect(XMLText.escape(#"<a & "b" 'c'>"#) == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;")
        #expect(XMLText.escape("隐患\u{1}\tA") == "隐患\tA")
    }

    @Test func idsAreSanitised() {
        #expect(XMLText.sanitizedID("hazards-by_month") == "hazards-by_month")
        #expect(XMLText.sanitizedID("隐患 chart") == "c----chart")
        #expect(XMLText.sanitizedID("2024") == "c-2024")
        #expect(XMLText.sanitizedID("") == "c-")
    }
}
