import AnkangModel
import AnkangXML
import Foundation

/// The codes of the semantic rules: what XSD 1.0 cannot express.
extension DiagnosticCode {
    public static let creditCodeCheck: DiagnosticCode = "ANK-SEM-001"
    public static let orgCodeCheck: DiagnosticCode = "ANK-SEM-002"
    public static let creditCodeOrgCodeMismatch: DiagnosticCode = "ANK-SEM-003"
    public static let regNoCheck: DiagnosticCode = "ANK-SEM-004"
    public static let unknownCatalogue: DiagnosticCode = "ANK-SEM-010"
    public static let unknownItem: DiagnosticCode = "ANK-SEM-011"
    public static let unknownActivity: DiagnosticCode = "ANK-SEM-012"
    public static let deadlineBeforeInspection: DiagnosticCode = "ANK-SEM-020"
    public static let verificationBeforeIssue: DiagnosticCode = "ANK-SEM-021"
    public static let majorHazardWithoutPlan: DiagnosticCode = "ANK-SEM-030"
    public static let majorHazardWithoutMeasure: DiagnosticCode = "ANK-SEM-031"
    public static let accidentTotals: DiagnosticCode = "ANK-SEM-040"
    public static let violationTotal: DiagnosticCode = "ANK-SEM-041"
    public static let deductionOverWeight: DiagnosticCode = "ANK-SEM-042"
    public static let deductionOnCompliantItem: DiagnosticCode = "ANK-SEM-043"
    public static let femaleOverTotal: DiagnosticCode = "ANK-SEM-044"
    public static let tierWithoutUnit: DiagnosticCode = "ANK-SEM-050"
    public static let closedWithoutVerification: DiagnosticCode = "ANK-SEM-051"
}

/// Checks a schema-valid submission against the rules that XSD 1.0 cannot express. Pure: model,
/// catalogues and element views in, findings out.
struct SemanticRules {
    /// The catalogues' look-up tables, loaded on first use.
    let catalogues: @Sendable () -> Result<CatalogueIndex, any Error>

