import AnkangModel
import Foundation

/// Scores Ankang Cup assessments with an `ankangCup` profile and one checklist catalogue.
///
/// The method, all of it data from the profile (domain.md §c.1):
/// 1. Each catalogue item of a profile category earns `weight × factor(result)`; a 基本符合 item that
///    states a deduction earns `weight × (1 − deduction ÷ catalogue weight)` when the profile says so;
///    不适用 items leave the category's denominator. Items the assessment does not list follow the
///    profile's `unassessed` policy.
/// 2. Hazards open on the as-of date and linked to an item: each general one takes a fixed number of
///    item points (down to 0); a major one sets the item to 0.
/// 3. "十个一" participation, where a category scores it, is a pseudo-item earning
///    `weight × min(distinct activities, target) ÷ target`.
/// 4. Category rate = earned ÷ applicable maximum; category points = weight × rate, with the weights
///    normalised to 100 over the categories that have any applicable item.
/// 5. Each finding overdue on the as-of date takes points from the total, up to a cap; the total does
///    not go below 0. Then the bonus is added, up to its cap.
/// 6. The total is rounded once (``ScoreRounding``); gates, grades and awards compare rounded figures.
///
/// Pure and deterministic: no I/O, no clock, no randomness; the same inputs always give the same score.
public struct AnkangCupScorer: Sendable {
    /// The profile.
    public let profile: ScoringProfile
    /// The catalogue the assessments must use.
    public let catalogue: ChecklistCatalogue
    private let rules: AnkangCupRules
    /// Every scored catalogue item, category by category, in catalogue order within a category.
    private let members: [Member]
    /// The members of each profile category.
    private let categoryMembers: [Range<Int>]
    /// The member index of each scored item, by ``CodeKey/item(_:)`` (-1: not scored).
    private let memberByKey: [Int]
    /// The catalogue's "十个一" activities, by ``CodeKey/activity(_:)``.
    private let activityKeys: ActivitySet

    /// A catalogue item as the profile weighs it, with the fixed parts of its explanation prepared once
    /// (explanations are written for every score, so they must be cheap).
    private struct Member: Sendable {
        let code: String
        let weight: Double
        let catalogueWeight: Double
        /// "B1 新员工三级安全教育有记录、有考核：基本符合，扣 ", one per ``lead(_:)``.
        let leadZh: [String]
        /// "B1 New-hire 3-level induction recorded and tested: partly compliant, " likewise.
        let leadEn: [String]
        /// " 分（满分 4.0），折合总分 ".
        let tailZh: String
        /// " of 4.0 item points lost; ".
        let tailEn: String

        init(_ item: CatalogueItem, weight: Double) {
            code = item.code
            self.weight = weight
            catalogueWeight = item.weight
            let results: [(zh: String, en: String)] = [("符合", "compliant"), ("基本符合", "partly compliant"), ("不符合", "non-compliant"),
                                                        ("考核表未列出，按不符合计", "not in the assessment, counted as non-compliant")]
            leadZh = results.map { "\(item.code) \(item.text.zh)：\($0.zh)，扣 " }
            leadEn = results.map { "\(item.code) \(item.text.en): \($0.en), " }
            tailZh = " 分（满分 \(ScoreRounding.text(weight))），折合总分 "
            tailEn = " of \(ScoreRounding.text(weight)) item points lost; "
        }

        /// Which lead a result takes (不适用 never loses points).
        static func lead(_ result: ItemResult?) -> Int {
            switch result {
            case .compliant?: 0
            case .partial?: 1
            case .nonCompliant?, .notApplicable?: 2
            case nil: 3
            }
        }
    }

    /// What an assessment says about one member: its result (`nil` if not listed) and stated deduction.
    private struct ItemInput {
        var result: ItemResult?
        var deduction: Double
    }

    /// One loss of item points, explained once the normalisation factor is known. Plain values only
    /// (indices into the members and hazards), so collecting losses copies nothing that is counted.
    private struct Loss {
        /// `.itemResult`, `.unassessedItem`, `.openGeneralHazard`, `.openMajorHazard` or `.activityParticipation`.
        let kind: ExplanationKind
        let category: Int
        let lost: Double
        /// The member (item kinds and hazards).
        var member = 0
        /// The item's result (`.itemResult`).
        var result: ItemResult?
        /// The index of the hazard in the hazards scored (hazard kinds).
        var hazard = 0
        /// Distinct activities counted (`.activityParticipation`).
        var held = 0
    }

