/// A self-contained HTML page: inline CSS (screen and A4 print), no scripts, no network (its content
/// security policy forbids loading anything, so a browser would report any attempt).
struct HTMLPage {
    let language: ReportLanguage
    let title: String
    /// Page-specific CSS added after the shared sheet.
    var extraStyle = ""
    /// Markup put above the report (the web UI's navigation); trusted, not escaped.
    var siteHeader = ""
    private(set) var body = ""

    init(language: ReportLanguage, title: String, extraStyle: String = "") {
        self.language = language
        self.title = title
        self.extraStyle = extraStyle
    }

    /// Escaped text.
    static func text(_ value: String) -> String { XMLText.escape(value) }

    /// Appends raw markup.
    mutating func raw(_ markup: String) { body += markup }

    /// A section heading in the page's language, with the other language after it in small print on
    /// Chinese pages (so English readers can follow a Chinese page).
    mutating func heading(_ zh: String, _ en: String, level: Int = 2) {
        let secondary = language == .zh ? " <small lang=\"en\">\(Self.text(en))</small>" : ""
        body += "<h\(level)>\(Self.text(language.pick(zh, en)))\(secondary)</h\(level)>\n"
    }

    /// Key figures as cards.
    mutating func cards(_ items: [(label: String, value: String, note: String?)]) {
        body += "<div class=\"cards\">\n"
        for item in items {
            body += "<div class=\"card\"><div class=\"value\">\(Self.text(item.value))</div><div class=\"label\">\(Self.text(item.label))</div>"
            if let note = item.note { body += "<div class=\"note\">\(Self.text(note))</div>" }
            body += "</div>\n"
        }
        body += "</div>\n"
    }

    /// A table, cut after `limit` rows with a note that the CSV and XLSX exports hold every row.
    mutating func table(_ table: ReportTable, limit: Int? = nil, caption: Bool = false, compact: Bool = false) {
        guard !table.rows.isEmpty else {
            body += "<p class=\"empty\">\(Self.text(language.pick("无", "None")))</p>\n"
            return
        }
        body += "<table\(compact ? " class=\"compact\"" : "")>\n"
        if caption { body += "<caption>\(Self.text(language.pick(table.title)))</caption>\n" }
        body += "<thead><tr>" + table.columns.map { "<th>\(Self.text(language.pick($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows.prefix(limit ?? table.rows.count) {
            body += "<tr>" + row.map { cell in
                let numeric: Bool
                switch cell {
                case .integer, .number, .percent: numeric = true
                default: numeric = false
                }
                return numeric ? "<td class=\"n\">\(Self.text(cell.displayText))</td>" : "<td>\(Self.text(cell.displayText))</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody></table>\n"
        let shown = min(limit ?? table.rows.count, table.rows.count)
        if shown < table.totalRows {
            body += "<p class=\"more\">\(Self.text(language.pick("仅列出前 \(shown) 行，共 \(table.totalRows) 行；完整列表见 CSV / XLSX 导出。", "First \(shown) of \(table.totalRows) rows; the CSV and XLSX exports hold them all.")))</p>\n"
        }
    }

    /// A figure: an inline SVG chart with a caption.
    mutating func figure(_ svg: String, caption: String) {
        body += "<figure>\n\(svg)\n<figcaption>\(Self.text(caption))</figcaption>\n</figure>\n"
    }

    /// A paragraph of text.
    mutating func paragraph(_ text: String, className: String? = nil) {
        body += "<p\(className.map { " class=\"\($0)\"" } ?? "")>\(Self.text(text))</p>\n"
    }

    /// The finished document.
    var document: String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(Self.text(title))</title>
        <style>
        \(Self.style)\(extraStyle)
        </style>
        </head>
        <body>
        \(siteHeader)<main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static let style = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #b42318; --band: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        small { color: var(--muted); font-weight: normal; font-size: 12px; }
        .meta { color: var(--muted); margin: 0 0 12px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px; margin: 8px 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--band); }
        .card .value { font-size: 20px; font-weight: bold; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .note { font-size: 11px; color: var(--accent); }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
        figure { margin: 8px 0; }
        figcaption { color: var(--muted); font-size: 12px; }
        svg.chart { max-width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        .more, .empty, .method { color: var(--muted); font-size: 12px; }
        .verdict-rising { color: var(--accent); font-weight: bold; }
        .verdict-falling { color: #1a7f37; font-weight: bold; }
        @media (max-width: 600px) { main { padding: 8px; } table { font-size: 12px; } .card .value { font-size: 17px; } }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          table, figure, .card { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }

        """
}

extension SheetCell {
    /// The cell as a page shows it: numbers with their decimals, percentages with a % sign.
    var displayText: String {
        switch self {
        case .percent: plainText.isEmpty ? "" : plainText + "%"
        default: plainText
        }
    }

    /// ``displayText``, or a dash for no value (in cards and sentences, where a blank reads as a gap).
    var shown: String { displayText.isEmpty ? "—" : displayText }
}
