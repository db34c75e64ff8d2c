// Enumerations mirroring the XML design contract. Raw values are the XML tokens; labels follow
// the domain glossary (/work/shared/domain.md §b).

/// The role of a person in an inspection (XSD `RoleType`).
public enum Role: String, Labelled {
    /// 工会劳动保护监督检查员 — appointed union labour-protection inspector.
    case unionInspector
    /// 监督检查委员会委员 — member of the base union's supervision committee.
    case committeeMember
    /// 车间监督检查小组成员 — member of a workshop inspection group.
    case workshopGroupMember
    /// 工会小组劳动保护检查员 — union-group (team) inspector.
    case teamInspector
    /// 群众安全监督员 — rank-and-file safety monitor.
    case massMonitor
    /// 企业安全管理人员 — enterprise safety officer.
    case enterpriseSafetyOfficer
    /// 安监等部门人员 — government inspector (joint inspections).
    case governmentInspector

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .unionInspector: LocalizedText(zh: "工会劳动保护监督检查员", en: "Union labour-protection inspector")
        case .committeeMember: LocalizedText(zh: "监督检查委员会委员", en: "Supervision committee member")
        case .workshopGroupMember: LocalizedText(zh: "车间监督检查小组成员", en: "Workshop inspection group member")
        case .teamInspector: LocalizedText(zh: "工会小组劳动保护检查员", en: "Union-group (team) inspector")
        case .massMonitor: LocalizedText(zh: "群众安全监督员", en: "Rank-and-file safety monitor")
        case .enterpriseSafetyOfficer: LocalizedText(zh: "企业安全管理人员", en: "Enterprise safety officer")
        case .governmentInspector: LocalizedText(zh: "安监等部门人员", en: "Government inspector")
        }
    }
}

/// The stage of an Ankang Cup assessment (XSD `AssessmentStageType`).
public enum AssessmentStage: String, Labelled {
    /// 自查 — the enterprise's self-check.
    case selfCheck
    /// 互查 — cross-check between units.
    case crossCheck
    /// 抽查 — spot check by the higher-level union.
    case spotCheck

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .selfCheck: LocalizedText(zh: "自查", en: "Self-check")
        case .crossCheck: LocalizedText(zh: "互查", en: "Cross-check")
        case .spotCheck: LocalizedText(zh: "抽查", en: "Spot check")
        }
    }
}

/// The kind of an inspection round (XSD `InspectionKindType`).
public enum InspectionKind: String, Labelled {
    /// 日常巡查 — routine patrol.
    case routine
    /// 定期检查 — periodic inspection (monthly, quarterly, half-yearly).
    case periodic
    /// 专项检查 — special inspection (fire, hazmat, confined space …).
    case special
    /// 季节性检查 — seasonal inspection (heat, flood season, winter).
    case seasonal
    /// 节前检查 — pre-holiday inspection.
    case holiday
    /// 综合检查 — comprehensive inspection.
    case comprehensive
    /// 安康杯考核 — Ankang Cup assessment.
    case competitionAssessment
    /// 复查 — follow-up inspection.
    case followUp

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .routine: LocalizedText(zh: "日常巡查", en: "Routine patrol")
        case .periodic: LocalizedText(zh: "定期检查", en: "Periodic inspection")
        case .special: LocalizedText(zh: "专项检查", en: "Special inspection")
        case .seasonal: LocalizedText(zh: "季节性检查", en: "Seasonal inspection")
        case .holiday: LocalizedText(zh: "节前检查", en: "Pre-holiday inspection")
        case .comprehensive: LocalizedText(zh: "综合检查", en: "Comprehensive inspection")
        case .competitionAssessment: LocalizedText(zh: "安康杯考核", en: "Ankang Cup assessment")
        case .followUp: LocalizedText(zh: "复查", en: "Follow-up inspection")
        }
    }
}

