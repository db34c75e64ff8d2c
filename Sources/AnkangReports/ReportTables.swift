import AnkangModel
import AnkangScoring
import AnkangStore

/// The language of a rendered report's labels.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case zh, en

    /// The label in this language.
    public func pick(_ text: LocalizedText) -> String { self == .zh ? text.zh : text.en }

    /// Picks between a Chinese and an English literal.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// One titled table of a report: what CSV sections and XLSX sheets are made of.
struct ReportTable: Sendable {
    var title: LocalizedText
    var columns: [LocalizedText]
    var rows: [[SheetCell]]
    /// How many rows the full table has (more than `rows` when it was built for a page that shows a few).
    var totalRows: Int

    init(_ zh: String, _ en: String, columns: [(String, String)], rows: [[SheetCell]], totalRows: Int? = nil) {
        title = LocalizedText(zh: zh, en: en)
        self.columns = columns.map { LocalizedText(zh: $0.0, en: $0.1) }
        self.rows = rows
        self.totalRows = totalRows ?? rows.count
    }
}

/// Building cells from report values.
extension SheetCell {
    static func count(_ value: Int) -> SheetCell { .integer(value) }
    static func decimal(_ value: Double?) -> SheetCell { value.map { .number($0, decimals: 1) } ?? .empty }
    static func fraction(_ value: Double?) -> SheetCell { value.map { .percent($0, decimals: 1) } ?? .empty }
    static func day(_ value: CivilDate?) -> SheetCell { value.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty }
    static func string(_ value: String?) -> SheetCell { value.map { .text($0) } ?? .empty }
}

