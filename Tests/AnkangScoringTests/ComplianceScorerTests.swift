import AnkangModel
import AnkangScoring
import Foundation
import Testing

/// Synthetic monitoring records and rectification notices of one enterprise.
enum Records {
    static let enterprise = Enterprise(
        name: "高邮市测试机械有限公司", orgCode: "12345678-9", industry: "C33",
        jurisdiction: Jurisdiction(city: OrgUnitRef(name: "高邮市", code: "321084"), level: .township, unit: OrgUnitRef(name: "临泽镇")),
        aboveScale: true, employees: 200)

    static func id(_ number: Int) -> UUID { UUID(uuidString: "00000000-0000-4000-8000-\(String(format: "%012d", number))")! }

    static func submission(_ number: Int, _ body: SubmissionBody, enterprise: Enterprise = enterprise) -> Submission {
        Submission(id: id(number), schemaVersion: "1.0", catalogueVersion: "2011", submittedAt: Date(timeIntervalSince1970: Double(number)),
                   enterprise: enterprise, body: body)
    }

    static func record(
        _ number: Int, _ date: String, tier: TierLevel, workshop: String = "W", team: String? = nil, hazards: [HazardFinding] = [], violations: Int = 0
    ) -> Submission {
        let unit = tier == .enterprise ? nil : SubUnit(workshop: OrgUnitRef(name: workshop), team: team.map { OrgUnitRef(name: $0) })
        let report = violations > 0
            ? ViolationReport(declaredTotal: violations, violations: [Violation(type: .unsafeOperation, count: violations, handledOnSite: true, description: "未戴手套")])
            : nil
        return submission(number, .monitoring(MonitoringRecord(
            tier: MonitoringTier(level: tier), unit: unit, monitor: Person(role: .teamInspector, name: "监督员"), date: Fixtures.date(date),
            shift: .day, inspectionKind: .routine, workersOnShift: 10, equipmentStatus: EquipmentStatus(state: .normal), ppeCompliance: .full,
            hazards: hazards, violations: report)))
    }

    static func finding(_ id: String, _ grade: HazardGrade = .general, item: String? = nil, deadline: String? = nil) -> HazardFinding {
        HazardFinding(id: id, grade: grade, nature: .unsafeCondition, accidentType: .machinery, checklistItem: item, location: "车间",
                      description: "隐患", deadline: deadline.map(Fixtures.date))
    }

    /// A notice issued on `issued`; each finding: (id, grade, deadline, status, passed 复查 date, failed 复查 date).
    static func notice(
        _ number: Int, issued: String, _ findings: [(String, HazardGrade, String, RectificationStatus, String?, String?)],
        source: (UUID, String)? = nil
    ) -> Submission {
        let inspector = Person(role: .unionInspector, name: "检查员")
        let items = findings.map { id, grade, deadline, status, _, _ in
            RectificationFinding(
                hazard: finding(id, grade, deadline: deadline), status: status, sourceSubmission: source?.0, sourceHazard: source?.1,
                plan: RectificationPlan(responsiblePerson: "主任", verifier: "检查员", deadline: Fixtures.date(deadline), measures: "整改", acceptanceStandard: "合格"),
                majorHazardPlan: grade == .major ? MajorHazardPlan(goals: "g", methods: "m", fundsAndMaterials: "f", organisationAndPeople: "o", timeline: "t", safetyMeasures: "s") : nil)
        }
        let verifications = findings.flatMap { id, _, _, _, passed, failed in
            [failed.map { Verification(findingId: id, date: Fixtures.date($0), result: .failed, verifier: inspector) },
             passed.map { Verification(findingId: id, date: Fixtures.date($0), result: .passed, verifier: inspector) }].compactMap { $0 }
        }
        return submission(number, .rectification(HazardRectification(
            noticeNo: "测工劳〔2011〕\(number)号", noticeKind: .unionRectificationProposal, issuedDate: Fixtures.date(issued),
            issuer: Issuer(person: inspector, orgUnit: "临泽镇总工会"), findings: items, verifications: verifications)))
    }
}

@Suite("Monitoring compliance scorer")
struct ComplianceScorerTests {
    let scorer: MonitoringComplianceScorer = {
        do { return try MonitoringComplianceScorer(profile: Fixtures.compliance) } catch { fatalError("\(error)") }
    }()
    /// Monday 2011-07-11 to Friday 2011-07-15.
    let week = ScoringPeriod(from: Fixtures.date("2011-07-11"), to: Fixtures.date("2011-07-15"))

