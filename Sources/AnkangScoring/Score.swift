import AnkangModel
import Foundation

// The explained results of the scorers. Every number a person reads is rounded once, by
// ScoreRounding (0.1, half away from zero); only `rawTotal` keeps the unrounded value.
// The JSON keys are the property names and are part of the `ankang score --format json` contract.

/// The explained score of one Ankang Cup assessment under one profile.
public struct Score: Sendable, Hashable, Codable {
    /// The profile used.
    public var profileId: String
    /// Its version.
    public var profileVersion: String
    /// The catalogue version the assessment used.
    public var catalogueVersion: String
    /// The assessment's submission id, when scored from a submission.
    public var submissionId: UUID?
    /// The enterprise's name, when scored from a submission.
    public var enterprise: String?
    /// The date hazards were judged on (normally the assessment date).
    public var asOf: CivilDate
    /// The total: categories, minus overdue deductions (never below 0), plus the granted bonus; rounded to 0.1.
    public var total: Double
    /// The same total before rounding.
    public var rawTotal: Double
    /// The category points after the overdue deduction and before the bonus, rounded.
    public var baseScore: Double
    /// The categories in profile order.
    public var categories: [CategoryScore]
    /// Points taken from the total for overdue findings (after the cap), rounded.
    public var overdueDeduction: Double
    /// The 鼓励项 (bonus).
    public var bonus: BonusResult
    /// The eligibility gates in profile order.
    public var gates: [GateResult]
    /// The 一票否决 (veto) events found.
    public var vetoes: [VetoFinding]
    /// Whether every gate passed and there is no veto.
    public var eligible: Bool
    /// The grade band.
    public var grade: GradeResult
    /// The award levels the score qualifies for, lowest first.
    public var eligibleAwards: [AwardLevel]
    /// Every point lost, by item or rule.
    public var explanation: [ScoreExplanationLine]

    /// Creates a score (the scorers do this).
    public init(
        profileId: String, profileVersion: String, catalogueVersion: String, submissionId: UUID?, enterprise: String?, asOf: CivilDate,
        total: Double, rawTotal: Double, baseScore: Double, categories: [CategoryScore], overdueDeduction: Double, bonus: BonusResult,
        gates: [GateResult], vetoes: [VetoFinding], eligible: Bool, grade: GradeResult, eligibleAwards: [AwardLevel],
        explanation: [ScoreExplanationLine]
    ) {
        self.profileId = profileId
        self.profileVersion = profileVersion
        self.catalogueVersion = catalogueVersion
        self.submissionId = submissionId
        self.enterprise = enterprise
        self.asOf = asOf
        self.total = total
        self.rawTotal = rawTotal
        self.baseScore = baseScore
        self.categories = categories
        self.overdueDeduction = overdueDeduction
        self.bonus = bonus
        self.gates = gates
        self.vetoes = vetoes
        self.eligible = eligible
        self.grade = grade
        self.eligibleAwards = eligibleAwards
        self.explanation = explanation
    }

    /// The category with a code, if any.
    public func category(_ code: String) -> CategoryScore? { categories.first { $0.code == code } }
}

/// One scoring category of a ``Score``.
public struct CategoryScore: Sendable, Hashable, Codable {
    /// The category code, e.g. "MGMT".
    public var code: String
    /// The category name.
    public var name: LocalizedText
    /// Its weight in the profile.
    public var weight: Double
    /// Its weight after normalisation to 100 over the applicable categories (rounded).
    public var effectiveWeight: Double
    /// False when every item of the category is not applicable: it is left out and the others rescaled.
    public var applicable: Bool
    /// Item points earned (rounded).
    public var earnedItemPoints: Double
    /// Item points of the applicable items (rounded).
    public var maxItemPoints: Double
    /// The score rate in percent, rounded to 0.1; `nil` when not applicable.
    public var ratePercent: Double?
    /// Points contributed to the total (effective weight × rate), rounded.
    public var points: Double
    /// The category's minimum rate in percent, if it has one.
    public var minimumRatePercent: Double?
    /// Whether the rate reaches the minimum; `nil` when there is no minimum or the category is not applicable.
    public var gatePassed: Bool?
    /// Items of the category set to 0 by an open major hazard (a flag for reports).
    public var openMajorHazardItems: [String]

    /// Creates a category score.
    public init(
        code: String, name: LocalizedText, weight: Double, effectiveWeight: Double, applicable: Bool, earnedItemPoints: Double,
        maxItemPoints: Double, ratePercent: Double?, points: Double, minimumRatePercent: Double?, gatePassed: Bool?, openMajorHazardItems: [String]
    ) {
        self.code = code
        self.name = name
        self.weight = weight
        self.effectiveWeight = effectiveWeight
        self.applicable = applicable
        self.earnedItemPoints = earnedItemPoints
        self.maxItemPoints = maxItemPoints
        self.ratePercent = ratePercent
        self.points = points
        self.minimumRatePercent = minimumRatePercent
        self.gatePassed = gatePassed
        self.openMajorHazardItems = openMajorHazardItems
    }
}

