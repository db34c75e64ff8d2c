import Foundation
import AnkangModel
import AnkangScoring
import AnkangStore

/// The enterprise safety scorecard (企业安全评分卡) for one enterprise and period: the one model its
/// HTML page (one A4 sheet), CSV, XLSX and JSON render.
public struct Scorecard: Sendable, Hashable, Codable {
    /// Who.
    public var enterprise: EnterpriseFact
    /// 市 / 乡镇·园区·系统 / 企业.
    public var orgPath: [String]
    /// Which period, and the day open states are judged on.
    public var period: ReportPeriod
    public var asOf: CivilDate
    /// The latest 安康杯 assessment dated in the period, scored.
    public var assessment: AssessmentResult?
    /// "1+3" monitoring in the period.
    public var monitoring: MonitoringResult
    /// Hazards open on `asOf`.
    public var openHazards: OpenHazards
    /// Rectification of the hazards found in the period.
    public var rectification: RectificationPerformance
    /// "十个一" activities in the period.
    public var activities: ActivityResult
    /// Accidents in the period.
    public var accidents: [AccidentFact]
    /// 三违 violations in the period, and per 100 workers.
    public var violations: Int
    public var violationsPer100Workers: Double?
    /// The assessment total of this and the preceding periods, oldest first (nil: no assessment).
    public var scoreTrend: [PeriodScore]
    /// Rank by total within the township/park/system union and within the industry division.
    public var rankInUnit: Rank?
    public var rankInIndustry: Rank?
    /// Union rectification proposals and notices still open, with the enterprise's reply status.
    public var openNotices: [NoticeFact]
}

/// An assessment's explained score, as stored at intake.
public struct AssessmentResult: Sendable, Hashable, Codable {
    public var submissionID: String
    public var date: CivilDate
    public var score: Score
}

/// "1+3" monitoring of one enterprise.
public struct MonitoringResult: Sendable, Hashable, Codable {
    public var records: Int
    public var coverage: [TierCoverage]
    /// received ÷ expected over all tiers.
    public var coverageRate: Double?
    public var missing: [MissingRecords]
}

/// Hazards still open.
public struct OpenHazards: Sendable, Hashable, Codable {
    public var general: Int
    public var major: Int
    public var overdue: Int
    /// The oldest open ones (at most five).
    public var oldest: [HazardLine]
}

/// "十个一" completion.
public struct ActivityResult: Sendable, Hashable, Codable {
    /// Distinct activity codes held, of the ten.
    public var completed: Int
    public var codes: [String]
    public var participants: Int
}

/// A period's assessment total.
public struct PeriodScore: Sendable, Hashable, Codable {
    public var period: String
    public var total: Double?
}

/// A place in a ranking (1 = best).
public struct Rank: Sendable, Hashable, Codable {
    public var position: Int
    public var of: Int
    /// The unit or industry division ranked within.
    public var within: String
}

/// A request for scorecards.
public struct ScorecardRequest: Sendable, Hashable {
    public var period: ReportPeriod
    /// How many periods the score trend shows (this one included).
    public var trendPeriods: Int
    public var today: CivilDate

    /// Creates a request.
    public init(period: ReportPeriod, trendPeriods: Int = 5, today: CivilDate) {
        self.period = period
        self.trendPeriods = trendPeriods
        self.today = today
    }

    /// The facts to read for `enterprise` (nil: every enterprise, for `--all` and the watchlist): its
    /// submissions and notices over the trend's periods, its events of the period, and the city's scores of the period.
    public func scope(enterprise: String?, city: String? = nil) -> ReportScope {
        ReportScope(from: period.trailing(trendPeriods)[0].from, to: period.to, city: city, enterprise: enterprise, withScoreDetails: true,
                    eventsFrom: period.from, peersFrom: period.from, withNotices: true)
    }
}