extension TrendReport {
    /// The report as tables, in the order the page shows them.
    /// The tables; the long lists (enterprises, hazards, repeats, missing records) cut after `rowLimit` rows,
    /// for a page that shows only their first rows (a city-wide overdue list has hundreds of thousands).
    func tables(_ language: ReportLanguage, rowLimit: Int = .max) -> [ReportTable] {
        let l = language
        let performance = performance
        func list<Item>(_ zh: String, _ en: String, columns: [(String, String)], _ items: [Item], _ cells: (Item) -> [SheetCell]) -> ReportTable {
            ReportTable(zh, en, columns: columns, rows: items.prefix(rowLimit).map(cells), totalRows: items.count)
        }
        let summary: [(String, String, SheetCell)] = [
            ("统计期起", "Period from", .day(scope.from)),
            ("统计期止", "Period to", .day(scope.to)),
            ("统计截止日", "As of", .day(scope.asOf)),
            ("范围", "Slice", .text(scope.orgPath.isEmpty ? l.pick("全市", "whole city") : scope.orgPath.joined(separator: "/"))),
            ("行业", "Industry", .string(scope.industry)),
            ("企业数", "Enterprises", .count(scope.enterprises)),
            ("职工人数", "Workers", .count(scope.workers)),
            ("发现隐患", "Hazards found", .count(performance.found)),
            ("已销号", "Closed", .count(performance.closed)),
            ("逾期未整改", "Overdue", .count(performance.overdue)),
            ("整改率", "Rectification rate", .fraction(performance.rectificationRate)),
            ("按期整改率", "On-time rate", .fraction(performance.onTimeRate)),
            ("平均整改天数", "Mean days to close", .decimal(performance.meanDaysToClose)),
            ("整改天数中位数", "Median days to close", .decimal(performance.medianDaysToClose)),
            ("“三违”人次", "Violations", .count(violations.total)),
            ("事故起数", "Accidents", .count(accidents.total)),
        ]
        return [
            ReportTable("概况", "Summary", columns: [("项目", "Item"), ("数值", "Value")],
                        rows: summary.map { [.text(l.pick($0.0, $0.1)), $0.2] }),
            ReportTable("隐患数量趋势", "Volume by period", columns: [
                ("期间", "Period"), ("发现", "Found"), ("销号", "Closed"), ("期末未销号", "Open at end"), ("上年同期发现", "Found a year earlier"),
                ("上年同期销号", "Closed a year earlier"), ("上年同期期末未销号", "Open a year earlier"), ("“三违”人次", "Violations"),
                ("事故", "Accidents"), ("监控记录应交", "Records expected"), ("监控记录实交", "Records received"),
            ], rows: buckets.map { b in
                [.text(b.period.label), .count(b.found), .count(b.closed), .count(b.openAtEnd), .count(b.foundYearEarlier),
                 .count(b.closedYearEarlier), .count(b.openAtEndYearEarlier), .count(b.violations), .count(b.accidents),
                 .count(b.recordsExpected), .count(b.recordsReceived)]
            }),
            ReportTable("隐患分类", "Breakdowns", columns: [("维度", "Dimension"), ("代码", "Code"), ("名称", "Name"), ("发现", "Found"), ("未销号", "Open")],
                        rows: breakdowns.flatMap { breakdown in
                            breakdown.rows.map { [.text(l.pick(breakdown.title)), .text($0.key), .text(l.pick($0.label)), .count($0.found), .count($0.open)] }
                        }),
            ReportTable("按乡镇·园区·系统", "By township, park or system", columns: Self.placeColumns, rows: byUnit.map(Self.placeCells)),
            list("按企业", "By enterprise", columns: Self.placeColumns, byEnterprise, Self.placeCells),
            list("逾期未整改隐患", "Overdue hazards", columns: ReportTable.hazardColumns, overdue) { ReportTable.hazardCells($0, l) },
            list("重大隐患（挂牌督办）", "Major hazards (escalated or open)", columns: ReportTable.hazardColumns, escalatedMajors) {
                ReportTable.hazardCells($0, l)
            },
            ReportTable("高频问题项目（前十）", "Most failed checklist items (top 10)",
                        columns: [("项目", "Item"), ("名称", "Name"), ("类别", "Category"), ("不符合次数", "Failures"), ("企业数", "Enterprises")],
                        rows: recurringItems.map { [.text($0.code), .string($0.name.map(l.pick)), .text($0.category), .count($0.failures), .count($0.enterprises)] }),
            list("连续三期及以上不合格", "Same item failed three periods running",
                 columns: [("企业代码", "Enterprise key"), ("企业", "Enterprise"), ("项目", "Item"), ("连续期数", "Periods"), ("期间", "Which")],
                 repeatFailures) {
                [.text($0.enterpriseKey), .text($0.enterpriseName), .text($0.code), .count($0.periods.count), .text($0.periods.joined(separator: " "))]
            },
            ReportTable("“三违”", "Violations (三违)", columns: [("类型", "Type"), ("人次", "Count")],
                        rows: violations.byType.map { [.text(l.pick($0.label)), .count($0.found)] }
                            + [[.text(l.pick("合计", "Total")), .count(violations.total)],
                               [.text(l.pick("每百名职工", "Per 100 workers")), .decimal(violations.per100Workers)],
                               [.text(l.pick("每份监控记录", "Per monitoring record")), .decimal(violations.perRecord)]]),
            ReportTable("事故", "Accidents", columns: [("事故类型", "Type"), ("轻伤", "Minor"), ("重伤", "Serious"), ("死亡", "Fatal"), ("人数", "Persons")],
                        rows: accidents.rows.map { [.text(l.pick($0.label)), .count($0.minor), .count($0.serious), .count($0.fatal), .count($0.persons)] }
                            + [[.text(l.pick("千人死亡率", "Fatalities per 1,000 workers")), .empty, .empty, .decimal(accidents.fatalitiesPer1000Workers), .empty],
                               [.text(l.pick("千人重伤率", "Serious injuries per 1,000 workers")), .empty, .decimal(accidents.seriousInjuriesPer1000Workers), .empty, .empty]]),
            ReportTable("“1+3”监控覆盖", "\"1+3\" monitoring coverage", columns: ReportTable.coverageColumns,
                        rows: coverage.map { ReportTable.coverageCells($0, l) }),
            list("监控记录缺交", "Missing monitoring records", columns: ReportTable.missingColumns, missingRecords) {
                ReportTable.missingCells($0, l)
            },
            ReportTable("趋势检验（Mann–Kendall，α = 0.05）", "Trend tests (Mann–Kendall, α = 0.05)",
                        columns: [("指标", "Series"), ("点数", "n"), ("S", "S"), ("Z", "Z"), ("p", "p"), ("Sen 斜率（每期）", "Sen's slope (per period)"),
                                  ("结论", "Verdict")],
                        rows: trends.map { t in
                            [.text(l.pick(t.label)), .count(t.test.n), .count(t.test.s), .number(t.test.z, decimals: 2), .number(t.test.p, decimals: 3),
                             .number(t.test.slope, decimals: 2), .text(l.pick(t.test.direction.zh, t.test.direction.en))]
                        }),
        ]
    }

