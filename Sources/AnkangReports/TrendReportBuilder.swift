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

    /// The hazard with its deadline defaulted (found + the grade's days) when it was found without one.
    func withDeadline(_ hazard: HazardFact) -> HazardFact {
        guard hazard.deadline == nil else { return hazard }
        var dated = hazard
        dated.deadline = hazard.foundOn.adding(days: hazard.grade == .major ? timing.majorDeadlineDays : timing.generalDeadlineDays)
        return dated
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
    /// Builds the report from facts read with `request.scope`.
    public init(_ request: TrendRequest, facts: ReportFacts, context: ReportContext) {
        let asOf = min(request.to, request.today)
        let period = ReportPeriod(label: "\(request.from)…\(request.to)", from: request.from, to: request.to)
        let enterprises = Dictionary(facts.enterprises.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let name = { (key: String) in enterprises[key]?.name ?? key }
        let workers = facts.enterprises.reduce(0) { $0 + $1.employees }
        let hazards = facts.hazards.map(context.withDeadline)
        let foundInPeriod = hazards.filter { period.contains($0.foundOn) }
        let buckets = ReportPeriod.buckets(from: request.from, to: request.to, by: request.granularity)
        let coverage = CoverageCounter(
            schedules: context.schedules, records: facts.submissions.filter { period.contains($0.date) }, enterprises: facts.enterprises,
            includeSilentEnterprises: request.orgPath.count < 4)

        scope = TrendScope(from: request.from, to: request.to, granularity: request.granularity, orgPath: request.orgPath,
                           industry: request.industry, asOf: asOf, enterprises: facts.enterprises.count, workers: workers)

        // Volume, with the same bucket a year earlier.
        self.buckets = buckets.map { bucket in
            let end = min(bucket.to, asOf)
            let earlier = bucket.yearEarlier
            let tiers = coverage.coverage(in: bucket)
            return BucketRow(
                period: bucket,
                found: hazards.count { bucket.contains($0.foundOn) },
                closed: hazards.count { $0.closedOn.map(bucket.contains) ?? false },
                openAtEnd: bucket.from <= asOf ? hazards.count { $0.isOpen(on: end) } : 0,
                foundYearEarlier: hazards.count { earlier.contains($0.foundOn) },
                closedYearEarlier: hazards.count { $0.closedOn.map(earlier.contains) ?? false },
                openAtEndYearEarlier: hazards.count { $0.isOpen(on: earlier.to) },
                violations: facts.violations.filter { bucket.contains($0.date) }.reduce(0) { $0 + $1.count },
                accidents: facts.accidents.count { bucket.contains($0.date) },
                recordsReceived: tiers.reduce(0) { $0 + $1.received }, recordsExpected: tiers.reduce(0) { $0 + $1.expected })
        }

        // Breakdowns of the hazards found in the period.
        func breakdown<Key: Hashable & Comparable>(
            _ dimension: String, _ title: LocalizedText, key: (HazardFact) -> Key?, code: (Key) -> String, label: (Key) -> LocalizedText
        ) -> Breakdown {
            var found: [Key: Int] = [:]
            var open: [Key: Int] = [:]
            for hazard in foundInPeriod {
                guard let value = key(hazard) else { continue }
                found[value, default: 0] += 1
                if hazard.isOpen(on: asOf) { open[value, default: 0] += 1 }
            }
            let rows = found.keys.sorted().map { value in
                BreakdownRow(key: code(value), label: label(value), found: found[value] ?? 0, open: open[value] ?? 0)
            }
            return Breakdown(dimension: dimension, title: title, rows: rows)
        }
        breakdowns = [
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

        // Where. Hazards are grouped by index, not copied: a city-wide report holds hundreds of thousands.
        func place(key: String, name: String, unit: String, members: [EnterpriseFact], hazards indexes: [Int]) -> PlaceRow {
            let workers = members.reduce(0) { $0 + $1.employees }
            var found = 0, major = 0, open = 0
            for index in indexes {
                if period.contains(hazards[index].foundOn) {
                    found += 1
                    if hazards[index].grade == .major { major += 1 }
                }
                if hazards[index].isOpen(on: asOf) { open += 1 }
            }
            return PlaceRow(
                key: key, name: name, unit: unit, enterprises: members.count, workers: workers, found: found, major: major, openAtEnd: open,
                foundPer100Workers: workers > 0 ? Double(found) * 100 / Double(workers) : nil,
                openPer100Workers: workers > 0 ? Double(open) * 100 / Double(workers) : nil)
        }
        let hazardsByEnterprise = Dictionary(grouping: hazards.indices, by: { hazards[$0].enterpriseKey })
        let enterprisesByUnit = Dictionary(grouping: facts.enterprises, by: \.jurisdictionUnit)
        let hazardsByUnit = enterprisesByUnit.mapValues { members in members.flatMap { hazardsByEnterprise[$0.key] ?? [] } }
        byUnit = enterprisesByUnit.keys.sorted().map { unit in
            place(key: unit, name: unit, unit: "", members: enterprisesByUnit[unit] ?? [], hazards: hazardsByUnit[unit] ?? [])
        }.sorted { ($0.found, $1.key) > ($1.found, $0.key) }
        heat = byUnit.map { row in
            let unitHazards = hazardsByUnit[row.key] ?? []
            return buckets.map { bucket -> Double? in
                guard row.workers > 0, bucket.from <= asOf else { return nil }
                let end = min(bucket.to, asOf)
                return Double(unitHazards.count { hazards[$0].isOpen(on: end) }) * 100 / Double(row.workers)
            }
        }
        byEnterprise = facts.enterprises.map { enterprise in
            place(key: enterprise.key, name: enterprise.name, unit: enterprise.jurisdictionUnit, members: [enterprise],
                  hazards: hazardsByEnterprise[enterprise.key] ?? [])
        }.filter { $0.found > 0 || $0.openAtEnd > 0 }.sorted { ($0.found, $0.openAtEnd, $1.key) > ($1.found, $1.openAtEnd, $0.key) }

        // Performance and lists.
        performance = RectificationPerformance(cohort: foundInPeriod, asOf: asOf, graceDays: context.timing.verificationGraceDays)
        func line(_ hazard: HazardFact) -> HazardLine {
            HazardLine(
                enterpriseKey: hazard.enterpriseKey, enterpriseName: name(hazard.enterpriseKey), hazardID: hazard.hazardID,
                submissionID: hazard.submissionID.uuidString.lowercased(), grade: hazard.grade, description: hazard.description,
                location: hazard.location, foundOn: hazard.foundOn, deadline: hazard.deadline,
                daysOverdue: hazard.isOverdue(on: asOf) ? asOf.daysSince(hazard.deadline!) : 0, responsiblePerson: hazard.responsiblePerson,
                status: hazard.isClosed(by: asOf) ? .closed : hazard.status, escalated: hazard.escalated)
        }
        overdue = hazards.filter { $0.isOverdue(on: asOf) }.map(line).sorted {
            ($0.daysOverdue, $1.enterpriseKey, $1.hazardID) > ($1.daysOverdue, $0.enterpriseKey, $0.hazardID)
        }
        escalatedMajors = hazards.filter { hazard in
            hazard.grade == .major && hazard.foundOn <= asOf
                && (hazard.escalated || hazard.status == .escalated || hazard.isOpen(on: asOf))
                && (period.contains(hazard.foundOn) || hazard.isOpen(on: request.from))
        }.map(line).sorted { ($0.foundOn, $0.enterpriseKey, $0.hazardID) < ($1.foundOn, $1.enterpriseKey, $1.hazardID) }

        // Recurrence.
        let failed = facts.failedItems.filter { period.contains($0.date) }
        var failureCounts: [String: Int] = [:]
        var failingEnterprises: [String: Set<String>] = [:]
        var categories: [String: String] = [:]
        for item in failed {
            failureCounts[item.code, default: 0] += 1
            failingEnterprises[item.code, default: []].insert(item.enterpriseKey)  // in place: no copy of the set
            categories[item.code] = item.category
        }
        recurringItems = failureCounts.map { code, count in
            RecurringItem(code: code, name: context.itemNames[code], category: categories[code] ?? "", failures: count,
                          enterprises: failingEnterprises[code]?.count ?? 0)
        }.sorted { ($0.failures, $0.enterprises, $1.code) > ($1.failures, $1.enterprises, $0.code) }.prefix(10).map { $0 }
        var failedBuckets: [String: [String: Set<Int>]] = [:]
        for item in failed {
            guard let index = buckets.firstIndex(where: { $0.contains(item.date) }) else { continue }
            failedBuckets[item.enterpriseKey, default: [:]][item.code, default: []].insert(index)
        }
        var repeats: [RepeatFailure] = []
        for (enterprise, codes) in failedBuckets {
            for (code, indexes) in codes {
                let run = Self.longestRun(indexes)
                if run.count >= 3 {
                    repeats.append(RepeatFailure(enterpriseKey: enterprise, enterpriseName: name(enterprise), code: code,
                                                 periods: run.map { buckets[$0].label }))
                }
            }
        }
        repeatFailures = repeats.sorted { ($1.periods.count, $0.enterpriseKey, $0.code) < ($0.periods.count, $1.enterpriseKey, $1.code) }

        // Behaviour and outcomes.
        let violationsInPeriod = facts.violations.filter { period.contains($0.date) }
        let totalViolations = violationsInPeriod.reduce(0) { $0 + $1.count }
        let records = facts.submissions.count { $0.kind == .monitoringRecord && period.contains($0.date) }
        var violationTypes: [ViolationType: Int] = [:]
        for violation in violationsInPeriod { violationTypes[violation.type, default: 0] += violation.count }
        violations = ViolationSummary(
            total: totalViolations,
            byType: ViolationType.allCases.map { type in
                BreakdownRow(key: type.rawValue, label: type.label, found: violationTypes[type] ?? 0, open: 0)
            },
            records: records, per100Workers: workers > 0 ? Double(totalViolations) * 100 / Double(workers) : nil,
            perRecord: records > 0 ? Double(totalViolations) / Double(records) : nil)
        let accidentsInPeriod = facts.accidents.filter { period.contains($0.date) }
        let accidentTypes = Set(accidentsInPeriod.map(\.type)).sorted { $0.rawValue < $1.rawValue }
        func persons(_ severity: InjurySeverity) -> Int { accidentsInPeriod.filter { $0.severity == severity }.reduce(0) { $0 + $1.persons } }
        accidents = AccidentSummary(
            total: accidentsInPeriod.count, persons: accidentsInPeriod.reduce(0) { $0 + $1.persons },
            rows: accidentTypes.map { type in
                let ofType = accidentsInPeriod.filter { $0.type == type }
                return AccidentRow(type: type, label: type.label, minor: ofType.count { $0.severity == .minor },
                                   serious: ofType.count { $0.severity == .serious }, fatal: ofType.count { $0.severity == .fatal },
                                   persons: ofType.reduce(0) { $0 + $1.persons })
            },
            fatalitiesPer1000Workers: workers > 0 ? Double(persons(.fatal)) * 1000 / Double(workers) : nil,
            seriousInjuriesPer1000Workers: workers > 0 ? Double(persons(.serious)) * 1000 / Double(workers) : nil)

        // Coverage over the whole period.
        self.coverage = coverage.coverage(in: period)
        missingRecords = coverage.missing(in: period)

        // Trend verdicts over the buckets that have begun.
        let begun = self.buckets.filter { $0.period.from <= asOf }
        trends = [
            ("found", LocalizedText(zh: "发现隐患", en: "Hazards found"), begun.map { Double($0.found) }),
            ("closed", LocalizedText(zh: "销号隐患", en: "Hazards closed"), begun.map { Double($0.closed) }),
            ("openAtEnd", LocalizedText(zh: "期末未销号", en: "Open at end"), begun.map { Double($0.openAtEnd) }),
            ("violations", LocalizedText(zh: "“三违”人次", en: "Violations"), begun.map { Double($0.violations) }),
        ].map { SeriesTrend(series: $0.0, label: $0.1, test: TrendTest($0.2)) }
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
