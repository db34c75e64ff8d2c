import Foundation
import Testing
@testable import AnkangModel

/// Sample documents covering every field, built from the domain's worked examples.
enum Samples {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let enterprise = Enterprise(
        name: "高邮市临泽示范机械有限公司",
        creditCode: "91321084732318620H",
        orgCode: "73231862-0",
        regNo: "321084000000123",
        industry: "C3311",
        jurisdiction: Jurisdiction(city: OrgUnitRef(name: "高邮市", code: "321084"), level: .township,
                                   unit: OrgUnitRef(name: "临泽镇", code: "321084104")),
        aboveScale: true,
        employees: 186,
        femaleEmployees: 42,
        unionChair: "王秀兰",
        safetyStandardization: .level3,
        laborSafetyContractSigned: true,
        laborSafetyContractDate: date("2011-03-15"),
        majorHazardSources: 0
    )

    static let inspector = Person(role: .unionInspector, name: "李建国", certificateNo: "GYLB-2011-007",
                                  organisation: "临泽镇总工会", phone: "0514-84561234")

    static let hazard = HazardFinding(
        id: "H-001", grade: .major, nature: .unsafeCondition, accidentType: .machinery, checklistItem: "D1",
        location: "机加工车间冲压工段", description: "2号冲床光电保护装置失效", immediateMeasure: "立即停机挂牌",
        lec: LEC(l: 6, e: 6, c: 15), photos: ["IMG_0012.jpg", "IMG_0013.jpg"], deadline: date("2011-06-10")
    )

    static let assessment = AnkangCupAssessment(
        year: 2011, theme: "安全在我心中", stage: .selfCheck, assessmentDate: date("2011-11-20"),
        assessors: [inspector, Person(role: .committeeMember, name: "张伟")],
        organization: Organization(committee: true, chairIsTopManager: true, unionChairIsMember: true, planDate: date("2011-03-01")),
        items: [
            ItemResultEntry(code: "A1", result: .compliant),
            ItemResultEntry(code: "D1", result: .partial, deduction: 1.5, deductionReasons: ["2号冲床光电保护失效"],
                            evidence: ["IMG_0012.jpg"], note: "已下达整改建议书"),
            ItemResultEntry(code: "H1", result: .notApplicable),
        ],
        activities: [Activity(code: "TA03", date: date("2011-06-15"), participants: 86, title: "安全知识竞赛", evidence: ["活动照片"])],
        teams: [TeamEntry(code: "T01", name: "车工一班", members: 12, nominated: true), TeamEntry(code: "T02", name: "装配二班")],
        bonusItems: [BonusItem(points: 0.5, description: "冲床双手按钮小革新", evidence: ["革新报告"])],
        vetoEvents: [],
        accidentSummary: AccidentSummary(minorInjuries: 1, seriousInjuries: 0, fatalities: 0, accidents: [
            Accident(id: "AC1", date: date("2011-08-02"), type: .objectStrike, severity: .minor, level: .ordinary, description: "搬运时工件滑落砸伤脚背"),
        ]),
        declaredScore: 92.5,
        proposedAward: .cityWinner
    )

    static let monitoring = MonitoringRecord(
        recordNo: "LZ-T01-2011-0520", tier: MonitoringTier(level: .team, label: "班组监控点"),
        unit: SubUnit(workshop: OrgUnitRef(name: "机加工车间", code: "W01"), team: OrgUnitRef(name: "车工一班", code: "T01")),
        monitor: Person(role: .massMonitor, name: "陈红"), date: date("2011-05-20"), shift: .night,
        inspectionKind: .routine, workersOnShift: 11,
        equipmentStatus: EquipmentStatus(state: .minorFault, remark: "3号车床异响"), ppeCompliance: .partial,
        observations: [ItemResultEntry(code: "C2", result: .nonCompliant, deductionReasons: ["两人未戴防护眼镜"])],
        hazards: [hazard],
        violations: ViolationReport(declaredTotal: 3, violations: [
            Violation(type: .unsafeOperation, count: 2, handledOnSite: true, description: "未戴防护眼镜操作车床"),
            Violation(type: .disciplineBreach, count: 1, handledOnSite: false, description: "班中脱岗"),
        ]),
        stopWorkProposed: true, stopWorkReason: "冲床保护失效", workerMood: "情绪稳定",
        signatures: Signatures(monitor: "陈红", teamLeader: "周强")
    )

