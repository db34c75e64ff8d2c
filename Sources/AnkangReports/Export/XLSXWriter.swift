/// A value in one cell of an exported table.
///
/// `decimals` is clamped to 0…15. Non-finite numbers and impossible dates
/// (such as February 30) are written as empty cells.
public enum SheetCell: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// A whole number, shown without decimals.
    case integer(Int)
    /// A number shown with exactly `decimals` fractional digits.
    case number(Double, decimals: Int)
    /// A fraction shown as a percentage: `percent(0.953, decimals: 1)` reads 95.3%.
    case percent(Double, decimals: Int)
    /// A calendar date (proleptic Gregorian, years 1…9999, no time zone).
    case date(year: Int, month: Int, day: Int)
    /// No value.
    case empty
}

/// One worksheet: an optional header row followed by data rows.
public struct Sheet: Sendable {
    /// The proposed tab name; ``XLSXWriter/sheetNames(_:)`` makes it valid and unique.
    public var name: String
    /// Column titles, written as a bold, frozen, filterable first row; empty for no header row.
    public var header: [String]
    /// Data rows, which may differ in length.
    public var rows: [[SheetCell]]

    /// Creates a sheet.
    public init(name: String, header: [String], rows: [[SheetCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// Writes Office Open XML workbooks (.xlsx) without external dependencies.
///
/// The output is deterministic: equal input gives byte-for-byte equal files.
public enum XLSXWriter {
    /// Returns the bytes of an .xlsx file with one worksheet per sheet.
    ///
    /// Sheet names are made valid with ``sheetNames(_:)``; an empty list yields
    /// one empty sheet, since a workbook needs at least one. Dates before 1900,
    /// which Excel cannot represent, are written as ISO 8601 text.
    public static func workbook(_ sheets: [Sheet]) -> [UInt8] {
        let sheets = sheets.isEmpty ? [Sheet(name: "Sheet1", header: [], rows: [])] : sheets
        let names = sheetNames(sheets.map(\.name))
        let styles = StyleTable(formatCodes: Set(sheets.flatMap { sheet in
            sheet.rows.joined().compactMap { content(of: $0)?.formatCode }
        }))

        var archive = ZipArchive()
        archive.add(path: "[Content_Types].xml", contents: contentTypes(sheetCount: sheets.count).utf8)
        archive.add(path: "_rels/.rels", contents: packageRelationships.utf8)
        archive.add(path: "docProps/app.xml", contents: appProperties.utf8)
        archive.add(path: "xl/workbook.xml", contents: workbookXML(sheets, names: names).utf8)
        archive.add(path: "xl/_rels/workbook.xml.rels", contents: workbookRelationships(sheetCount: sheets.count).utf8)
        archive.add(path: "xl/styles.xml", contents: styles.xml.utf8)
        for (index, sheet) in sheets.enumerated() {
            archive.add(path: "xl/worksheets/sheet\(index + 1).xml", contents: worksheetXML(sheet, styles: styles).utf8)
        }
        return archive.finish()
    }

    /// Turns proposed names into names Excel accepts, in the same order.
    ///
    /// Control characters are removed, `[ ] : * ? / \` become `_`, surrounding
    /// spaces and apostrophes are trimmed, blank names become `SheetN` (N being
    /// the 1-based position), and names are cut to 31 UTF-16 code units without
    /// splitting a character (31 characters for Chinese text). Names equal to an
    /// earlier one or to the reserved `History`, ignoring case, get a suffix
    /// " (2)", " (3)", … within the same limit.
    public static func sheetNames(_ proposed: [String]) -> [String] {
        var used: Set<String> = ["history"]
        var names: [String] = []
        for (index, name) in proposed.enumerated() {
            let base = cleanedSheetName(name, fallback: "Sheet\(index + 1)")
            var candidate = base
            var counter = 1
            while used.contains(candidate.lowercased()) {
                counter += 1
                let suffix = " (\(counter))"
                candidate = prefix(of: base, maxUTF16: maxSheetNameLength - suffix.utf16.count) + suffix
            }
            used.insert(candidate.lowercased())
            names.append(candidate)
        }
        return names
    }

    /// The column letters for a zero-based index: 0 → A, 25 → Z, 26 → AA, 702 → AAA.
    public static func columnName(_ index: Int) -> String {
        precondition(index >= 0, "column index must not be negative")
        var letters: [Character] = []
        var remaining = index + 1
        while remaining > 0 {
            remaining -= 1
            letters.append(Character(Unicode.Scalar(UInt8(65 + remaining % 26))))
            remaining /= 26
        }
        return String(letters.reversed())
    }
}

// MARK: - Cell values

extension SheetCell {
    /// The value as plain text: numbers rounded to their decimals (percentages as
    /// percentage points, without a sign), dates as `yyyy-mm-dd`, and an empty
    /// string for values that cannot be written.
    var plainText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value, let decimals): decimalText(value, decimals: decimals)
        case .percent(let value, let decimals): decimalText(value, decimals: decimals, shift: 2)
        case .date(let year, let month, let day): isoDate(year: year, month: month, day: day) ?? ""
        case .empty: ""
        }
    }
}

/// Formats `value` × 10^`shift` with exactly `decimals` fractional digits, "." and no grouping.
///
/// Rounds half away from zero on the shortest decimal representation of the
/// value (the digits `description` prints), so 2.05 gives "2.1" although the
/// nearest double lies slightly below 2.05. The shift is applied to those
/// digits, which keeps percentages exact. Zero never carries a minus sign;
/// non-finite values give an empty string.
func decimalText(_ value: Double, decimals: Int, shift: Int = 0) -> String {
    guard value.isFinite else { return "" }
    let decimals = clampedDecimals(decimals)
    // Shortest round-trip form, e.g. "123.45", "1e-05" or "1.2345e+16".
    let parts = value.magnitude.description.split(separator: "e")
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    var digits = mantissa.compactMap(\.wholeNumberValue)
    let pointOffset = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
    var integerCount = (pointOffset ?? mantissa.count) + exponent + shift

    if integerCount < 1 {
        digits.insert(contentsOf: repeatElement(0, count: 1 - integerCount), at: 0)
        integerCount = 1
    }
    let kept = integerCount + decimals
    if digits.count < kept {
        digits.append(contentsOf: repeatElement(0, count: kept - digits.count))
    }
    let roundsUp = digits.count > kept && digits[kept] >= 5
    digits.removeSubrange(kept...)
    if roundsUp {
        var index = kept - 1
        while index >= 0, digits[index] == 9 {
            digits[index] = 0
            index -= 1
        }
        if index >= 0 {
            digits[index] += 1
        } else {
            digits.insert(1, at: 0)
            integerCount += 1
        }
    }

    let integerDigits = digits[..<integerCount].drop { $0 == 0 }
    var text = value < 0 && digits.contains { $0 != 0 } ? "-" : ""
    text += integerDigits.isEmpty ? "0" : integerDigits.map(String.init).joined()
    if decimals > 0 {
        text += "." + digits[integerCount...].map(String.init).joined()
    }
    return text
}

/// The number of fractional digits actually used for `decimals`.
func clampedDecimals(_ decimals: Int) -> Int {
    min(max(decimals, 0), 15)
}

/// `yyyy-mm-dd`, or nil when the date does not exist or lies outside years 1…9999.
func isoDate(year: Int, month: Int, day: Int) -> String? {
    guard isValidDate(year: year, month: month, day: day) else { return nil }
    func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
}

/// The Excel date serial (days since 1899-12-30), or nil for invalid dates and dates before 1900.
func excelSerial(year: Int, month: Int, day: Int) -> Int? {
    guard year >= 1900, isValidDate(year: year, month: month, day: day) else { return nil }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil, for years ≥ 1).
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = shiftedYear / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let serial = era * 146_097 + dayOfEra - 719_468 + 25_569
    // Excel counts the nonexistent 1900-02-29 (serial 60); earlier dates are one lower.
    return serial < 61 ? serial - 1 : serial
}