    static let placeColumns = [
        ("代码", "Key"), ("名称", "Name"), ("所属", "Unit"), ("企业数", "Enterprises"), ("职工", "Workers"), ("发现", "Found"), ("其中重大", "Of which major"),
        ("未销号", "Open"), ("每百人发现", "Found per 100 workers"), ("每百人未销号", "Open per 100 workers"),
    ]

    static func placeCells(_ row: PlaceRow) -> [SheetCell] {
        [.text(row.key), .text(row.name), .text(row.unit), .count(row.enterprises), .count(row.workers), .count(row.found), .count(row.major),
         .count(row.openAtEnd), .decimal(row.foundPer100Workers), .decimal(row.openPer100Workers)]
    }
}

extension ReportTable {
    static let hazardColumns = [
        ("企业", "Enterprise"), ("隐患编号", "Hazard"), ("等级", "Grade"), ("描述", "Description"), ("部位", "Location"), ("发现日期", "Found"),
        ("整改期限", "Deadline"), ("逾期天数", "Days overdue"), ("责任人", "Responsible"), ("状态", "Status"), ("挂牌督办", "Escalated"),
    ]

    static func hazardCells(_ line: HazardLine, _ l: ReportLanguage) -> [SheetCell] {
        [.text(line.enterpriseName), .text(line.hazardID), .text(l.pick(line.grade.label)), .text(line.description), .text(line.location),
         .day(line.foundOn), .day(line.deadline), .count(line.daysOverdue), .string(line.responsiblePerson), .text(l.pick(line.status.label)),
         .text(line.escalated ? l.pick("是", "yes") : "")]
    }

    static let coverageColumns = [("层级", "Tier"), ("频次", "Frequency"), ("单位数", "Units"), ("应交", "Expected"), ("实交", "Received"), ("覆盖率", "Coverage")]

    static func coverageCells(_ tier: TierCoverage, _ l: ReportLanguage) -> [SheetCell] {
        [.text(l.pick(tier.label)), .text(l.pick(tier.frequency.label)), .count(tier.units), .count(tier.expected), .count(tier.received), .fraction(tier.rate)]
    }

    static let missingColumns = [("企业", "Enterprise"), ("层级", "Tier"), ("单位", "Unit"), ("应交", "Expected"), ("实交", "Received")]

    static func missingCells(_ row: MissingRecords, _ l: ReportLanguage) -> [SheetCell] {
        [.text(row.enterpriseName), .text(l.pick(row.tier.label)), .text(row.unit), .count(row.expected), .count(row.received)]
    }
}

