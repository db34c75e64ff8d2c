/// Charts rendered as standalone, deterministic inline SVG strings for printable HTML reports.
///
/// Output uses no scripts, external resources or web fonts, and is byte-for-byte stable for the
/// same input. Every chart with no finite non-zero value renders a centred "无数据 / No data"
/// message instead. Non-finite inputs (NaN, ±∞) are treated as missing.
public enum SVGChart {
    static let noDataMessage = "无数据 / No data"

    /// Finishes `document` with the centred no-data message.
    static func noData(_ document: consuming SVGDocument) -> String {
        document.text(
            noDataMessage, x: document.width / 2, y: document.height / 2 + 4, anchor: "middle", fill: Palette.mutedText)
        return document.finish()
    }

    /// `value` if it is present and finite.
    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// Whether any of the (finite) values is non-zero, i.e. there is something to draw.
    static func hasData(_ values: [Double]) -> Bool {
        values.contains { $0 != 0 }
    }

    /// Whether every value is a whole number, so axis steps below 1 make no sense.
    static func allWhole(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == $0.rounded() }
    }

    /// Path data through `points`, starting a new sub-path after each gap (`nil`). A point
    /// standing alone gets a zero-length segment, drawn as a dot with round line caps.
    static func linePath(_ points: [(x: Double, y: Double)?]) -> String {
        points.split { $0 == nil }.map { run in
            let coordinates = run.compactMap { $0 }.map { n($0.x) + " " + n($0.y) }
            return "M" + coordinates.joined(separator: "L") + (coordinates.count == 1 ? "h0" : "")
        }.joined()
    }

    /// A printed data value with the chart's suffix, e.g. "12起".
    static func valueText(_ value: Double, suffix: String) -> String {
        NumberFormat.format(value) + suffix
    }

    /// Hover text "series · category: value" (series omitted when empty).
    static func pointTitle(series: String, category: String, value: String) -> String {
        (series.isEmpty ? "" : series + " · ") + category + ": " + value
    }
}

/// A row-wrapped legend of colour swatches and series names, drawn at the top left.
struct Legend {
    enum Swatch {
        case square
        case line(dashed: Bool)
    }

    struct Item {
        let name: String
        let color: String
        let swatch: Swatch
    }

    private static let rowHeight = 16.0
    private static let swatchWidth = 16.0
    private static let margin = 8.0

    private let placed: [(item: Item, x: Double, row: Int)]
    /// Vertical space taken, including spacing below; 0 when there is nothing to show.
    let height: Double

    /// Lays out `items` for a chart `width` px wide; a single item is not shown.
    init(_ items: [Item], width: Double) {
        guard items.count > 1 else {
            placed = []
            height = 0
            return
        }
        var placed: [(item: Item, x: Double, row: Int)] = []
        var x = Self.margin
        var row = 0
        for item in items {
            let itemWidth = Self.swatchWidth + 4 + TextMetrics.width(item.name) + 14
            if x > Self.margin, x + itemWidth > width - Self.margin {
                x = Self.margin
                row += 1
            }
            placed.append((item, x, row))
            x += itemWidth
        }
        self.placed = placed
        height = Self.margin + Double(row + 1) * Self.rowHeight
    }

    func draw(into document: inout SVGDocument) {
        for (item, x, row) in placed {
            let top = Self.margin + Double(row) * Self.rowHeight
            switch item.swatch {
            case .square:
                document.element(
                    "rect", ["x": n(x + 3), "y": n(top + 2), "width": "10", "height": "10", "fill": item.color])
            case .line(let dashed):
                document.element(
                    "line",
                    [
                        "x1": n(x), "y1": n(top + 7), "x2": n(x + Self.swatchWidth), "y2": n(top + 7),
                        "stroke": item.color, "stroke-width": "2", "stroke-dasharray": dashed ? "5 3" : "none",
                    ])
            }
            document.text(item.name, x: x + Self.swatchWidth + 4, y: top + 11)
        }
    }
}

/// Plot area for charts over categories: a vertical value axis on the left, one equal
/// slot per category along the bottom.
struct CategoryPlot {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    let ticks: AxisTicks
    let categories: [String]

    /// Lays out the plot below `headerHeight` px (legend), with a y axis covering `lower...upper`.
    init(
        in document: SVGDocument, headerHeight: Double, categories: [String],
        lower: Double, upper: Double, integerSteps: Bool
    ) {
        top = headerHeight + 16
        bottom = max(document.height - 22, top + 1)
        ticks = AxisTicks(
            lower: lower, upper: upper, maxIntervals: min(max(Int((bottom - top) / 30), 2), 5),
            integerSteps: integerSteps)
        left = max(TextMetrics.maxWidth(ticks.values.map(ticks.label)) + 12, 32)
        right = max(document.width - 16, left + 1)
        self.categories = categories
    }

    /// Width of one category slot.
    var slot: Double { (right - left) / Double(max(categories.count, 1)) }

    /// Horizontal centre of category `index`.
    func x(_ index: Int) -> Double { left + (Double(index) + 0.5) * slot }

    /// Vertical position of `value`.
    func y(_ value: Double) -> Double { bottom - ticks.fraction(value) * (bottom - top) }

    /// Draws grid lines, tick labels and the (thinned) category labels.
    func drawAxes(into document: inout SVGDocument) {
        for tick in ticks.values {
            let y = y(tick)
            document.element(
                "line",
                [
                    "x1": n(left), "y1": n(y), "x2": n(right), "y2": n(y),
                    "stroke": tick == 0 ? Palette.axis : Palette.grid,
                ])
            document.text(ticks.label(tick), x: left - 6, y: y + 4, anchor: "end", fill: Palette.mutedText)
        }
        let stride = TextMetrics.labelStride(extent: TextMetrics.maxWidth(categories), slot: slot)
        for (index, category) in categories.enumerated() where index % stride == 0 {
            let half = TextMetrics.width(category) / 2
            let x = min(max(x(index), half), document.width - half)
            document.text(category, x: x, y: bottom + 16, anchor: "middle", fill: Palette.mutedText)
        }
    }
}

extension Array {
    /// The element at `index`, or `nil` when out of range.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