private func isValidDate(year: Int, month: Int, day: Int) -> Bool {
    guard (1...9999).contains(year), (1...12).contains(month) else { return false }
    let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...monthLengths[month - 1]).contains(day)
}

// MARK: - Text

/// Estimated width in character cells of the longest line: East Asian wide
/// and full-width characters count 2, others 1.
func displayWidth(_ text: String) -> Int {
    var widest = 0
    var current = 0
    for character in text {
        if character.isNewline {
            current = 0
        } else {
            current += isWide(character) ? 2 : 1
            widest = max(widest, current)
        }
    }
    return widest
}

private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, // Hangul Jamo
    0x2E80...0x303E, // CJK radicals, symbols and punctuation
    0x3041...0x33FF, // Kana, Bopomofo, Hangul compatibility, CJK compatibility
    0x3400...0x4DBF, // CJK extension A
    0x4E00...0x9FFF, // CJK unified ideographs
    0xA000...0xA4CF, // Yi
    0xAC00...0xD7A3, // Hangul syllables
    0xF900...0xFAFF, // CJK compatibility ideographs
    0xFE30...0xFE4F, // CJK compatibility forms
    0xFF00...0xFF60, // full-width forms
    0xFFE0...0xFFE6, // full-width signs
    0x1F300...0x1F64F, // pictographs and emoticons
    0x1F900...0x1F9FF, // supplemental pictographs
    0x20000...0x3FFFD, // CJK extensions B and later
]

