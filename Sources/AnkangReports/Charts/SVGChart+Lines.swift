extension SVGChart {
    /// Lines over categories (e.g. months), one per series; `nil` values break the line.
    ///
    /// Series whose index is in `dashed` (e.g. the same period last year) are drawn dashed with
    /// hollow markers. Every point carries a hover title "series · category: value".
    public static func lines(
        _ options: ChartOptions, categories: [String], series: [ChartSeries], dashed: Set<Int> = []
    ) -> String {
        var document = SVGDocument(id: options.id, title: options.title, width: options.width, height: options.height)
        let grid = series.map { line in categories.indices.map { finite(line.values[safe: $0] ?? nil) } }
        let present = grid.flatMap { $0.compactMap { $0 } }
        guard hasData(present) else { return noData(document) }

        let legend = Legend(
            series.enumerated().map {
                .init(name: $1.name, color: Palette.series($0), swatch: .line(dashed: dashed.contains($0)))
            },
            width: document.width)
        let plot = CategoryPlot(
            in: document, headerHeight: legend.height, categories: categories,
            lower: min(present.min() ?? 0, 0), upper: max(present.max() ?? 0, 0), integerSteps: allWhole(present))
        legend.draw(into: &document)
        plot.drawAxes(into: &document)

        for (index, line) in series.enumerated() {
            let color = Palette.series(index)
            let isDashed = dashed.contains(index)
            let path = linePath(
                grid[index].enumerated().map { column, value in value.map { (plot.x(column), plot.y($0)) } })
            if !path.isEmpty {
                document.element(
                    "path",
                    [
                        "d": path, "fill": "none", "stroke": color, "stroke-width": "2",
                        "stroke-dasharray": isDashed ? "5 3" : "none", "stroke-linejoin": "round",
                        "stroke-linecap": "round",
                    ])
            }
            for (column, value) in grid[index].enumerated() {
                guard let value else { continue }
                document.element(
                    "circle",
                    [
                        "cx": n(plot.x(column)), "cy": n(plot.y(value)), "r": "2.5",
                        "fill": isDashed ? "#ffffff" : color, "stroke": color, "stroke-width": "1",
                    ],
                    title: pointTitle(
                        series: line.name, category: categories[column],
                        value: valueText(value, suffix: options.valueSuffix)))
            }
        }
        return document.finish()
    }
}