extension Scorecard {
    /// Builds the scorecard of `enterpriseKey` from facts read with `request.scope(…)`; nil when the
    /// enterprise is not in them.
    public init?(enterpriseKey: String, _ request: ScorecardRequest, facts: ReportFacts, context: ReportContext) {
        guard let enterprise = facts.enterprises.first(where: { $0.key == enterpriseKey }) else { return nil }
        let period = request.period
        let asOf = min(period.to, request.today)
        let mine = { (key: String) in key == enterpriseKey }
        let submissions = facts.submissions.filter { mine($0.enterpriseKey) }
        let hazards = facts.hazards.filter { mine($0.enterpriseKey) }.map(context.withDeadline)
        self.enterprise = enterprise
        orgPath = [enterprise.city, enterprise.jurisdictionUnit, enterprise.name]
        self.period = period
        self.asOf = asOf

        let periods = period.trailing(request.trendPeriods)
        let assessments = submissions.filter { $0.kind == .ankangCupAssessment && $0.scoreTotal != nil }
        func latest(in period: ReportPeriod) -> SubmissionFact? { assessments.last { period.contains($0.date) } }
        assessment = latest(in: period).flatMap { fact in
            guard let json = fact.scoreJSON, let score = try? StoredJSON.decoder().decode(Score.self, from: Data(json.utf8)) else { return nil }
            return AssessmentResult(submissionID: UUIDText.lowercased(fact.id), date: fact.date, score: score)
        }
        scoreTrend = periods.map { PeriodScore(period: $0.label, total: latest(in: $0)?.scoreTotal) }

        let counter = CoverageCounter(schedules: context.schedules, records: submissions.filter { period.contains($0.date) },
                                      enterprises: [enterprise], includeSilentEnterprises: true)
        let coverage = counter.coverage(in: period)
        let expected = coverage.reduce(0) { $0 + $1.expected }
        monitoring = MonitoringResult(
            records: submissions.count { $0.kind == .monitoringRecord && period.contains($0.date) }, coverage: coverage,
            coverageRate: Statistics.rate(coverage.reduce(0) { $0 + $1.received }, expected), missing: counter.missing(in: period))

        let open = hazards.filter { $0.isOpen(on: asOf) }
        let oldest = open.sorted { ($0.foundOn, $0.hazardID, $0.submissionID) < ($1.foundOn, $1.hazardID, $1.submissionID) }.prefix(5).map { hazard in
            HazardLine(
                enterpriseKey: enterpriseKey, enterpriseName: enterprise.name, hazardID: hazard.hazardID,
                submissionID: UUIDText.lowercased(hazard.submissionID), grade: hazard.grade, description: hazard.description,
                location: hazard.location, foundOn: hazard.foundOn, deadline: hazard.deadline,
                daysOverdue: hazard.isOverdue(on: asOf) ? asOf.daysSince(hazard.deadline!) : 0, responsiblePerson: hazard.responsiblePerson,
                status: hazard.status, escalated: hazard.escalated)
        }
        openHazards = OpenHazards(general: open.count { $0.grade == .general }, major: open.count { $0.grade == .major },
                                  overdue: open.count { $0.isOverdue(on: asOf) }, oldest: oldest)
        rectification = RectificationPerformance(cohort: hazards.filter { period.contains($0.foundOn) }.map(context.span), asOf: asOf, graceDays: context.timing.verificationGraceDays)

        let activities = facts.activities.filter { mine($0.enterpriseKey) && period.contains($0.date) }
        let codes = Set(activities.map(\.code)).sorted()
        self.activities = ActivityResult(completed: codes.count, codes: codes, participants: activities.reduce(0) { $0 + $1.participants })
        accidents = facts.accidents.filter { mine($0.enterpriseKey) && period.contains($0.date) }
        violations = facts.violations.filter { mine($0.enterpriseKey) && period.contains($0.date) }.reduce(0) { $0 + $1.count }
        violationsPer100Workers = enterprise.employees > 0 ? Double(violations) * 100 / Double(enterprise.employees) : nil

        // Ranks: each enterprise's latest total in the period.
        var latestTotals: [String: PeerScore] = [:]
        for peer in facts.peerScores where period.contains(peer.date) { latestTotals[peer.enterpriseKey] = peer }
        func rank(_ within: String, _ sameGroup: (PeerScore) -> Bool) -> Rank? {
            guard let own = latestTotals[enterpriseKey] else { return nil }
            let group = latestTotals.values.filter(sameGroup)
            return Rank(position: 1 + group.count { $0.total > own.total }, of: group.count, within: within)
        }
        let division = String(enterprise.industry.prefix(3))
        rankInUnit = rank(enterprise.jurisdictionUnit) { $0.jurisdictionUnit == enterprise.jurisdictionUnit }
        rankInIndustry = rank(division) { $0.industry.hasPrefix(division) }

        openNotices = facts.notices.filter { mine($0.enterpriseKey) && ($0.openFindings > 0 || $0.repliedOn == nil) && $0.issuedOn <= asOf }
    }
}

/// Enterprises to watch: the score fell two periods running, or overdue hazards grew.
public struct Watchlist: Sendable, Hashable, Codable {
    public var period: ReportPeriod
    public var entries: [WatchlistEntry]

    /// Builds the watchlist from facts read with `request.scope(enterprise: nil)`.
    public init(_ request: ScorecardRequest, facts: ReportFacts, context: ReportContext) {
        period = request.period
        let periods = request.period.trailing(3)
        let asOf = min(request.period.to, request.today)
        let previousEnd = periods[1].to
        let hazards = Dictionary(grouping: facts.hazards.map(context.withDeadline), by: \.enterpriseKey)
        let assessments = Dictionary(grouping: facts.submissions.filter { $0.kind == .ankangCupAssessment && $0.scoreTotal != nil },
                                     by: \.enterpriseKey)
        entries = facts.enterprises.compactMap { enterprise in
            let totals = periods.map { period in assessments[enterprise.key]?.last { period.contains($0.date) }?.scoreTotal }
            let fell: Bool
            if let first = totals[0], let second = totals[1], let third = totals[2] { fell = second < first && third < second } else { fell = false }
            let overdueNow = hazards[enterprise.key]?.count { $0.isOverdue(on: asOf) } ?? 0
            let overdueBefore = hazards[enterprise.key]?.count { $0.isOverdue(on: previousEnd) } ?? 0
            guard fell || overdueNow > overdueBefore else { return nil }
            return WatchlistEntry(enterpriseKey: enterprise.key, enterpriseName: enterprise.name, unit: enterprise.jurisdictionUnit,
                                  scores: zip(periods, totals).map { PeriodScore(period: $0.label, total: $1) }, scoreFellTwice: fell,
                                  overdueBefore: overdueBefore, overdueNow: overdueNow)
        }
    }
}

/// One enterprise on the watchlist, and why.
public struct WatchlistEntry: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var enterpriseName: String
    public var unit: String
    /// The last three periods' totals.
    public var scores: [PeriodScore]
    public var scoreFellTwice: Bool
    /// Overdue hazards at the end of the previous period and now.
    public var overdueBefore: Int
    public var overdueNow: Int
}