extension Scorecard {
    /// The scorecard as tables.
    func tables(_ language: ReportLanguage) -> [ReportTable] {
        let l = language
        var identity: [(String, String, SheetCell)] = [
            ("企业名称", "Enterprise", .text(enterprise.name)),
            ("统一社会信用代码", "Unified social credit code", .string(enterprise.creditCode)),
            ("组织机构代码", "Organisation code", .string(enterprise.orgCode)),
            ("行业（GB/T 4754）", "Industry (GB/T 4754)", .text(enterprise.industry)),
            ("所属", "Belongs to", .text(orgPath.dropLast().joined(separator: "/"))),
            ("规模以上企业", "Above designated size", .text(enterprise.aboveScale ? l.pick("是", "yes") : l.pick("否", "no"))),
            ("职工人数", "Workers", .count(enterprise.employees)),
            ("统计期", "Period", .text(period.label)),
            ("统计截止日", "As of", .day(asOf)),
        ]
        if let score = assessment?.score {
            identity += [
                ("安康杯总分", "Ankang Cup total", .decimal(score.total)),
                ("等级", "Grade", .text(l.pick(score.grade.label))),
                ("鼓励加分", "Bonus", .decimal(score.bonus.granted)),
                ("否决项", "Vetoes", .count(score.vetoes.count)),
                ("评奖资格", "Award eligibility", .text(score.eligibleAwards.map { l.pick($0.label) }.joined(separator: "、"))),
            ]
        }
        identity += [
            ("本单位排名", "Rank in unit", .string(rankInUnit.map { "\($0.position)/\($0.of)" })),
            ("行业排名", "Rank in industry", .string(rankInIndustry.map { "\($0.position)/\($0.of)" })),
            ("监控记录", "Monitoring records", .count(monitoring.records)),
            ("监控覆盖率", "Monitoring coverage", .fraction(monitoring.coverageRate)),
            ("未销号一般隐患", "Open general hazards", .count(openHazards.general)),
            ("未销号重大隐患", "Open major hazards", .count(openHazards.major)),
            ("逾期隐患", "Overdue hazards", .count(openHazards.overdue)),
            ("本期发现隐患", "Hazards found", .count(rectification.found)),
            ("整改率", "Rectification rate", .fraction(rectification.rectificationRate)),
            ("按期整改率", "On-time rate", .fraction(rectification.onTimeRate)),
            ("整改天数中位数", "Median days to close", .decimal(rectification.medianDaysToClose)),
            ("“十个一”完成项", "\"Ten ones\" completed", .text("\(activities.completed)/10")),
            ("“三违”人次", "Violations", .count(violations)),
            ("每百人“三违”", "Violations per 100 workers", .decimal(violationsPer100Workers)),
            ("事故起数", "Accidents", .count(accidents.count)),
        ]
        var tables = [
            ReportTable("评分卡", "Scorecard", columns: [("项目", "Item"), ("数值", "Value")], rows: identity.map { [.text(l.pick($0.0, $0.1)), $0.2] }),
        ]
        if let score = assessment?.score {
            tables.append(ReportTable("安康杯分类得分", "Ankang Cup by category", columns: [
                ("类别", "Category"), ("名称", "Name"), ("权重", "Weight"), ("得分", "Points"), ("得分率", "Rate"), ("门槛", "Gate"), ("达标", "Passed"),
            ], rows: score.categories.map { c in
                [.text(c.code), .text(l.pick(c.name)), .decimal(c.weight), .decimal(c.points), .fraction(c.ratePercent.map { $0 / 100 }),
                 .fraction(c.minimumRatePercent.map { $0 / 100 }), .text(c.gatePassed.map { $0 ? l.pick("是", "yes") : l.pick("否", "no") } ?? "")]
            }))
            tables.append(ReportTable("否决事项", "Vetoes", columns: [("类型", "Type"), ("说明", "Explanation")],
                                      rows: score.vetoes.map { [.text(l.pick($0.type.label)), .text(l.pick($0.zh, $0.en))] }))
        }
        tables += [
            ReportTable("得分趋势", "Score trend", columns: [("期间", "Period"), ("总分", "Total")],
                        rows: scoreTrend.map { [.text($0.period), .decimal($0.total)] }),
            ReportTable("“1+3”监控覆盖", "\"1+3\" monitoring coverage", columns: ReportTable.coverageColumns,
                        rows: monitoring.coverage.map { ReportTable.coverageCells($0, l) }),
            ReportTable("最早未销号隐患", "Oldest open hazards", columns: ReportTable.hazardColumns,
                        rows: openHazards.oldest.map { ReportTable.hazardCells($0, l) }),
            ReportTable("事故", "Accidents", columns: [("日期", "Date"), ("类型", "Type"), ("伤害程度", "Severity"), ("人数", "Persons")],
                        rows: accidents.map { [.day($0.date), .text(l.pick($0.type.label)), .text(l.pick($0.severity.label)), .count($0.persons)] }),
            ReportTable("未结整改通知/建议书", "Open rectification notices", columns: [
                ("文号", "Notice"), ("类型", "Kind"), ("下发日期", "Issued"), ("企业答复", "Replied"), ("未销号事项", "Open findings"), ("督办", "Escalated to"),
            ], rows: openNotices.map { n in
                [.text(n.noticeNo), .text(l.pick(n.kind.label)), .day(n.issuedOn), n.repliedOn.map { .day($0) } ?? .text(l.pick("未答复", "no reply")),
                 .count(n.openFindings), .string(n.escalatedTo)]
            }),
        ]
        return tables
    }
}

extension Watchlist {
    /// The watchlist as one table.
    func table(_ language: ReportLanguage) -> ReportTable {
        let l = language
        let labels = entries.first?.scores.map(\.period) ?? []
        return ReportTable("重点关注企业", "Watchlist", columns: [("企业代码", "Enterprise key"), ("企业", "Enterprise"), ("所属", "Unit")]
            + labels.map { ("\($0) 总分", "\($0) total") }
            + [("连续两期下降", "Fell two periods running"), ("上期逾期", "Overdue before"), ("本期逾期", "Overdue now")],
            rows: entries.map { e in
                [.text(e.enterpriseKey), .text(e.enterpriseName), .text(e.unit)] + e.scores.map { .decimal($0.total) }
                    + [.text(e.scoreFellTwice ? l.pick("是", "yes") : ""), .count(e.overdueBefore), .count(e.overdueNow)]
            })
    }
}
