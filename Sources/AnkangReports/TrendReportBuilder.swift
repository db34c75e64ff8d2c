import AnkangModel
import AnkangStore

/// What a report needs besides the stored facts: the names of checklist items and categories (from the
/// catalogues), the "1+3" schedules and the hazard timing (from the monitoring-compliance profile).
public struct ReportContext: Sendable {
    /// Checklist item names by code.
    public var itemNames: [String: LocalizedText]
    /// Checklist category names by letter.
    public var categoryNames: [String: LocalizedText]
    /// How often each monitoring tier files.
    public var schedules: [TierSchedule]
    /// Default deadlines of hazards found without one, and the grace after a deadline.
    public var timing: HazardTiming

    /// Creates a context from the catalogues (later versions name items) and a monitoring-compliance profile.
    public init?(catalogues: [ChecklistCatalogue], compliance: ScoringProfile) {
        guard case let .monitoringCompliance(rules) = compliance.rules else { return nil }
        var items: [String: LocalizedText] = [:]
        var categories: [String: LocalizedText] = [:]
        for catalogue in catalogues.sorted(by: { $0.version < $1.version }) {
            for category in catalogue.categories {
                categories[category.code] = category.name
                for item in category.items { items[item.code] = item.text }
            }
        }
        itemNames = items
        categoryNames = categories
        schedules = rules.tiers
        timing = rules.timing
    }

    /// The hazard's deadline, defaulted (found + the grade's days) when it was found without one.
    func deadline(of hazard: HazardFact) -> CivilDate {
        hazard.deadline ?? hazard.foundOn.adding(days: hazard.grade == .major ? timing.majorDeadlineDays : timing.generalDeadlineDays)
    }

    /// The hazard with its deadline defaulted when it was found without one.
    func withDeadline(_ hazard: HazardFact) -> HazardFact {
        guard hazard.deadline == nil else { return hazard }
        var dated = hazard
        dated.deadline = deadline(of: hazard)
        return dated
    }

    /// The hazard's dates as day numbers, its deadline defaulted.
    func span(_ hazard: HazardFact) -> HazardSpan {
        HazardSpan(found: hazard.foundOn.daysSinceEpoch, closed: hazard.closedOn?.daysSinceEpoch ?? .max,
                   deadline: hazard.deadline?.daysSinceEpoch ?? deadline(of: hazard).daysSinceEpoch)
    }
}

/// A request for a trend report.
public struct TrendRequest: Sendable, Hashable {
    public var from: CivilDate
    public var to: CivilDate
    public var granularity: Granularity
    /// City / unit / enterprise / workshop / team, as far as given.
    public var orgPath: [String]
    public var industry: String?
    /// Today, in Asia/Shanghai: open states are judged on min(today, to).
    public var today: CivilDate

    /// Creates a request.
    public init(from: CivilDate, to: CivilDate, granularity: Granularity, orgPath: [String] = [], industry: String? = nil, today: CivilDate) {
        self.from = from
        self.to = to
        self.granularity = granularity
        self.orgPath = orgPath
        self.industry = industry
        self.today = today
    }

    /// The facts to read: hazards of the period and the year before it (for the year-on-year columns),
    /// everything else of the period.
    public var scope: ReportScope {
        func part(_ index: Int) -> String? { orgPath.count > index && !orgPath[index].isEmpty ? orgPath[index] : nil }
        return ReportScope(
            from: from.sameDay(yearsEarlier: 1), to: to, city: part(0), jurisdictionUnit: part(1), enterprise: part(2), workshop: part(3),
            team: part(4), industryPrefix: industry, submissionsFrom: from, eventsFrom: from)
    }
}

