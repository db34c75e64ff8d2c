import Testing
@testable import AnkangReports

@Suite struct CSVWriterTests {
    @Test func byteOrderMarkCRLFAndPadding() {
        let csv = CSVWriter.document(header: ["单位", "得分"], rows: [[.text("安康"), .integer(42)], [.text("只有一列")]])
        #expect(csv == "\u{FEFF}单位,得分\r\n安康,42\r\n只有一列,\r\n")
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func emptyHeaderWritesNoHeaderLine() {
        #expect(CSVWriter.document(header: [], rows: [[.integer(1)]]) == "\u{FEFF}1\r\n")
        #expect(CSVWriter.document(header: [], rows: []) == "\u{FEFF}")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", #""a,b""#),
        (#"say "hi""#, #""say ""hi""""#),
        ("line1\nline2", "\"line1\nline2\""),
        ("x\r\ny", "\"x\r\ny\""),
        ("", ""),
    ])
    func quoting(input: String, expected: String) {
        #expect(CSVWriter.document(header: [], rows: [[.text(input)]]) == "\u{FEFF}\(expected)\r\n")
    }

    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+86 123", "'+86 123"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=1,2", "\"'=1,2\""),
        ("a=b", "a=b"),
    ])
    func formulaInjectionGuard(input: String, expected: String) {
        #expect(CSVWriter.document(header: [], rows: [[.text(input)]]) == "\u{FEFF}\(expected)\r\n")
    }

    @Test func guardAppliesToHeaderButNotNumbers() {
        let csv = CSVWriter.document(header: ["=x"], rows: [[.integer(-5)], [.number(-1.5, decimals: 1)], [.percent(-0.25, decimals: 0)]])
        #expect(csv == "\u{FEFF}'=x\r\n-5\r\n-1.5\r\n-25\r\n")
    }

    @Test(arguments: [
        (SheetCell.number(0.125, decimals: 2), "0.13"),
        (.number(2.5, decimals: 0), "3"),
        (.number(-2.5, decimals: 0), "-3"),
        (.number(2.05, decimals: 1), "2.1"),
        (.number(1.005, decimals: 2), "1.01"),
        (.number(9.995, decimals: 2), "10.00"),
        (.number(0.5, decimals: 3), "0.500"),
        (.number(1234567.891, decimals: 2), "1234567.89"),
        (.number(1e-5, decimals: 3), "0.000"),
        (.number(0.00051, decimals: 3), "0.001"),
        (.number(-0.0001, decimals: 2), "0.00"),
        (.number(1e20, decimals: 0), "100000000000000000000"),
        (.number(7, decimals: -1), "7"),
        (.number(.nan, decimals: 1), ""),
        (.number(-.infinity, decimals: 1), ""),
        (.percent(0.953, decimals: 1), "95.3"),
        (.percent(0.0125, decimals: 1), "1.3"),
        (.percent(1, decimals: 0), "100"),
        (.percent(0.5, decimals: 2), "50.00"),
        (.integer(-42), "-42"),
        (.date(year: 2011, month: 6, day: 1), "2011-06-01"),
        (.date(year: 2024, month: 2, day: 29), "2024-02-29"),
        (.date(year: 2023, month: 2, day: 29), ""),
        (.date(year: 2011, month: 13, day: 1), ""),
        (.empty, ""),
    ])
    func valueFormatting(cell: SheetCell, expected: String) {
        #expect(CSVWriter.document(header: [], rows: [[cell]]) == "\u{FEFF}\(expected)\r\n")
    }
}