private func isWide(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first?.value, scalar >= 0x1100 else { return false }
    return wideRanges.contains { $0.contains(scalar) }
}

// MARK: - Sheet names

private let maxSheetNameLength = 31

private func cleanedSheetName(_ name: String, fallback: String) -> String {
    var cleaned = ""
    for scalar in name.unicodeScalars where scalar.properties.generalCategory != .control {
        cleaned.unicodeScalars.append("[]:*?/\\".unicodeScalars.contains(scalar) ? "_" : scalar)
    }
    cleaned = trimmedSheetName(prefix(of: trimmedSheetName(cleaned), maxUTF16: maxSheetNameLength))
    return cleaned.isEmpty ? fallback : cleaned
}

/// Removes surrounding white space and apostrophes, which Excel rejects at either end.
private func trimmedSheetName(_ name: String) -> String {
    let isTrimmed = { (character: Character) in character.isWhitespace || character == "'" }
    return String(name.drop(while: isTrimmed).reversed().drop(while: isTrimmed).reversed())
}

/// The longest prefix of whole characters that fits in `maxUTF16` code units.
private func prefix(of text: String, maxUTF16: Int) -> String {
    var result = ""
    var length = 0
    for character in text {
        length += character.utf16.count
        guard length <= maxUTF16 else { break }
        result.append(character)
    }
    return result
}

// MARK: - Package parts

extension XLSXWriter {
    /// How a cell appears in the sheet XML.
    private enum CellContent {
        case inlineText(String)
        case numeric(value: String, formatCode: String)

        var formatCode: String? {
            if case .numeric(_, let formatCode) = self { formatCode } else { nil }
        }
    }

    private static func content(of cell: SheetCell) -> CellContent? {
        switch cell {
        case .text(let text):
            return .inlineText(text)
        case .integer(let value):
            return .numeric(value: String(value), formatCode: "0")
        case .number(let value, let decimals):
            return value.isFinite ? .numeric(value: "\(value)", formatCode: fixedFormat(decimals)) : nil
        case .percent(let value, let decimals):
            return value.isFinite ? .numeric(value: "\(value)", formatCode: fixedFormat(decimals) + "%") : nil
        case .date(let year, let month, let day):
            if let serial = excelSerial(year: year, month: month, day: day) {
                return .numeric(value: String(serial), formatCode: "yyyy-mm-dd")
            }
            return isoDate(year: year, month: month, day: day).map(CellContent.inlineText)
        case .empty:
            return nil
        }
    }

    /// `0`, `0.0`, `0.00`, … for the given number of decimals.
    private static func fixedFormat(_ decimals: Int) -> String {
        let decimals = clampedDecimals(decimals)
        return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
    }

    /// Cell formats: the default style, the bold header style, then one style per number format in use.
    private struct StyleTable {
        static let headerStyle = 1

        private let formatCodes: [String]
        private let styleIndices: [String: Int]

        init(formatCodes: Set<String>) {
            self.formatCodes = formatCodes.sorted()
            styleIndices = Dictionary(uniqueKeysWithValues: self.formatCodes.enumerated().map { ($1, $0 + 2) })
        }

        func style(for formatCode: String) -> Int {
            styleIndices[formatCode] ?? 0
        }