    /// Prepares a scorer: resolves the profile's categories against the catalogue once.
    /// Throws when the profile is not an `ankangCup` profile.
    public init(profile: ScoringProfile, catalogue: ChecklistCatalogue) throws(ScoringError) {
        guard case let .ankangCup(rules) = profile.rules else {
            throw .wrongProfileKind(profile: profile.id, expected: .ankangCup)
        }
        self.profile = profile
        self.catalogue = catalogue
        self.rules = rules
        var members: [Member] = []
        var ranges: [Range<Int>] = []
        for category in rules.categories {
            let start = members.count
            for item in catalogue.allItems where category.catalogueCategories.contains(item.category) || category.items.contains(item.code) {
                members.append(Member(item, weight: rules.itemWeights[item.code] ?? item.weight))
            }
            ranges.append(start..<members.count)
        }
        self.members = members
        categoryMembers = ranges
        var memberByKey = [Int](repeating: -1, count: CodeKey.itemKeyCount)
        for (index, member) in members.enumerated() {
            if let key = CodeKey.item(member.code), memberByKey[key] < 0 { memberByKey[key] = index }
        }
        self.memberByKey = memberByKey
        var activityKeys = ActivitySet()
        for activity in catalogue.activities {
            if let key = CodeKey.activity(activity.code) { activityKeys.insert(key) }
        }
        self.activityKeys = activityKeys
    }

    /// Scores a validated assessment submission. `hazards` are the enterprise's hazard statuses (see
    /// ``HazardLedger``); `asOf` defaults to the assessment date.
    public func score(_ submission: Submission, hazards: [HazardStatus] = [], asOf: CivilDate? = nil) throws(ScoringError) -> Score {
        guard let assessment = submission.assessment else { throw .wrongDocumentKind(submission.kind) }
        guard submission.catalogueVersion == catalogue.version else {
            throw .catalogueMismatch(submission: submission.catalogueVersion, scorer: catalogue.version)
        }
        return score(assessment, hazards: hazards, asOf: asOf, submissionId: submission.id, enterprise: submission.enterprise.name)
    }

    /// Scores an assessment (assumed to use this scorer's catalogue).
    public func score(_ assessment: AnkangCupAssessment, hazards: [HazardStatus] = [], asOf: CivilDate? = nil) -> Score {
        score(assessment, hazards: hazards, asOf: asOf, submissionId: nil, enterprise: nil)
    }

    // MARK: - The computation

