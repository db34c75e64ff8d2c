import Foundation

/// The competition organisation block of an Ankang Cup assessment.
public struct Organization: Sendable, Hashable, Codable {
    /// A competition committee (组委会 / 领导小组) exists.
    public var committee: Bool
    /// The top manager (主要领导) chairs it.
    public var chairIsTopManager: Bool
    /// The union chair is a core member.
    public var unionChairIsMember: Bool
    /// The date of the competition plan (方案), if any.
    public var planDate: CivilDate?

    /// Creates the block.
    public init(committee: Bool, chairIsTopManager: Bool, unionChairIsMember: Bool, planDate: CivilDate? = nil) {
        self.committee = committee
        self.chairIsTopManager = chairIsTopManager
        self.unionChairIsMember = unionChairIsMember
        self.planDate = planDate
    }
}

/// One "十个一" safety-culture activity held.
public struct Activity: Sendable, Hashable, Codable {
    /// The catalogue activity code, e.g. "TA03".
    public var code: String
    /// When it was held.
    public var date: CivilDate
    /// Number of participants.
    public var participants: Int
    /// A title.
    public var title: String?
    /// Evidence references.
    public var evidence: [String]

    /// Creates an activity.
    public init(code: String, date: CivilDate, participants: Int, title: String? = nil, evidence: [String] = []) {
        self.code = code
        self.date = date
        self.participants = participants
        self.title = title
        self.evidence = evidence
    }
}

/// A team (班组) taking part in the competition.
public struct TeamEntry: Sendable, Hashable, Codable {
    /// The team's code within the enterprise.
    public var code: String
    /// The team's name.
    public var name: String
    /// Number of members.
    public var members: Int?
    /// Nominated for 优胜班组 (winning team).
    public var nominated: Bool

    /// Creates a team entry.
    public init(code: String, name: String, members: Int? = nil, nominated: Bool = false) {
        self.code = code
        self.name = name
        self.members = members
        self.nominated = nominated
    }
}

/// A 鼓励项 (bonus item).
public struct BonusItem: Sendable, Hashable, Codable {
    /// Points claimed, 0.1–4.0.
    public var points: Double
    /// What earned them.
    public var description: String
    /// Evidence references.
    public var evidence: [String]

    /// Creates a bonus item.
    public init(points: Double, description: String, evidence: [String] = []) {
        self.points = points
        self.description = description
        self.evidence = evidence
    }
}

/// A 一票否决 (veto) event.
public struct VetoEvent: Sendable, Hashable, Codable {
    /// The veto type.
    public var type: VetoType
    /// When it happened.
    public var date: CivilDate
    /// What happened.
    public var description: String

    /// Creates a veto event.
    public init(type: VetoType, date: CivilDate, description: String) {
        self.type = type
        self.date = date
        self.description = description
    }
}

/// One accident in the assessment year.
public struct Accident: Sendable, Hashable, Codable, Identifiable {
    /// The accident's id within the document.
    public var id: String
    /// When it happened.
    public var date: CivilDate
    /// GB 6441 accident type.
    public var type: AccidentType
    /// The injury severity.
    public var severity: InjurySeverity
    /// The 493 accident level.
    public var level: AccidentLevel
    /// Number of persons affected (≥ 1).
    public var persons: Int
    /// What happened.
    public var description: String

    /// Creates an accident.
    public init(id: String, date: CivilDate, type: AccidentType, severity: InjurySeverity, level: AccidentLevel, persons: Int = 1, description: String) {
        self.id = id
        self.date = date
        self.type = type
        self.severity = severity
        self.level = level
        self.persons = persons
        self.description = description
    }
}

/// The accidents of the year: the declared totals and the individual accidents.
public struct AccidentSummary: Sendable, Hashable, Codable {
    /// Declared number of persons with minor injuries.
    public var minorInjuries: Int
    /// Declared number of persons with serious injuries.
    public var seriousInjuries: Int
    /// Declared number of deaths.
    public var fatalities: Int
    /// The accidents listed.
    public var accidents: [Accident]