        var xml: String {
            var xml = xmlDeclaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
            if !formatCodes.isEmpty {
                xml += #"<numFmts count="\#(formatCodes.count)">"#
                for (offset, code) in formatCodes.enumerated() {
                    xml += #"<numFmt numFmtId="\#(164 + offset)" formatCode="\#(XMLText.escape(code))"/>"#
                }
                xml += "</numFmts>"
            }
            let font = #"<sz val="11"/><name val="Calibri"/><family val="2"/>"#
            xml += #"<fonts count="2"><font>\#(font)</font><font><b/>\#(font)</font></fonts>"#
            xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            xml += #"<cellXfs count="\#(formatCodes.count + 2)">"#
            xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            xml += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            for offset in formatCodes.indices {
                xml += #"<xf numFmtId="\#(164 + offset)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
            }
            xml += "</cellXfs>"
            xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            return xml + "</styleSheet>"
        }
    }

    private static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let documentRelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        let prefix = "application/vnd.openxmlformats-officedocument"
        var xml = xmlDeclaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/docProps/app.xml" ContentType="\#(prefix).extended-properties+xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(prefix).spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(prefix).spreadsheetml.styles+xml"/>"#
        for number in 1...sheetCount {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(number).xml" ContentType="\#(prefix).spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private static var packageRelationships: String {
        xmlDeclaration + #"<Relationships xmlns="\#(relationshipsNamespace)">"#
            + #"<Relationship Id="rId1" Type="\#(documentRelationshipType)/officeDocument" Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" Type="\#(documentRelationshipType)/extended-properties" Target="docProps/app.xml"/>"#
            + "</Relationships>"
    }

    private static var appProperties: String {
        xmlDeclaration
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
            + "<Application>Ankang</Application></Properties>"
    }

