import Foundation
import Testing
@testable import AnkangReports

@Suite struct XLSXWriterTests {
    static let sample = [
        Sheet(
            name: "检查/汇总",
            header: ["单位名称", "隐患数", "整改率", "检查日期", "备注"],
            rows: [
                [.text("安康市总工会"), .integer(42), .percent(0.953, decimals: 1), .date(year: 2011, month: 6, day: 1), .number(.nan, decimals: 2)],
                [.text("A & B <\"'>\u{1}"), .number(2.5, decimals: 2), .empty, .date(year: 1850, month: 1, day: 1)],
            ]
        ),
        Sheet(name: "检查/汇总", header: [], rows: [[.integer(1)]]),
    ]

    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func outputIsDeterministic() {
        #expect(XLSXWriter.workbook(Self.sample) == XLSXWriter.workbook(Self.sample))
        #expect(XLSXWriter.workbook([]) == XLSXWriter.workbook([]))
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnNames(index: Int, expected: String) {
        #expect(XLSXWriter.columnName(index) == expected)
    }

    @Test func sheetNamesAreSanitised() {
        let names = XLSXWriter.sheetNames(["a[b]c:d*e?f/g\\h", "", "  ", "'quoted'", "tab\there", String(repeating: "检", count: 40)])
        #expect(names == ["a_b_c_d_e_f_g_h", "Sheet2", "Sheet3", "quoted", "tabhere", String(repeating: "检", count: 31)])
    }

    @Test func sheetNamesAreUniqueIgnoringCase() {
        #expect(XLSXWriter.sheetNames(["Data", "data", "DATA", "Data (2)"]) == ["Data", "data (2)", "DATA (3)", "Data (2) (2)"])
        #expect(XLSXWriter.sheetNames(["History", "Sheet3", "", ""]) == ["History (2)", "Sheet3", "Sheet3 (2)", "Sheet4"])
    }

    @Test func sheetNamesStayWithin31UTF16Units() {
        let long = String(repeating: "x", count: 31)
        let names = XLSXWriter.sheetNames([long, long, String(repeating: "😀", count: 20)])
        #expect(names == [long, String(repeating: "x", count: 27) + " (2)", String(repeating: "😀", count: 15)])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func xmlEscaping() {
        #expect(XMLText.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLText.escape("x\u{0}\u{8}\u{1F}\t\n\r\u{FFFE}\u{FFFF}y安") == "x\t\n\ry安")
    }

    @Test func excelDateSerials() {
        #expect(excelSerial(year: 2011, month: 6, day: 1) == 40695)
        #expect(excelSerial(year: 1899, month: 12, day: 31) == nil)
        #expect(excelSerial(year: 1900, month: 1, day: 1) == 1)
        #expect(excelSerial(year: 1900, month: 2, day: 28) == 59)
        #expect(excelSerial(year: 1900, month: 3, day: 1) == 61)
        #expect(excelSerial(year: 1970, month: 1, day: 1) == 25569)
        #expect(excelSerial(year: 9999, month: 12, day: 31) == 2_958_465)
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("安康ab") == 6)
        #expect(displayWidth("（全角）") == 8)
        #expect(displayWidth("long line\nab") == 9)
    }

    @Test(.enabled(if: pythonAvailable)) func zipAndXMLParseWithPythonStandardLibrary() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-export-\(UUID().uuidString).xlsx")
        try Data(XLSXWriter.workbook(Self.sample)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let result = try runPython(Self.checkScript, arguments: [url.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("OK\n"), "\(result.output)")
    }

    /// Checks the archive and every part; expected Chinese text is written as escapes.
    static let checkScript = #"""
import sys, zipfile
import xml.etree.ElementTree as ET

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
assert names == ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'xl/workbook.xml',
                 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
                 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'], names
for info in z.infolist():
    assert info.compress_type == zipfile.ZIP_STORED, info
    assert info.flag_bits & 0x800, info
    assert info.date_time == (1980, 1, 1, 0, 0, 0), info
parts = {name: ET.fromstring(z.read(name)) for name in names}

workbook = parts['xl/workbook.xml']
sheets = workbook.findall('m:sheets/m:sheet', NS)
assert [s.get('name') for s in sheets] == ['\u68c0\u67e5_\u6c47\u603b', '\u68c0\u67e5_\u6c47\u603b (2)']
assert [s.get(R) for s in sheets] == ['rId1', 'rId2']
defined = workbook.findall('m:definedNames/m:definedName', NS)
assert len(defined) == 1 and defined[0].text == "'\u68c0\u67e5_\u6c47\u603b'!$A$1:$E$3", defined[0].text

styles = parts['xl/styles.xml']
formats = {f.get('numFmtId'): f.get('formatCode') for f in styles.findall('m:numFmts/m:numFmt', NS)}
xfs = styles.findall('m:cellXfs/m:xf', NS)
fonts = styles.findall('m:fonts/m:font', NS)
def format_of(cell):
    return formats.get(xfs[int(cell.get('s', '0'))].get('numFmtId'))

sheet = parts['xl/worksheets/sheet1.xml']
cells = {c.get('r'): c for c in sheet.iter('{%s}c' % NS['m'])}
def text(ref):
    c = cells[ref]
    assert c.get('t') == 'inlineStr', ref
    return c.find('m:is/m:t', NS).text
def value(ref):
    return cells[ref].find('m:v', NS).text

assert sheet.find('m:dimension', NS).get('ref') == 'A1:E3'
assert sheet.find('m:autoFilter', NS).get('ref') == 'A1:E3'
pane = sheet.find('m:sheetViews/m:sheetView/m:pane', NS)
assert pane.get('state') == 'frozen' and pane.get('ySplit') == '1' and pane.get('topLeftCell') == 'A2'
widths = [float(c.get('width')) for c in sheet.findall('m:cols/m:col', NS)]
assert widths == [14, 8, 8, 12, 6], widths

assert text('A1') == '\u5355\u4f4d\u540d\u79f0'
assert fonts[int(xfs[int(cells['A1'].get('s'))].get('fontId'))].find('m:b', NS) is not None
assert text('A2') == '\u5b89\u5eb7\u5e02\u603b\u5de5\u4f1a'
assert value('B2') == '42' and format_of(cells['B2']) == '0'
assert value('C2') == '0.953' and format_of(cells['C2']) == '0.0%'
assert value('D2') == '40695' and format_of(cells['D2']) == 'yyyy-mm-dd'
assert 'E2' not in cells
assert text('A3') == 'A & B <"\'>'
assert value('B3') == '2.5' and format_of(cells['B3']) == '0.00'
assert 'C3' not in cells
assert text('D3') == '1850-01-01'

second = parts['xl/worksheets/sheet2.xml']
assert second.find('m:autoFilter', NS) is None
assert second.find('m:sheetViews/m:sheetView/m:pane', NS) is None
assert [c.get('r') for c in second.iter('{%s}c' % NS['m'])] == ['A1']
print('OK')
"""#
}

private let pythonAvailable = (try? runPython("pass", arguments: []).status) == 0

private func runPython(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