/// The 鼓励项 (bonus) of a score.
public struct BonusResult: Sendable, Hashable, Codable {
    /// Points claimed by the assessment (rounded).
    public var claimed: Double
    /// Points granted after the cap (rounded).
    public var granted: Double
    /// The profile's cap.
    public var cap: Double

    /// Creates a bonus result.
    public init(claimed: Double, granted: Double, cap: Double) {
        self.claimed = claimed
        self.granted = granted
        self.cap = cap
    }
}

/// The outcome of one eligibility gate (or, for compliance scores, one metric target).
public struct GateResult: Sendable, Hashable, Codable {
    /// The gate's id (or the metric code).
    public var id: String
    /// The gate's name.
    public var label: LocalizedText
    /// Whether it passed.
    public var passed: Bool
    /// Why, in Chinese, with the figures compared.
    public var zh: String
    /// Why, in English.
    public var en: String

    /// Creates a gate result.
    public init(id: String, label: LocalizedText, passed: Bool, zh: String, en: String) {
        self.id = id
        self.label = label
        self.passed = passed
        self.zh = zh
        self.en = en
    }
}

/// Where a veto came from.
public enum VetoOrigin: String, Labelled {
    /// 申报 — declared in the assessment's `vetoEvents`.
    case declared
    /// 推定 — derived from the data by a profile rule.
    case derived

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .declared: LocalizedText(zh: "申报", en: "Declared")
        case .derived: LocalizedText(zh: "推定", en: "Derived")
        }
    }
}

/// A 一票否决 (veto) that applies to a score.
public struct VetoFinding: Sendable, Hashable, Codable {
    /// The veto type.
    public var type: VetoType
    /// Declared or derived.
    public var origin: VetoOrigin
    /// When the event happened, if known.
    public var date: CivilDate?
    /// What happened, in Chinese.
    public var zh: String
    /// What happened, in English.
    public var en: String

    /// Creates a veto finding.
    public init(type: VetoType, origin: VetoOrigin, date: CivilDate?, zh: String, en: String) {
        self.type = type
        self.origin = origin
        self.date = date
        self.zh = zh
        self.en = en
    }
}

/// The grade band a score falls in.
public struct GradeResult: Sendable, Hashable, Codable {
    /// The band's code.
    public var code: String
    /// The band's name.
    public var label: LocalizedText

    /// Creates a grade result.
    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// What cost the points of one explanation line.
public enum ExplanationKind: String, Labelled {
    /// 检查结果 — an item judged partly compliant or non-compliant.
    case itemResult
    /// 未检查项目 — an item the assessment does not list, counted as non-compliant.
    case unassessedItem
    /// “十个一”活动 — fewer distinct activities than the target.
    case activityParticipation
    /// 未销号一般隐患 — an open general hazard linked to an item.
    case openGeneralHazard
    /// 未销号重大隐患 — an open major hazard linked to an item.
    case openMajorHazard
    /// 逾期未整改 — a finding open past its deadline.
    case overdueFinding
    /// 鼓励项超上限 — bonus claimed above the cap.
    case bonusCap
    /// 监控记录缺失 — expected monitoring records not received.
    case missingRecords
    /// 未按期整改 — a finding closed after its deadline and grace.
    case lateClosure
    /// 未复查闭环 — a finding reported fixed but not closed by a passed 复查.
    case unverifiedFix

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .itemResult: LocalizedText(zh: "检查结果", en: "Item result")
        case .unassessedItem: LocalizedText(zh: "未检查项目", en: "Unassessed item")
        case .activityParticipation: LocalizedText(zh: "“十个一”活动", en: "\"Ten ones\" activities")
        case .openGeneralHazard: LocalizedText(zh: "未销号一般隐患", en: "Open general hazard")
        case .openMajorHazard: LocalizedText(zh: "未销号重大隐患", en: "Open major hazard")
        case .overdueFinding: LocalizedText(zh: "逾期未整改", en: "Overdue finding")
        case .bonusCap: LocalizedText(zh: "鼓励项超上限", en: "Bonus above the cap")
        case .missingRecords: LocalizedText(zh: "监控记录缺失", en: "Missing monitoring records")
        case .lateClosure: LocalizedText(zh: "未按期整改", en: "Closed late")
        case .unverifiedFix: LocalizedText(zh: "未复查闭环", en: "Fix not verified")
        }
    }
}

/// One reason points were lost.
public struct ScoreExplanationLine: Sendable, Hashable, Codable {
    /// What kind of reason.
    public var kind: ExplanationKind
    /// The item code, hazard reference, unit or rule it is about, e.g. "D1".
    public var ref: String
    /// The scoring category (or compliance metric) the points were lost in, if any.
    public var category: String?
    /// Item points lost inside the item, if the line is about an item (rounded).
    public var itemPointsLost: Double?
    /// Points lost on the total (rounded); 0 for a line that only informs (e.g. beyond a cap).
    public var pointsLost: Double
    private let text: ExplanationText