/// The result of one checklist item (XSD `ItemResultType`).
public enum ItemResult: String, Labelled {
    /// 符合 — compliant: full points.
    case compliant
    /// 基本符合 — partly compliant.
    case partial
    /// 不符合 — non-compliant.
    case nonCompliant
    /// 不适用 — not applicable: excluded from the denominator.
    case notApplicable

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .compliant: LocalizedText(zh: "符合", en: "Compliant")
        case .partial: LocalizedText(zh: "基本符合", en: "Partly compliant")
        case .nonCompliant: LocalizedText(zh: "不符合", en: "Non-compliant")
        case .notApplicable: LocalizedText(zh: "不适用", en: "Not applicable")
        }
    }
}

/// The legal grade of a hazard per 安监总局令第16号 (XSD `HazardGradeType`).
public enum HazardGrade: String, Labelled {
    /// 一般事故隐患 — general hazard: fix at once.
    case general
    /// 重大事故隐患 — major hazard: needs a 治理方案 (remediation plan).
    case major

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .general: LocalizedText(zh: "一般事故隐患", en: "General hazard")
        case .major: LocalizedText(zh: "重大事故隐患", en: "Major hazard")
        }
    }
}

/// The nature of a hazard, the three parts of the 16号令 definition (XSD `HazardNatureType`).
public enum HazardNature: String, Labelled {
    /// 物的危险状态 — unsafe condition of things.
    case unsafeCondition
    /// 人的不安全行为 — unsafe act of people.
    case unsafeAct
    /// 管理上的缺陷 — management defect.
    case managementDefect

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .unsafeCondition: LocalizedText(zh: "物的危险状态", en: "Unsafe condition")
        case .unsafeAct: LocalizedText(zh: "人的不安全行为", en: "Unsafe act")
        case .managementDefect: LocalizedText(zh: "管理上的缺陷", en: "Management defect")
        }
    }
}

/// The accident type per GB 6441-86; raw values are the two-digit codes "01"–"20" (XSD `AccidentTypeCode`).
public enum AccidentType: String, Labelled {
    /// 01 物体打击 — struck by object.
    case objectStrike = "01"
    /// 02 车辆伤害 — vehicle injury.
    case vehicle = "02"
    /// 03 机械伤害 — mechanical injury.
    case machinery = "03"
    /// 04 起重伤害 — lifting (crane) injury.
    case lifting = "04"
    /// 05 触电 — electric shock.
    case electrocution = "05"
    /// 06 淹溺 — drowning.
    case drowning = "06"
    /// 07 灼烫 — burns and scalds.
    case burn = "07"
    /// 08 火灾 — fire.
    case fire = "08"
    /// 09 高处坠落 — fall from height.
    case fallFromHeight = "09"
    /// 10 坍塌 — collapse.
    case collapse = "10"
    /// 11 冒顶片帮 — roof fall and rib spalling.
    case roofFall = "11"
    /// 12 透水 — water inrush.
    case waterInrush = "12"
    /// 13 放炮 — blasting.
    case blasting = "13"
    /// 14 火药爆炸 — explosive (gunpowder) explosion.
    case explosivesExplosion = "14"
    /// 15 瓦斯爆炸 — firedamp (gas) explosion.
    case firedampExplosion = "15"
    /// 16 锅炉爆炸 — boiler explosion.
    case boilerExplosion = "16"
    /// 17 容器爆炸 — pressure-vessel explosion.
    case vesselExplosion = "17"
    /// 18 其他爆炸 — other explosion.
    case otherExplosion = "18"
    /// 19 中毒和窒息 — poisoning and asphyxiation.
    case poisoningAndAsphyxiation = "19"
    /// 20 其他伤害 — other injury.
    case other = "20"

    /// The GB 6441 code as a string, "01"–"20".
    public var code: String { rawValue }

