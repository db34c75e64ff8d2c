import Foundation
import Testing
@testable import AnkangModel

@Suite("LEC")
struct LECTests {
    @Test("bands of standard combinations", arguments: [
        (10.0, 6.0, 7.0, 420.0, LECBand.extreme),
        (6.0, 6.0, 7.0, 252.0, .high),
        (3.0, 6.0, 7.0, 126.0, .significant),
        (3.0, 3.0, 7.0, 63.0, .moderate),
        (1.0, 1.0, 3.0, 3.0, .slight),
        (0.2, 1.0, 100.0, 20.0, .moderate),
        (0.1, 0.5, 1.0, 0.05, .slight),
    ])
    func bands(_ l: Double, _ e: Double, _ c: Double, _ d: Double, _ band: LECBand) {
        let lec = LEC(l: l, e: e, c: c)
        #expect(abs(lec.d - d) < 1e-9)
        #expect(lec.band == band)
        #expect(lec.isStandard)
    }

    @Test("band edges", arguments: [
        (320.1, LECBand.extreme), (320.0, .high), (160.0, .high), (159.9, .significant),
        (70.0, .significant), (69.9, .moderate), (20.0, .moderate), (19.9999999, .moderate), (19.9, .slight), (0, .slight),
    ])
    func edges(_ d: Double, _ band: LECBand) {
        #expect(LECBand(d: d) == band)
    }

    @Test func nonStandardValuesAreFlagged() {
        #expect(!LEC(l: 4, e: 6, c: 7).isStandard)
        #expect(LECBand.extreme < LECBand.slight)
        #expect(LECBand.allCases.map(\.rawValue) == [1, 2, 3, 4, 5])
        #expect(LECBand.high.label.zh.hasPrefix("高度危险"))
    }

    @Test func possibleMisgrade() {
        var hazard = HazardFinding(id: "H1", grade: .general, nature: .unsafeCondition, accidentType: .machinery,
                                   location: "冲压车间", description: "冲床光电保护失效", lec: LEC(l: 6, e: 6, c: 7))
        #expect(hazard.possibleMisgrade)
        hazard.lec = LEC(l: 3, e: 6, c: 7)
        #expect(!hazard.possibleMisgrade)
        hazard.lec = nil
        #expect(!hazard.possibleMisgrade)
        hazard.grade = .major
        hazard.lec = LEC(l: 10, e: 6, c: 7)
        #expect(!hazard.possibleMisgrade)
    }
}

@Suite("Enterprise")
struct EnterpriseTests {
    static let jurisdiction = Jurisdiction(city: OrgUnitRef(name: "高邮市", code: "321084"), level: .township, unit: OrgUnitRef(name: "临泽镇"))

    static func enterprise(creditCode: String? = nil, orgCode: String? = nil, regNo: String? = nil) -> Enterprise {
        Enterprise(name: "高邮市临泽示范机械有限公司", creditCode: creditCode, orgCode: orgCode, regNo: regNo,
                   industry: "C3311", jurisdiction: jurisdiction, aboveScale: true, employees: 120, femaleEmployees: 35)
    }

    @Test func keyPrefersCreditCode() {
        let e = Self.enterprise(creditCode: "91321084732318620H", orgCode: "73231862-0", regNo: "321084000000123")
        #expect(e.key == "91321084732318620H")
        #expect(e.keySource == .creditCode)
    }

    @Test func keyFallsBackToOrgCodeWithoutHyphen() {
        let e = Self.enterprise(orgCode: "73231862-0", regNo: "321084000000123")
        #expect(e.key == "732318620")
        #expect(e.keySource == .orgCode)
        #expect(Self.enterprise(orgCode: "732318620").key == "732318620")
        #expect(Self.enterprise(orgCode: " 50781234-x ").key == "50781234X")
    }

    @Test func keyFallsBackToRegNo() {
        let e = Self.enterprise(regNo: "321084000000123")
        #expect(e.key == "321084000000123")
        #expect(e.keySource == .regNo)
    }

    @Test func creditCodeIsNormalised() {
        #expect(Self.enterprise(creditCode: " 91321084732318620h").key == "91321084732318620H")
    }

    @Test func emptyIdentifiersAreSkipped() {
        #expect(Self.enterprise(creditCode: "", orgCode: "73231862-0").key == "732318620")
        let none = Self.enterprise()
        #expect(none.keySource == .name)
        #expect(none.key == "name:高邮市临泽示范机械有限公司")
    }