    private func teamRecords() -> [Submission] {
        let t1 = (11...15).map { Records.record($0, "2011-07-\($0)", tier: .team, team: "T1") }
        let t2 = [Records.record(21, "2011-07-11", tier: .team, team: "T2"), Records.record(22, "2011-07-12", tier: .team, team: "T2"),
                  Records.record(23, "2011-07-12", tier: .team, team: "T2")] // two shifts on one day count once
        return t1 + t2
    }

    @Test func coverageOfTheUnitsThatFiled() {
        let score = scorer.score(submissions: teamRecords(), workers: 200, period: week)
        let team = score.tiers.first { $0.level == .team }
        #expect(team?.units == 2)
        #expect(team?.expected == 10)
        #expect(team?.received == 7)
        #expect(team?.rosterGiven == false)
        #expect(score.metric(.coverage)?.value == 70.0)
        // Only coverage has data: 40 → 100; W/T2 misses 3 of 5 → 3 × 100/10 = 30.0.
        #expect(score.total == 70.0)
        #expect(score.explanation.map(\.ref) == ["W/T2"])
        #expect(score.explanation.map(\.pointsLost) == [30.0])
        #expect(score.explanation.first?.kind == .missingRecords)
        #expect(score.grade?.code == "inadequate")
        #expect(score.targets.map(\.passed) == [false])
    }

    @Test func coverageAgainstARoster() {
        let score = scorer.score(submissions: teamRecords(), workers: 200, period: week, roster: [.team: 3])
        let team = score.tiers.first { $0.level == .team }
        #expect(team?.rosterGiven == true)
        #expect(team?.expected == 15)
        #expect(team?.received == 7)
        // 7/15 = 46.7 %; 8 missing × 100/15 = 53.3.
        #expect(score.total == 46.7)
        #expect(score.explanation.map(\.ref) == ["team"])
        #expect(score.explanation.map(\.pointsLost) == [53.3])
    }

    @Test func slots() {
        let friday = Fixtures.date("2011-07-01")
        #expect(MonitoringFrequency.workingDay.slot(containing: friday) == friday)
        #expect(MonitoringFrequency.workingDay.slot(containing: Fixtures.date("2011-07-02")) == nil)
        #expect(MonitoringFrequency.day.slot(containing: Fixtures.date("2011-07-02")) == Fixtures.date("2011-07-02"))
        #expect(MonitoringFrequency.week.slot(containing: friday) == Fixtures.date("2011-06-27"))
        #expect(MonitoringFrequency.week.slot(containing: Fixtures.date("2011-07-04")) == Fixtures.date("2011-07-04"))
        #expect(MonitoringFrequency.week.slot(containing: Fixtures.date("2011-07-10")) == Fixtures.date("2011-07-04"))
        #expect(MonitoringFrequency.month.slot(containing: Fixtures.date("2011-07-31")) == friday)
        #expect(MonitoringFrequency.quarter.slot(containing: Fixtures.date("2011-08-15")) == friday)
        // July 2011: weeks of 06-27, 07-04, 07-11, 07-18, 07-25 → a weekly workshop expects 5 records.
        let july = ScoringPeriod(from: friday, to: Fixtures.date("2011-07-31"))
        let score = scorer.score(submissions: [Records.record(1, "2011-07-05", tier: .workshop)], workers: 200, period: july)
        #expect(score.tiers.first { $0.level == .workshop }?.expected == 5)
        #expect(score.tiers.first { $0.level == .workshop }?.received == 1)
    }

    @Test func hazardMetrics() {
        // Issued 07-01; judged on 07-15; grace 3 days.
        let notice = Records.notice(1, issued: "2011-07-01", [
            ("F1", .general, "2011-07-10", .closed, "2011-07-12", nil),             // closed within the grace: on time
            ("F2", .general, "2011-07-05", .closed, "2011-07-12", nil),             // closed late
            ("F3", .general, "2011-07-08", .inProgress, nil, nil),                  // open past its deadline
            ("F4", .major, "2011-08-30", .awaitingVerification, nil, nil),          // not due; reported fixed, not verified
        ])
        let period = ScoringPeriod(from: Fixtures.date("2011-07-01"), to: Fixtures.date("2011-07-15"))
        let score = scorer.score(submissions: [notice], workers: 200, period: period)
        #expect(score.metric(.coverage)?.denominator == 0)
        #expect(score.metric(.rectification).map { [$0.numerator, $0.denominator] } == [2, 3])
        #expect(score.metric(.onTime).map { [$0.numerator, $0.denominator] } == [1, 2])
        #expect(score.metric(.verification).map { [$0.numerator, $0.denominator] } == [2, 3])
        // 100/60 × (30 × 2/3 + 20 × 1/2 + 10 × 2/3) = 33.33 + 16.67 + 11.11 = 61.1.
        #expect(score.total == 61.1)
        #expect(score.explanation.map(\.kind) == [.overdueFinding, .lateClosure, .unverifiedFix])
        #expect(score.explanation.map(\.ref) == ["测工劳〔2011〕1号 F3", "测工劳〔2011〕1号 F2", "测工劳〔2011〕1号 F4"])
        #expect(score.explanation.map(\.pointsLost) == [16.7, 16.7, 5.6])
        #expect(score.targets.filter { !$0.passed }.map(\.id) == ["rectification", "onTime", "verification"])
        #expect(score.closureTimes == [ClosureTime(grade: .general, closed: 2, meanDays: 11)])
    }

