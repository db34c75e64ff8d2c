import Foundation

// Scoring profiles: the rules of a score as data (schemas/scoring-profile-1.xsd, namespace
// urn:ankang:profile:1). A profile is read once from its XML document and handed to the scoring
// engine; nothing in here computes a score. See /work/shared/domain.md §c for the domain grounding.

/// A scoring profile: everything needed to recompute a score identically years later.
public struct ScoringProfile: Sendable, Hashable, Codable, Identifiable {
    /// The profile's identifier, e.g. `city-ankang-cup-2011` (also the `--profile NAME`).
    public var id: String
    /// The profile's own version, e.g. "2011.1"; bump it whenever a rule changes.
    public var version: String
    /// The display title.
    public var title: LocalizedText
    /// A longer description: provenance and assumptions.
    public var description: LocalizedText?
    /// Source references of the domain research (e.g. "S8").
    public var sources: [String]
    /// The rules themselves.
    public var rules: ScoringRules

    /// Creates a profile.
    public init(id: String, version: String, title: LocalizedText, description: LocalizedText? = nil, sources: [String] = [], rules: ScoringRules) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.sources = sources
        self.rules = rules
    }

    /// Which scorer the profile is for.
    public var kind: ScoringProfileKind { rules.kind }
}

/// The two kinds of profile.
public enum ScoringProfileKind: String, Labelled {
    /// 安康杯竞赛考核评分 — scores one Ankang Cup assessment.
    case ankangCup
    /// "1+3"监控合规评分 — scores monitoring compliance of an enterprise over a period.
    case monitoringCompliance

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .ankangCup: LocalizedText(zh: "安康杯竞赛考核评分", en: "Ankang Cup assessment scoring")
        case .monitoringCompliance: LocalizedText(zh: "“1+3”监控合规评分", en: "\"1+3\" monitoring compliance scoring")
        }
    }
}

/// The rules of a profile, by kind.
public enum ScoringRules: Sendable, Hashable, Codable {
    /// Rules for scoring an Ankang Cup assessment.
    case ankangCup(AnkangCupRules)
    /// Rules for scoring "1+3" monitoring compliance.
    case monitoringCompliance(MonitoringComplianceRules)

    /// The kind of these rules.
    public var kind: ScoringProfileKind {
        switch self {
        case .ankangCup: .ankangCup
        case .monitoringCompliance: .monitoringCompliance
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case rules
    }

    /// Decodes `{"kind": "ankangCup" | "monitoringCompliance", "rules": {…}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(ScoringProfileKind.self, forKey: .kind) {
        case .ankangCup: self = .ankangCup(try container.decode(AnkangCupRules.self, forKey: .rules))
        case .monitoringCompliance: self = .monitoringCompliance(try container.decode(MonitoringComplianceRules.self, forKey: .rules))
        }
    }

    /// Encodes as `{"kind": …, "rules": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case let .ankangCup(rules): try container.encode(rules, forKey: .rules)
        case let .monitoringCompliance(rules): try container.encode(rules, forKey: .rules)
        }
    }
}

// MARK: - Ankang Cup rules

/// How an Ankang Cup assessment is scored (domain.md §c.1).
public struct AnkangCupRules: Sendable, Hashable, Codable {
    /// How each item result counts.
    public var resultFactors: ResultFactors
    /// The scoring categories, in display order; their weights are normalised to 100.
    public var categories: [ProfileCategory]
    /// Item weights that replace the catalogue's, by item code.
    public var itemWeights: [String: Double]
    /// Deductions for open and overdue hazards.
    public var hazardDeductions: HazardDeductionRules
    /// Deadlines and grace used to decide whether a hazard is overdue.
    public var timing: HazardTiming
    /// The cap on 鼓励项 (bonus) points.
    public var bonusCap: Double
    /// The eligibility gates (基本条件), in display order.
    public var gates: [GateRule]
    /// Which 一票否决 events count.
    public var vetoes: VetoRules
    /// The grade bands, from the highest; the first band whose conditions hold is the grade.
    public var grades: [GradeBand]
    /// Award thresholds by level.
    public var awards: [AwardThreshold]

