/// Accumulates SVG markup line by line; every attribute value and text node is escaped.
struct SVGDocument {
    /// CSS font stack with Chinese fonts first; single quotes keep it valid inside a double-quoted attribute.
    static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

    /// Sanitised chart id; prefix for every id in the document.
    let id: String
    let width: Double
    let height: Double
    private var lines: [String] = []

    /// Opens the root `<svg>` (at least 1×1) with its accessible `<title>`.
    init(id rawID: String, title: String, width: Int, height: Int) {
        id = XMLText.sanitizedID(rawID)
        let w = max(width, 1)
        let h = max(height, 1)
        self.width = Double(w)
        self.height = Double(h)
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(w) \(h)\""
                + " width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-labelledby=\"\(id)-title\""
                + " font-family=\"\(Self.fontFamily)\" font-size=\"11\">")
        lines.append("<title id=\"\(id)-title\">\(XMLText.escape(title))</title>")
    }

    /// Opens a container element such as `<g>` or `<defs>`.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        lines.append("<\(name)\(Self.render(attributes))>")
    }

    mutating func close(_ name: String) {
        lines.append("</\(name)>")
    }

    /// Appends one element with an optional hover `<title>` child and optional text content.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String>, title: String? = nil, content: String? = nil
    ) {
        let start = "<\(name)\(Self.render(attributes))"
        guard title != nil || content != nil else {
            lines.append(start + "/>")
            return
        }
        let titleMarkup = title.map { "<title>\(XMLText.escape($0))</title>" } ?? ""
        lines.append(start + ">" + titleMarkup + XMLText.escape(content ?? "") + "</\(name)>")
    }

    /// Appends a `<text>` element; `anchor` is `start`, `middle` or `end`.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = Palette.text,
        title: String? = nil
    ) {
        element("text", ["x": n(x), "y": n(y), "text-anchor": anchor, "fill": fill], title: title, content: content)
    }

    /// Closes the root element and returns the markup, one element per line.
    consuming func finish() -> String {
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    private static func render(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(XMLText.escape($0.value))\"" }.joined()
    }
}
