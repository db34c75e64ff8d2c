import AnkangModel
import AnkangScoring

extension Scorecard {
    /// The scorecard as one A4 HTML page.
    func html(_ language: ReportLanguage, siteHeader: String = "") -> String {
        let l = language
        let tables = tables(language)
        func table(_ en: String) -> ReportTable? { tables.first { $0.title.en == en } }
        var page = HTMLPage(language: language, title: l.pick("企业安全评分卡", "Enterprise safety scorecard") + " · \(enterprise.name) · \(period.label)",
                            extraStyle: Self.style)

        page.raw("<h1>\(HTMLPage.text(enterprise.name))</h1>\n")
        var meta = [orgPath.dropLast().joined(separator: " / "), l.pick("行业 ", "industry ") + enterprise.industry,
                    l.pick("职工 \(enterprise.employees) 人", "\(enterprise.employees) workers")]
        if let code = enterprise.creditCode { meta.insert(code, at: 0) }
        if enterprise.aboveScale { meta.append(l.pick("规模以上", "above designated size")) }
        page.paragraph(l.pick("企业安全评分卡", "Enterprise safety scorecard") + " · \(period.label) · " + meta.joined(separator: " · ")
                       + " · " + l.pick("统计截止 ", "as of ") + asOf.isoString, className: "meta")

        let score = assessment?.score
        page.cards([
            (l.pick("安康杯总分", "Ankang Cup total"), score.map { SheetCell.decimal($0.total).shown } ?? "—",
             score.map { l.pick($0.grade.label) }),
            (l.pick("本单位排名", "Rank in unit"), rankInUnit.map { "\($0.position)/\($0.of)" } ?? "—", rankInUnit?.within),
            (l.pick("行业排名", "Rank in industry"), rankInIndustry.map { "\($0.position)/\($0.of)" } ?? "—", rankInIndustry?.within),
            (l.pick("监控覆盖率", "Monitoring coverage"), SheetCell.fraction(monitoring.coverageRate).shown, nil),
            (l.pick("未销号隐患", "Open hazards"), "\(openHazards.general + openHazards.major)",
             openHazards.major > 0 ? l.pick("含重大 \(openHazards.major)", "\(openHazards.major) major") : nil),
            (l.pick("逾期", "Overdue"), "\(openHazards.overdue)", nil),
            (l.pick("整改率", "Rectification rate"), SheetCell.fraction(rectification.rectificationRate).shown, nil),
            (l.pick("“十个一”", "\"Ten ones\""), "\(activities.completed)/10", nil),
            (l.pick("事故", "Accidents"), "\(accidents.count)", nil),
        ])

        page.raw("<div class=\"two\">\n<section>\n")
        page.heading("安康杯考核", "Ankang Cup assessment", level: 3)
        if let score {
            let categories = score.categories.filter(\.applicable)
            page.figure(SVGChart.horizontalBars(
                ChartOptions(id: "categories", title: l.pick("分类得分率", "Rate by category"), width: 360, height: 22 * categories.count + 30,
                             valueSuffix: "%"),
                labels: categories.map { "\($0.code) \(l.pick($0.name))" }, values: categories.map { $0.ratePercent ?? 0 }),
                caption: l.pick("各类得分率；门槛 80%。", "Rate per category; the gate is 80 %."))
            var facts = [l.pick("鼓励加分 ", "Bonus ") + SheetCell.decimal(score.bonus.granted).shown]
            facts.append(score.vetoes.isEmpty ? l.pick("无否决事项", "no veto") : l.pick("否决 \(score.vetoes.count) 项", "\(score.vetoes.count) veto(es)"))
            facts.append(score.eligibleAwards.isEmpty ? l.pick("不具备评奖资格", "not eligible for awards")
                         : l.pick("可评：", "eligible: ") + score.eligibleAwards.map { l.pick($0.label) }.joined(separator: "、"))
            page.paragraph(facts.joined(separator: " · "))
            if let vetoes = table("Vetoes"), !vetoes.rows.isEmpty { page.table(vetoes, compact: true) }
        } else {
            page.paragraph(l.pick("本期无安康杯考核记录。", "No Ankang Cup assessment in this period."), className: "empty")
        }
        page.heading("得分趋势", "Score trend", level: 3)
        page.raw(SVGChart.sparkline(id: "trend", title: l.pick("近期总分", "Recent totals"), values: scoreTrend.map(\.total), width: 240, height: 40))
        page.raw("<p class=\"method\">" + scoreTrend.map { "\($0.period): \($0.total.map { SheetCell.decimal($0).shown } ?? "—")" }
            .joined(separator: " · ") + "</p>\n")
        page.raw("</section>\n<section>\n")
        page.heading("“1+3”监控", "\"1+3\" monitoring", level: 3)
        if let coverage = table("\"1+3\" monitoring coverage") { page.table(coverage, compact: true) }
        page.paragraph(l.pick("整改率 ", "Rectification ") + SheetCell.fraction(rectification.rectificationRate).shown
                       + " · " + l.pick("按期 ", "on time ") + SheetCell.fraction(rectification.onTimeRate).shown
                       + " · " + l.pick("中位整改天数 ", "median days to close ") + SheetCell.decimal(rectification.medianDaysToClose).shown
                       + " · " + l.pick("“三违” \(violations) 人次", "\(violations) violations")
                       + " (" + SheetCell.decimal(violationsPer100Workers).shown + l.pick(" /百人)", " per 100 workers)"))
        page.heading("“十个一”活动", "\"Ten ones\" activities", level: 3)
        page.paragraph(l.pick("已开展 \(activities.completed)/10 项", "\(activities.completed) of 10 held")
                       + (activities.codes.isEmpty ? "" : "（\(activities.codes.joined(separator: " "))）")
                       + l.pick("，参与 \(activities.participants) 人次", ", \(activities.participants) participants"))
        page.raw("</section>\n</div>\n")

        page.heading("最早未销号隐患", "Oldest open hazards", level: 3)
        if let oldest = table("Oldest open hazards") { page.table(oldest, compact: true) }
        page.heading("整改通知/建议书及企业答复", "Rectification notices and replies", level: 3)
        if let notices = table("Open rectification notices") { page.table(notices, compact: true) }
        page.heading("事故", "Accidents", level: 3)
        if let accidents = table("Accidents") { page.table(accidents, compact: true) }
        page.siteHeader = siteHeader
        return page.document
    }

