import AnkangModel

extension TrendReport {
    /// The most rows a list shows on the page (the exports hold them all).
    static let pageRowLimit = 30

    /// The report as one self-contained HTML page with inline SVG charts.
    func html(_ language: ReportLanguage, siteHeader: String = "") -> String {
        let l = language
        let tables = tables(language, rowLimit: Self.pageRowLimit)
        func table(_ en: String) -> ReportTable { tables.first { $0.title.en == en }! }
        let slice = scope.orgPath.isEmpty ? l.pick("全市", "Whole city") : scope.orgPath.joined(separator: " / ")
        var page = HTMLPage(language: language, title: l.pick("隐患趋势分析", "Hazard trend report") + " \(scope.from)–\(scope.to)")

        page.raw("<h1>\(HTMLPage.text(l.pick("隐患趋势分析报告", "Hazard trend report")))</h1>\n")
        var meta = l.pick("统计期", "Period") + " \(scope.from) – \(scope.to) · " + slice
        if let industry = scope.industry { meta += " · " + l.pick("行业 ", "industry ") + industry }
        meta += " · " + l.pick("统计截止 ", "as of ") + scope.asOf.isoString
        meta += " · " + l.pick("企业 \(scope.enterprises) 家，职工 \(scope.workers) 人", "\(scope.enterprises) enterprises, \(scope.workers) workers")
        page.paragraph(meta, className: "meta")

        let lastOpen = buckets.last { $0.period.from <= scope.asOf }?.openAtEnd ?? 0
        page.cards([
            (l.pick("发现隐患", "Hazards found"), "\(performance.found)", nil),
            (l.pick("已销号", "Closed"), "\(performance.closed)", nil),
            (l.pick("期末未销号", "Open at end"), "\(lastOpen)", nil),
            (l.pick("逾期未整改", "Overdue"), "\(overdue.count)", overdue.isEmpty ? nil : l.pick("需督办", "needs follow-up")),
            (l.pick("整改率", "Rectification rate"), SheetCell.fraction(performance.rectificationRate).shown, nil),
            (l.pick("按期整改率", "On-time rate"), SheetCell.fraction(performance.onTimeRate).shown, nil),
            (l.pick("整改天数中位数", "Median days to close"), SheetCell.decimal(performance.medianDaysToClose).shown, nil),
            (l.pick("“三违”人次", "Violations"), "\(violations.total)", nil),
            (l.pick("事故", "Accidents"), "\(accidents.total)", nil),
        ])

        // Volume.
        page.heading("隐患数量趋势", "Volume by period")
        let labels = buckets.map(\.period.label)
        page.raw("<div class=\"grid\">\n")
        page.figure(SVGChart.lines(
            ChartOptions(id: "volume", title: l.pick("发现与销号", "Found and closed"), width: 520), categories: labels,
            series: [
                ChartSeries(name: l.pick("发现", "Found"), values: buckets.map { Double($0.found) }),
                ChartSeries(name: l.pick("销号", "Closed"), values: buckets.map { Double($0.closed) }),
                ChartSeries(name: l.pick("上年同期发现", "Found a year earlier"), values: buckets.map { Double($0.foundYearEarlier) }),
            ], dashed: [2]),
            caption: l.pick("每期发现与销号的隐患；虚线为上年同期发现数。", "Hazards found and closed per period; dashed: found a year earlier."))
        page.figure(SVGChart.lines(
            ChartOptions(id: "open", title: l.pick("期末未销号", "Open at period end"), width: 520), categories: labels,
            series: [
                ChartSeries(name: l.pick("期末未销号", "Open at end"), values: buckets.map { $0.period.from <= scope.asOf ? Double($0.openAtEnd) : nil }),
                ChartSeries(name: l.pick("上年同期", "A year earlier"), values: buckets.map { Double($0.openAtEndYearEarlier) }),
            ], dashed: [1]),
            caption: l.pick("各期期末尚未复查销号的隐患；虚线为上年同期。", "Hazards not closed at each period's end; dashed: a year earlier."))
        page.raw("</div>\n")
        page.raw("<div class=\"table-wrap\">")
        page.table(table("Volume by period"), compact: true)
        page.raw("</div>\n")
        page.heading("趋势检验", "Trend tests", level: 3)
        page.table(table("Trend tests (Mann–Kendall, α = 0.05)"), compact: true)
        page.paragraph(l.pick(
            "Mann–Kendall 检验（双侧，α = 0.05，含结值校正与连续性校正）；Sen 斜率为每期变化量。少于 4 期不作结论。",
            "Mann–Kendall test (two-sided, α = 0.05, with tie and continuity corrections); Sen's slope is the change per period. No verdict below 4 periods."),
            className: "method")

        // Breakdowns.
        page.heading("隐患分类", "Breakdowns")
        page.raw("<div class=\"grid\">\n")
        for breakdown in breakdowns where !breakdown.rows.isEmpty {
            let rows = breakdown.rows.sorted { ($0.found, $1.key) > ($1.found, $0.key) }
            page.figure(SVGChart.horizontalBars(
                ChartOptions(id: "by-\(breakdown.dimension)", title: l.pick(breakdown.title), width: 480, height: max(80, 26 * rows.count + 30)),
                labels: rows.map { l.pick($0.label) }, values: rows.map { Double($0.found) }),
                caption: l.pick(breakdown.title))
        }
        page.raw("</div>\n")

        // Where.
        page.heading("分布", "Where")
        if !byUnit.isEmpty, buckets.count <= 36 {
            page.figure(SVGChart.heatmap(
                ChartOptions(id: "heat", title: l.pick("每百名职工未销号隐患", "Open hazards per 100 workers"), width: 720,
                             height: max(120, 28 * byUnit.count + 60)),
                rows: byUnit.map(\.name), columns: labels, values: heat),
                caption: l.pick("各期期末每百名职工未销号隐患数。", "Open hazards per 100 workers at the end of each period."))
        }
        page.heading("按乡镇·园区·系统", "By township, park or system", level: 3)
        page.raw("<div class=\"table-wrap\">")
        page.table(table("By township, park or system"))
        page.raw("</div>\n")
        page.heading("按企业", "By enterprise", level: 3)
        page.raw("<div class=\"table-wrap\">")
        page.table(table("By enterprise"), limit: 20)
        page.raw("</div>\n")

        // Performance.
        page.heading("整改绩效", "Rectification")
        page.paragraph(l.pick(
            "整改率 = 已销号 ÷（已销号 + 逾期未销号），未到期的不计；按期 = 复查合格日期不晚于整改期限加宽限天数；整改天数 = 销号日期 − 发现日期。",
            "Rectification rate = closed ÷ (closed + overdue), hazards not yet due left out; on time = passed follow-up no later than the deadline plus the grace days; days to close = closing date − date found."),
            className: "method")
        page.heading("逾期未整改隐患", "Overdue hazards", level: 3)
        page.raw("<div class=\"table-wrap\">")
        page.table(table("Overdue hazards"), limit: 30, compact: true)
        page.raw("</div>\n")
        page.heading("重大隐患（挂牌督办或未销号）", "Major hazards (escalated or open)", level: 3)
        page.raw("<div class=\"table-wrap\">")
        page.table(table("Major hazards (escalated or open)"), limit: 30, compact: true)
        page.raw("</div>\n")

        // Recurrence.
        page.heading("反复出现的问题", "Recurrence")
        if !recurringItems.isEmpty {
            page.figure(SVGChart.horizontalBars(
                ChartOptions(id: "recurring", title: l.pick("高频问题项目", "Most failed items"), width: 720, height: 26 * recurringItems.count + 30),
                labels: recurringItems.map { item in "\(item.code) " + (item.name.map(l.pick) ?? "") },
                values: recurringItems.map { Double($0.failures) }),
                caption: l.pick("检查结果为“不符合”的次数（前十）。", "Times judged non-compliant (top 10)."))
        }
        page.table(table("Most failed checklist items (top 10)"), compact: true)
        page.heading("连续三期及以上不合格", "Same item failed three periods running", level: 3)
        page.table(table("Same item failed three periods running"), limit: 30, compact: true)

        // Behaviour and outcomes.
        page.heading("“三违”与事故", "Violations and accidents")
        page.raw("<div class=\"grid\">\n<div>")
        page.table(table("Violations (三违)"), compact: true)
        page.raw("</div>\n<div>")
        page.table(table("Accidents"), compact: true)
        page.raw("</div>\n</div>\n")

        // Coverage.
        page.heading("“1+3”监控覆盖", "\"1+3\" monitoring coverage")
        page.figure(SVGChart.lines(
            ChartOptions(id: "coverage", title: l.pick("监控记录应交与实交", "Records expected and received")), categories: labels,
            series: [
                ChartSeries(name: l.pick("应交", "Expected"), values: buckets.map { Double($0.recordsExpected) }),
                ChartSeries(name: l.pick("实交", "Received"), values: buckets.map { Double($0.recordsReceived) }),
            ]),
            caption: l.pick("应交 = 单位数 × 期内应交次数（班组每个工作日、车间每周、企业每月，按评分方案配置）。",
                            "Expected = units × slots in the period (per the profile: teams every working day, workshops weekly, the enterprise monthly)."))
        page.table(table("\"1+3\" monitoring coverage"), compact: true)
        page.heading("监控记录缺交", "Missing monitoring records", level: 3)
        page.table(table("Missing monitoring records"), limit: 20, compact: true)
        page.siteHeader = siteHeader
        return page.document
    }
}