    @Test func monitoringHazardsWithoutADeadlineGetTheDefault() {
        // General: due 7 days after discovery (07-04 + 7 = 07-11), overdue on 07-15.
        let record = Records.record(1, "2011-07-04", tier: .enterprise, hazards: [Records.finding("H1")])
        let period = ScoringPeriod(from: Fixtures.date("2011-07-04"), to: Fixtures.date("2011-07-15"))
        let score = scorer.score(submissions: [record], workers: 200, period: period)
        #expect(score.metric(.rectification).map { [$0.numerator, $0.denominator] } == [0, 1])
        #expect(score.explanation.contains { $0.kind == .overdueFinding && $0.ref == "2011-07-04 H1" })
    }

    @Test func nothingToJudge() throws {
        // A team record on a Saturday: no working day in its own period, no hazard due.
        let saturday = Records.record(1, "2011-07-16", tier: .team, team: "T1", violations: 2)
        let score = try scorer.score([saturday])
        #expect(score.total == nil)
        #expect(score.grade == nil)
        #expect(score.metric(.violationsPer100Workers)?.value == 1.0)
        #expect(score.metric(.violationsPer100Workers)?.targetMet == nil)
        #expect(throws: ScoringError.noMonitoringData) {
            try scorer.score([Records.submission(9, .assessment(Fixtures.assessment()))])
        }
    }

    @Test func ledgerFollowsRecordsUpOnce() {
        let record = Records.record(1, "2011-07-04", tier: .workshop, hazards: [Records.finding("H1", item: "D1", deadline: "2011-07-10"), Records.finding("H2")])
        let notice = Records.notice(2, issued: "2011-07-05", [("F1", .general, "2011-07-10", .closed, "2011-07-09", nil)], source: (Records.id(1), "H1"))
        let other = Records.submission(3, record.body, enterprise: Enterprise(
            name: "别家", regNo: "321084000000001", industry: "C33", jurisdiction: Records.enterprise.jurisdiction, aboveScale: false, employees: 10))
        let timing = HazardTiming()
        let statuses = HazardLedger.statuses(from: [record, notice, other], of: Records.enterprise, timing: timing)
        #expect(statuses.map(\.reference) == ["2011-07-04 H2", "测工劳〔2011〕2号 F1"])
        let followed = statuses[1]
        #expect(followed.foundOn == Fixtures.date("2011-07-04"))
        #expect(followed.closedOn == Fixtures.date("2011-07-09"))
        #expect(followed.reportedFixed)
        #expect(statuses[0].deadline == Fixtures.date("2011-07-11"))
        #expect(!statuses[0].reportedFixed)
        #expect(HazardLedger.statuses(from: [record, notice, other], timing: timing).count == 4)
        // A later record of the same enterprise under its credit code (which embeds the organisation code).
        var renamed = Records.enterprise
        renamed.orgCode = nil
        renamed.creditCode = "91321084123456789X"
        #expect(HazardLedger.sameEnterprise(renamed, Records.enterprise))
        #expect(!HazardLedger.sameEnterprise(other.enterprise, Records.enterprise))
    }

    @Test func periodCoveringSubmissions() {
        let notice = Records.notice(1, issued: "2011-07-05", [("F1", .general, "2011-07-10", .closed, "2011-07-20", "2011-07-09")])
        let record = Records.record(2, "2011-07-02", tier: .enterprise)
        #expect(ScoringPeriod.covering([notice, record]) == ScoringPeriod(from: Fixtures.date("2011-07-02"), to: Fixtures.date("2011-07-20")))
        #expect(ScoringPeriod.covering([]) == nil)
        #expect(ScoringPeriod(from: Fixtures.date("2011-07-20"), to: Fixtures.date("2011-07-02")).from == Fixtures.date("2011-07-02"))
        #expect(ScoringPeriod(from: Fixtures.date("2011-07-01"), to: Fixtures.date("2011-07-31")).days.count == 31)
    }
}
