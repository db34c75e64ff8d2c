extension SVGChart {
    /// A small sparkline for a scorecard: no axes, `nil` breaks the line, the last value is marked.
    ///
    /// The vertical scale includes 0 so that small changes in large counts are not exaggerated.
    /// The last-point marker carries a hover title "title: value".
    public static func sparkline(id: String, title: String, values: [Double?], width: Int = 160, height: Int = 36)
        -> String
    {
        var document = SVGDocument(id: id, title: title, width: width, height: height)
        let values = values.map(finite)
        let present = values.compactMap { $0 }
        guard hasData(present), let last = values.lastIndex(where: { $0 != nil }), let lastValue = values[last] else {
            return noData(document)
        }

        let padding = 3.0
        let lower = min(present.min() ?? 0, 0)
        let upper = max(present.max() ?? 0, 0)
        let step = values.count > 1 ? (document.width - 2 * padding) / Double(values.count - 1) : 0
        func x(_ index: Int) -> Double { values.count > 1 ? padding + Double(index) * step : document.width / 2 }
        func y(_ value: Double) -> Double {
            document.height - padding - (value - lower) / (upper - lower) * (document.height - 2 * padding)
        }

        let color = Palette.series(0)
        let path = linePath(values.enumerated().map { index, value in value.map { (x(index), y($0)) } })
        document.element(
            "path",
            [
                "d": path, "fill": "none", "stroke": color, "stroke-width": "1.5", "stroke-linejoin": "round",
                "stroke-linecap": "round",
            ])
        document.element(
            "circle", ["cx": n(x(last)), "cy": n(y(lastValue)), "r": "2.5", "fill": color],
            title: title + ": " + NumberFormat.format(lastValue))
        return document.finish()
    }
}
