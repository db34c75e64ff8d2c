import Foundation

/// The result of one checklist item (XSD element `item`).
public struct ItemResultEntry: Sendable, Hashable, Codable {
    /// The catalogue item code, e.g. "D1".
    public var code: String
    /// The result.
    public var result: ItemResult
    /// Points deducted inside the item (0 when the XML omits it).
    public var deduction: Double
    /// Reasons for the deduction.
    public var deductionReasons: [String]
    /// Evidence references (document or photo).
    public var evidence: [String]
    /// A free note.
    public var note: String?

    /// Creates an item result.
    public init(code: String, result: ItemResult, deduction: Double = 0, deductionReasons: [String] = [], evidence: [String] = [], note: String? = nil) {
        self.code = code
        self.result = result
        self.deduction = deduction
        self.deductionReasons = deductionReasons
        self.evidence = evidence
        self.note = note
    }
}

/// The LEC risk band (作业条件危险性评价), 1 (most dangerous) to 5.
public enum LECBand: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 1 极其危险 — extremely dangerous, stop work (D > 320).
    case extreme = 1
    /// 2 高度危险 — highly dangerous, fix immediately (160 ≤ D ≤ 320).
    case high = 2
    /// 3 显著危险 — significantly dangerous, rectify (70 ≤ D < 160).
    case significant = 3
    /// 4 一般危险 — moderately dangerous, needs attention (20 ≤ D < 70).
    case moderate = 4
    /// 5 稍有危险 — slightly dangerous, acceptable (D < 20).
    case slight = 5

    /// The band for a risk score D.
    public init(d: Double) {
        let d = (d * 1000).rounded() / 1000 // absorb floating-point noise such as 0.2 × 100.
        switch d {
        case let x where x > 320: self = .extreme
        case let x where x >= 160: self = .high
        case let x where x >= 70: self = .significant
        case let x where x >= 20: self = .moderate
        default: self = .slight
        }
    }

    /// Band 1 is the most serious, so it sorts first.
    public static func < (lhs: LECBand, rhs: LECBand) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .extreme: LocalizedText(zh: "极其危险，不能继续作业", en: "Extremely dangerous: stop work")
        case .high: LocalizedText(zh: "高度危险，需立即整改", en: "Highly dangerous: fix immediately")
        case .significant: LocalizedText(zh: "显著危险，需要整改", en: "Significantly dangerous: rectify")
        case .moderate: LocalizedText(zh: "一般危险，需要注意", en: "Moderately dangerous: needs attention")
        case .slight: LocalizedText(zh: "稍有危险，可以接受", en: "Slightly dangerous: acceptable")
        }
    }
}

/// An LEC risk assessment: D = L × E × C.
public struct LEC: Sendable, Hashable, Codable {
    /// Allowed values of L (likelihood).
    public static let allowedL: [Double] = [10, 6, 3, 1, 0.5, 0.2, 0.1]
    /// Allowed values of E (exposure frequency).
    public static let allowedE: [Double] = [10, 6, 3, 2, 1, 0.5]
    /// Allowed values of C (consequence).
    public static let allowedC: [Double] = [100, 40, 15, 7, 3, 1]

    /// L: likelihood of an accident.
    public var l: Double
    /// E: frequency of exposure.
    public var e: Double
    /// C: consequence.
    public var c: Double

    /// Creates an assessment (values are not checked; see `isStandard`).
    public init(l: Double, e: Double, c: Double) {
        self.l = l
        self.e = e
        self.c = c
    }

    /// The risk score D = L × E × C.
    public var d: Double { l * e * c }

    /// The risk band of D.
    public var band: LECBand { LECBand(d: d) }

    /// Whether L, E and C are all values from the standard tables.
    public var isStandard: Bool {
        LEC.allowedL.contains(l) && LEC.allowedE.contains(e) && LEC.allowedC.contains(c)
    }
}

/// A hazard found in an inspection (XSD `HazardFindingType`: `hazard` in monitoring records, `finding` in rectifications).
public struct HazardFinding: Sendable, Hashable, Codable, Identifiable {
    /// The hazard's id, unique within the document.
    public var id: String
    /// The legal grade.
    public var grade: HazardGrade
    /// The nature (condition, act, management).
    public var nature: HazardNature
    /// The potential GB 6441 accident type.
    public var accidentType: AccidentType
    /// The related catalogue item code, e.g. "D1".
    public var checklistItem: String?
    /// Where (部位).
    public var location: String
    /// What.
    public var description: String
    /// The temporary measure taken at once (required for major hazards in monitoring records).
    public var immediateMeasure: String?
    /// The optional LEC score.
    public var lec: LEC?
    /// Photo references.
    public var photos: [String]
    /// Rectify-by date.
    public var deadline: CivilDate?

    /// Creates a finding.
    public init(
        id: String,
        grade: HazardGrade,
        nature: HazardNature,
        accidentType: AccidentType,
        checklistItem: String? = nil,
        location: String,
        description: String,
        immediateMeasure: String? = nil,
        lec: LEC? = nil,
        photos: [String] = [],
        deadline: CivilDate? = nil
    ) {
        self.id = id
        self.grade = grade
        self.nature = nature
        self.accidentType = accidentType
        self.checklistItem = checklistItem
        self.location = location
        self.description = description
        self.immediateMeasure = immediateMeasure
        self.lec = lec
        self.photos = photos
        self.deadline = deadline
    }