    private func score(_ assessment: AnkangCupAssessment, hazards: [HazardStatus], asOf: CivilDate?, submissionId: UUID?, enterprise: String?) -> Score {
        let date = asOf ?? assessment.assessmentDate
        var inputs = [ItemInput](repeating: ItemInput(result: nil, deduction: 0), count: members.count)
        for entry in assessment.items {
            if let index = member(entry.code), inputs[index].result == nil {
                inputs[index] = ItemInput(result: entry.result, deduction: entry.deduction)
            }
        }
        // The open hazards of each member, in id order.
        var openByMember: [Int: [Int]] = [:]
        for index in hazards.indices.sorted(by: { hazards[$0].id < hazards[$1].id }) where hazards[index].isOpen(on: date) {
            if let item = hazards[index].checklistItem, let member = member(item) { openByMember[member, default: []].append(index) }
        }

        // Item points, category by category.
        var losses: [Loss] = []
        losses.reserveCapacity(members.count)
        var earnedByMember = [Double?](repeating: nil, count: members.count)
        var earned = [Double](repeating: 0, count: categoryMembers.count)
        var maximum = [Double](repeating: 0, count: categoryMembers.count)
        var majorItems = [[String]](repeating: [], count: categoryMembers.count)
        for (category, range) in categoryMembers.enumerated() {
            for index in range {
                guard let itemEarned = scoreItem(index, inputs[index], open: openByMember[index] ?? [], hazards: hazards, category: category,
                                                 losses: &losses, majorItems: &majorItems[category])
                else { continue }
                earnedByMember[index] = itemEarned
                earned[category] += itemEarned
                maximum[category] += members[index].weight
            }
            if let participation = rules.categories[category].activityParticipation {
                var held = ActivitySet()
                for activity in assessment.activities {
                    if let key = CodeKey.activity(activity.code), activityKeys.contains(key) { held.insert(key) }
                }
                let counted = min(held.count, participation.target)
                let activityEarned = participation.weight * Double(counted) / Double(participation.target)
                earned[category] += activityEarned
                maximum[category] += participation.weight
                if activityEarned < participation.weight {
                    losses.append(Loss(kind: .activityParticipation, category: category, lost: participation.weight - activityEarned, held: counted))
                }
            }
        }

        // Normalise the weights over the categories with any applicable item.
        var applicableWeight = 0.0
        for category in categoryMembers.indices where maximum[category] > 0 { applicableWeight += rules.categories[category].weight }
        let scale = applicableWeight > 0 ? 100 / applicableWeight : 0
        var rates = [Double?](repeating: nil, count: categoryMembers.count)
        var categoryPoints = [Double](repeating: 0, count: categoryMembers.count)
        for category in categoryMembers.indices where maximum[category] > 0 {
            let rate = earned[category] / maximum[category]
            rates[category] = rate
            categoryPoints[category] = rules.categories[category].weight * rate * scale
        }
        var explanation: [ScoreExplanationLine] = []
        explanation.reserveCapacity(losses.count + 2)
        for loss in losses {
            let points = loss.lost / maximum[loss.category] * rules.categories[loss.category].weight * scale
            explanation.append(line(loss, hazards: hazards, points: points))
        }

        // Overdue findings, capped, then the floor at 0, then the capped bonus.
        let overdueDeduction = overdue(hazards, on: date, explanation: &explanation)
        let base = max(0, categoryPoints.reduce(0, +) - overdueDeduction)
        let claimed = assessment.bonusPointsClaimed
        let granted = min(claimed, rules.bonusCap)
        if claimed > rules.bonusCap {
            let lost = claimed - rules.bonusCap
            explanation.append(ScoreExplanationLine(
                kind: .bonusCap, ref: "bonus", pointsLost: ScoreRounding.tenths(lost),
                zh: "鼓励项申报 \(t(claimed)) 分，超过上限 \(t(rules.bonusCap)) 分的 \(t(lost)) 分不计",
                en: "bonus items claim \(t(claimed)) points; the \(t(lost)) above the cap of \(t(rules.bonusCap)) do not count"))
        }
        let rawTotal = base + granted

        let categoryScores = categoryMembers.indices.map { index -> CategoryScore in
            let definition = rules.categories[index]
            let gatePassed: Bool? = rates[index].flatMap { rate in
                definition.minimumRate.map { ScoreRounding.reaches(rate * 100, $0 * 100) }
            }
            return CategoryScore(
                code: definition.code, name: definition.name, weight: definition.weight,
                effectiveWeight: ScoreRounding.tenths(maximum[index] > 0 ? definition.weight * scale : 0),
                applicable: maximum[index] > 0, earnedItemPoints: ScoreRounding.tenths(earned[index]),
                maxItemPoints: ScoreRounding.tenths(maximum[index]), ratePercent: rates[index].map(ScoreRounding.percent),
                points: ScoreRounding.tenths(categoryPoints[index]), minimumRatePercent: definition.minimumRate.map(ScoreRounding.percent),
                gatePassed: gatePassed, openMajorHazardItems: majorItems[index])
        }
        let gates = rules.gates.map {
            evaluate($0, assessment: assessment, rawTotal: rawTotal, categories: categoryScores) { member($0).flatMap { earnedByMember[$0] } }
        }
        let vetoes = vetoFindings(assessment, hazards: hazards, on: date)
        let eligible = vetoes.isEmpty && gates.allSatisfy(\.passed)
        return Score(
            profileId: profile.id, profileVersion: profile.version, catalogueVersion: catalogue.version, submissionId: submissionId,
            enterprise: enterprise, asOf: date, total: ScoreRounding.tenths(rawTotal), rawTotal: rawTotal, baseScore: ScoreRounding.tenths(base),
            categories: categoryScores, overdueDeduction: ScoreRounding.tenths(overdueDeduction),
            bonus: BonusResult(claimed: ScoreRounding.tenths(claimed), granted: ScoreRounding.tenths(granted), cap: rules.bonusCap),
            gates: gates, vetoes: vetoes, eligible: eligible,
            grade: Grading.grade(rules.grades, score: rawTotal, hasVeto: !vetoes.isEmpty, failedGates: Set(gates.filter { !$0.passed }.map(\.id))),
            eligibleAwards: eligible ? rules.awards.filter { ScoreRounding.reaches(rawTotal, $0.minScore) }.map(\.level).sorted() : [],
            explanation: explanation)
    }

