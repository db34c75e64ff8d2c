import AnkangModel
import AnkangScoring
import Foundation
import Testing

// Expected figures below are worked out by hand from the city profile (ORG 12 = A 12 item points; MGMT 35 =
// B D E G H I 71; PROT 25 = C F J 32; BASE 15 = L + K1–K3 20; MASS 13 = K4–K7 9 + "十个一" 3).

@Suite("Ankang Cup scorer")
struct AnkangCupScorerTests {
    let scorer = Fixtures.cityScorer

    @Test func fullMarks() {
        let score = scorer.score(Fixtures.assessment())
        #expect(score.total == 100)
        #expect(score.rawTotal == 100)
        #expect(score.explanation.isEmpty)
        #expect(score.categories.map(\.points) == [12, 35, 25, 15, 13])
        #expect(score.categories.allSatisfy { $0.ratePercent == 100 && $0.gatePassed == true })
        #expect(score.eligible)
        #expect(score.grade.code == "winnerCandidate")
        #expect(score.eligibleAwards == [.city, .province, .nation])
        #expect(score.asOf == Fixtures.date("2011-11-18"))
    }

    @Test func partialUsesTheStatedDeductionOrTheDefaultShare() {
        // B1 (4 points) 基本符合: stated deduction 1.0 → 1 point lost; none stated → 50 % → 2 lost.
        let stated = scorer.score(Fixtures.assessment(["B1": .partial], deductions: ["B1": 1]))
        #expect(stated.explanation.map(\.itemPointsLost) == [1.0])
        let unstated = scorer.score(Fixtures.assessment(["B1": .partial]))
        #expect(unstated.explanation.map(\.itemPointsLost) == [2.0])
        let ignoring = Fixtures.city { $0.resultFactors.partialUsesStatedDeduction = false }
        #expect(ignoring.score(Fixtures.assessment(["B1": .partial], deductions: ["B1": 1])).explanation.map(\.itemPointsLost) == [2.0])
        // 2 of 71 MGMT points: 35 × 2/71 = 0.986 → total 99.014 → 99.0.
        #expect(unstated.total == 99.0)
        #expect(unstated.explanation.first?.pointsLost == 1.0)
        #expect(unstated.explanation.first?.kind == .itemResult)
        #expect(unstated.explanation.first?.category == "MGMT")
    }

    @Test func nonCompliantLosesTheWholeItem() {
        let score = scorer.score(Fixtures.assessment(["A2": .nonCompliant]))
        // A2 = 5 of ORG's 12 → ORG 7/12 = 58.3 %, 7.0 points; total 95.0.
        #expect(score.category("ORG")?.ratePercent == 58.3)
        #expect(score.category("ORG")?.points == 7.0)
        #expect(score.category("ORG")?.gatePassed == false)
        #expect(score.total == 95.0)
        #expect(score.gates.first { $0.id == "g-category-rates" }?.passed == false)
        #expect(score.grade.code == "mostlyMeets")
    }

    @Test("edge case: every item of a category not applicable")
    func wholeCategoryNotApplicable() {
        let na = Dictionary(uniqueKeysWithValues: ["A1", "A2", "A3", "A4"].map { ($0, ItemResult.notApplicable) })
        let score = scorer.score(Fixtures.assessment(na))
        let org = score.category("ORG")
        #expect(org?.applicable == false)
        #expect(org?.ratePercent == nil)
        #expect(org?.gatePassed == nil)
        #expect(org?.points == 0)
        #expect(org?.effectiveWeight == 0)
        // The other 88 points are rescaled to 100: MGMT 35 × 100/88 = 39.77 → 39.8.
        #expect(score.category("MGMT")?.effectiveWeight == 39.8)
        #expect(score.total == 100)
        #expect(score.gates.allSatisfy { $0.passed })

        // B1 不符合 (4 of 71) now costs 4/71 × 35 × 100/88 = 2.241 → total 97.759 → 97.8.
        var withLoss = na
        withLoss["B1"] = .nonCompliant
        let rescaled = scorer.score(Fixtures.assessment(withLoss))
        #expect(rescaled.total == 97.8)
        #expect(rescaled.explanation.map(\.pointsLost) == [2.2])
    }