    func check(_ submission: Submission, nodes: SubmissionNodes) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let index: CatalogueIndex
        switch catalogues() {
        case .success(let loaded): index = loaded
        case .failure(let error):
            return [Diagnostic(.error, .internalError,
                zh: "内置检查项目目录无法加载（\(error)），文件未通过校验", en: "the bundled catalogues do not load (\(error)); the file was not accepted")]
        }
        checkIdentifiers(submission.enterprise, node: nodes.enterprise, into: &findings)
        let catalogue = index.entries[submission.catalogueVersion]
        if catalogue == nil {
            let known = index.knownVersions
            findings.append(Diagnostic(.error, .unknownCatalogue,
                zh: "检查项目目录版本 \(submission.catalogueVersion) 不存在（现有：\(known)）",
                en: "checklist catalogue version \(submission.catalogueVersion) does not exist (known: \(known))",
                at: nodes.root.position(ofAttribute: "catalogueVersion")))
        }
        switch submission.body {
        case .assessment(let assessment):
            checkItems(assessment.items, nodes: nodes.items, catalogue: catalogue, into: &findings)
            checkActivities(assessment.activities, nodes: nodes.activities, catalogue: catalogue, into: &findings)
            checkAccidents(assessment.accidentSummary, node: nodes.root.child("accidentSummary"), into: &findings)
        case .monitoring(let record):
            checkItems(record.observations, nodes: nodes.items, catalogue: catalogue, into: &findings)
            checkHazards(record.hazards, nodes: nodes.hazards, inspectionDate: record.date, catalogue: catalogue, into: &findings)
            for (hazard, node) in zip(record.hazards, nodes.hazards) where hazard.grade == .major && hazard.immediateMeasure == nil {
                findings.append(Diagnostic(.error, .majorHazardWithoutMeasure,
                    zh: "重大隐患 \(hazard.id) 必须填写临时防范措施（immediateMeasure）",
                    en: "major hazard \(hazard.id) must state its immediate measure (immediateMeasure)", at: node.position))
            }
            if let violations = record.violations, violations.declaredTotal != violations.countedTotal {
                findings.append(Diagnostic(.error, .violationTotal,
                    zh: "“三违”合计填写为 \(violations.declaredTotal)，但各项次数之和为 \(violations.countedTotal)",
                    en: "violations total is \(violations.declaredTotal) but the counts add up to \(violations.countedTotal)",
                    at: nodes.root.child("violations")?.position(ofAttribute: "total")))
            }
            checkTier(record, node: nodes.root, into: &findings)
        case .rectification(let notice):
            checkHazards(notice.findings.map(\.hazard), nodes: nodes.hazards, inspectionDate: notice.issuedDate, catalogue: catalogue, into: &findings)
            checkRectification(notice, nodes: nodes, into: &findings)
        }
        if let female = submission.enterprise.femaleEmployees, female > submission.enterprise.employees {
            findings.append(Diagnostic(.error, .femaleOverTotal,
                zh: "女职工人数 \(female) 超过职工总数 \(submission.enterprise.employees)",
                en: "female employees (\(female)) exceed total employees (\(submission.enterprise.employees))",
                at: nodes.enterprise.child("employees")?.position(ofAttribute: "female")))
        }
        return findings
    }

    // MARK: Identifiers (GB 32100, GB 11714, GS 15-2006)

    private func checkIdentifiers(_ enterprise: Enterprise, node: ElementView, into findings: inout [Diagnostic]) {
        var creditCode: UnifiedSocialCreditCode?
        if let text = enterprise.creditCode {
            let code = UnifiedSocialCreditCode(text)
            creditCode = code
            if let problem = code.problems.first(where: \.isCheckCharacterMismatch) {
                findings.append(Diagnostic(.warning, .creditCodeCheck,
                    zh: "统一社会信用代码 \(text) 的校验码不符（GB 32100）：\(problem.message.zh)；请核对营业执照",
                    en: "unified social credit code \(text) fails its check character (GB 32100): \(problem.message.en); check the business licence",
                    at: node.child("creditCode")?.position))
            }
        }
        if let text = enterprise.orgCode {
            let code = OrganizationCode(text)
            if let problem = code.problems.first(where: \.isCheckCharacterMismatch) {
                findings.append(Diagnostic(.error, .orgCodeCheck,
                    zh: "组织机构代码 \(text) 的校验码不符（GB 11714）：\(problem.message.zh)",
                    en: "organisation code \(text) fails its check digit (GB 11714): \(problem.message.en)",
                    at: node.child("orgCode")?.position))
            }
            if let embedded = creditCode?.embeddedOrgCode, embedded.normalized != code.normalized {
                findings.append(Diagnostic(.error, .creditCodeOrgCodeMismatch,
                    zh: "统一社会信用代码第 9–17 位（\(embedded.normalized)）与组织机构代码 \(code.normalized) 不一致",
                    en: "positions 9–17 of the credit code (\(embedded.normalized)) differ from the organisation code \(code.normalized)",
                    at: node.child("orgCode")?.position))
            }
        }
        if let text = enterprise.regNo {
            let number = BusinessRegistrationNumber(text)
            if number.hasCheckCharacterMismatch {
                findings.append(Diagnostic(.warning, .regNoCheck,
                    zh: "工商注册号 \(text) 的校验位不符（GS 15-2006，ISO 7064 MOD 11,10）",
                    en: "business registration number \(text) fails its check digit (GS 15-2006, ISO 7064 MOD 11,10)",
                    at: node.child("regNo")?.position))
            }
        }
    }

    // MARK: Catalogue references and totals

    private func checkItems(_ items: [ItemResultEntry], nodes: [ElementView], catalogue: CatalogueIndex.Entry?, into findings: inout [Diagnostic]) {
        for (item, node) in zip(items, nodes) {
            if item.result == .compliant, item.deduction > 0 {
                findings.append(Diagnostic(.error, .deductionOnCompliantItem,
                    zh: "检查项 \(item.code) 判定为“符合”，不应有扣分（\(format(item.deduction)) 分）",
                    en: "item \(item.code) is rated compliant but carries a deduction of \(format(item.deduction))",
                    at: node.position(ofAttribute: "deduction")))
            }
            guard let catalogue else { continue }
            guard let weight = catalogue.weight(code: item.code) else {
                findings.append(Diagnostic(.error, .unknownItem,
                    zh: "检查项代码 \(item.code) 不在 \(catalogue.version) 年版检查项目目录中",
                    en: "item code \(item.code) is not in the \(catalogue.version) checklist catalogue", at: node.position(ofAttribute: "code")))
                continue
            }
            if item.deduction > weight {
                findings.append(Diagnostic(.error, .deductionOverWeight,
                    zh: "检查项 \(item.code) 扣分 \(format(item.deduction)) 超过该项分值 \(format(weight))",
                    en: "item \(item.code) deducts \(format(item.deduction)), more than its weight \(format(weight))",
                    at: node.position(ofAttribute: "deduction")))
            }
        }
    }

    private func checkActivities(_ activities: [Activity], nodes: [ElementView], catalogue: CatalogueIndex.Entry?, into findings: inout [Diagnostic]) {
        guard let catalogue else { return }
        for (activity, node) in zip(activities, nodes) where !catalogue.hasActivity(code: activity.code) {
            findings.append(Diagnostic(.error, .unknownActivity,
                zh: "“十个一”活动代码 \(activity.code) 不在 \(catalogue.version) 年版目录中",
                en: "activity code \(activity.code) is not in the \(catalogue.version) catalogue", at: node.position(ofAttribute: "code")))
        }
    }

    private func checkHazards(_ hazards: [HazardFinding], nodes: [ElementView], inspectionDate: CivilDate,
                              catalogue: CatalogueIndex.Entry?, into findings: inout [Diagnostic]) {
        for (hazard, node) in zip(hazards, nodes) {
            if let code = hazard.checklistItem, let catalogue, catalogue.weight(code: code) == nil {
                findings.append(Diagnostic(.error, .unknownItem,
                    zh: "隐患 \(hazard.id) 关联的检查项代码 \(code) 不在 \(catalogue.version) 年版检查项目目录中",
                    en: "hazard \(hazard.id) refers to item code \(code), which is not in the \(catalogue.version) catalogue",
                    at: node.position(ofAttribute: "checklistItem")))
            }
            if let deadline = hazard.deadline, deadline < inspectionDate {
                findings.append(deadlineFinding("隐患 \(hazard.id) 的整改期限", "the deadline of hazard \(hazard.id)",
                                                deadline, inspectionDate, at: node.child("deadline")?.position))
            }
        }
    }

    private func checkAccidents(_ summary: AccidentSummary, node: ElementView?, into findings: inout [Diagnostic]) {
        let attributes: [(InjurySeverity, String)] = [(.minor, "minorInjuries"), (.serious, "seriousInjuries"), (.fatal, "fatalities")]
        for (severity, attribute) in attributes where summary.declared(severity) != summary.counted(severity) {
            findings.append(Diagnostic(.error, .accidentTotals,
                zh: "事故汇总中\(severity.label.zh)人数填写为 \(summary.declared(severity))，但所列事故合计 \(summary.counted(severity)) 人",
                en: "the accident summary declares \(summary.declared(severity)) \(severity.label.en.lowercased()) but the listed accidents add up to \(summary.counted(severity))",
                at: node?.position(ofAttribute: attribute)))
        }
    }

    private func checkTier(_ record: MonitoringRecord, node: ElementView, into findings: inout [Diagnostic]) {
        let tierNode = node.child("tier")
        switch record.tier.level {
        case .workshop where record.unit == nil:
            findings.append(Diagnostic(.error, .tierWithoutUnit,
                zh: "车间级监控记录必须填写被监控的车间（unit/workshop）",
                en: "a workshop-tier record must name the workshop monitored (unit/workshop)", at: tierNode?.position))
        case .team where record.unit?.team == nil:
            findings.append(Diagnostic(.error, .tierWithoutUnit,
                zh: "班组级监控记录必须填写被监控的车间和班组（unit/team）",
                en: "a team-tier record must name the workshop and team monitored (unit/team)", at: tierNode?.position))
        default:
            break
        }
    }

    private func checkRectification(_ notice: HazardRectification, nodes: SubmissionNodes, into findings: inout [Diagnostic]) {
        for (finding, node) in zip(notice.findings, nodes.hazards) {
            let id = finding.hazard.id
            if finding.plan.deadline < notice.issuedDate {
                findings.append(deadlineFinding("隐患 \(id) 的整改计划期限（五定）", "the rectification deadline of finding \(id)",
                                                finding.plan.deadline, notice.issuedDate, at: node.child("plan")?.child("deadline")?.position))
            }
            if finding.hazard.grade == .major, finding.majorHazardPlan == nil {
                findings.append(Diagnostic(.error, .majorHazardWithoutPlan,
                    zh: "重大隐患 \(id) 必须附治理方案（majorHazardPlan：目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案）",
                    en: "major hazard \(id) requires a remediation plan (majorHazardPlan: goals, methods, funds, organisation, timeline, safety measures)",
                    at: node.position))
            }
            if finding.status == .closed, !notice.verifications.contains(where: { $0.findingId == id && $0.result == .passed }) {
                findings.append(Diagnostic(.error, .closedWithoutVerification,
                    zh: "隐患 \(id) 状态为“已销号”，但没有通过的复查记录",
                    en: "finding \(id) is closed but has no passed verification", at: node.position(ofAttribute: "status")))
            }
        }
        for (verification, node) in zip(notice.verifications, nodes.verifications) where verification.date < notice.issuedDate {
            findings.append(Diagnostic(.error, .verificationBeforeIssue,
                zh: "复查日期 \(verification.date) 早于通知书签发日期 \(notice.issuedDate)",
                en: "verification date \(verification.date) is before the notice's issue date \(notice.issuedDate)",
                at: node.position(ofAttribute: "date")))
        }
    }

    private func deadlineFinding(_ whatZh: String, _ whatEn: String, _ deadline: CivilDate, _ inspection: CivilDate,
                                 at position: SourcePosition?) -> Diagnostic {
        Diagnostic(.error, .deadlineBeforeInspection,
            zh: "\(whatZh) \(deadline) 早于检查（签发）日期 \(inspection)",
            en: "\(whatEn) (\(deadline)) is before the inspection (issue) date \(inspection)", at: position)
    }

    /// Points as a person writes them: "3", "2.5". The schema bounds deductions, but never trap on a value.
    private func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

}