    /// Creates the rules.
    public init(
        resultFactors: ResultFactors,
        categories: [ProfileCategory],
        itemWeights: [String: Double] = [:],
        hazardDeductions: HazardDeductionRules,
        timing: HazardTiming,
        bonusCap: Double,
        gates: [GateRule],
        vetoes: VetoRules,
        grades: [GradeBand],
        awards: [AwardThreshold]
    ) {
        self.resultFactors = resultFactors
        self.categories = categories
        self.itemWeights = itemWeights
        self.hazardDeductions = hazardDeductions
        self.timing = timing
        self.bonusCap = bonusCap
        self.gates = gates
        self.vetoes = vetoes
        self.grades = grades
        self.awards = awards
    }
}

/// What to do with a catalogue item the assessment does not mention.
public enum UnassessedItemPolicy: String, Labelled {
    /// 按不适用处理 — leave it out of the denominator.
    case notApplicable
    /// 按不符合处理 — count it as non-compliant (the item earns nothing).
    case nonCompliant

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .notApplicable: LocalizedText(zh: "未检查项目按不适用处理", en: "Unassessed items count as not applicable")
        case .nonCompliant: LocalizedText(zh: "未检查项目按不符合处理", en: "Unassessed items count as non-compliant")
        }
    }
}

/// The share of an item's weight each result earns. 不适用 (not applicable) has no factor: such
/// items leave the denominator and the category is rescaled.
public struct ResultFactors: Sendable, Hashable, Codable {
    /// 符合 — usually 1.
    public var compliant: Double
    /// 基本符合 — e.g. 0.5.
    public var partial: Double
    /// 不符合 — usually 0.
    public var nonCompliant: Double
    /// When true, a 基本符合 item that states a deduction earns `1 − deduction ÷ catalogue weight`
    /// of its weight instead of `partial` (the assessor's own deduction wins over the default share).
    public var partialUsesStatedDeduction: Bool
    /// Items of the profile's categories that the assessment does not mention.
    public var unassessed: UnassessedItemPolicy

    /// Creates the factors.
    public init(compliant: Double = 1, partial: Double = 0.5, nonCompliant: Double = 0, partialUsesStatedDeduction: Bool = true, unassessed: UnassessedItemPolicy = .nonCompliant) {
        self.compliant = compliant
        self.partial = partial
        self.nonCompliant = nonCompliant
        self.partialUsesStatedDeduction = partialUsesStatedDeduction
        self.unassessed = unassessed
    }

    /// The share of the weight a result earns; `nil` for not applicable.
    public func factor(for result: ItemResult) -> Double? {
        switch result {
        case .compliant: compliant
        case .partial: partial
        case .nonCompliant: nonCompliant
        case .notApplicable: nil
        }
    }
}

/// One scoring category of a profile, e.g. 安全管理 35: the catalogue items pooled into it.
public struct ProfileCategory: Sendable, Hashable, Codable, Identifiable {
    /// The category code within the profile, e.g. "MGMT".
    public var code: String
    /// The category name.
    public var name: LocalizedText
    /// A note shown with the category (e.g. why a weight is an assumption).
    public var note: LocalizedText?
    /// Its weight on the 100-point scale.
    public var weight: Double
    /// Catalogue categories whose items all belong here, e.g. ["B", "D"].
    public var catalogueCategories: [String]
    /// Individual catalogue items that belong here, e.g. ["K1", "K2"].
    public var items: [String]
    /// The "十个一" participation pseudo-item, if the category scores it.
    public var activityParticipation: ActivityParticipation?
    /// The minimum score rate (0…1) the category must reach for the category gate, if any.
    public var minimumRate: Double?

    /// Creates a category.
    public init(
        code: String,
        name: LocalizedText,
        note: LocalizedText? = nil,
        weight: Double,
        catalogueCategories: [String] = [],
        items: [String] = [],
        activityParticipation: ActivityParticipation? = nil,
        minimumRate: Double? = nil
    ) {
        self.code = code
        self.name = name
        self.note = note
        self.weight = weight
        self.catalogueCategories = catalogueCategories
        self.items = items
        self.activityParticipation = activityParticipation
        self.minimumRate = minimumRate
    }

    /// The category code.
    public var id: String { code }
}

/// "十个一" participation scored as a pseudo-item: it earns `weight × min(held, target) ÷ target`,
/// where `held` is the number of distinct catalogue activities the assessment records.
public struct ActivityParticipation: Sendable, Hashable, Codable {
    /// The pseudo-item's code in explanations, e.g. "TA".
    public var code: String
    /// Its name.
    public var name: LocalizedText
    /// Its weight in item points (like a catalogue item's weight).
    public var weight: Double
    /// How many distinct activities earn the full weight, e.g. 10.
    public var target: Int