    @Test("edge case: a category just under 80 %")
    func categoryJustUnderEighty() {
        // MGMT loses D1, E2, E4, G2 (3 each, 不符合) = 12 plus B1 基本符合 with a stated deduction.
        let base: [String: ItemResult] = ["D1": .nonCompliant, "E2": .nonCompliant, "E4": .nonCompliant, "G2": .nonCompliant, "B1": .partial]
        // 14.2 lost: 56.8/71 = exactly 80 % (a binary floating-point 0.7999…): the gate passes; total 100 − 7 = 93.0.
        let atEighty = scorer.score(Fixtures.assessment(base, deductions: ["B1": 2.2]))
        #expect(atEighty.category("MGMT")?.ratePercent == 80.0)
        #expect(atEighty.category("MGMT")?.gatePassed == true)
        #expect(atEighty.total == 93.0)
        #expect(atEighty.grade.code == "winnerCandidate")
        // 14.3 lost: 56.7/71 = 79.86 → 79.9 %: the gate fails although the total is 92.95 → 93.0.
        let under = scorer.score(Fixtures.assessment(base, deductions: ["B1": 2.3]))
        #expect(under.category("MGMT")?.ratePercent == 79.9)
        #expect(under.category("MGMT")?.gatePassed == false)
        #expect(under.total == 93.0)
        #expect(!under.eligible)
        #expect(under.gates.first { !$0.passed }?.id == "g-category-rates")
        #expect(under.gates.first { !$0.passed }?.zh.contains("安全管理 79.9% < 80.0%") == true)
        #expect(under.grade.code == "mostlyMeets")
        #expect(under.eligibleAwards.isEmpty)
    }

    @Test("edge case: bonus over the cap")
    func bonusOverTheCap() {
        let score = scorer.score(Fixtures.assessment(bonus: [2.5, 2.0]))
        #expect(score.bonus == BonusResult(claimed: 4.5, granted: 4.0, cap: 4))
        #expect(score.total == 104.0)
        #expect(score.baseScore == 100.0)
        let line = score.explanation.last
        #expect(line?.kind == .bonusCap)
        #expect(line?.pointsLost == 0.5)
        #expect(line?.category == nil)
    }

    @Test("edge case: a 重大 hazard open past its deadline")
    func majorHazardOpenPastItsDeadline() {
        let hazard = Fixtures.hazard("M-1", .major, item: "G2", deadline: "2011-11-01")
        let score = scorer.score(Fixtures.assessment(), hazards: [hazard])
        // G2 (3 of 71) set to 0: 35 × 3/71 = 1.479 → 1.5; overdue 1; total 100 − 1.479 − 1 = 97.521 → 97.5.
        #expect(score.total == 97.5)
        #expect(score.overdueDeduction == 1.0)
        #expect(score.category("MGMT")?.openMajorHazardItems == ["G2"])
        #expect(score.explanation.map(\.kind) == [.openMajorHazard, .overdueFinding])
        #expect(score.explanation.map(\.pointsLost) == [1.5, 1.0])
        #expect(score.explanation.first?.itemPointsLost == 3.0)
        #expect(score.vetoes.map(\.type) == [.majorHazardUnremediated])
        #expect(score.vetoes.first?.origin == .derived)
        #expect(!score.eligible)
        #expect(score.grade.code == "belowStandard")
        #expect(score.eligibleAwards.isEmpty)
    }

    @Test func majorHazardNotYetDue() {
        // With a 治理方案 and not yet due: the item is still 0, but no overdue deduction and no veto.
        let planned = scorer.score(Fixtures.assessment(), hazards: [Fixtures.hazard("M-1", .major, item: "G2")])
        #expect(planned.total == 98.5)
        #expect(planned.vetoes.isEmpty)
        #expect(planned.grade.code == "winnerCandidate")
        // Without a plan it is a veto even before the deadline.
        let unplanned = scorer.score(Fixtures.assessment(), hazards: [Fixtures.hazard("M-1", .major, item: "G2", plan: false)])
        #expect(unplanned.vetoes.map(\.type) == [.majorHazardUnremediated])
        #expect(unplanned.vetoes.first?.zh.contains("无治理方案") == true)
    }

    @Test func hazardsClosedBeforeTheAssessmentDoNotCount() {
        let closed = Fixtures.hazard("M-1", .major, item: "G2", deadline: "2011-10-20", closedOn: "2011-11-01")
        #expect(scorer.score(Fixtures.assessment(), hazards: [closed]).total == 100)
        // Closed only after the assessment date: it was open on that date.
        let closedLater = Fixtures.hazard("M-1", .major, item: "G2", deadline: "2011-10-20", closedOn: "2011-11-20")
        #expect(scorer.score(Fixtures.assessment(), hazards: [closedLater]).total == 97.5)
        // Judged on an earlier date: not yet found.
        #expect(scorer.score(Fixtures.assessment(), hazards: [closedLater], asOf: Fixtures.date("2011-09-30")).total == 100)
    }

