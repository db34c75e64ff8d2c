extension SVGChart {
    /// Horizontal bars, one per label, with the value printed at the bar end (top-10 lists, breakdowns).
    ///
    /// Extra labels or values beyond the shorter of the two arrays are ignored. Labels wider than
    /// 40 % of the chart are shortened with "…" (the hover title keeps the full text); with too
    /// many rows for the height, only every Nth row is labelled.
    public static func horizontalBars(_ options: ChartOptions, labels: [String], values: [Double]) -> String {
        var document = SVGDocument(id: options.id, title: options.title, width: options.width, height: options.height)
        let labels = Array(labels.prefix(values.count))
        let values = values.prefix(labels.count).map { $0.isFinite ? $0 : 0 }
        guard hasData(values) else { return noData(document) }

        let shownLabels = labels.map { TextMetrics.truncated($0, toWidth: document.width * 0.4) }
        let valueTexts = values.map { valueText($0, suffix: options.valueSuffix) }
        let left = TextMetrics.maxWidth(shownLabels) + 12
        let right = max(document.width - max(TextMetrics.maxWidth(valueTexts) + 10, 16), left + 1)
        let top = 8.0
        let bottom = max(document.height - 22, top + 1)
        let ticks = AxisTicks(
            lower: min(values.min() ?? 0, 0), upper: max(values.max() ?? 0, 0),
            maxIntervals: min(max(Int((right - left) / 60), 2), 5), integerSteps: allWhole(values))
        func x(_ value: Double) -> Double { left + ticks.fraction(value) * (right - left) }

        for tick in ticks.values {
            document.element(
                "line",
                [
                    "x1": n(x(tick)), "y1": n(top), "x2": n(x(tick)), "y2": n(bottom),
                    "stroke": tick == 0 ? Palette.axis : Palette.grid,
                ])
            document.text(ticks.label(tick), x: x(tick), y: bottom + 16, anchor: "middle", fill: Palette.mutedText)
        }

        let rowHeight = (bottom - top) / Double(values.count)
        let barHeight = min(rowHeight * 0.7, 24)
        let stride = TextMetrics.labelStride(extent: 12, slot: rowHeight, gap: 1)
        for (row, value) in values.enumerated() {
            let centre = top + (Double(row) + 0.5) * rowHeight
            let start = min(x(0), x(value))
            document.element(
                "rect",
                [
                    "x": n(start), "y": n(centre - barHeight / 2), "width": n(abs(x(value) - x(0))),
                    "height": n(barHeight), "fill": Palette.series(0),
                ],
                title: pointTitle(series: "", category: labels[row], value: valueTexts[row]))
            guard row % stride == 0 else { continue }
            document.text(
                shownLabels[row], x: left - 6, y: centre + 4, anchor: "end",
                title: shownLabels[row] == labels[row] ? nil : labels[row])
            document.text(
                valueTexts[row], x: value < 0 ? x(value) - 4 : x(value) + 4, y: centre + 4,
                anchor: value < 0 ? "end" : "start")
        }
        return document.finish()
    }
}