    /// Creates the pseudo-item.
    public init(code: String, name: LocalizedText, weight: Double, target: Int) {
        self.code = code
        self.name = name
        self.weight = weight
        self.target = target
    }
}

/// Deductions for hazards of the enterprise that are open on the assessment date.
public struct HazardDeductionRules: Sendable, Hashable, Codable {
    /// Item points deducted from the linked item per open general hazard (the item stops at 0).
    public var perOpenGeneralHazard: Double
    /// Whether an open major hazard sets its linked item to 0.
    public var openMajorZeroesItem: Bool
    /// Points deducted from the total per overdue finding.
    public var perOverdueFinding: Double
    /// The most the overdue deduction may take from the total, per enterprise.
    public var overdueCap: Double

    /// Creates the rules.
    public init(perOpenGeneralHazard: Double = 1, openMajorZeroesItem: Bool = true, perOverdueFinding: Double = 1, overdueCap: Double = 5) {
        self.perOpenGeneralHazard = perOpenGeneralHazard
        self.openMajorZeroesItem = openMajorZeroesItem
        self.perOverdueFinding = perOverdueFinding
        self.overdueCap = overdueCap
    }
}

/// Deadlines of hazards that do not state one, and the grace for the 复查 (verification).
public struct HazardTiming: Sendable, Hashable, Codable {
    /// Days after discovery by which a general hazard without a stated deadline is due (domain: 7).
    public var generalDeadlineDays: Int
    /// Days after discovery by which a major hazard without a stated deadline is due.
    public var majorDeadlineDays: Int
    /// Days after the deadline within which the passed 复查 may fall and the fix still count as on time.
    public var verificationGraceDays: Int

    /// Creates the timing.
    public init(generalDeadlineDays: Int = 7, majorDeadlineDays: Int = 30, verificationGraceDays: Int = 3) {
        self.generalDeadlineDays = generalDeadlineDays
        self.majorDeadlineDays = majorDeadlineDays
        self.verificationGraceDays = verificationGraceDays
    }

    /// The default deadline of a hazard found on `date` with `grade`.
    public func defaultDeadline(for grade: HazardGrade, foundOn date: CivilDate) -> CivilDate {
        date.adding(days: grade == .major ? majorDeadlineDays : generalDeadlineDays)
    }
}

/// An eligibility gate (基本条件) with its identifier.
public struct GateRule: Sendable, Hashable, Codable, Identifiable {
    /// The gate's identifier within the profile, used in explanations and grade bands.
    public var id: String
    /// What must hold.
    public var condition: GateCondition
    /// An optional display name, e.g. 基本条件一：成立竞赛组织.
    public var label: LocalizedText?

    /// Creates a gate.
    public init(id: String, condition: GateCondition, label: LocalizedText? = nil) {
        self.id = id
        self.condition = condition
        self.label = label
    }
}

/// The conditions an eligibility gate can test.
public enum GateCondition: Sendable, Hashable, Codable {
    /// A competition committee exists (`organization/@committee`).
    case committeeExists
    /// A competition plan exists (`organization/@planDate` given).
    case planExists
    /// No injury of this severity or worse in the year (e.g. serious: "no 重伤 or worse").
    case noInjury(atOrAbove: InjurySeverity)
    /// The (rounded) total reaches this score.
    case minimumTotal(score: Double)
    /// Every applicable category with a minimum rate reaches it (rounded rate).
    case allCategoryRates
    /// The item is applicable and earns more than 0 points after deductions (e.g. A1 ≠ 0).
    case itemEarnsPoints(item: String)
}

/// Which 一票否决 (veto) events count.
public struct VetoRules: Sendable, Hashable, Codable {
    /// Veto types honoured when the assessment declares them (`vetoEvents/veto/@type`).
    public var declared: [VetoType]
    /// Vetoes the engine derives from the data.
    public var derived: [DerivedVeto]

    /// Creates the rules.
    public init(declared: [VetoType], derived: [DerivedVeto]) {
        self.declared = declared
        self.derived = derived
    }
}

