import AnkangModel

/// A closed range of calendar dates, both ends included.
public struct ScoringPeriod: Sendable, Hashable, Codable {
    /// The first day.
    public var from: CivilDate
    /// The last day (also the date hazards are judged on).
    public var to: CivilDate

    /// Creates a period; the ends are swapped if given in the wrong order.
    public init(from: CivilDate, to: CivilDate) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    /// Whether `date` lies in the period.
    public func contains(_ date: CivilDate) -> Bool { from <= date && date <= to }

    /// Every day of the period, in order.
    public var days: [CivilDate] { (0...to.daysSince(from)).map { from.adding(days: $0) } }

    /// The period a set of monitoring records and rectification notices speaks about: from the earliest
    /// inspection or issue date to the latest event (record date; notice reply, 复查 or escalation).
    /// `nil` when there is no such submission.
    public static func covering(_ submissions: [Submission]) -> ScoringPeriod? {
        var first: CivilDate?
        var last: CivilDate?
        for submission in submissions {
            let dates: [CivilDate]
            switch submission.body {
            case .assessment: continue
            case let .monitoring(record): dates = [record.date]
            case let .rectification(notice):
                dates = [notice.issuedDate] + notice.verifications.map(\.date) + [notice.enterpriseReply?.date, notice.escalation?.date].compactMap { $0 }
            }
            guard let low = dates.min(), let high = dates.max() else { continue }
            first = first.map { min($0, low) } ?? low
            last = last.map { max($0, high) } ?? high
        }
        guard let first, let last else { return nil }
        return ScoringPeriod(from: first, to: last)
    }
}

/// The explained "1+3" monitoring-compliance score of one enterprise over one period.
public struct ComplianceScore: Sendable, Hashable, Codable {
    /// The profile used.
    public var profileId: String
    /// Its version.
    public var profileVersion: String
    /// The enterprise's name, when known.
    public var enterprise: String?
    /// The period scored; hazards are judged on its last day.
    public var period: ScoringPeriod
    /// The score 0…100 rounded to 0.1; `nil` when no weighted metric has any data.
    public var total: Double?
    /// The same before rounding.
    public var rawTotal: Double?
    /// The metrics in profile order.
    public var metrics: [MetricResult]
    /// Coverage per tier in profile order.
    public var tiers: [TierCoverage]
    /// Mean days from discovery to close-out, per grade with closed findings.
    public var closureTimes: [ClosureTime]
    /// The metric targets met or missed (metrics without data are not judged).
    public var targets: [GateResult]
    /// The grade band; `nil` when there is no total.
    public var grade: GradeResult?
    /// Every point lost, by unit, finding or metric.
    public var explanation: [ScoreExplanationLine]

    /// Creates a compliance score (the scorer does this).
    public init(
        profileId: String, profileVersion: String, enterprise: String?, period: ScoringPeriod, total: Double?, rawTotal: Double?,
        metrics: [MetricResult], tiers: [TierCoverage], closureTimes: [ClosureTime], targets: [GateResult], grade: GradeResult?,
        explanation: [ScoreExplanationLine]
    ) {
        self.profileId = profileId
        self.profileVersion = profileVersion
        self.enterprise = enterprise
        self.period = period
        self.total = total
        self.rawTotal = rawTotal
        self.metrics = metrics
        self.tiers = tiers
        self.closureTimes = closureTimes
        self.targets = targets
        self.grade = grade
        self.explanation = explanation
    }

    /// The result of one metric, if the profile has it.
    public func metric(_ metric: ComplianceMetric) -> MetricResult? { metrics.first { $0.metric == metric } }
}

/// One compliance metric's figures.
public struct MetricResult: Sendable, Hashable, Codable {
    /// The metric.
    public var metric: ComplianceMetric
    /// Its name.
    public var label: LocalizedText
    /// Its weight in the profile.
    public var weight: Double
    /// Its weight after normalisation to 100 over the metrics with data (rounded; 0 without data).
    public var effectiveWeight: Double
    /// The count on top of the fraction (records received, findings closed, …; violations).
    public var numerator: Int
    /// The count below it (records expected, findings due, …; workers).
    public var denominator: Int
    /// The value rounded to 0.1: a percentage for rates, per 100 workers for violations; `nil` without data.
    public var value: Double?
    /// The target on the same scale as `value`, if any.
    public var target: Double?
    /// Whether the target is met; `nil` without target or data.
    public var targetMet: Bool?
    /// Points contributed to the total (rounded).
    public var points: Double

    /// Creates a metric result.
    public init(
        metric: ComplianceMetric, label: LocalizedText, weight: Double, effectiveWeight: Double, numerator: Int, denominator: Int,
        value: Double?, target: Double?, targetMet: Bool?, points: Double
    ) {
        self.metric = metric
        self.label = label
        self.weight = weight
        self.effectiveWeight = effectiveWeight
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
        self.target = target
        self.targetMet = targetMet
        self.points = points
    }
}

/// Records expected and received at one monitoring tier.
public struct TierCoverage: Sendable, Hashable, Codable {
    /// The tier.
    public var level: TierLevel
    /// The tier's label in the profile.
    public var label: LocalizedText
    /// How often each unit must file.
    public var frequency: MonitoringFrequency
    /// Units expected to file: from the roster, or else those that filed at least one record.
    public var units: Int
    /// Whether `units` came from a roster rather than from the records.
    public var rosterGiven: Bool
    /// Records expected: units × slots (working days, weeks, …) in the period.
    public var expected: Int
    /// Slots with a record, per unit, summed (several records in one slot count once).
    public var received: Int

    /// Creates a tier coverage.
    public init(level: TierLevel, label: LocalizedText, frequency: MonitoringFrequency, units: Int, rosterGiven: Bool, expected: Int, received: Int) {
        self.level = level
        self.label = label
        self.frequency = frequency
        self.units = units
        self.rosterGiven = rosterGiven
        self.expected = expected
        self.received = received
    }
}

/// Mean time to close out the findings of one grade.
public struct ClosureTime: Sendable, Hashable, Codable {
    /// The grade.
    public var grade: HazardGrade
    /// Findings of the grade closed out by the end of the period.
    public var closed: Int
    /// Mean days from discovery to close-out (rounded).
    public var meanDays: Double

    /// Creates a closure time.
    public init(grade: HazardGrade, closed: Int, meanDays: Double) {
        self.grade = grade
        self.closed = closed
        self.meanDays = meanDays
    }
}