    /// The member index of a scored item code.
    private func member(_ code: String) -> Int? {
        guard let key = CodeKey.item(code) else { return nil }
        let index = memberByKey[key]
        return index < 0 ? nil : index
    }

    /// The item points one member earns after its result and its open hazards, or `nil` when it is not applicable.
    private func scoreItem(
        _ index: Int, _ input: ItemInput, open: [Int], hazards: [HazardStatus], category: Int, losses: inout [Loss], majorItems: inout [String]
    ) -> Double? {
        let member = members[index]
        let factors = rules.resultFactors
        let result = input.result ?? (factors.unassessed == .notApplicable ? .notApplicable : .nonCompliant)
        guard var share = factors.factor(for: result) else { return nil }
        if result == .partial, factors.partialUsesStatedDeduction, input.deduction > 0 {
            share = max(0, 1 - input.deduction / member.catalogueWeight)
        }
        var earned = member.weight * share
        if earned < member.weight {
            losses.append(Loss(kind: input.result == nil ? .unassessedItem : .itemResult, category: category, lost: member.weight - earned,
                               member: index, result: input.result))
        }
        let deductions = rules.hazardDeductions
        for hazard in open {
            switch hazards[hazard].grade {
            case .general:
                let taken = min(earned, deductions.perOpenGeneralHazard)
                guard taken > 0 else { continue }
                earned -= taken
                losses.append(Loss(kind: .openGeneralHazard, category: category, lost: taken, member: index, hazard: hazard))
            case .major:
                guard deductions.openMajorZeroesItem else { continue }
                if !majorItems.contains(member.code) { majorItems.append(member.code) }
                guard earned > 0 else { continue }
                losses.append(Loss(kind: .openMajorHazard, category: category, lost: earned, member: index, hazard: hazard))
                earned = 0
            }
        }
        return earned
    }

    /// The explanation line of a loss worth `points` on the total.
    private func line(_ loss: Loss, hazards: [HazardStatus], points: Double) -> ScoreExplanationLine {
        let category = rules.categories[loss.category]
        let (lost, total) = (t(loss.lost), t(points))
        let (zh, en): (String, String)
        var ref = members[loss.member].code
        switch loss.kind {
        case .openGeneralHazard, .openMajorHazard:
            let hazard = hazards[loss.hazard]
            let major = loss.kind == .openMajorHazard
            ref = hazard.reference
            zh = ExplanationText.join(members[loss.member].code, major ? "：重大隐患 " : "：一般隐患 ", hazard.reference, " 未销号（期限 ",
                                      hazard.deadline.isoString, major ? "），该项记 0 分，扣 " : "），扣 ", lost, " 分，折合总分 ", total, " 分")
            en = ExplanationText.join(members[loss.member].code, major ? ": major hazard " : ": general hazard ", hazard.reference, " still open (deadline ",
                                      hazard.deadline.isoString, major ? "), item set to 0, " : "), ", lost, " item points lost; ", total, " on the total")
        case .activityParticipation:
            guard let participation = category.activityParticipation else {
                preconditionFailure("only a category that scores \"十个一\" participation loses activity points")
            }
            let (held, target, weight) = (String(loss.held), String(participation.target), t(participation.weight))
            ref = participation.code
            zh = ExplanationText.join(ref, " ", participation.name.zh, "：开展 ", held, " 项不同活动（目标 ", target, " 项），扣 ", lost, " 分（满分 ",
                                      weight, "），折合总分 ", total, " 分")
            en = ExplanationText.join(ref, " ", participation.name.en, ": ", held, " distinct activities held (target ", target, "), ", lost, " of ",
                                      weight, " item points lost; ", total, " on the total")
        default:
            let (member, lead) = (members[loss.member], Member.lead(loss.result))
            return ScoreExplanationLine(
                kind: loss.kind, ref: ref, category: category.code, itemPointsLost: ScoreRounding.tenths(loss.lost),
                pointsLost: ScoreRounding.tenths(points),
                text: .item(leadZh: member.leadZh[lead], leadEn: member.leadEn[lead], tailZh: member.tailZh, tailEn: member.tailEn, lost: lost, total: total))
        }
        return ScoreExplanationLine(
            kind: loss.kind, ref: ref, category: category.code, itemPointsLost: ScoreRounding.tenths(loss.lost),
            pointsLost: ScoreRounding.tenths(points), zh: zh, en: en)
    }