    /// The GB 6441 code as a number, 1–20.
    public var number: Int { Int(rawValue)! }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .objectStrike: LocalizedText(zh: "物体打击", en: "Struck by object")
        case .vehicle: LocalizedText(zh: "车辆伤害", en: "Vehicle injury")
        case .machinery: LocalizedText(zh: "机械伤害", en: "Mechanical injury")
        case .lifting: LocalizedText(zh: "起重伤害", en: "Lifting injury")
        case .electrocution: LocalizedText(zh: "触电", en: "Electric shock")
        case .drowning: LocalizedText(zh: "淹溺", en: "Drowning")
        case .burn: LocalizedText(zh: "灼烫", en: "Burns and scalds")
        case .fire: LocalizedText(zh: "火灾", en: "Fire")
        case .fallFromHeight: LocalizedText(zh: "高处坠落", en: "Fall from height")
        case .collapse: LocalizedText(zh: "坍塌", en: "Collapse")
        case .roofFall: LocalizedText(zh: "冒顶片帮", en: "Roof fall and rib spalling")
        case .waterInrush: LocalizedText(zh: "透水", en: "Water inrush")
        case .blasting: LocalizedText(zh: "放炮", en: "Blasting")
        case .explosivesExplosion: LocalizedText(zh: "火药爆炸", en: "Explosive explosion")
        case .firedampExplosion: LocalizedText(zh: "瓦斯爆炸", en: "Firedamp explosion")
        case .boilerExplosion: LocalizedText(zh: "锅炉爆炸", en: "Boiler explosion")
        case .vesselExplosion: LocalizedText(zh: "容器爆炸", en: "Pressure-vessel explosion")
        case .otherExplosion: LocalizedText(zh: "其他爆炸", en: "Other explosion")
        case .poisoningAndAsphyxiation: LocalizedText(zh: "中毒和窒息", en: "Poisoning and asphyxiation")
        case .other: LocalizedText(zh: "其他伤害", en: "Other injury")
        }
    }
}

/// The "三违" (three violations) type (XSD `ViolationTypeType`).
public enum ViolationType: String, Labelled {
    /// 违章指挥 — unlawful command.
    case unlawfulCommand
    /// 违章作业 — rule-breaking operation.
    case unsafeOperation
    /// 违反劳动纪律 — breach of labour discipline.
    case disciplineBreach

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .unlawfulCommand: LocalizedText(zh: "违章指挥", en: "Unlawful command")
        case .unsafeOperation: LocalizedText(zh: "违章作业", en: "Rule-breaking operation")
        case .disciplineBreach: LocalizedText(zh: "违反劳动纪律", en: "Breach of labour discipline")
        }
    }
}

/// The life-cycle status of a rectification finding (XSD `RectificationStatusType`).
///
/// "Overdue" is derived (deadline passed and not closed), never stored.
public enum RectificationStatus: String, Labelled {
    /// 待整改 — open.
    case open
    /// 整改中 — rectification in progress.
    case inProgress
    /// 待复查 — fixed, awaiting verification.
    case awaitingVerification
    /// 已销号 — closed out after a passed verification.
    case closed
    /// 复查未通过 — verification failed; back to work.
    case verificationFailed
    /// 挂牌督办 — escalated to listed supervision.
    case escalated

    /// Whether the finding is closed out (销号).
    public var isClosed: Bool { self == .closed }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "待整改", en: "Open")
        case .inProgress: LocalizedText(zh: "整改中", en: "In progress")
        case .awaitingVerification: LocalizedText(zh: "待复查", en: "Awaiting verification")
        case .closed: LocalizedText(zh: "已销号", en: "Closed")
        case .verificationFailed: LocalizedText(zh: "复查未通过", en: "Verification failed")
        case .escalated: LocalizedText(zh: "挂牌督办", en: "Escalated")
        }
    }
}

/// Injury severity per GB 6441 (XSD `InjurySeverityType`), ordered from minor to fatal.
public enum InjurySeverity: String, Labelled, Comparable {
    /// 轻伤 — minor injury (< 105 lost workdays).
    case minor
    /// 重伤 — serious injury (≥ 105 lost workdays).
    case serious
    /// 死亡 — fatal.
    case fatal

    /// Rank from 0 (minor) to 2 (fatal).
    public var rank: Int {
        switch self {
        case .minor: 0
        case .serious: 1
        case .fatal: 2
        }
    }