    @Test func generalHazardsTakePointsDownToZero() {
        // C3 weighs 1: the first open general hazard takes it, the second finds nothing left.
        let hazards = [Fixtures.hazard("G-1", .general, item: "C3"), Fixtures.hazard("G-2", .general, item: "C3")]
        let score = scorer.score(Fixtures.assessment(), hazards: hazards)
        #expect(score.explanation.map(\.kind) == [.openGeneralHazard])
        #expect(score.explanation.map(\.ref) == ["G-1"])
        // 25 × 1/32 = 0.781 → total 99.219 → 99.2.
        #expect(score.total == 99.2)
        #expect(score.category("PROT")?.earnedItemPoints == 31)
    }

    @Test func overdueDeductionIsCapped() {
        let hazards = (1...7).map { Fixtures.hazard("O-\($0)", .general, deadline: "2011-11-0\($0)") }
        let score = scorer.score(Fixtures.assessment(), hazards: hazards)
        #expect(score.overdueDeduction == 5.0)
        #expect(score.total == 95.0)
        #expect(score.explanation.map(\.pointsLost) == [1, 1, 1, 1, 1, 0, 0])
        #expect(score.explanation.map(\.ref) == (1...7).map { "O-\($0)" })
        #expect(score.explanation.last?.zh.contains("不再扣分") == true)
    }

    @Test func scoreNeverGoesNegative() {
        let failed = Dictionary(uniqueKeysWithValues: Fixtures.allCodes.map { ($0, ItemResult.nonCompliant) })
        let hazards = (1...7).map { Fixtures.hazard("O-\($0)", .general, deadline: "2011-11-01") }
        let score = scorer.score(Fixtures.assessment(failed, activities: 0), hazards: hazards)
        #expect(score.baseScore == 0)
        #expect(score.total == 0)
        #expect(score.rawTotal == 0)
        let withBonus = scorer.score(Fixtures.assessment(failed, activities: 0, bonus: [1]), hazards: hazards)
        #expect(withBonus.total == 1.0)
        #expect(withBonus.grade.code == "belowStandard")
    }

    @Test func unassessedItemsFollowTheProfile() {
        let missing = scorer.score(Fixtures.assessment(omitted: ["B2"]))
        #expect(missing.explanation.map(\.kind) == [.unassessedItem])
        #expect(missing.explanation.first?.itemPointsLost == 3)
        let lenient = Fixtures.city { $0.resultFactors.unassessed = .notApplicable }
        let excluded = lenient.score(Fixtures.assessment(omitted: ["B2"]))
        #expect(excluded.explanation.isEmpty)
        #expect(excluded.category("MGMT")?.maxItemPoints == 68)
        #expect(excluded.total == 100)
    }

    @Test func itemWeightOverride() {
        // A2 weighs 10 instead of 5; a stated deduction of 2.5 (half the catalogue weight) costs half of 10.
        let heavier = Fixtures.city { $0.itemWeights["A2"] = 10 }
        let score = heavier.score(Fixtures.assessment(["A2": .partial], deductions: ["A2": 2.5]))
        #expect(score.category("ORG")?.maxItemPoints == 17)
        #expect(score.category("ORG")?.earnedItemPoints == 12)
        #expect(score.explanation.first?.itemPointsLost == 5)
        // 12 × 5/17 = 3.529 → 3.5; total 96.471 → 96.5.
        #expect(score.explanation.first?.pointsLost == 3.5)
        #expect(score.total == 96.5)
    }

    @Test func activityParticipation() {
        // 6 of 10 activities: 3 × 4/10 = 1.2 item points lost; 13 × 1.2/12 = 1.3 on the total.
        let score = scorer.score(Fixtures.assessment(activities: 6))
        #expect(score.explanation.map(\.kind) == [.activityParticipation])
        #expect(score.explanation.first?.ref == "TA")
        #expect(score.explanation.first?.itemPointsLost == 1.2)
        #expect(score.explanation.first?.pointsLost == 1.3)
        #expect(score.total == 98.7)
    }

    @Test func injuryGate() {
        let serious = AccidentSummary(minorInjuries: 0, seriousInjuries: 1, fatalities: 0)
        let score = scorer.score(Fixtures.assessment(accidents: serious))
        #expect(score.gates.first { $0.id == "g-no-serious-injury" }?.passed == false)
        #expect(score.total == 100)
        #expect(score.grade.code == "meetsStandard")
        #expect(score.eligibleAwards.isEmpty)
        let minor = AccidentSummary(minorInjuries: 2, seriousInjuries: 0, fatalities: 0)
        #expect(scorer.score(Fixtures.assessment(accidents: minor)).eligible)
    }

