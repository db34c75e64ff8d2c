import AnkangModel
import AnkangStore

/// The hazard trend report (隐患趋势分析) for a period and a slice of the union hierarchy: the one model
/// every format (HTML, CSV, XLSX, JSON) renders. Counts are hazards unless said otherwise; fractions are
/// 0…1; dates are ISO 8601 civil dates (Asia/Shanghai).
public struct TrendReport: Sendable, Hashable, Codable {
    /// What was asked: period, buckets, slice, and the day open/overdue states are judged on.
    public var scope: TrendScope
    /// One row per bucket (month, quarter or year), with the same bucket a year earlier.
    public var buckets: [BucketRow]
    /// Hazards found in the period by grade, nature, GB 6441 accident type, checklist category and industry section.
    public var breakdowns: [Breakdown]
    /// By township / park / system union.
    public var byUnit: [PlaceRow]
    /// Open hazards per 100 workers at each bucket's end, per unit (rows follow `byUnit`).
    public var heat: [[Double?]]
    /// By enterprise, most hazards found first.
    public var byEnterprise: [PlaceRow]
    /// Rectification of the hazards found in the period, judged on `scope.asOf`.
    public var performance: RectificationPerformance
    /// Hazards open past their deadline on `scope.asOf` (any found date), most overdue first.
    public var overdue: [HazardLine]
    /// 重大 hazards followed up by an escalated notice (挂牌督办), or still open, in the period.
    public var escalatedMajors: [HazardLine]
    /// The ten checklist items failed most often in the period.
    public var recurringItems: [RecurringItem]
    /// Enterprises that failed the same item in three or more consecutive buckets.
    public var repeatFailures: [RepeatFailure]
    /// 三违 violations.
    public var violations: ViolationSummary
    /// Accidents by GB 6441 type and injury severity.
    public var accidents: AccidentSummary
    /// "1+3" monitoring coverage over the whole period, per tier.
    public var coverage: [TierCoverage]
    /// Units short of their records in the period, most missing first.
    public var missingRecords: [MissingRecords]
    /// A verdict per series from the Mann–Kendall test over the buckets.
    public var trends: [SeriesTrend]
}

/// The request behind a trend report.
public struct TrendScope: Sendable, Hashable, Codable {
    public var from: CivilDate
    public var to: CivilDate
    public var granularity: Granularity
    /// The slice: city / unit / enterprise / workshop / team, as far as given.
    public var orgPath: [String]
    /// GB/T 4754 section or division prefix.
    public var industry: String?
    /// The day open and overdue states are judged on: the period's end, or today if earlier.
    public var asOf: CivilDate
    /// Enterprises in the slice.
    public var enterprises: Int
    /// Their workers.
    public var workers: Int
}

/// One bucket of the volume series.
public struct BucketRow: Sendable, Hashable, Codable {
    public var period: ReportPeriod
    public var found: Int
    public var closed: Int
    /// Open at the bucket's end (or on `asOf` if earlier).
    public var openAtEnd: Int
    public var foundYearEarlier: Int
    public var closedYearEarlier: Int
    public var openAtEndYearEarlier: Int
    /// 三违 violations recorded.
    public var violations: Int
    /// Accidents dated in the bucket.
    public var accidents: Int
    /// "1+3" records received and expected, all tiers.
    public var recordsReceived: Int
    public var recordsExpected: Int
}

/// Counts of hazards found in the period by one attribute.
public struct Breakdown: Sendable, Hashable, Codable {
    /// `grade`, `nature`, `accidentType`, `category` or `industry`.
    public var dimension: String
    public var title: LocalizedText
    public var rows: [BreakdownRow]
}

/// One value of a breakdown.
public struct BreakdownRow: Sendable, Hashable, Codable {
    /// The stored code, e.g. `major`, `09`, `E`.
    public var key: String
    public var label: LocalizedText
    public var found: Int
    /// Of those, still open on `asOf`.
    public var open: Int
}

/// Hazards in one place (unit or enterprise).
public struct PlaceRow: Sendable, Hashable, Codable {
    /// Unit name, or enterprise key.
    public var key: String
    public var name: String
    /// The unit an enterprise belongs to (empty for a unit row).
    public var unit: String
    public var enterprises: Int
    public var workers: Int
    public var found: Int
    public var major: Int
    public var openAtEnd: Int
    /// found × 100 ÷ workers.
    public var foundPer100Workers: Double?
    /// openAtEnd × 100 ÷ workers.
    public var openPer100Workers: Double?
}

/// A hazard in a list (overdue, escalated).
public struct HazardLine: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var enterpriseName: String
    public var hazardID: String
    public var submissionID: String
    public var grade: HazardGrade
    public var description: String
    public var location: String
    public var foundOn: CivilDate
    public var deadline: CivilDate?
    /// Days past the deadline on `asOf` (0 if not overdue).
    public var daysOverdue: Int
    public var responsiblePerson: String?
    public var status: RectificationStatus
    public var escalated: Bool
}

/// A checklist item failed often.
public struct RecurringItem: Sendable, Hashable, Codable {
    public var code: String
    public var name: LocalizedText?
    public var category: String
    /// Failures (one per submission).
    public var failures: Int
    /// Distinct enterprises.
    public var enterprises: Int
}

/// An enterprise failing one item in consecutive buckets.
public struct RepeatFailure: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var enterpriseName: String
    public var code: String
    /// The longest run of consecutive buckets, as their labels.
    public var periods: [String]
}

/// 三违 counts.
public struct ViolationSummary: Sendable, Hashable, Codable {
    public var total: Int
    public var byType: [BreakdownRow]
    /// Monitoring records in the period.
    public var records: Int
    /// total × 100 ÷ workers in the slice.
    public var per100Workers: Double?
    /// total ÷ monitoring records.
    public var perRecord: Double?
}

/// Accidents in the period.
public struct AccidentSummary: Sendable, Hashable, Codable {
    public var total: Int
    public var persons: Int
    /// One row per accident type, with counts per severity (minor, serious, fatal).
    public var rows: [AccidentRow]
    /// Fatalities per 1,000 workers (千人死亡率), persons of fatal accidents.
    public var fatalitiesPer1000Workers: Double?
    /// Serious injuries per 1,000 workers (千人重伤率).
    public var seriousInjuriesPer1000Workers: Double?
}

/// Accidents of one type.
public struct AccidentRow: Sendable, Hashable, Codable {
    public var type: AccidentType
    public var label: LocalizedText
    public var minor: Int
    public var serious: Int
    public var fatal: Int
    public var persons: Int
}

/// The trend verdict of one series.
public struct SeriesTrend: Sendable, Hashable, Codable {
    /// `found`, `closed`, `openAtEnd`, `violations`.
    public var series: String
    public var label: LocalizedText
    public var test: TrendTest
}