    /// Takes the capped overdue deduction and explains it, one line per overdue finding.
    private func overdue(_ hazards: [HazardStatus], on date: CivilDate, explanation: inout [ScoreExplanationLine]) -> Double {
        let deductions = rules.hazardDeductions
        var taken = 0.0
        for hazard in hazards.filter({ $0.isOverdue(on: date) }).sorted(by: { ($0.deadline, $0.id) < ($1.deadline, $1.id) }) {
            let points = min(deductions.perOverdueFinding, deductions.overdueCap - taken)
            taken += points
            let head = "\(hazard.grade.zh) \(hazard.reference) 逾期未整改（期限 \(hazard.deadline)，考核日 \(date)）"
            let headEn = "\(hazard.grade.en.lowercased()) \(hazard.reference) open past its deadline (\(hazard.deadline); as of \(date))"
            explanation.append(ScoreExplanationLine(
                kind: .overdueFinding, ref: hazard.reference, pointsLost: ScoreRounding.tenths(points),
                zh: points > 0 ? head + "，扣总分 \(t(points)) 分" : head + "，逾期扣分已达上限 \(t(deductions.overdueCap)) 分，不再扣分",
                en: points > 0 ? headEn + ", \(t(points)) off the total" : headEn + "; the overdue cap of \(t(deductions.overdueCap)) is reached, nothing more is taken"))
        }
        return taken
    }

    private func evaluate(
        _ gate: GateRule, assessment: AnkangCupAssessment, rawTotal: Double, categories: [CategoryScore], earnedByItem: (String) -> Double?
    ) -> GateResult {
        let passed: Bool
        let zh: String
        let en: String
        let organization = assessment.organization
        switch gate.condition {
        case .committeeExists:
            passed = organization.committee
            (zh, en) = passed ? ("已成立竞赛组委会", "a competition committee exists") : ("未成立竞赛组委会", "no competition committee")
        case .planExists:
            passed = organization.planDate != nil
            (zh, en) = organization.planDate.map { ("竞赛方案日期 \($0)", "competition plan dated \($0)") } ?? ("无竞赛方案", "no competition plan")
        case let .noInjury(threshold):
            let worst = assessment.accidentSummary.worstSeverity
            passed = worst.map { $0 < threshold } ?? true
            (zh, en) = worst.map { ("年内最严重伤害为\($0.zh)（不得为\(threshold.zh)及以上）", "worst injury of the year: \($0.en.lowercased()) (\(threshold.en.lowercased()) or worse not allowed)") }
                ?? ("年内无伤害事故", "no injuries in the year")
        case let .minimumTotal(score):
            passed = ScoreRounding.reaches(rawTotal, score)
            (zh, en) = ("总分 \(t(rawTotal)) \(passed ? "≥" : "<") \(t(score))", "total \(t(rawTotal)) \(passed ? "≥" : "<") \(t(score))")
        case .allCategoryRates:
            let failing = categories.filter { $0.gatePassed == false }
            passed = failing.isEmpty
            if passed {
                (zh, en) = ("各类别得分率均达到下限", "every category reaches its minimum rate")
            } else {
                zh = "得分率未达下限：" + failing.map { "\($0.name.zh) \(t($0.ratePercent ?? 0))% < \(t($0.minimumRatePercent ?? 0))%" }.joined(separator: "；")
                en = "below the minimum rate: " + failing.map { "\($0.name.en) \(t($0.ratePercent ?? 0)) % < \(t($0.minimumRatePercent ?? 0)) %" }.joined(separator: "; ")
            }
        case let .itemEarnsPoints(item):
            let itemEarned = earnedByItem(item)
            passed = (itemEarned ?? 0) > 0
            (zh, en) = itemEarned.map { ("项目 \(item) 得 \(t($0)) 分", "item \(item) earns \(t($0)) points") }
                ?? ("项目 \(item) 不适用或不在评分类别中", "item \(item) is not applicable or not scored")
        }
        return GateResult(id: gate.id, label: gate.label ?? Grading.defaultLabel(gate.condition), passed: passed, zh: zh, en: en)
    }
    private func vetoFindings(_ assessment: AnkangCupAssessment, hazards: [HazardStatus], on date: CivilDate) -> [VetoFinding] {
        var findings = assessment.vetoEvents.filter { rules.vetoes.declared.contains($0.type) }.map { event in
            VetoFinding(type: event.type, origin: .declared, date: event.date, zh: "\(event.type.zh)：\(event.description)", en: "\(event.type.en) (declared): \(event.description)")
        }
        let summary = assessment.accidentSummary
        for rule in rules.vetoes.derived where !findings.contains(where: { $0.type == rule.vetoType }) {
            switch rule {
            case .fatalAccident:
                let deaths = max(summary.fatalities, summary.counted(.fatal))
                guard deaths > 0 else { continue }
                findings.append(VetoFinding(type: .fatalAccident, origin: .derived, date: summary.accidents.first { $0.severity == .fatal }?.date,
                                            zh: "事故统计：死亡 \(deaths) 人", en: "accident summary: \(deaths) death(s)"))
            case .largeOrAboveAccident:
                guard let accident = summary.accidents.first(where: { $0.level >= .large }) else { continue }
                findings.append(VetoFinding(type: .largeOrAboveAccident, origin: .derived, date: accident.date,
                                            zh: "事故 \(accident.id) 为\(accident.level.zh)", en: "accident \(accident.id) is a \(accident.level.en.lowercased())"))
            case .majorHazardUnremediated:
                let unremediated = hazards.filter { $0.grade == .major && $0.isOpen(on: date) && (!$0.hasMajorPlan || date > $0.deadline) }
                    .sorted { $0.id < $1.id }
                guard !unremediated.isEmpty else { continue }
                findings.append(VetoFinding(
                    type: .majorHazardUnremediated, origin: .derived, date: nil,
                    zh: "重大隐患未治理：" + unremediated.map { "\($0.reference)（\($0.hasMajorPlan ? "期限 \($0.deadline) 已过" : "无治理方案")）" }.joined(separator: "；"),
                    en: "major hazard not remediated: " + unremediated.map { "\($0.reference) (\($0.hasMajorPlan ? "deadline \($0.deadline) passed" : "no remediation plan"))" }.joined(separator: "; ")))
            case .noCompetitionActivity:
                guard !assessment.organization.committee, assessment.organization.planDate == nil else { continue }
                findings.append(VetoFinding(type: .noCompetitionActivity, origin: .derived, date: nil,
                                            zh: "既无竞赛组委会也无竞赛方案", en: "neither a competition committee nor a competition plan"))
            }
        }
        return findings
    }