    @Test("edge case: a veto")
    func vetoes() {
        let declared = VetoEvent(type: .concealedAccident, date: Fixtures.date("2011-06-01"), description: "瞒报轻伤事故一起")
        let score = scorer.score(Fixtures.assessment(vetoes: [declared]))
        #expect(score.total == 100)
        #expect(score.vetoes.map(\.type) == [.concealedAccident])
        #expect(score.vetoes.first?.origin == .declared)
        #expect(score.vetoes.first?.date == Fixtures.date("2011-06-01"))
        #expect(!score.eligible)
        #expect(score.grade.code == "belowStandard")
        #expect(score.eligibleAwards.isEmpty)

        // A profile that does not honour the type ignores the declaration.
        let lenient = Fixtures.city { $0.vetoes.declared.removeAll { $0 == .concealedAccident } }
        #expect(lenient.score(Fixtures.assessment(vetoes: [declared])).vetoes.isEmpty)

        // Derived: a death declared in the totals only, and a 较大 accident.
        let deaths = AccidentSummary(minorInjuries: 0, seriousInjuries: 0, fatalities: 1)
        #expect(scorer.score(Fixtures.assessment(accidents: deaths)).vetoes.map(\.type) == [.fatalAccident])
        let large = AccidentSummary(minorInjuries: 0, seriousInjuries: 12, fatalities: 0, accidents: [
            Accident(id: "A-1", date: Fixtures.date("2011-05-01"), type: .collapse, severity: .serious, level: .large, persons: 12, description: "坍塌"),
        ])
        let largeScore = scorer.score(Fixtures.assessment(accidents: large))
        #expect(largeScore.vetoes.map(\.type) == [.largeOrAboveAccident])
        #expect(largeScore.vetoes.first?.date == Fixtures.date("2011-05-01"))

        // Derived: no committee and no plan; the gates fail too.
        let none = Organization(committee: false, chairIsTopManager: false, unionChairIsMember: false)
        let idle = scorer.score(Fixtures.assessment(organization: none))
        #expect(idle.vetoes.map(\.type) == [.noCompetitionActivity])
        #expect(idle.gates.filter { !$0.passed }.map(\.id) == ["g-committee", "g-plan"])
    }

    @Test func itemGate() {
        let gated = Fixtures.city { $0.gates.append(GateRule(id: "g-a1", condition: .itemEarnsPoints(item: "A1"))) }
        #expect(gated.score(Fixtures.assessment()).gates.last?.passed == true)
        #expect(gated.score(Fixtures.assessment(["A1": .nonCompliant])).gates.last?.passed == false)
        #expect(gated.score(Fixtures.assessment(["A1": .notApplicable])).gates.last?.passed == false)
        #expect(gated.score(Fixtures.assessment()).gates.last?.label.zh == "项目 A1 得分")
    }

    @Test func refusesTheWrongInputs() throws {
        #expect(throws: ScoringError.wrongProfileKind(profile: "monitoring-compliance-2011", expected: .ankangCup)) {
            try AnkangCupScorer(profile: Fixtures.compliance, catalogue: Fixtures.catalogue)
        }
        #expect(throws: ScoringError.wrongProfileKind(profile: "city-ankang-cup-2011", expected: .monitoringCompliance)) {
            try MonitoringComplianceScorer(profile: Fixtures.city)
        }
        let record = try #require(Fixtures.sample("monitoring-2011-tangzhuang-mingda-team-day.xml"))
        #expect(throws: ScoringError.wrongDocumentKind(.monitoringRecord)) { try scorer.score(record) }
        let assessment2012 = try #require(Fixtures.sample("assessment-2012-sanduo-runfeng-spotcheck.xml"))
        #expect(throws: ScoringError.catalogueMismatch(submission: "2012", scorer: "2011")) { try scorer.score(assessment2012) }
        #expect(ScoringError.unknownCatalogue("2013").description.contains("2013"))
    }

    @Test func scoresASubmission() throws {
        let submission = try #require(Fixtures.sample("assessment-2011-linze-huayun-selfcheck.xml"))
        let score = try scorer.score(submission)
        #expect(score.submissionId == submission.id)
        #expect(score.enterprise == "高邮市华韵服饰有限公司")
        #expect(score.profileId == "city-ankang-cup-2011")
        #expect(score.profileVersion == "2011.1")
        #expect(score.catalogueVersion == "2011")
    }
}