    /// Ordered by rank.
    public static func < (lhs: InjurySeverity, rhs: InjurySeverity) -> Bool { lhs.rank < rhs.rank }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .minor: LocalizedText(zh: "轻伤", en: "Minor injury")
        case .serious: LocalizedText(zh: "重伤", en: "Serious injury")
        case .fatal: LocalizedText(zh: "死亡", en: "Fatal")
        }
    }
}

/// Accident level per 国务院令493 (XSD `AccidentLevelType`), ordered from ordinary to extraordinary.
public enum AccidentLevel: String, Labelled, Comparable {
    /// 一般事故 — ordinary: < 3 deaths, < 10 serious injuries, < ¥10 M loss.
    case ordinary
    /// 较大事故 — large: 3–9 deaths, 10–49 serious injuries, ¥10–50 M.
    case large
    /// 重大事故 — major: 10–29 deaths, 50–99 serious injuries, ¥50–100 M.
    case major
    /// 特别重大事故 — extraordinary: ≥ 30 deaths, ≥ 100 serious injuries, ≥ ¥100 M.
    case extraordinary

    /// Rank from 0 (ordinary) to 3 (extraordinary).
    public var rank: Int {
        switch self {
        case .ordinary: 0
        case .large: 1
        case .major: 2
        case .extraordinary: 3
        }
    }

    /// Ordered by rank.
    public static func < (lhs: AccidentLevel, rhs: AccidentLevel) -> Bool { lhs.rank < rhs.rank }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .ordinary: LocalizedText(zh: "一般事故", en: "Ordinary accident")
        case .large: LocalizedText(zh: "较大事故", en: "Large accident")
        case .major: LocalizedText(zh: "重大事故", en: "Major accident")
        case .extraordinary: LocalizedText(zh: "特别重大事故", en: "Extraordinary accident")
        }
    }
}

/// The work shift (班次) of a monitoring round (XSD `ShiftType`).
public enum Shift: String, Labelled {
    /// 白班 — day shift.
    case day
    /// 中班 — middle shift.
    case middle
    /// 夜班 — night shift.
    case night

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .day: LocalizedText(zh: "白班", en: "Day shift")
        case .middle: LocalizedText(zh: "中班", en: "Middle shift")
        case .night: LocalizedText(zh: "夜班", en: "Night shift")
        }
    }
}

/// The tier of the "1+3" monitoring system and of catalogue items (XSD `TierLevelType`).
public enum TierLevel: String, Labelled, Comparable {
    /// 企业（厂）级 — enterprise (plant) level.
    case enterprise
    /// 车间级 — workshop level.
    case workshop
    /// 班组级 — team level.
    case team

    /// The one-letter form used in the catalogue's `tiers` list: "E", "W" or "T".
    public var catalogueLetter: String {
        switch self {
        case .enterprise: "E"
        case .workshop: "W"
        case .team: "T"
        }
    }

    /// Parses the catalogue letter "E", "W" or "T".
    public init?(catalogueLetter: String) {
        guard let tier = TierLevel.allCases.first(where: { $0.catalogueLetter == catalogueLetter }) else { return nil }
        self = tier
    }

    /// Depth from 0 (enterprise) to 2 (team).
    public var depth: Int {
        switch self {
        case .enterprise: 0
        case .workshop: 1
        case .team: 2
        }
    }

    /// Ordered from the top (enterprise) down.
    public static func < (lhs: TierLevel, rhs: TierLevel) -> Bool { lhs.depth < rhs.depth }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .enterprise: LocalizedText(zh: "企业级", en: "Enterprise level")
        case .workshop: LocalizedText(zh: "车间级", en: "Workshop level")
        case .team: LocalizedText(zh: "班组级", en: "Team level")
        }
    }
}

