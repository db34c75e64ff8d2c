import Foundation

/// The formats every report renders to, all from the same model.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// One self-contained page: inline CSS with an A4 print sheet, charts as inline SVG, no scripts.
    case html
    /// UTF-8 with a byte order mark; each table a section: its title line, its header, its rows, a blank line.
    case csv
    /// One sheet per table.
    case xlsx
    /// The model itself (keys sorted, fractions 0…1, dates ISO 8601), see the README.
    case json

    /// The file name extension.
    public var fileExtension: String { rawValue }
}

/// A report that renders to every ``ReportFormat``.
public protocol RenderableReport: Encodable {
    /// The report's tables, titled and labelled in `language`.
    func reportTables(_ language: ReportLanguage) -> [ReportTableView]
    /// The report as an HTML page, with `siteHeader` (trusted markup, e.g. the web UI's navigation) above it.
    func htmlPage(_ language: ReportLanguage, siteHeader: String) -> String
}

/// A rendered table, as the CSV and XLSX exports see it.
public struct ReportTableView: Sendable {
    let table: ReportTable
}

extension RenderableReport {
    /// Renders the report.
    public func rendered(as format: ReportFormat, language: ReportLanguage) throws -> [UInt8] {
        switch format {
        case .html:
            return Array(htmlPage(language, siteHeader: "").utf8)
        case .csv:
            return Array(ReportExport.csv(reportTables(language).map(\.table), language).utf8)
        case .xlsx:
            return ReportExport.xlsx(reportTables(language).map(\.table), language)
        case .json:
            return Array(try ReportExport.json(self))
        }
    }
}

extension TrendReport: RenderableReport {
    public func reportTables(_ language: ReportLanguage) -> [ReportTableView] { tables(language).map(ReportTableView.init) }
    public func htmlPage(_ language: ReportLanguage, siteHeader: String) -> String { html(language, siteHeader: siteHeader) }
}

extension Scorecard: RenderableReport {
    public func reportTables(_ language: ReportLanguage) -> [ReportTableView] { tables(language).map(ReportTableView.init) }
    public func htmlPage(_ language: ReportLanguage, siteHeader: String) -> String { html(language, siteHeader: siteHeader) }
}

extension Watchlist: RenderableReport {
    public func reportTables(_ language: ReportLanguage) -> [ReportTableView] { [ReportTableView(table: table(language))] }
    public func htmlPage(_ language: ReportLanguage, siteHeader: String) -> String {
        htmlIndex(language, scorecards: [], siteHeader: siteHeader)
    }
}

/// The table-shaped and JSON exports.
enum ReportExport {
    static func csv(_ tables: [ReportTable], _ language: ReportLanguage) -> String {
        var rows: [[SheetCell]] = []
        for table in tables {
            rows.append([.text(language.pick(table.title))])
            rows.append(table.columns.map { .text(language.pick($0)) })
            rows += table.rows
            rows.append([])
        }
        return CSVWriter.document(header: [], rows: rows.map { $0.isEmpty ? [.empty] : $0 }, padRows: false)
    }

    static func xlsx(_ tables: [ReportTable], _ language: ReportLanguage) -> [UInt8] {
        XLSXWriter.workbook(tables.map { table in
            Sheet(name: language.pick(table.title), header: table.columns.map { language.pick($0) }, rows: table.rows)
        })
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