/// What the rules look up in the catalogues, per submission and per item: the weights by item code and the
/// activity codes of each catalogue version (the same first-wins tables as ``ChecklistCatalogue``'s look-ups,
/// without copying a ``CatalogueItem`` per look-up).
struct CatalogueIndex: Sendable {
    struct Entry: Sendable {
        /// The catalogue's version (its key).
        let version: String
        private let weights: [String: Double]
        private let activityCodes: Set<String>

        init(_ catalogue: ChecklistCatalogue) {
            version = catalogue.version
            weights = Dictionary(catalogue.allItems.map { ($0.code, $0.weight) }, uniquingKeysWith: { first, _ in first })
            activityCodes = Set(catalogue.activities.map(\.code))
        }

        /// The weight of the item with this code, nil if the catalogue has no such item.
        func weight(code: String) -> Double? { weights[code] }

        func hasActivity(code: String) -> Bool { activityCodes.contains(code) }
    }

    let entries: [String: Entry]
    /// The known versions, sorted, for messages.
    let knownVersions: String

    init(_ catalogues: [String: ChecklistCatalogue]) {
        entries = catalogues.mapValues(Entry.init)
        knownVersions = catalogues.keys.sorted().joined(separator: ", ")
    }
}

extension IdentifierProblem {
    var isCheckCharacterMismatch: Bool {
        if case .checkCharacterMismatch = self { true } else { false }
    }
}