    static let style = """
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        @media (max-width: 700px) { .two { grid-template-columns: 1fr; } }
        @media print {
          body { font-size: 9pt; }
          h1 { font-size: 15pt; }
          h3 { margin: 6px 0 3px; font-size: 10.5pt; }
          .cards { grid-template-columns: repeat(9, 1fr); gap: 4px; }
          .card { padding: 3px 5px; }
          .card .value { font-size: 12pt; }
          table { font-size: 8pt; }
          th, td { padding: 1px 4px; }
          main { page-break-after: always; }
        }

        """
}

extension Watchlist {
    /// An index page of scorecards (name, file, total, grade) with the watchlist on top.
    public func htmlIndex(
        _ language: ReportLanguage, scorecards: [(name: String, file: String, total: Double?, grade: String?)], siteHeader: String = ""
    ) -> String {
        let l = language
        var page = HTMLPage(language: language, title: l.pick("企业安全评分卡", "Enterprise safety scorecards") + " \(period.label)")
        page.raw("<h1>\(HTMLPage.text(l.pick("企业安全评分卡", "Enterprise safety scorecards") + " · " + period.label))</h1>\n")
        page.heading("重点关注企业", "Watchlist")
        page.paragraph(l.pick("总分连续两期下降，或逾期隐患较上期增加的企业。", "Enterprises whose score fell two periods running or whose overdue hazards grew."),
                       className: "method")
        page.table(table(language))
        page.heading("全部企业", "All enterprises")
        page.raw("<table>\n<thead><tr><th>\(HTMLPage.text(l.pick("企业", "Enterprise")))</th><th>\(HTMLPage.text(l.pick("总分", "Total")))</th>"
                 + "<th>\(HTMLPage.text(l.pick("等级", "Grade")))</th></tr></thead>\n<tbody>\n")
        for card in scorecards {
            page.raw("<tr><td><a href=\"\(HTMLPage.text(card.file))\">\(HTMLPage.text(card.name))</a></td>"
                     + "<td class=\"n\">\(HTMLPage.text(SheetCell.decimal(card.total).shown))</td><td>\(HTMLPage.text(card.grade ?? ""))</td></tr>\n")
        }
        page.raw("</tbody></table>\n")
        page.siteHeader = siteHeader
        return page.document
    }
}