extension TrendReport {
    /// Builds the report from facts read with `request.scope`. Its independent parts (volume and coverage,
    /// places, the hazard lists, recurrence) are computed at once, on as many cores as there are.
    public init(_ request: TrendRequest, facts: ReportFacts, context: ReportContext) async {
        let inputs = Inputs(request, facts: facts, context: context)
        async let volume = inputs.volume()
        async let places = inputs.places()
        async let lists = inputs.hazardLists()
        async let recurrence = inputs.recurrence()
        scope = TrendScope(from: request.from, to: request.to, granularity: request.granularity, orgPath: request.orgPath,
                           industry: request.industry, asOf: inputs.asOf, enterprises: facts.enterprises.count, workers: inputs.workers)
        breakdowns = inputs.breakdowns()
        performance = RectificationPerformance(cohort: inputs.foundInPeriod.lazy.map { inputs.spans[$0] }, asOf: inputs.asOf,
                                               graceDays: context.timing.verificationGraceDays)
        (violations, accidents) = inputs.outcomes()
        (buckets, coverage, missingRecords) = await volume
        (byUnit, heat, byEnterprise) = await places
        (overdue, escalatedMajors) = await lists
        (recurringItems, repeatFailures) = await recurrence

        // Trend verdicts over the buckets that have begun.
        let begun = buckets.filter { $0.period.from <= inputs.asOf }
        trends = [
            ("found", LocalizedText(zh: "发现隐患", en: "Hazards found"), begun.map { Double($0.found) }),
            ("closed", LocalizedText(zh: "销号隐患", en: "Hazards closed"), begun.map { Double($0.closed) }),
            ("openAtEnd", LocalizedText(zh: "期末未销号", en: "Open at end"), begun.map { Double($0.openAtEnd) }),
            ("violations", LocalizedText(zh: "“三违”人次", en: "Violations"), begun.map { Double($0.violations) }),
        ].map { SeriesTrend(series: $0.0, label: $0.1, test: TrendTest($0.2)) }
    }

    /// The facts and what every part of the report derives from them once: hazards are referred to by
    /// index and their dates by day number, since a city-wide report holds hundreds of thousands.
    struct Inputs: Sendable {
        let request: TrendRequest
        let facts: ReportFacts
        let context: ReportContext
        let asOf: CivilDate
        let asOfDay: Int
        let period: ReportPeriod
        let periodDays: ClosedRange<Int>
        let buckets: [ReportPeriod]
        let enterprises: [String: EnterpriseFact]
        let workers: Int
        let hazards: [HazardFact]
        let spans: [HazardSpan]
        /// Indexes of the hazards found in the period.
        let foundInPeriod: [Int]

