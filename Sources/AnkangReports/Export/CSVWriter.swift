/// Writes tables as CSV (RFC 4180) that spreadsheet programs open correctly.
public enum CSVWriter {
    /// Returns a CSV document with a header line (omitted when `header` is empty) and one line per row.
    ///
    /// - The document starts with a byte order mark (U+FEFF) so that Excel detects UTF-8 and shows Chinese text.
    /// - Every line, the last one included, ends with CRLF. Fields containing a comma, a quote, CR or LF
    ///   are quoted, with quotes doubled. Shorter rows are padded with empty fields.
    /// - Numbers use "." without grouping and exactly `decimals` digits, rounded half away from zero
    ///   on their shortest decimal representation (2.05 → `2.1`, 0.125 → `0.13`). Percentages are
    ///   written as percentage points without a sign (`percent(0.953, decimals: 1)` → `95.3`), dates as
    ///   `yyyy-mm-dd`; empty cells, non-finite numbers and invalid dates give empty fields.
    /// - Formula injection guard: a text field (header titles included) that starts with `=`, `+`, `-`,
    ///   `@`, tab or CR gets a leading apostrophe (`'=SUM(A1)`), so that spreadsheet programs show it
    ///   as text instead of evaluating it. Numeric cells are never altered, so negative numbers stay numbers.
    /// - With `padRows` false, rows keep their own width (for documents of several tables).
    public static func document(header: [String], rows: [[SheetCell]], padRows: Bool = true) -> String {
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        var document = "\u{FEFF}"
        if !header.isEmpty {
            appendLine(header.map { field(.text($0)) }, to: &document)
        }
        for row in rows {
            let padded = padRows ? row + repeatElement(SheetCell.empty, count: width - row.count) : row
            appendLine(padded.map(field), to: &document)
        }
        return document
    }

    private static func appendLine(_ fields: [String], to document: inout String) {
        document += fields.joined(separator: ",")
        document += "\r\n"
    }

    private static func field(_ cell: SheetCell) -> String {
        var text = cell.plainText
        if case .text = cell, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        // Scan bytes: "\r\n" is a single Character, so Character comparisons would miss it.
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        return needsQuotes ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
    }
}