/// A veto the engine derives from the data rather than from a declared event.
public enum DerivedVeto: String, Labelled {
    /// 死亡事故: the accident summary declares or lists a death.
    case fatalAccident
    /// 较大及以上事故: an accident of level large or above is listed.
    case largeOrAboveAccident
    /// 重大隐患未治理: an open major hazard has no 治理方案 or is past its deadline.
    case majorHazardUnremediated
    /// 未组织开展竞赛活动: no competition committee and no competition plan.
    case noCompetitionActivity

    /// The veto type the rule raises.
    public var vetoType: VetoType {
        switch self {
        case .fatalAccident: .fatalAccident
        case .largeOrAboveAccident: .largeOrAboveAccident
        case .majorHazardUnremediated: .majorHazardUnremediated
        case .noCompetitionActivity: .noCompetitionActivity
        }
    }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .fatalAccident: LocalizedText(zh: "发生死亡事故（由事故统计判定）", en: "Fatal accident (from the accident summary)")
        case .largeOrAboveAccident: LocalizedText(zh: "发生较大及以上事故（由事故统计判定）", en: "Large or more serious accident (from the accident summary)")
        case .majorHazardUnremediated: LocalizedText(zh: "重大隐患无治理方案或逾期未整改（由隐患记录判定）", en: "Major hazard without remediation plan or overdue (from the hazard records)")
        case .noCompetitionActivity: LocalizedText(zh: "无竞赛组织且无竞赛方案（由组织情况判定）", en: "No competition committee and no plan (from the organisation block)")
        }
    }
}

/// A grade band: the first band (in profile order) whose conditions hold is the grade.
public struct GradeBand: Sendable, Hashable, Codable, Identifiable {
    /// The band's code, e.g. `winnerCandidate`.
    public var code: String
    /// The band's name, e.g. 优胜单位候选.
    public var label: LocalizedText
    /// The minimum (rounded) score.
    public var minScore: Double
    /// Whether any veto excludes the band.
    public var requiresNoVeto: Bool
    /// Whether every gate must pass (for compliance profiles: every metric target must be met).
    public var requiresAllGates: Bool
    /// Gates that must pass (for compliance profiles: metric codes whose target must be met).
    public var requiredGates: [String]

    /// Creates a band.
    public init(code: String, label: LocalizedText, minScore: Double, requiresNoVeto: Bool = false, requiresAllGates: Bool = false, requiredGates: [String] = []) {
        self.code = code
        self.label = label
        self.minScore = minScore
        self.requiresNoVeto = requiresNoVeto
        self.requiresAllGates = requiresAllGates
        self.requiredGates = requiredGates
    }

    /// The band's code.
    public var id: String { code }
}

/// The level of an Ankang Cup award (优胜单位).
public enum AwardLevel: String, Labelled, Comparable {
    /// 市级 — city.
    case city
    /// 省级 — province.
    case province
    /// 全国 — nation.
    case nation

    /// Rank from 0 (city) to 2 (nation).
    public var rank: Int {
        switch self {
        case .city: 0
        case .province: 1
        case .nation: 2
        }
    }

    /// Ordered by rank.
    public static func < (lhs: AwardLevel, rhs: AwardLevel) -> Bool { lhs.rank < rhs.rank }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .city: LocalizedText(zh: "市级优胜单位", en: "City winning unit")
        case .province: LocalizedText(zh: "省级优胜单位", en: "Provincial winning unit")
        case .nation: LocalizedText(zh: "全国优胜单位", en: "National winning unit")
        }
    }
}

/// The score an award level needs. Every award also needs all gates passed and no veto.
public struct AwardThreshold: Sendable, Hashable, Codable {
    /// The award level.
    public var level: AwardLevel
    /// The minimum (rounded) total.
    public var minScore: Double

    /// Creates a threshold.
    public init(level: AwardLevel, minScore: Double) {
        self.level = level
        self.minScore = minScore
    }
}

// MARK: - Monitoring compliance rules

/// How "1+3" monitoring compliance is scored (domain.md §c.2).
public struct MonitoringComplianceRules: Sendable, Hashable, Codable {
    /// The monitoring tiers, their labels and how often each unit must file a record.
    public var tiers: [TierSchedule]
    /// The metrics, their weights and targets.
    public var metrics: [ComplianceMetricRule]
    /// Deadlines and grace of hazards.
    public var timing: HazardTiming
    /// The grade bands, from the highest.
    public var grades: [GradeBand]