        init(_ request: TrendRequest, facts: ReportFacts, context: ReportContext) {
            self.request = request
            self.facts = facts
            self.context = context
            asOf = min(request.to, request.today)
            asOfDay = asOf.daysSinceEpoch
            period = ReportPeriod(label: "\(request.from)…\(request.to)", from: request.from, to: request.to)
            periodDays = period.from.daysSinceEpoch...period.to.daysSinceEpoch
            buckets = ReportPeriod.buckets(from: request.from, to: request.to, by: request.granularity)
            enterprises = Dictionary(facts.enterprises.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            workers = facts.enterprises.reduce(0) { $0 + $1.employees }
            hazards = facts.hazards
            spans = hazards.map(context.span)
            let periodDays = periodDays, spans = spans
            foundInPeriod = spans.indices.filter { periodDays.contains(spans[$0].found) }
        }

        func name(_ key: String) -> String { enterprises[key]?.name ?? key }

        /// Volume per bucket with the same bucket a year earlier (one pass over the hazards for all buckets),
        /// and "1+3" coverage per bucket and over the period.
        func volume() -> ([BucketRow], [TierCoverage], [MissingRecords]) {
            let coverage = CoverageCounter(
                schedules: context.schedules, records: facts.submissions.filter { period.contains($0.date) }, enterprises: facts.enterprises,
                includeSilentEnterprises: request.orgPath.count < 4)
            let volume = BucketVolume(spans: spans, buckets: buckets, asOf: asOf)
            let rows = buckets.indices.map { index in
                let bucket = buckets[index]
                let tiers = coverage.coverage(in: bucket)
                return BucketRow(
                    period: bucket,
                    found: volume.found[index], closed: volume.closed[index], openAtEnd: volume.openAtEnd[index],
                    foundYearEarlier: volume.foundYearEarlier[index], closedYearEarlier: volume.closedYearEarlier[index],
                    openAtEndYearEarlier: volume.openAtEndYearEarlier[index],
                    violations: facts.violations.filter { bucket.contains($0.date) }.reduce(0) { $0 + $1.count },
                    accidents: facts.accidents.count { bucket.contains($0.date) },
                    recordsReceived: tiers.reduce(0) { $0 + $1.received }, recordsExpected: tiers.reduce(0) { $0 + $1.expected })
            }
            return (rows, coverage.coverage(in: period), coverage.missing(in: period))
        }

        /// Breakdowns of the hazards found in the period.
        func breakdowns() -> [Breakdown] {
            func breakdown<Key: Hashable & Comparable>(
                _ dimension: String, _ title: LocalizedText, key: (HazardFact) -> Key?, code: (Key) -> String, label: (Key) -> LocalizedText
            ) -> Breakdown {
                var found: [Key: Int] = [:]
                var open: [Key: Int] = [:]
                for index in foundInPeriod {
                    guard let value = key(hazards[index]) else { continue }
                    found[value, default: 0] += 1
                    if spans[index].isOpen(on: asOfDay) { open[value, default: 0] += 1 }
                }
                let rows = found.keys.sorted().map { value in
                    BreakdownRow(key: code(value), label: label(value), found: found[value] ?? 0, open: open[value] ?? 0)
                }
                return Breakdown(dimension: dimension, title: title, rows: rows)
            }
            return [
                breakdown("grade", LocalizedText(zh: "按隐患等级", en: "By grade"), key: { $0.grade.rawValue }, code: { $0 },
                          label: { HazardGrade(rawValue: $0)!.label }),
                breakdown("nature", LocalizedText(zh: "按隐患性质", en: "By nature"), key: { $0.nature.rawValue }, code: { $0 },
                          label: { HazardNature(rawValue: $0)!.label }),
                breakdown("accidentType", LocalizedText(zh: "按可能导致的事故类型（GB 6441）", en: "By potential accident type (GB 6441)"),
                          key: { $0.accidentType.rawValue }, code: { $0 }, label: { AccidentType(rawValue: $0)!.label }),
                breakdown("category", LocalizedText(zh: "按检查类别", en: "By checklist category"), key: { $0.category }, code: { $0 },
                          label: { context.categoryNames[$0] ?? LocalizedText(zh: "类别 \($0)", en: "Category \($0)") }),
                breakdown("industry", LocalizedText(zh: "按行业门类（GB/T 4754）", en: "By industry section (GB/T 4754)"),
                          key: { enterprises[$0.enterpriseKey].flatMap { $0.industry.first.map(String.init) } }, code: { $0 },
                          label: { IndustrySections.label($0) }),
            ]
        }

        /// Where: hazards by township/park/system (with the heat map of open hazards per 100 workers) and by enterprise.
        func places() -> ([PlaceRow], [[Double?]], [PlaceRow]) {
            func place(key: String, name: String, unit: String, members: [EnterpriseFact], hazards indexes: [Int]) -> PlaceRow {
                let workers = members.reduce(0) { $0 + $1.employees }
                var found = 0, major = 0, open = 0
                for index in indexes {
                    if periodDays.contains(spans[index].found) {
                        found += 1
                        if hazards[index].grade == .major { major += 1 }
                    }
                    if spans[index].isOpen(on: asOfDay) { open += 1 }
                }
                return PlaceRow(
                    key: key, name: name, unit: unit, enterprises: members.count, workers: workers, found: found, major: major, openAtEnd: open,
                    foundPer100Workers: workers > 0 ? Double(found) * 100 / Double(workers) : nil,
                    openPer100Workers: workers > 0 ? Double(open) * 100 / Double(workers) : nil)
            }
            let hazardsByEnterprise = Dictionary(grouping: hazards.indices, by: { hazards[$0].enterpriseKey })
            let enterprisesByUnit = Dictionary(grouping: facts.enterprises, by: \.jurisdictionUnit)
            let hazardsByUnit = enterprisesByUnit.mapValues { members in members.flatMap { hazardsByEnterprise[$0.key] ?? [] } }
            let byUnit = enterprisesByUnit.keys.sorted().map { unit in
                place(key: unit, name: unit, unit: "", members: enterprisesByUnit[unit] ?? [], hazards: hazardsByUnit[unit] ?? [])
            }.sorted { ($0.found, $1.key) > ($1.found, $0.key) }
            let heat = byUnit.map { row in
                let unitHazards = hazardsByUnit[row.key] ?? []
                return buckets.map { bucket -> Double? in
                    guard row.workers > 0, bucket.from <= asOf else { return nil }
                    let end = min(bucket.to, asOf).daysSinceEpoch
                    return Double(unitHazards.count { spans[$0].isOpen(on: end) }) * 100 / Double(row.workers)
                }
            }
            let byEnterprise = facts.enterprises.map { enterprise in
                place(key: enterprise.key, name: enterprise.name, unit: enterprise.jurisdictionUnit, members: [enterprise],
                      hazards: hazardsByEnterprise[enterprise.key] ?? [])
            }.filter { $0.found > 0 || $0.openAtEnd > 0 }.sorted { ($0.found, $0.openAtEnd, $1.key) > ($1.found, $1.openAtEnd, $0.key) }
            return (byUnit, heat, byEnterprise)
        }

        /// The overdue list, longest overdue first, and the escalated 重大 hazards, oldest first.
        func hazardLists() -> ([HazardLine], [HazardLine]) {
            func line(_ index: Int) -> HazardLine {
                let hazard = hazards[index], span = spans[index]
                return HazardLine(
                    enterpriseKey: hazard.enterpriseKey, enterpriseName: name(hazard.enterpriseKey), hazardID: hazard.hazardID,
                    submissionID: UUIDText.lowercased(hazard.submissionID), grade: hazard.grade, description: hazard.description,
                    location: hazard.location, foundOn: hazard.foundOn, deadline: context.deadline(of: hazard),
                    daysOverdue: span.isOverdue(on: asOfDay) ? asOfDay - span.deadline : 0, responsiblePerson: hazard.responsiblePerson,
                    status: span.isClosed(by: asOfDay) ? .closed : hazard.status, escalated: hazard.escalated)
            }
            // Sorted as indexes, before the lines are made: moving half a million finished lines through a merge
            // sort cost a second. The hazards come in no particular order, so every key ends with the hazard's
            // identity (date found, submission), and the enterprise is compared by its rank among the keys.
            let enterpriseRank = Dictionary(uniqueKeysWithValues: enterprises.keys.sorted().enumerated().map { ($1, $0) })
            func sameLineOrder(_ a: Int, _ b: Int) -> Bool {
                (hazards[a].hazardID, spans[a].found, hazards[a].submissionID) < (hazards[b].hazardID, spans[b].found, hazards[b].submissionID)
            }
            let overdueKeys = spans.indices.filter { spans[$0].isOverdue(on: asOfDay) }.map { index in
                (days: asOfDay - spans[index].deadline, rank: enterpriseRank[hazards[index].enterpriseKey] ?? .max, index: index)
            }
            let overdue = overdueKeys.sorted { a, b in
                if a.days != b.days { return a.days > b.days }
                if a.rank != b.rank { return a.rank < b.rank }
                return hazards[a.index].enterpriseKey != hazards[b.index].enterpriseKey
                    ? hazards[a.index].enterpriseKey < hazards[b.index].enterpriseKey : sameLineOrder(a.index, b.index)
            }.map { line($0.index) }
            let fromDay = request.from.daysSinceEpoch
            let escalated = spans.indices.filter { index in
                let span = spans[index]
                return hazards[index].grade == .major && span.found <= asOfDay
                    && (hazards[index].escalated || hazards[index].status == .escalated || span.isOpen(on: asOfDay))
                    && (periodDays.contains(span.found) || span.isOpen(on: fromDay))
            }.sorted { a, b in
                (spans[a].found, hazards[a].enterpriseKey, hazards[a].hazardID, hazards[a].submissionID)
                    < (spans[b].found, hazards[b].enterpriseKey, hazards[b].hazardID, hazards[b].submissionID)
            }.map(line)
            return (overdue, escalated)
        }

        /// The ten items failed most often, and enterprises failing one item in three or more consecutive buckets.
        func recurrence() -> ([RecurringItem], [RepeatFailure]) {
            var failures: [String: Failures] = [:]
            var enterpriseNumbers: [String: Int] = [:]
            var enterpriseKeys: [String] = []
            for item in facts.failedItems where period.contains(item.date) {
                let enterprise = enterpriseNumbers[item.enterpriseKey] ?? {
                    enterpriseKeys.append(item.enterpriseKey)
                    enterpriseNumbers[item.enterpriseKey] = enterpriseKeys.count - 1
                    return enterpriseKeys.count - 1
                }()
                let bucket = buckets.firstIndex { $0.contains(item.date) }
                failures[item.code, default: Failures()].update(item, enterprise: enterprise, bucket: bucket)  // in place: no copies
            }
            let items = failures.map { code, failed in
                RecurringItem(code: code, name: context.itemNames[code], category: failed.latest?.category ?? "", failures: failed.count,
                              enterprises: failed.bucketsByEnterprise.count)
            }.sorted { ($0.failures, $0.enterprises, $1.code) > ($1.failures, $1.enterprises, $0.code) }.prefix(10).map { $0 }
            var repeats: [RepeatFailure] = []
            for (code, failed) in failures {
                for (enterprise, indexes) in failed.bucketsByEnterprise {
                    let run = TrendReport.longestRun(indexes)
                    if run.count >= 3 {
                        let key = enterpriseKeys[enterprise]
                        repeats.append(RepeatFailure(enterpriseKey: key, enterpriseName: name(key), code: code, periods: run.map { buckets[$0].label }))
                    }
                }
            }
            return (items, repeats.sorted { ($1.periods.count, $0.enterpriseKey, $0.code) < ($0.periods.count, $1.enterpriseKey, $1.code) })
        }

        /// 三违 and accidents in the period.
        func outcomes() -> (ViolationSummary, AccidentSummary) {
            let violationsInPeriod = facts.violations.filter { period.contains($0.date) }
            let totalViolations = violationsInPeriod.reduce(0) { $0 + $1.count }
            let records = facts.submissions.count { $0.kind == .monitoringRecord && period.contains($0.date) }
            var violationTypes: [ViolationType: Int] = [:]
            for violation in violationsInPeriod { violationTypes[violation.type, default: 0] += violation.count }
            let violations = ViolationSummary(
                total: totalViolations,
                byType: ViolationType.allCases.map { type in
                    BreakdownRow(key: type.rawValue, label: type.label, found: violationTypes[type] ?? 0, open: 0)
                },
                records: records, per100Workers: workers > 0 ? Double(totalViolations) * 100 / Double(workers) : nil,
                perRecord: records > 0 ? Double(totalViolations) / Double(records) : nil)
            let accidentsInPeriod = facts.accidents.filter { period.contains($0.date) }
            let accidentTypes = Set(accidentsInPeriod.map(\.type)).sorted { $0.rawValue < $1.rawValue }
            func persons(_ severity: InjurySeverity) -> Int { accidentsInPeriod.filter { $0.severity == severity }.reduce(0) { $0 + $1.persons } }
            let accidents = AccidentSummary(
                total: accidentsInPeriod.count, persons: accidentsInPeriod.reduce(0) { $0 + $1.persons },
                rows: accidentTypes.map { type in
                    let ofType = accidentsInPeriod.filter { $0.type == type }
                    return AccidentRow(type: type, label: type.label, minor: ofType.count { $0.severity == .minor },
                                       serious: ofType.count { $0.severity == .serious }, fatal: ofType.count { $0.severity == .fatal },
                                       persons: ofType.reduce(0) { $0 + $1.persons })
                },
                fatalitiesPer1000Workers: workers > 0 ? Double(persons(.fatal)) * 1000 / Double(workers) : nil,
                seriousInjuriesPer1000Workers: workers > 0 ? Double(persons(.serious)) * 1000 / Double(workers) : nil)
            return (violations, accidents)
        }
    }

