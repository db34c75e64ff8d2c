import Testing

@testable import AnkangReports

/// Every chart kind over a range of ordinary and awkward inputs.
private let months = (1...12).map { "\($0)月" }
private let options = ChartOptions(id: "t", title: "月度隐患", valueSuffix: "项")
private let cases: [(name: String, svg: String)] = [
    (
        "lines",
        SVGChart.lines(
            options, categories: months,
            series: [
                ChartSeries(name: "今年", values: [3, 5, nil, 8, 2, 0, 1, 4, nil, nil, 6, 7]),
                ChartSeries(name: "去年同期", values: [2, 4, 6, 5, 3, 1, 2, 3, 4, 5, 6, 5]),
            ], dashed: [1])
    ),
    ("lines empty", SVGChart.lines(options, categories: [], series: [])),
    ("lines all nil", SVGChart.lines(options, categories: months, series: [ChartSeries(name: "a", values: [nil])])),
    (
        "lines all zero",
        SVGChart.lines(
            options, categories: months, series: [ChartSeries(name: "a", values: Array(repeating: 0, count: 12))])
    ),
    ("lines single point", SVGChart.lines(options, categories: ["1月"], series: [ChartSeries(name: "a", values: [5])])),
    (
        "lines negative and NaN",
        SVGChart.lines(
            options, categories: ["a", "b", "c"], series: [ChartSeries(name: "a", values: [-3, .nan, 2.5])])
    ),
    (
        "lines tiny canvas",
        SVGChart.lines(
            ChartOptions(id: "t", title: "t", width: 0, height: -5), categories: ["a"],
            series: [ChartSeries(name: "a", values: [1])])
    ),
    (
        "stacked",
        SVGChart.stackedBars(
            options, categories: months,
            series: [
                ChartSeries(name: "一般隐患", values: [3, 5, nil, 8, 2, 0, 1, 4, 2, 2, 6, 7]),
                ChartSeries(name: "重大隐患", values: [1, 0, 2, 1]),
            ])
    ),
    ("stacked empty", SVGChart.stackedBars(options, categories: [], series: [])),
    (
        "stacked all zero",
        SVGChart.stackedBars(options, categories: ["a"], series: [ChartSeries(name: "a", values: [0])])
    ),
    (
        "stacked negative",
        SVGChart.stackedBars(
            options, categories: ["a", "b"],
            series: [
                ChartSeries(name: "a", values: [-2, 3]), ChartSeries(name: "b", values: [4, -1]),
            ])
    ),
    (
        "hbars",
        SVGChart.horizontalBars(options, labels: ["某某建筑工程有限公司第三项目部（很长很长的名称）", "B & <C>", "丙"], values: [12, 7.5, 1])
    ),
    ("hbars empty", SVGChart.horizontalBars(options, labels: [], values: [])),
    ("hbars all zero", SVGChart.horizontalBars(options, labels: ["a", "b"], values: [0, 0])),
    ("hbars mismatched", SVGChart.horizontalBars(options, labels: ["a"], values: [1, 2, 3])),
    ("hbars negative", SVGChart.horizontalBars(options, labels: ["a", "b"], values: [-5, .infinity])),
    (
        "heatmap",
        SVGChart.heatmap(
            options, rows: ["甲", "乙"], columns: months,
            values: [
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [nil, 2, 4],
            ])
    ),
    ("heatmap empty", SVGChart.heatmap(options, rows: [], columns: [], values: [])),
    ("heatmap all nil", SVGChart.heatmap(options, rows: ["a"], columns: ["b"], values: [[nil]])),
    ("heatmap single", SVGChart.heatmap(options, rows: ["a"], columns: ["b"], values: [[7]])),
    ("sparkline", SVGChart.sparkline(id: "s", title: "隐患", values: [3, nil, 5, 8, 2])),
    ("sparkline empty", SVGChart.sparkline(id: "s", title: "隐患", values: [])),
    ("sparkline all zero", SVGChart.sparkline(id: "s", title: "隐患", values: [0, 0])),
    ("sparkline single point", SVGChart.sparkline(id: "s", title: "隐患", values: [4])),
    ("sparkline trailing nil", SVGChart.sparkline(id: "s", title: "隐患", values: [4, 6, nil])),
]

@Suite struct SVGChartTests {
    @Test func sameInputGivesSameOutput() {
        let again = SVGChart.lines(
            options, categories: months,
            series: [
                ChartSeries(name: "今年", values: [3, 5, nil, 8, 2, 0, 1, 4, nil, nil, 6, 7]),
                ChartSeries(name: "去年同期", values: [2, 4, 6, 5, 3, 1, 2, 3, 4, 5, 6, 5]),
            ], dashed: [1])
        #expect(again == cases[0].svg)
        let heatmap = SVGChart.heatmap(
            options, rows: ["甲", "乙"], columns: months,
            values: [
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [nil, 2, 4],
            ])
        #expect(heatmap == cases.first { $0.name == "heatmap" }?.svg)
    }

    @Test(arguments: cases.map(\.name))
    func outputIsWellFormedAccessibleSVG(name: String) throws {
        let svg = try #require(cases.first { $0.name == name }?.svg)
        let elements = try #require(parseXML(svg), "not well-formed XML")
        let root = try #require(elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["class"] == "chart")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["font-family"]?.hasSuffix("sans-serif") == true)
        #expect(root.attributes["font-family"]?.hasPrefix("'Noto Sans CJK SC'") == true)
        let labelledBy = try #require(root.attributes["aria-labelledby"])
        #expect(elements.contains { $0.name == "title" && $0.attributes["id"] == labelledBy })
    }