    /// Whether the LEC score (if any) suggests a misgrade: D ≥ 160 but graded general.
    public var possibleMisgrade: Bool {
        grade == .general && (lec.map { $0.band <= .high } ?? false)
    }
}

/// An amount of money for a rectification.
public struct Funding: Sendable, Hashable, Codable {
    /// The amount.
    public var amount: Decimal
    /// ISO 4217 currency code, "CNY" by default.
    public var currency: String

    /// Creates a funding amount.
    public init(amount: Decimal, currency: String = "CNY") {
        self.amount = amount
        self.currency = currency
    }
}

/// The 五定 rectification plan of a finding (XSD `RectificationPlanType`).
public struct RectificationPlan: Sendable, Hashable, Codable {
    /// 定人: the person responsible.
    public var responsiblePerson: String
    /// The person who verifies the fix.
    public var verifier: String
    /// 定时间: the deadline.
    public var deadline: CivilDate
    /// 定措施: the measures.
    public var measures: String
    /// 定标准: the acceptance standard.
    public var acceptanceStandard: String
    /// 定资金: the funds, if given.
    public var funding: Funding?
    /// 定预案: the contingency plan, if given.
    public var contingencyPlan: String?

    /// Creates a plan.
    public init(
        responsiblePerson: String,
        verifier: String,
        deadline: CivilDate,
        measures: String,
        acceptanceStandard: String,
        funding: Funding? = nil,
        contingencyPlan: String? = nil
    ) {
        self.responsiblePerson = responsiblePerson
        self.verifier = verifier
        self.deadline = deadline
        self.measures = measures
        self.acceptanceStandard = acceptanceStandard
        self.funding = funding
        self.contingencyPlan = contingencyPlan
    }
}

/// The 治理方案 required for a major hazard (XSD `MajorHazardPlanType`).
public struct MajorHazardPlan: Sendable, Hashable, Codable {
    /// 目标和任务 — goals and tasks.
    public var goals: String
    /// 方法和措施 — methods and measures.
    public var methods: String
    /// 经费和物资 — funds and materials.
    public var fundsAndMaterials: String
    /// 机构和人员 — organisation and people.
    public var organisationAndPeople: String
    /// 时限和要求 — timeline and requirements.
    public var timeline: String
    /// 安全措施和应急预案 — safety measures and contingency plan.
    public var safetyMeasures: String

    /// Creates a plan.
    public init(goals: String, methods: String, fundsAndMaterials: String, organisationAndPeople: String, timeline: String, safetyMeasures: String) {
        self.goals = goals
        self.methods = methods
        self.fundsAndMaterials = fundsAndMaterials
        self.organisationAndPeople = organisationAndPeople
        self.timeline = timeline
        self.safetyMeasures = safetyMeasures
    }
}

/// A finding in a rectification notice: the hazard plus its status and plan.
public struct RectificationFinding: Sendable, Hashable, Codable, Identifiable {
    /// The hazard.
    public var hazard: HazardFinding
    /// The life-cycle status.
    public var status: RectificationStatus
    /// The submission in which the hazard was first found, if any.
    public var sourceSubmission: UUID?
    /// The hazard id within `sourceSubmission`.
    public var sourceHazard: String?
    /// The 五定 plan.
    public var plan: RectificationPlan
    /// The 治理方案 (required when the grade is major).
    public var majorHazardPlan: MajorHazardPlan?

    /// Creates a finding.
    public init(
        hazard: HazardFinding,
        status: RectificationStatus,
        sourceSubmission: UUID? = nil,
        sourceHazard: String? = nil,
        plan: RectificationPlan,
        majorHazardPlan: MajorHazardPlan? = nil
    ) {
        self.hazard = hazard
        self.status = status
        self.sourceSubmission = sourceSubmission
        self.sourceHazard = sourceHazard
        self.plan = plan
        self.majorHazardPlan = majorHazardPlan
    }

    /// The hazard's id.
    public var id: String { hazard.id }

    /// The effective deadline: the plan's deadline.
    public var deadline: CivilDate { plan.deadline }

    /// Whether the finding is overdue on `date`: past its deadline and not closed.
    public func isOverdue(on date: CivilDate) -> Bool {
        !status.isClosed && date > plan.deadline
    }
}

/// A 复查 (verification) of a finding.
public struct Verification: Sendable, Hashable, Codable {
    /// The id of the verified finding.
    public var findingId: String
    /// The date of the verification.
    public var date: CivilDate
    /// Passed or failed.
    public var result: VerificationResult
    /// Who verified.
    public var verifier: Person
    /// A comment.
    public var comment: String?
    /// Evidence references.
    public var evidence: [String]

    /// Creates a verification.
    public init(findingId: String, date: CivilDate, result: VerificationResult, verifier: Person, comment: String? = nil, evidence: [String] = []) {
        self.findingId = findingId
        self.date = date
        self.result = result
        self.verifier = verifier
        self.comment = comment
        self.evidence = evidence
    }
}

/// A "三违" (violation) observation.
public struct Violation: Sendable, Hashable, Codable {
    /// The type of violation.
    public var type: ViolationType
    /// How many were seen (≥ 1).
    public var count: Int
    /// Whether it was stopped or corrected on the spot.
    public var handledOnSite: Bool
    /// What happened.
    public var description: String

    /// Creates a violation.
    public init(type: ViolationType, count: Int, handledOnSite: Bool, description: String) {
        self.type = type
        self.count = count
        self.handledOnSite = handledOnSite
        self.description = description
    }
}