    /// The reason in Chinese.
    public var zh: String { text.zh }
    /// The reason in English.
    public var en: String { text.en }

    /// Creates a line with its reason in both languages.
    public init(kind: ExplanationKind, ref: String, category: String? = nil, itemPointsLost: Double? = nil, pointsLost: Double, zh: String, en: String) {
        self.init(kind: kind, ref: ref, category: category, itemPointsLost: itemPointsLost, pointsLost: pointsLost, text: .literal(zh: zh, en: en))
    }

    init(kind: ExplanationKind, ref: String, category: String?, itemPointsLost: Double?, pointsLost: Double, text: ExplanationText) {
        self.kind = kind
        self.ref = ref
        self.category = category
        self.itemPointsLost = itemPointsLost
        self.pointsLost = pointsLost
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case kind, ref, category, itemPointsLost, pointsLost, zh, en
    }

    /// Decodes the fields and both texts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(ExplanationKind.self, forKey: .kind), ref: try container.decode(String.self, forKey: .ref),
            category: try container.decodeIfPresent(String.self, forKey: .category),
            itemPointsLost: try container.decodeIfPresent(Double.self, forKey: .itemPointsLost),
            pointsLost: try container.decode(Double.self, forKey: .pointsLost),
            zh: try container.decode(String.self, forKey: .zh), en: try container.decode(String.self, forKey: .en))
    }

    /// Encodes the fields and both texts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(ref, forKey: .ref)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(itemPointsLost, forKey: .itemPointsLost)
        try container.encode(pointsLost, forKey: .pointsLost)
        try container.encode(zh, forKey: .zh)
        try container.encode(en, forKey: .en)
    }

    /// Equal when every field and both texts are equal.
    public static func == (lhs: ScoreExplanationLine, rhs: ScoreExplanationLine) -> Bool {
        lhs.kind == rhs.kind && lhs.ref == rhs.ref && lhs.category == rhs.category && lhs.itemPointsLost == rhs.itemPointsLost
            && lhs.pointsLost == rhs.pointsLost && lhs.zh == rhs.zh && lhs.en == rhs.en
    }

    /// Hashes every field and both texts.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(ref)
        hasher.combine(category)
        hasher.combine(itemPointsLost)
        hasher.combine(pointsLost)
        hasher.combine(zh)
        hasher.combine(en)
    }
}

/// The text of an explanation line. Every score carries its explanation but few are read, so the most
/// frequent line, an item result, keeps its prepared pieces and is written out only when read.
enum ExplanationText: Sendable {
    /// Both texts, written.
    case literal(zh: String, en: String)
    /// `lead + lost + tail + total + end` in each language; `lost` and `total` are the same in both.
    case item(leadZh: String, leadEn: String, tailZh: String, tailEn: String, lost: String, total: String)

    var zh: String {
        switch self {
        case let .literal(zh, _): zh
        case let .item(lead, _, tail, _, lost, total): Self.join(lead, lost, tail, total, " 分")
        }
    }

    var en: String {
        switch self {
        case let .literal(_, en): en
        case let .item(_, lead, _, tail, lost, total): Self.join(lead, lost, tail, total, " on the total")
        }
    }

    /// Concatenates with one allocation.
    static func join(_ parts: String...) -> String {
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { text += part }
        return text
    }
}

/// Why a scorer refused its input.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The profile is of another kind than the scorer.
    case wrongProfileKind(profile: String, expected: ScoringProfileKind)
    /// The submission uses another catalogue version than the scorer was built with.
    case catalogueMismatch(submission: String, scorer: String)
    /// No catalogue of the submission's version is available.
    case unknownCatalogue(String)
    /// The submission is not of a kind the scorer scores.
    case wrongDocumentKind(DocumentKind)
    /// There is no monitoring record or rectification notice to score compliance with.
    case noMonitoringData

    /// The message in Chinese.
    public var zh: String {
        switch self {
        case let .wrongProfileKind(profile, expected): "评分方案 \(profile) 不是“\(expected.zh)”方案"
        case let .catalogueMismatch(submission, scorer): "提交文件使用 \(submission) 版检查项目目录，评分器使用 \(scorer) 版"
        case let .unknownCatalogue(version): "没有 \(version) 版检查项目目录"
        case let .wrongDocumentKind(kind): "此评分方案不能给“\(kind.zh)”评分"
        case .noMonitoringData: "没有可用于合规评分的监控记录或整改通知"
        }
    }

    /// The message in English.
    public var en: String {
        switch self {
        case let .wrongProfileKind(profile, expected): "scoring profile \(profile) is not an \(expected.en) profile"
        case let .catalogueMismatch(submission, scorer): "the submission uses checklist catalogue \(submission), the scorer catalogue \(scorer)"
        case let .unknownCatalogue(version): "there is no checklist catalogue \(version)"
        case let .wrongDocumentKind(kind): "this scoring profile cannot score a \(kind.en)"
        case .noMonitoringData: "there is no monitoring record or rectification notice to score compliance with"
        }
    }

    /// Both languages.
    public var description: String { "\(zh) (\(en))" }
}