    @Test(arguments: cases.map(\.name))
    func outputHasNoNonFiniteNumbers(name: String) throws {
        let svg = try #require(cases.first { $0.name == name }?.svg)
        let lowered = svg.lowercased()
        #expect(!lowered.contains("nan"))
        #expect(!lowered.contains("inf"))
        #expect(!svg.contains("-0 ") && !svg.contains("-0\"") && !svg.contains(".0\""))
    }

    @Test func emptyAndAllZeroInputsShowTheNoDataMessage() {
        for (name, svg) in cases
        where name.hasSuffix("empty") || name.hasSuffix("all zero") || name.hasSuffix("all nil") {
            #expect(svg.contains(">无数据 / No data</text>"), "\(name)")
            #expect(!svg.contains("<path") && !svg.contains("<rect"), "\(name)")
        }
    }

    @Test func titleAndLabelsAreEscaped() throws {
        let svg = SVGChart.horizontalBars(
            ChartOptions(id: "x\"y", title: "<&>"), labels: ["A & <B>"], values: [1])
        #expect(svg.contains(#"<title id="x-y-title">&lt;&amp;&gt;</title>"#))
        #expect(svg.contains("A &amp; &lt;B&gt;"))
        let elements = try #require(parseXML(svg))
        #expect(elements.first { $0.name == "title" }?.text == "<&>")
    }

    @Test func everyPointAndBarHasAHoverTitle() throws {
        let lines = try #require(parseXML(cases[0].svg))
        let circles = lines.filter { $0.name == "circle" }
        #expect(circles.count == 9 + 12)
        #expect(lines.contains { $0.name == "title" && $0.text == "今年 · 4月: 8项" })
        #expect(lines.contains { $0.name == "title" && $0.text == "去年同期 · 12月: 5项" })

        let bars = try #require(parseXML(cases.first { $0.name == "stacked" }!.svg))
        #expect(bars.contains { $0.name == "title" && $0.text == "重大隐患 · 3月: 2项" })
        #expect(bars.filter { $0.name == "rect" }.count == 10 + 3 + 2)  // segments + legend swatches
    }

    @Test func legendOnlyForSeveralSeries() {
        #expect(cases[0].svg.contains(">去年同期</text>"))
        #expect(cases[0].svg.contains(#"stroke-dasharray="5 3""#))
        let single = cases.first { $0.name == "lines single point" }!.svg
        #expect(!single.contains(">a</text>"))
    }

    @Test func crowdedCategoryLabelsAreThinned() throws {
        let categories = (2020...2024).flatMap { year in (1...12).map { "\(year)-\($0 < 10 ? "0" : "")\($0)" } }
        let svg = SVGChart.lines(
            ChartOptions(id: "m", title: "60个月"), categories: categories,
            series: [ChartSeries(name: "a", values: categories.indices.map { Double($0 % 7) })])
        let elements = try #require(parseXML(svg))
        let shown = elements.filter { $0.name == "text" && categories.contains($0.text) }
        #expect(
            shown.map(\.text) == [
                "2020-01", "2020-07", "2021-01", "2021-07", "2022-01", "2022-07", "2023-01", "2023-07", "2024-01",
                "2024-07",
            ])
        let xs = shown.compactMap { $0.attributes["x"].flatMap(Double.init) }
        for (a, b) in zip(xs, xs.dropFirst()) {
            #expect(b - a >= TextMetrics.width("2020-01"))
        }
    }

    @Test func heatColourDarkensWithValue() throws {
        let shades = stride(from: 0.0, through: 1, by: 0.1).map { luminance(Palette.heat($0)) }
        #expect(zip(shades, shades.dropFirst()).allSatisfy { $0 > $1 })

        let svg = SVGChart.heatmap(options, rows: ["r"], columns: ["a", "b", "c"], values: [[1, 5, 9]])
        let fills = try #require(parseXML(svg)).filter { $0.name == "rect" }.compactMap { $0.attributes["fill"] }
        #expect(fills.count == 3)
        let cellShades = fills.map(luminance)
        #expect(cellShades[0] > cellShades[1] && cellShades[1] > cellShades[2])
    }

    @Test func heatmapHatchesMissingCells() {
        let svg = cases.first { $0.name == "heatmap" }!.svg
        #expect(svg.contains(#"<pattern id="t-hatch""#))
        #expect(svg.contains(#"fill="url(#t-hatch)""#))
        #expect(svg.contains("<title>乙 · 1月: 无数据 / No data</title>"))
        #expect(!cases.first { $0.name == "heatmap single" }!.svg.contains("pattern"))
    }

    @Test func sparklineGolden() {
        let expected = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 160 36" width="160" height="36" role="img" aria-labelledby="s-title" font-family="'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" font-size="11">
            <title id="s-title">隐患</title>
            <path d="M3 21.8h0M80 14.3L118.5 3L157 25.5" fill="none" stroke="#0072b2" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>
            <circle cx="157" cy="25.5" r="2.5" fill="#0072b2"><title>隐患: 2</title></circle>
            </svg>
            """
        #expect(cases.first { $0.name == "sparkline" }!.svg == expected)
    }
}

/// Relative luminance proxy of "#rrggbb".
private func luminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    func channel(_ i: Int) -> Double { Double(Int(String(digits[i..<i + 2]), radix: 16) ?? 0) }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}