    static let rectification = HazardRectification(
        noticeNo: "临泽工劳〔2011〕012号", noticeKind: .unionRectificationProposal, issuedDate: date("2011-05-23"),
        issuer: Issuer(person: inspector, orgUnit: "临泽镇总工会"), responsibleDepartment: "设备科",
        findings: [RectificationFinding(
            hazard: hazard, status: .closed,
            sourceSubmission: UUID(uuidString: "3f2b8c1e-6a4d-4e8b-9c1a-2d7e5f0a9b14")!, sourceHazard: "H-001",
            plan: RectificationPlan(responsiblePerson: "赵设备", verifier: "李建国", deadline: date("2011-06-10"),
                                    measures: "更换光电保护装置并联锁", acceptanceStandard: "保护装置动作可靠",
                                    funding: Funding(amount: Decimal(string: "3500.5")!), contingencyPlan: "停机待修"),
            majorHazardPlan: MajorHazardPlan(goals: "消除冲床失保护", methods: "更换装置", fundsAndMaterials: "3500元",
                                             organisationAndPeople: "设备科", timeline: "6月10日前", safetyMeasures: "停机挂牌")
        )],
        enterpriseReply: EnterpriseReply(date: date("2011-05-25"), text: "已安排设备科整改"),
        verifications: [
            Verification(findingId: "H-001", date: date("2011-06-12"), result: .passed, verifier: inspector, comment: "整改到位", evidence: ["IMG_0101.jpg"]),
            Verification(findingId: "H-001", date: date("2011-06-08"), result: .failed, verifier: inspector),
        ],
        escalation: Escalation(date: date("2011-06-01"), to: "市安监局", reason: "逾期未答复")
    )

    static func submission(_ body: SubmissionBody, id: String) -> Submission {
        Submission(id: UUID(uuidString: id)!, schemaVersion: "1.0", catalogueVersion: "2011",
                   submittedAt: Date(timeIntervalSince1970: 1_305_880_200), enterprise: enterprise, body: body)
    }
}

@Suite("Submission")
struct SubmissionTests {
    static let all: [Submission] = [
        Samples.submission(.assessment(Samples.assessment), id: "0b4c8a9e-1f2d-4c3b-8a7e-5d6f7a8b9c0d"),
        Samples.submission(.monitoring(Samples.monitoring), id: "3f2b8c1e-6a4d-4e8b-9c1a-2d7e5f0a9b14"),
        Samples.submission(.rectification(Samples.rectification), id: "7d1e2f3a-4b5c-4d6e-af70-8192a3b4c5d6"),
    ]

    @Test func kindsAndInspectionDates() {
        #expect(Self.all.map(\.kind) == [.ankangCupAssessment, .monitoringRecord, .hazardRectification])
        #expect(Self.all.map(\.inspectionDate.isoString) == ["2011-11-20", "2011-05-20", "2011-05-23"])
        #expect(Self.all[0].assessment != nil && Self.all[0].monitoring == nil)
        #expect(Self.all[1].monitoring?.hazard(id: "H-001") != nil)
        #expect(Self.all[2].rectification?.finding(id: "H-001")?.status == .closed)
        #expect(Self.all.map(\.hazards.count) == [0, 1, 1])
        #expect(Self.all.map(\.itemResults.count) == [3, 1, 0])
    }

    @Test("Codable round trip (default strategies)", arguments: [0, 1, 2])
    func roundTrip(_ index: Int) throws {
        let submission = Self.all[index]
        let data = try JSONEncoder().encode(submission)
        let decoded = try JSONDecoder().decode(Submission.self, from: data)
        #expect(decoded == submission)
        #expect(decoded.hashValue == submission.hashValue)
    }

    @Test("Codable round trip (ISO 8601 dates, sorted keys)", arguments: [0, 1, 2])
    func roundTripISO(_ index: Int) throws {
        let submission = Self.all[index]
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(submission)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""kind" : "\#(submission.kind.rawValue)""#))
        #expect(json.contains(#""submittedAt" : "2011-05-20T08:30:00Z""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Submission.self, from: data)
        #expect(decoded == submission)
        // Stable: encoding the decoded value gives the same bytes.
        #expect(try encoder.encode(decoded) == data)
    }

    @Test func unknownKindIsRejected() throws {
        var json = String(decoding: try JSONEncoder().encode(Self.all[1]), as: UTF8.self)
        json = json.replacingOccurrences(of: #""kind":"monitoringRecord""#, with: #""kind":"inspectionVisit""#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Submission.self, from: Data(json.utf8))
        }
    }

    @Test func documentHelpers() {
        let assessment = Samples.assessment
        #expect(assessment.item(code: "D1")?.deduction == 1.5)
        #expect(assessment.bonusPointsClaimed == 0.5)
        #expect(assessment.activityCodesHeld == ["TA03"])
        #expect(assessment.accidentSummary.totalsConsistent)
        #expect(assessment.accidentSummary.worstSeverity == .minor)
        #expect(assessment.accidentSummary.worstLevel == .ordinary)
        #expect(AccidentSummary.empty.worstSeverity == nil)

        let record = Samples.monitoring
        #expect(record.violations?.countedTotal == 3)
        #expect(record.violations?.count(of: .unsafeOperation) == 2)
        #expect(record.violationCount == 3)

        let notice = Samples.rectification
        #expect(notice.verifications(of: "H-001").map(\.result) == [.failed, .passed])
        #expect(notice.latestVerification(of: "H-001")?.result == .passed)
        let finding = notice.findings[0]
        #expect(!finding.isOverdue(on: Samples.date("2011-07-01")))
        var open = finding
        open.status = .inProgress
        #expect(open.isOverdue(on: Samples.date("2011-06-11")))
        #expect(!open.isOverdue(on: Samples.date("2011-06-10")))
    }
}