    /// The failures of one checklist item code: how many, the category of the latest, and the buckets each
    /// failing enterprise (by number) failed it in.
    struct Failures {
        var count = 0
        var latest: (date: CivilDate, category: String)?
        var bucketsByEnterprise: [Int: Set<Int>] = [:]

        mutating func update(_ item: ItemFact, enterprise: Int, bucket: Int?) {
            count += 1
            if latest.map({ ($0.date, $0.category) < (item.date, item.category) }) ?? true { latest = (item.date, item.category) }
            if let bucket {
                bucketsByEnterprise[enterprise, default: []].insert(bucket)
            } else if bucketsByEnterprise[enterprise] == nil {
                bucketsByEnterprise[enterprise] = []
            }
        }
    }

    /// Hazards found, closed and open at the end of each bucket and of the same bucket a year earlier.
    struct BucketVolume {
        var found: [Int], closed: [Int], openAtEnd: [Int]
        var foundYearEarlier: [Int], closedYearEarlier: [Int], openAtEndYearEarlier: [Int]

        /// Counts `spans` into `buckets`; a bucket that begins after `asOf` has nothing open at its end.
        init(spans: [HazardSpan], buckets: [ReportPeriod], asOf: CivilDate) {
            let zeros = [Int](repeating: 0, count: buckets.count)
            (found, closed, openAtEnd, foundYearEarlier, closedYearEarlier, openAtEndYearEarlier) = (zeros, zeros, zeros, zeros, zeros, zeros)
            let days = buckets.map { $0.from.daysSinceEpoch...$0.to.daysSinceEpoch }
            let earlier = buckets.map { $0.yearEarlier.from.daysSinceEpoch...$0.yearEarlier.to.daysSinceEpoch }
            let ends = buckets.map { $0.from <= asOf ? min($0.to, asOf).daysSinceEpoch : nil }
            for span in spans {
                for index in buckets.indices {
                    if days[index].contains(span.found) { found[index] += 1 }
                    if days[index].contains(span.closed) { closed[index] += 1 }
                    if let end = ends[index], span.isOpen(on: end) { openAtEnd[index] += 1 }
                    if earlier[index].contains(span.found) { foundYearEarlier[index] += 1 }
                    if earlier[index].contains(span.closed) { closedYearEarlier[index] += 1 }
                    if span.isOpen(on: earlier[index].upperBound) { openAtEndYearEarlier[index] += 1 }
                }
            }
        }
    }