/// A one-vote veto (一票否决) event of the Ankang Cup (XSD `VetoTypeType`).
public enum VetoType: String, Labelled {
    /// 未组织开展竞赛活动 — no competition activity organised.
    case noCompetitionActivity
    /// 发生死亡事故 — a fatal accident.
    case fatalAccident
    /// 发生较大及以上事故 — an accident of level "large" or above.
    case largeOrAboveAccident
    /// 瞒报、谎报事故 — concealed or falsely reported accident.
    case concealedAccident
    /// 重大隐患未治理 — major hazard without remediation plan, or overdue.
    case majorHazardUnremediated
    /// 新发职业病病例 — new occupational-disease case.
    case occupationalDiseaseCase

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .noCompetitionActivity: LocalizedText(zh: "未组织开展竞赛活动", en: "No competition activity organised")
        case .fatalAccident: LocalizedText(zh: "发生死亡事故", en: "Fatal accident")
        case .largeOrAboveAccident: LocalizedText(zh: "发生较大及以上事故", en: "Large or more serious accident")
        case .concealedAccident: LocalizedText(zh: "瞒报、谎报事故", en: "Concealed or falsely reported accident")
        case .majorHazardUnremediated: LocalizedText(zh: "重大隐患未治理", en: "Major hazard not remediated")
        case .occupationalDiseaseCase: LocalizedText(zh: "新发职业病病例", en: "New occupational-disease case")
        }
    }
}

/// The enterprise's 安全生产标准化 (safety standardisation) level.
public enum SafetyStandardizationLevel: String, Labelled {
    /// 一级 — level 1 (score ≥ 90).
    case level1
    /// 二级 — level 2 (score ≥ 75).
    case level2
    /// 三级 — level 3 (score ≥ 60).
    case level3
    /// 未达标 — not attained (XML token "none").
    case notAttained = "none"

    /// The minimum standardisation score of the level, or `nil` for `notAttained`.
    public var minimumScore: Double? {
        switch self {
        case .level1: 90
        case .level2: 75
        case .level3: 60
        case .notAttained: nil
        }
    }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .level1: LocalizedText(zh: "一级", en: "Level 1")
        case .level2: LocalizedText(zh: "二级", en: "Level 2")
        case .level3: LocalizedText(zh: "三级", en: "Level 3")
        case .notAttained: LocalizedText(zh: "未达标", en: "Not attained")
        }
    }
}

/// The equipment condition observed in a monitoring round (设备运行情况).
public enum EquipmentState: String, Labelled {
    /// 正常运行 — running normally.
    case normal
    /// 轻微故障 — minor fault.
    case minorFault
    /// 严重故障 — major fault.
    case majorFault
    /// 停机 — stopped.
    case stopped

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .normal: LocalizedText(zh: "正常运行", en: "Running normally")
        case .minorFault: LocalizedText(zh: "轻微故障", en: "Minor fault")
        case .majorFault: LocalizedText(zh: "严重故障", en: "Major fault")
        case .stopped: LocalizedText(zh: "停机", en: "Stopped")
        }
    }
}

/// Whether workers wear and use PPE correctly (劳动防护用品佩戴情况).
public enum PPECompliance: String, Labelled {
    /// 全部正确佩戴 — fully compliant.
    case full
    /// 部分佩戴 — partly compliant.
    case partial
    /// 未佩戴 — not worn (XML token "none").
    case absent = "none"

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .full: LocalizedText(zh: "全部正确佩戴", en: "Fully compliant")
        case .partial: LocalizedText(zh: "部分佩戴", en: "Partly compliant")
        case .absent: LocalizedText(zh: "未佩戴", en: "Not worn")
        }
    }
}

/// The kind of rectification notice.
public enum NoticeKind: String, Labelled {
    /// 工会劳动保护监督检查整改建议书 — union rectification proposal.
    case unionRectificationProposal
    /// 企业隐患整改通知书 — the enterprise's internal rectification notice.
    case internalRectificationNotice
    /// 工会劳动法律监督意见书 — union legal-supervision opinion.
    case supervisionOpinion

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .unionRectificationProposal: LocalizedText(zh: "工会劳动保护监督检查整改建议书", en: "Union rectification proposal")
        case .internalRectificationNotice: LocalizedText(zh: "企业隐患整改通知书", en: "Internal rectification notice")
        case .supervisionOpinion: LocalizedText(zh: "工会劳动法律监督意见书", en: "Union supervision opinion")
        }
    }
}

