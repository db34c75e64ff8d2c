extension SVGChart {
    /// Vertical stacked bars over categories, one stack segment per series (`nil` counts as 0).
    ///
    /// Positive values stack upwards from 0 and negative ones downwards. Each segment carries a
    /// hover title "series · category: value"; stack totals are printed above the bars when
    /// they fit the category width.
    public static func stackedBars(_ options: ChartOptions, categories: [String], series: [ChartSeries]) -> String {
        var document = SVGDocument(id: options.id, title: options.title, width: options.width, height: options.height)
        let grid = series.map { bars in categories.indices.map { finite(bars.values[safe: $0] ?? nil) ?? 0 } }
        let positiveSums = categories.indices.map { column in grid.reduce(0) { $0 + max($1[column], 0) } }
        let negativeSums = categories.indices.map { column in grid.reduce(0) { $0 + min($1[column], 0) } }
        let present = Array(grid.joined())
        guard hasData(present) else { return noData(document) }

        let legend = Legend(
            series.enumerated().map { .init(name: $1.name, color: Palette.series($0), swatch: .square) },
            width: document.width)
        let plot = CategoryPlot(
            in: document, headerHeight: legend.height, categories: categories,
            lower: min(negativeSums.min() ?? 0, 0), upper: max(positiveSums.max() ?? 0, 0),
            integerSteps: allWhole(present))
        legend.draw(into: &document)
        plot.drawAxes(into: &document)

        let barWidth = min(plot.slot * 0.7, 56)
        for column in categories.indices {
            var positiveBase = 0.0
            var negativeBase = 0.0
            for (index, bars) in series.enumerated() {
                let value = grid[index][column]
                guard value != 0 else { continue }
                let (from, to): (Double, Double)
                if value > 0 {
                    (from, to) = (positiveBase, positiveBase + value)
                    positiveBase = to
                } else {
                    (from, to) = (negativeBase, negativeBase + value)
                    negativeBase = to
                }
                let top = plot.y(max(from, to))
                document.element(
                    "rect",
                    [
                        "x": n(plot.x(column) - barWidth / 2), "y": n(top), "width": n(barWidth),
                        "height": n(plot.y(min(from, to)) - top), "fill": Palette.series(index),
                        "stroke": "#ffffff", "stroke-width": "1",
                    ],
                    title: pointTitle(
                        series: bars.name, category: categories[column],
                        value: valueText(value, suffix: options.valueSuffix)))
            }
        }

        let totals = categories.indices.map {
            valueText(positiveSums[$0] + negativeSums[$0], suffix: options.valueSuffix)
        }
        if TextMetrics.maxWidth(totals) <= plot.slot - 2 {
            for (column, total) in totals.enumerated() where positiveSums[column] != 0 || negativeSums[column] != 0 {
                document.text(total, x: plot.x(column), y: plot.y(positiveSums[column]) - 4, anchor: "middle")
            }
        }
        return document.finish()
    }
}
