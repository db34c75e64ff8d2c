extension SVGChart {
    /// A heat map of `rows` × `columns`; `values[row][column]`, missing or `nil` entries mean no data.
    ///
    /// Colours run from very light to dark red between min(0, smallest) and the largest value; no-data
    /// cells are hatched grey and explained by a key below the grid. Values are printed in the
    /// cells where they fit, and every cell carries a hover title "row · column: value".
    public static func heatmap(_ options: ChartOptions, rows: [String], columns: [String], values: [[Double?]])
        -> String
    {
        var document = SVGDocument(id: options.id, title: options.title, width: options.width, height: options.height)
        let grid = rows.indices.map { row in columns.indices.map { finite(values[safe: row]?[safe: $0] ?? nil) } }
        let present = grid.flatMap { $0.compactMap { $0 } }
        guard hasData(present) else { return noData(document) }

        let lower = min(present.min() ?? 0, 0)
        let upper = max(present.max() ?? 0, 0)
        let hasMissing = present.count < rows.count * columns.count
        let hatchID = document.id + "-hatch"
        if hasMissing {
            document.open("defs")
            document.open(
                "pattern",
                [
                    "id": hatchID, "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                    "patternTransform": "rotate(45)",
                ])
            document.element("rect", ["width": "6", "height": "6", "fill": Palette.noData])
            document.element(
                "line",
                ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": Palette.noDataHatch, "stroke-width": "2"])
            document.close("pattern")
            document.close("defs")
        }

        let shownRows = rows.map { TextMetrics.truncated($0, toWidth: document.width * 0.3) }
        let left = TextMetrics.maxWidth(shownRows) + 12
        let top = 30.0
        let right = max(document.width - 8, left + 1)
        let bottom = max(document.height - (hasMissing ? 26 : 8), top + 1)
        let cellWidth = (right - left) / Double(columns.count)
        let cellHeight = (bottom - top) / Double(rows.count)

        let columnStride = TextMetrics.labelStride(extent: TextMetrics.maxWidth(columns), slot: cellWidth)
        for (column, name) in columns.enumerated() where column % columnStride == 0 {
            let half = TextMetrics.width(name) / 2
            let x = min(max(left + (Double(column) + 0.5) * cellWidth, half), document.width - half)
            document.text(name, x: x, y: top - 8, anchor: "middle", fill: Palette.mutedText)
        }

        let rowStride = TextMetrics.labelStride(extent: 12, slot: cellHeight, gap: 1)
        for (row, cells) in grid.enumerated() {
            let y = top + Double(row) * cellHeight
            if row % rowStride == 0 {
                document.text(
                    shownRows[row], x: left - 6, y: y + cellHeight / 2 + 4, anchor: "end",
                    title: shownRows[row] == rows[row] ? nil : rows[row])
            }
            for (column, value) in cells.enumerated() {
                let x = left + Double(column) * cellWidth
                let t = value.map { ($0 - lower) / (upper - lower) } ?? 0
                let text = value.map { valueText($0, suffix: options.valueSuffix) }
                document.element(
                    "rect",
                    [
                        "x": n(x), "y": n(y), "width": n(cellWidth), "height": n(cellHeight),
                        "fill": value == nil ? "url(#\(hatchID))" : Palette.heat(t), "stroke": "#ffffff",
                        "stroke-width": "1",
                    ],
                    title: pointTitle(series: rows[row], category: columns[column], value: text ?? noDataMessage))
                if let text, TextMetrics.width(text) <= cellWidth - 4, cellHeight >= 13 {
                    document.text(
                        text, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle",
                        fill: Palette.heatNeedsLightText(t) ? "#ffffff" : Palette.text)
                }
            }
        }

        if hasMissing {
            let keyY = document.height - 16
            document.element(
                "rect",
                [
                    "x": n(left), "y": n(keyY), "width": "10", "height": "10", "fill": "url(#\(hatchID))",
                    "stroke": Palette.axis, "stroke-width": "0.5",
                ])
            document.text(noDataMessage, x: left + 14, y: keyY + 9, fill: Palette.mutedText)
        }
        return document.finish()
    }
}