/// The outcome of a 复查 (verification of a rectification).
public enum VerificationResult: String, Labelled {
    /// 复查合格 — passed.
    case passed
    /// 复查不合格 — failed.
    case failed

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .passed: LocalizedText(zh: "复查合格", en: "Passed")
        case .failed: LocalizedText(zh: "复查不合格", en: "Failed")
        }
    }
}

/// The award an Ankang Cup assessment proposes.
public enum ProposedAward: String, Labelled {
    /// 不推荐 — no award (XML token "none").
    case noAward = "none"
    /// 市级优胜单位 — city winning unit.
    case cityWinner
    /// 推荐省级优胜单位 — nominee for provincial winning unit.
    case provincialNominee
    /// 推荐全国优胜单位 — nominee for national winning unit.
    case nationalNominee

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .noAward: LocalizedText(zh: "不推荐", en: "No award")
        case .cityWinner: LocalizedText(zh: "市级优胜单位", en: "City winning unit")
        case .provincialNominee: LocalizedText(zh: "推荐省级优胜单位", en: "Provincial nominee")
        case .nationalNominee: LocalizedText(zh: "推荐全国优胜单位", en: "National nominee")
        }
    }
}

/// A level of the union organisation hierarchy.
///
/// township, park and system sit under city; enterprise under one of those three; workshop under
/// enterprise; team under workshop (or directly under a small enterprise).
public enum OrgLevel: String, Labelled {
    /// 市总工会 — city federation of trade unions.
    case city
    /// 乡镇（街道）总工会 — township or sub-district federation.
    case township
    /// 园区（开发区）工会 — park or development-zone union.
    case park
    /// 系统（产业）工会 — sector ("system") union.
    case system
    /// 企业（基层）工会 — enterprise (base-level) union.
    case enterprise
    /// 车间工会（分工会） — workshop or branch union.
    case workshop
    /// 班组（工会小组） — team, union group.
    case team

    /// The levels that may form an enterprise's jurisdiction below the city: township, park, system.
    public static let jurisdictionLevels: Set<OrgLevel> = [.township, .park, .system]

    /// Whether this level may be the jurisdiction of an enterprise (township, park or system).
    public var isJurisdictionLevel: Bool { OrgLevel.jurisdictionLevels.contains(self) }

    /// The levels that may be this level's parent.
    public var allowedParents: Set<OrgLevel> {
        switch self {
        case .city: []
        case .township, .park, .system: [.city]
        case .enterprise: [.township, .park, .system]
        case .workshop: [.enterprise]
        case .team: [.workshop, .enterprise]
        }
    }

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .city: LocalizedText(zh: "市总工会", en: "City federation of trade unions")
        case .township: LocalizedText(zh: "乡镇（街道）总工会", en: "Township federation of trade unions")
        case .park: LocalizedText(zh: "园区（开发区）工会", en: "Park union")
        case .system: LocalizedText(zh: "系统（产业）工会", en: "Sector (system) union")
        case .enterprise: LocalizedText(zh: "企业（基层）工会", en: "Enterprise (base-level) union")
        case .workshop: LocalizedText(zh: "车间工会（分工会）", en: "Workshop union")
        case .team: LocalizedText(zh: "班组（工会小组）", en: "Team (union group)")
        }
    }
}

/// The kind of a submission document; raw values are the XML root element names.
public enum DocumentKind: String, Labelled {
    /// 安康杯竞赛考核表 — Ankang Cup assessment.
    case ankangCupAssessment
    /// "1+3"日常安全监控记录 — "1+3" monitoring record.
    case monitoringRecord
    /// 隐患整改通知书 — hazard rectification notice.
    case hazardRectification

    /// The bilingual label.
    public var label: LocalizedText {
        switch self {
        case .ankangCupAssessment: LocalizedText(zh: "安康杯竞赛考核表", en: "Ankang Cup assessment")
        case .monitoringRecord: LocalizedText(zh: "“1+3”日常安全监控记录", en: "\"1+3\" safety monitoring record")
        case .hazardRectification: LocalizedText(zh: "隐患整改通知书", en: "Hazard rectification notice")
        }
    }
}