    @Test func effectiveOrgCodeLinksOldAndNewIdentifiers() {
        #expect(Self.enterprise(creditCode: "91321084732318620H").effectiveOrgCode == "732318620")
        #expect(Self.enterprise(orgCode: "73231862-0").effectiveOrgCode == "732318620")
        #expect(Self.enterprise(regNo: "321084000000123").effectiveOrgCode == nil)
    }

    @Test func orgPathAndIndustry() {
        let e = Self.enterprise(orgCode: "73231862-0")
        #expect(e.orgPath == ["高邮市", "临泽镇", "高邮市临泽示范机械有限公司"])
        #expect(e.industrySection == "C")
        #expect(e.industryDivision == "C33")
        #expect(e.jurisdiction.hasValidLevel)
        #expect(!Jurisdiction(city: e.jurisdiction.city, level: .workshop, unit: OrgUnitRef(name: "x")).hasValidLevel)
    }

    @Test func subUnitLevels() {
        let workshop = SubUnit(workshop: OrgUnitRef(name: "机加工车间"))
        #expect(workshop.level == .workshop)
        let team = SubUnit(workshop: OrgUnitRef(name: "机加工车间"), team: OrgUnitRef(name: "车工一班", code: "T01"))
        #expect(team.level == .team)
        #expect(team.path == ["机加工车间", "车工一班"])
    }
}

@Suite("Enumerations")
struct EnumerationTests {
    @Test func accidentTypesAreGB6441Codes() {
        #expect(AccidentType.allCases.count == 20)
        #expect(AccidentType.allCases.map(\.rawValue) == (1...20).map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(AccidentType.allCases.map(\.number) == Array(1...20))
        #expect(AccidentType(rawValue: "09") == .fallFromHeight)
        #expect(AccidentType.fallFromHeight.label.zh == "高处坠落")
        #expect(AccidentType.poisoningAndAsphyxiation.label.zh == "中毒和窒息")
        #expect(AccidentType(rawValue: "21") == nil)
    }

    @Test func xmlTokens() {
        #expect(Role.allCases.map(\.rawValue) == ["unionInspector", "committeeMember", "workshopGroupMember", "teamInspector",
                                                  "massMonitor", "enterpriseSafetyOfficer", "governmentInspector"])
        #expect(InspectionKind.allCases.count == 8)
        #expect(RectificationStatus.allCases.map(\.rawValue) == ["open", "inProgress", "awaitingVerification", "closed",
                                                                 "verificationFailed", "escalated"])
        #expect(VetoType.allCases.count == 6)
        #expect(SafetyStandardizationLevel(rawValue: "none") == .notAttained)
        #expect(PPECompliance(rawValue: "none") == .absent)
        #expect(ProposedAward(rawValue: "none") == .noAward)
        #expect(OrgLevel.allCases.map(\.rawValue) == ["city", "township", "park", "system", "enterprise", "workshop", "team"])
        #expect(DocumentKind.allCases.map(\.rawValue) == ["ankangCupAssessment", "monitoringRecord", "hazardRectification"])
        #expect(TierLevel(catalogueLetter: "W") == .workshop)
        #expect(TierLevel.team.catalogueLetter == "T")
    }

    @Test func orderings() {
        #expect(AccidentLevel.ordinary < .large && AccidentLevel.major < .extraordinary)
        #expect(InjurySeverity.minor < .serious && InjurySeverity.serious < .fatal)
        #expect(TierLevel.enterprise < .team)
    }

    @Test func hierarchy() {
        #expect(OrgLevel.jurisdictionLevels == [.township, .park, .system])
        #expect(OrgLevel.team.allowedParents == [.workshop, .enterprise])
        #expect(OrgLevel.city.allowedParents.isEmpty)
    }

    @Test func everyLabelIsBilingual() {
        func check<T: Labelled>(_: T.Type) -> Bool {
            T.allCases.allSatisfy { !$0.label.zh.isEmpty && !$0.label.en.isEmpty && $0.label.zh != $0.label.en }
                && Set(T.allCases.map(\.label.zh)).count == T.allCases.count
        }
        #expect(check(Role.self))
        #expect(check(AssessmentStage.self))
        #expect(check(InspectionKind.self))
        #expect(check(ItemResult.self))
        #expect(check(HazardGrade.self))
        #expect(check(HazardNature.self))
        #expect(check(AccidentType.self))
        #expect(check(ViolationType.self))
        #expect(check(RectificationStatus.self))
        #expect(check(InjurySeverity.self))
        #expect(check(AccidentLevel.self))
        #expect(check(Shift.self))
        #expect(check(TierLevel.self))
        #expect(check(VetoType.self))
        #expect(check(SafetyStandardizationLevel.self))
        #expect(check(EquipmentState.self))
        #expect(check(PPECompliance.self))
        #expect(check(NoticeKind.self))
        #expect(check(VerificationResult.self))
        #expect(check(ProposedAward.self))
        #expect(check(OrgLevel.self))
        #expect(check(DocumentKind.self))
        #expect(HazardGrade.major.zh == "重大事故隐患")
        #expect(ItemResult.partial.label.bilingual == "基本符合 (Partly compliant)")
    }
}