    /// Creates the rules.
    public init(tiers: [TierSchedule], metrics: [ComplianceMetricRule], timing: HazardTiming, grades: [GradeBand]) {
        self.tiers = tiers
        self.metrics = metrics
        self.timing = timing
        self.grades = grades
    }

    /// The schedule of a tier, if the profile monitors it.
    public func schedule(for level: TierLevel) -> TierSchedule? { tiers.first { $0.level == level } }
}

/// One monitoring tier: its configurable label (what "1" and "3" stand for is not known) and how
/// often each unit of the tier is expected to file a record.
public struct TierSchedule: Sendable, Hashable, Codable {
    /// Enterprise, workshop or team.
    public var level: TierLevel
    /// The local label, e.g. 班组监控点.
    public var label: LocalizedText
    /// One record per unit per …
    public var frequency: MonitoringFrequency

    /// Creates a schedule.
    public init(level: TierLevel, label: LocalizedText, frequency: MonitoringFrequency) {
        self.level = level
        self.label = label
        self.frequency = frequency
    }
}

/// How often a unit must file a monitoring record.
public enum MonitoringFrequency: String, Labelled {
    /// 每个工作日 — every working day (Monday to Friday; no holiday calendar is applied).
    case workingDay
    /// 每天 — every calendar day.
    case day
    /// 每周 — every ISO week (Monday to Sunday).
    case week
    /// 每月 — every calendar month.
    case month
    /// 每季度 — every calendar quarter.
    case quarter

    /// The first day of the slot (working day, day, week, month or quarter) that contains `date`,
    /// or `nil` when `date` is not a working day and the frequency is `workingDay`.
    public func slot(containing date: CivilDate) -> CivilDate? {
        switch self {
        case .workingDay: date.isWeekend ? nil : date
        case .day: date
        case .week: date.adding(days: 1 - date.isoWeekday)
        case .month: date.firstOfMonth
        case .quarter: date.firstOfQuarter
        }
    }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .workingDay: LocalizedText(zh: "每个工作日", en: "Every working day")
        case .day: LocalizedText(zh: "每天", en: "Every day")
        case .week: LocalizedText(zh: "每周", en: "Every week")
        case .month: LocalizedText(zh: "每月", en: "Every month")
        case .quarter: LocalizedText(zh: "每季度", en: "Every quarter")
        }
    }
}

/// The metrics of "1+3" monitoring compliance.
public enum ComplianceMetric: String, Labelled {
    /// 记录覆盖率: records received ÷ records expected.
    case coverage
    /// 隐患整改率: findings closed ÷ findings due (closed, or open past their deadline).
    case rectification
    /// 按期整改率: findings closed on time ÷ findings closed.
    case onTime
    /// 复查闭环率: findings closed by a passed 复查 ÷ findings reported fixed.
    case verification
    /// 每百名职工"三违"人次: violations ÷ workers × 100 (lower is better; reported, normally unweighted).
    case violationsPer100Workers

    /// Whether a lower value is better (the target is a maximum).
    public var lowerIsBetter: Bool { self == .violationsPer100Workers }

    /// Whether the value is a rate 0…1 (shown as a percentage) rather than a count.
    public var isRate: Bool { self != .violationsPer100Workers }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .coverage: LocalizedText(zh: "记录覆盖率", en: "Record coverage")
        case .rectification: LocalizedText(zh: "隐患整改率", en: "Rectification rate")
        case .onTime: LocalizedText(zh: "按期整改率", en: "On-time rate")
        case .verification: LocalizedText(zh: "复查闭环率", en: "Verification closure")
        case .violationsPer100Workers: LocalizedText(zh: "每百名职工“三违”人次", en: "\"Three violations\" per 100 workers")
        }
    }
}

/// A metric's weight and target in a compliance profile.
public struct ComplianceMetricRule: Sendable, Hashable, Codable {
    /// The metric.
    public var metric: ComplianceMetric
    /// Its weight in the compliance score (0 = reported only).
    public var weight: Double
    /// The target: a minimum rate 0…1, or a maximum for lower-is-better metrics.
    public var target: Double?

    /// Creates a metric rule.
    public init(metric: ComplianceMetric, weight: Double, target: Double? = nil) {
        self.metric = metric
        self.weight = weight
        self.target = target
    }
}