    /// The longest run of consecutive integers in `indexes`, in order.
    static func longestRun(_ indexes: Set<Int>) -> [Int] {
        var best: [Int] = []
        var current: [Int] = []
        for index in indexes.sorted() {
            if let last = current.last, last + 1 == index { current.append(index) } else { current = [index] }
            if current.count > best.count { best = current }
        }
        return best
    }
}

/// GB/T 4754-2011 sections (门类).
enum IndustrySections {
    static let names: [String: LocalizedText] = [
        "A": LocalizedText(zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery"),
        "B": LocalizedText(zh: "采矿业", en: "Mining"),
        "C": LocalizedText(zh: "制造业", en: "Manufacturing"),
        "D": LocalizedText(zh: "电力、热力、燃气及水生产和供应业", en: "Electricity, heat, gas and water"),
        "E": LocalizedText(zh: "建筑业", en: "Construction"),
        "F": LocalizedText(zh: "批发和零售业", en: "Wholesale and retail"),
        "G": LocalizedText(zh: "交通运输、仓储和邮政业", en: "Transport, storage and post"),
        "H": LocalizedText(zh: "住宿和餐饮业", en: "Accommodation and catering"),
        "I": LocalizedText(zh: "信息传输、软件和信息技术服务业", en: "Information technology services"),
        "J": LocalizedText(zh: "金融业", en: "Finance"),
        "K": LocalizedText(zh: "房地产业", en: "Real estate"),
        "L": LocalizedText(zh: "租赁和商务服务业", en: "Leasing and business services"),
        "M": LocalizedText(zh: "科学研究和技术服务业", en: "Research and technical services"),
        "N": LocalizedText(zh: "水利、环境和公共设施管理业", en: "Water, environment and public facilities"),
        "O": LocalizedText(zh: "居民服务、修理和其他服务业", en: "Household, repair and other services"),
        "P": LocalizedText(zh: "教育", en: "Education"),
        "Q": LocalizedText(zh: "卫生和社会工作", en: "Health and social work"),
        "R": LocalizedText(zh: "文化、体育和娱乐业", en: "Culture, sports and entertainment"),
        "S": LocalizedText(zh: "公共管理、社会保障和社会组织", en: "Public administration and social organisations"),
        "T": LocalizedText(zh: "国际组织", en: "International organisations"),
    ]

    static func label(_ section: String) -> LocalizedText {
        names[section] ?? LocalizedText(zh: "门类 \(section)", en: "Section \(section)")
    }
}