@Suite("Checklist catalogue")
struct ChecklistCatalogueTests {
    static let catalogue = ChecklistCatalogue(
        version: "2011",
        validFrom: CivilDate(iso: "2011-01-01")!,
        categories: [
            CatalogueCategory(code: "A", name: LocalizedText(zh: "组织领导与责任制", en: "Organisation and responsibility"), items: [
                CatalogueItem(code: "A1", category: "A", weight: 3, tiers: [.enterprise],
                              text: LocalizedText(zh: "主要领导任安康杯竞赛组委会（领导小组）主任，工会主席为主要成员", en: "Top manager chairs the committee"), source: "S8"),
                CatalogueItem(code: "A3", category: "A", weight: 2, defaultGrade: .general, tiers: [.enterprise],
                              text: LocalizedText(zh: "建立全员安全生产责任制，逐级签订安全责任书", en: "All-staff responsibility system")),
            ]),
            CatalogueCategory(code: "D", name: LocalizedText(zh: "设备设施与电气", en: "Machinery, equipment and electrical"), items: [
                CatalogueItem(code: "D1", category: "D", weight: 3, defaultGrade: .general, tiers: [.workshop, .team],
                              text: LocalizedText(zh: "设备安全装置（防护罩、联锁、急停）齐全有效", en: "Guards, interlocks and emergency stops")),
                CatalogueItem(code: "D5", category: "D", weight: 2, defaultGrade: .major, tiers: [.enterprise],
                              text: LocalizedText(zh: "新改扩建项目安全设施“三同时”", en: "Three simultaneities")),
            ]),
        ],
        activities: [
            CatalogueActivity(code: "TA01", text: LocalizedText(zh: "写一封安全家书", en: "Write a safety letter home")),
            CatalogueActivity(code: "TA02", text: LocalizedText(zh: "唱一首安全歌曲", en: "Sing a safety song")),
        ]
    )

    @Test func lookups() {
        let c = Self.catalogue
        #expect(c.item(code: "D5")?.defaultGrade == .major)
        #expect(c.item(code: "A1")?.defaultGrade == nil)
        #expect(c.item(code: "Z9") == nil)
        #expect(c.activity(code: "TA02")?.text.zh == "唱一首安全歌曲")
        #expect(c.activity(code: "TA11") == nil)
        #expect(c.category(code: "A")?.totalWeight == 5)
        #expect(c.items(for: .team).map(\.code) == ["D1"])
        #expect(c.allItems.map(\.code) == ["A1", "A3", "D1", "D5"])
        #expect(c.duplicateItemCodes.isEmpty)
    }

    @Test func duplicatesAreReportedAndFirstWins() {
        let item1 = CatalogueItem(code: "A1", category: "A", weight: 3, tiers: [.enterprise], text: LocalizedText(zh: "一", en: "one"))
        let item2 = CatalogueItem(code: "A1", category: "B", weight: 9, tiers: [.team], text: LocalizedText(zh: "二", en: "two"))
        let c = ChecklistCatalogue(version: "x", validFrom: CivilDate(iso: "2011-01-01")!,
                                   categories: [CatalogueCategory(code: "A", name: LocalizedText(zh: "甲", en: "A"), items: [item1, item2])],
                                   activities: [])
        #expect(c.duplicateItemCodes == ["A1"])
        #expect(c.item(code: "A1")?.weight == 3)
    }

    @Test func codableRoundTripRebuildsIndex() throws {
        let data = try JSONEncoder().encode(Self.catalogue)
        let json = String(decoding: data, as: UTF8.self)
        #expect(!json.contains("itemIndex"))
        let decoded = try JSONDecoder().decode(ChecklistCatalogue.self, from: data)
        #expect(decoded == Self.catalogue)
        #expect(decoded.hashValue == Self.catalogue.hashValue)
        #expect(decoded.item(code: "D1")?.tiers == [.workshop, .team])
        #expect(decoded.activity(code: "TA01") != nil)
    }
}