    private static func workbookXML(_ sheets: [Sheet], names: [String]) -> String {
        var xml = xmlDeclaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(documentRelationshipType)">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        let filters = zip(sheets, names).enumerated().compactMap { index, pair -> String? in
            guard let range = pair.0.filterRange(absolute: true) else { return nil }
            let sheetReference = "'" + pair.1.replacing("'", with: "''") + "'!" + range
            return #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">\#(XMLText.escape(sheetReference))</definedName>"#
        }
        if !filters.isEmpty {
            xml += "<definedNames>" + filters.joined() + "</definedNames>"
        }
        return xml + "</workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = xmlDeclaration + #"<Relationships xmlns="\#(relationshipsNamespace)">"#
        for number in 1...sheetCount {
            xml += #"<Relationship Id="rId\#(number)" Type="\#(documentRelationshipType)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(documentRelationshipType)/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    private static func worksheetXML(_ sheet: Sheet, styles: StyleTable) -> String {
        let hasHeader = !sheet.header.isEmpty
        var xml = xmlDeclaration + #"<worksheet xmlns="\#(mainNamespace)">"#
        xml += #"<dimension ref="\#(sheet.usedRange)"/>"#
        if hasHeader {
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        } else {
            xml += #"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#
        }
        let widths = columnWidths(sheet)
        if !widths.isEmpty {
            xml += "<cols>"
            for (index, width) in widths.enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }

        xml += "<sheetData>"
        var rowNumber = 0
        if hasHeader {
            rowNumber += 1
            xml += #"<row r="1">"#
            for (column, title) in sheet.header.enumerated() {
                xml += inlineTextCell(title, reference: "\(columnName(column))1", style: StyleTable.headerStyle)
            }
            xml += "</row>"
        }
        for row in sheet.rows {
            rowNumber += 1
            xml += #"<row r="\#(rowNumber)">"#
            for (column, cell) in row.enumerated() {
                let reference = "\(columnName(column))\(rowNumber)"
                switch content(of: cell) {
                case .inlineText(let text):
                    xml += inlineTextCell(text, reference: reference, style: 0)
                case .numeric(let value, let formatCode):
                    xml += #"<c r="\#(reference)" s="\#(styles.style(for: formatCode))"><v>\#(value)</v></c>"#
                case nil:
                    break
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if let range = sheet.filterRange(absolute: false) {
            xml += #"<autoFilter ref="\#(range)"/>"#
        }
        return xml + "</worksheet>"
    }

    private static func inlineTextCell(_ text: String, reference: String, style: Int) -> String {
        let styleAttribute = style == 0 ? "" : #" s="\#(style)""#
        return #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escape(text))</t></is></c>"#
    }

    /// Column widths from the longest displayed value plus padding, clamped to 6…60.
    private static func columnWidths(_ sheet: Sheet) -> [Int] {
        var widths = Array(repeating: 0, count: sheet.columnCount)
        for (column, title) in sheet.header.enumerated() {
            widths[column] = max(widths[column], displayWidth(title))
        }
        for row in sheet.rows {
            for (column, cell) in row.enumerated() {
                widths[column] = max(widths[column], displayWidth(cell.plainText))
            }
        }
        return widths.map { min(max($0 + 2, 6), 60) }
    }
}

extension Sheet {
    fileprivate var columnCount: Int {
        max(header.count, rows.map(\.count).max() ?? 0)
    }

    fileprivate var rowCount: Int {
        (header.isEmpty ? 0 : 1) + rows.count
    }

    /// `A1:Cn` over all rows and columns, or `A1` when the sheet is empty.
    fileprivate var usedRange: String {
        guard columnCount > 0, rowCount > 0 else { return "A1" }
        return "A1:\(XLSXWriter.columnName(columnCount - 1))\(rowCount)"
    }

    /// The auto-filter range from the header through the last row; nil without a header.
    fileprivate func filterRange(absolute: Bool) -> String? {
        guard !header.isEmpty else { return nil }
        let marker = absolute ? "$" : ""
        return "\(marker)A\(marker)1:\(marker)\(XLSXWriter.columnName(columnCount - 1))\(marker)\(rowCount)"
    }
}

// MARK: - ZIP container

/// A ZIP archive of uncompressed (stored) entries with a fixed timestamp, so
/// that equal input gives equal bytes. Entries are limited to 4 GiB and the
/// archive to 65,535 entries (no ZIP64).
struct ZipArchive {
    private var bytes: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0

    private static let version: UInt16 = 20
    private static let utf8NamesFlag: UInt16 = 1 << 11
    /// MS-DOS date 1980-01-01; the time field is 0 (00:00:00).
    private static let dosDate: UInt16 = 1 << 5 | 1

    mutating func add(path: String, contents: some Collection<UInt8>) {
        let name = Array(path.utf8)
        let size = UInt32(contents.count)
        let offset = UInt32(bytes.count)

        // Fields shared by the local header and the central directory entry.
        var fields: [UInt8] = []
        fields.appendLittleEndian(Self.version) // version needed to extract
        fields.appendLittleEndian(Self.utf8NamesFlag)
        fields.appendLittleEndian(UInt16(0)) // method: stored
        fields.appendLittleEndian(UInt16(0)) // time
        fields.appendLittleEndian(Self.dosDate)
        fields.appendLittleEndian(CRC32.checksum(contents))
        fields.appendLittleEndian(size) // compressed size
        fields.appendLittleEndian(size) // uncompressed size
        fields.appendLittleEndian(UInt16(name.count))
        fields.appendLittleEndian(UInt16(0)) // extra field length

        bytes.appendLittleEndian(UInt32(0x0403_4B50))
        bytes += fields
        bytes += name
        bytes += contents

        centralDirectory.appendLittleEndian(UInt32(0x0201_4B50))
        centralDirectory.appendLittleEndian(Self.version) // version made by (MS-DOS)
        centralDirectory += fields
        centralDirectory.appendLittleEndian(UInt16(0)) // comment length
        centralDirectory.appendLittleEndian(UInt16(0)) // disk number
        centralDirectory.appendLittleEndian(UInt16(0)) // internal attributes
        centralDirectory.appendLittleEndian(UInt32(0)) // external attributes
        centralDirectory.appendLittleEndian(offset)
        centralDirectory += name
        entryCount += 1
    }

    /// The complete archive: entries, central directory and end record.
    func finish() -> [UInt8] {
        var archive = bytes + centralDirectory
        archive.appendLittleEndian(UInt32(0x0605_4B50))
        archive.appendLittleEndian(UInt16(0)) // this disk
        archive.appendLittleEndian(UInt16(0)) // disk with the central directory
        archive.appendLittleEndian(UInt16(entryCount)) // entries on this disk
        archive.appendLittleEndian(UInt16(entryCount)) // entries in total
        archive.appendLittleEndian(UInt32(centralDirectory.count))
        archive.appendLittleEndian(UInt32(bytes.count)) // central directory offset
        archive.appendLittleEndian(UInt16(0)) // comment length
        return archive
    }
}

/// CRC-32 as used by ZIP (reflected, polynomial 0xEDB88320).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in
            table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian(_ value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