    /// Creates a summary.
    public init(minorInjuries: Int, seriousInjuries: Int, fatalities: Int, accidents: [Accident] = []) {
        self.minorInjuries = minorInjuries
        self.seriousInjuries = seriousInjuries
        self.fatalities = fatalities
        self.accidents = accidents
    }

    /// A summary with no accidents.
    public static let empty = AccidentSummary(minorInjuries: 0, seriousInjuries: 0, fatalities: 0)

    /// The declared total for a severity.
    public func declared(_ severity: InjurySeverity) -> Int {
        switch severity {
        case .minor: minorInjuries
        case .serious: seriousInjuries
        case .fatal: fatalities
        }
    }

    /// The persons counted from the listed accidents for a severity.
    public func counted(_ severity: InjurySeverity) -> Int {
        accidents.filter { $0.severity == severity }.reduce(0) { $0 + $1.persons }
    }

    /// Whether every declared total equals the counted one.
    public var totalsConsistent: Bool {
        InjurySeverity.allCases.allSatisfy { declared($0) == counted($0) }
    }

    /// The most severe injury declared or listed, if any.
    public var worstSeverity: InjurySeverity? {
        InjurySeverity.allCases.filter { declared($0) > 0 || counted($0) > 0 }.max()
    }

    /// The highest accident level listed, if any.
    public var worstLevel: AccidentLevel? { accidents.map(\.level).max() }
}

/// An 安康杯 competition assessment (root `ankangCupAssessment`), without the common submission header.
public struct AnkangCupAssessment: Sendable, Hashable, Codable {
    /// The competition year, e.g. 2011.
    public var year: Int
    /// The year's theme, e.g. 安全在我心中.
    public var theme: String?
    /// Self-check, cross-check or spot check.
    public var stage: AssessmentStage
    /// The date of the assessment.
    public var assessmentDate: CivilDate
    /// The assessors (≥ 1).
    public var assessors: [Person]
    /// The competition organisation.
    public var organization: Organization
    /// The checklist results (≥ 1, unique codes).
    public var items: [ItemResultEntry]
    /// "十个一" activities held.
    public var activities: [Activity]
    /// Teams taking part.
    public var teams: [TeamEntry]
    /// 鼓励项 claimed.
    public var bonusItems: [BonusItem]
    /// 一票否决 events.
    public var vetoEvents: [VetoEvent]
    /// Accidents of the year.
    public var accidentSummary: AccidentSummary
    /// The enterprise's own declared score (0–104), stored for audit.
    public var declaredScore: Double?
    /// The award proposed.
    public var proposedAward: ProposedAward?

    /// Creates an assessment.
    public init(
        year: Int,
        theme: String? = nil,
        stage: AssessmentStage,
        assessmentDate: CivilDate,
        assessors: [Person],
        organization: Organization,
        items: [ItemResultEntry],
        activities: [Activity] = [],
        teams: [TeamEntry] = [],
        bonusItems: [BonusItem] = [],
        vetoEvents: [VetoEvent] = [],
        accidentSummary: AccidentSummary,
        declaredScore: Double? = nil,
        proposedAward: ProposedAward? = nil
    ) {
        self.year = year
        self.theme = theme
        self.stage = stage
        self.assessmentDate = assessmentDate
        self.assessors = assessors
        self.organization = organization
        self.items = items
        self.activities = activities
        self.teams = teams
        self.bonusItems = bonusItems
        self.vetoEvents = vetoEvents
        self.accidentSummary = accidentSummary
        self.declaredScore = declaredScore
        self.proposedAward = proposedAward
    }

    /// The result for an item code, if assessed.
    public func item(code: String) -> ItemResultEntry? { items.first { $0.code == code } }

    /// The sum of bonus points claimed (uncapped).
    public var bonusPointsClaimed: Double { bonusItems.reduce(0) { $0 + $1.points } }

    /// The distinct "十个一" activity codes held.
    public var activityCodesHeld: Set<String> { Set(activities.map(\.code)) }
}