    private func t(_ value: Double) -> String { ScoreRounding.text(value) }
}

/// Grade bands and gate names, shared by both scorers.
enum Grading {
    /// The first band whose conditions hold; the profile reader guarantees the last band holds for every score.
    /// `failedGates` are the ids of the gates (or metric targets) that failed.
    static func grade(_ bands: [GradeBand], score: Double, hasVeto: Bool, failedGates: Set<String>) -> GradeResult {
        let band = bands.first { band in
            ScoreRounding.reaches(score, band.minScore) && !(band.requiresNoVeto && hasVeto)
                && !(band.requiresAllGates && !failedGates.isEmpty) && !band.requiredGates.contains(where: failedGates.contains)
        } ?? bands.last
        return band.map { GradeResult(code: $0.code, label: $0.label) } ?? GradeResult(code: "none", label: LocalizedText(zh: "无等级", en: "No grade"))
    }

    static func defaultLabel(_ condition: GateCondition) -> LocalizedText {
        switch condition {
        case .committeeExists: LocalizedText(zh: "成立竞赛组织", en: "Competition committee exists")
        case .planExists: LocalizedText(zh: "有竞赛方案", en: "Competition plan exists")
        case let .noInjury(severity): LocalizedText(zh: "年内无\(severity.zh)及以上事故", en: "No \(severity.en.lowercased()) or worse in the year")
        case let .minimumTotal(score): LocalizedText(zh: "总分不低于 \(ScoreRounding.text(score)) 分", en: "Total at least \(ScoreRounding.text(score))")
        case .allCategoryRates: LocalizedText(zh: "各类别得分率达到下限", en: "Every category reaches its minimum rate")
        case let .itemEarnsPoints(item): LocalizedText(zh: "项目 \(item) 得分", en: "Item \(item) earns points")
        }
    }
}
