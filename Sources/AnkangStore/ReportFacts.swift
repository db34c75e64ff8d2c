import AnkangModel
import Foundation

/// Which part of the log a report reads: a date window and a slice of the union hierarchy.
public struct ReportScope: Sendable, Hashable {
    /// First day of the window (inclusive).
    public var from: CivilDate
    /// Last day of the window (inclusive).
    public var to: CivilDate
    /// Only this city (name).
    public var city: String?
    /// Only this township, park or system union (name).
    public var jurisdictionUnit: String?
    /// Only this enterprise (its key or its name).
    public var enterprise: String?
    /// Only this workshop (name); applies to monitoring records and the hazards they found.
    public var workshop: String?
    /// Only this team (name); applies to monitoring records and the hazards they found.
    public var team: String?
    /// Only enterprises whose GB/T 4754 code starts with this (a section letter such as `C`, or a division such as `C34`).
    public var industryPrefix: String?
    /// Also read each assessment's explained score (large; a scorecard needs it, a city-wide trend report does not).
    public var withScoreDetails: Bool
    /// Submissions are read from this day (default `from`): a trend report needs hazards a year back, submissions not.
    public var submissionsFrom: CivilDate?
    /// Item results, violations, accidents, activities and notices are read from this day (default `from`).
    public var eventsFrom: CivilDate?
    /// Read every assessment score of the city from this day on, whatever the slice (for ranks); nil: none.
    public var peersFrom: CivilDate?
    /// Read the rectification notices issued in the window (a scorecard lists the open ones; a trend report has no use for them).
    public var withNotices: Bool

    /// Creates a scope.
    public init(
        from: CivilDate, to: CivilDate, city: String? = nil, jurisdictionUnit: String? = nil, enterprise: String? = nil, workshop: String? = nil,
        team: String? = nil, industryPrefix: String? = nil, withScoreDetails: Bool = false, submissionsFrom: CivilDate? = nil,
        eventsFrom: CivilDate? = nil, peersFrom: CivilDate? = nil, withNotices: Bool = false
    ) {
        self.from = from
        self.to = to
        self.city = city
        self.jurisdictionUnit = jurisdictionUnit
        self.enterprise = enterprise
        self.workshop = workshop
        self.team = team
        self.industryPrefix = industryPrefix
        self.withScoreDetails = withScoreDetails
        self.submissionsFrom = submissionsFrom
        self.eventsFrom = eventsFrom
        self.peersFrom = peersFrom
        self.withNotices = withNotices
    }
}

/// The rows a report is computed from, read in one go for a ``ReportScope``. Superseded submissions are
/// left out; hazards carry the status their rectification and verification records give them.
public struct ReportFacts: Sendable, Hashable {
    /// Enterprises in the slice, as last reported.
    public var enterprises: [EnterpriseFact]
    /// Submissions dated in the window.
    public var submissions: [SubmissionFact]
    /// Hazards found on or before the window's end and not closed before its start, in no particular order
    /// (sorting half a million wide rows in SQL cost more than the rest of their read).
    public var hazards: [HazardFact]
    /// Checklist items judged 不符合 (non-compliant) in the window, in no particular order.
    public var failedItems: [ItemFact]
    /// 三违 violations recorded in the window, in no particular order.
    public var violations: [ViolationFact]
    /// Accidents dated in the window, once per enterprise and accident id.
    public var accidents: [AccidentFact]
    /// "十个一" activities dated in the window, in no particular order.
    public var activities: [ActivityFact]
    /// Rectification notices issued in the window (with ``ReportScope/withNotices``).
    public var notices: [NoticeFact]
    /// Assessment scores across the city from ``ReportScope/peersFrom`` on, whatever the slice (for ranks): all of
    /// them, or, for one enterprise, those of its unit and its industry division.
    public var peerScores: [PeerScore]

    /// Creates facts.
    public init(
        enterprises: [EnterpriseFact] = [], submissions: [SubmissionFact] = [], hazards: [HazardFact] = [], failedItems: [ItemFact] = [],
        violations: [ViolationFact] = [], accidents: [AccidentFact] = [], activities: [ActivityFact] = [], notices: [NoticeFact] = [], peerScores: [PeerScore] = []
    ) {
        self.enterprises = enterprises
        self.submissions = submissions
        self.hazards = hazards
        self.failedItems = failedItems
        self.violations = violations
        self.accidents = accidents
        self.activities = activities
        self.notices = notices
        self.peerScores = peerScores
    }
}

/// An assessment score, for ranking an enterprise among its peers.
public struct PeerScore: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var jurisdictionUnit: String
    public var industry: String
    public var date: CivilDate
    public var total: Double
}

/// An enterprise as last reported.
public struct EnterpriseFact: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var creditCode: String?
    public var orgCode: String?
    /// GB/T 4754 code, e.g. `C1810`.
    public var industry: String
    public var city: String
    public var jurisdictionLevel: OrgLevel
    public var jurisdictionUnit: String
    /// 规模以上企业.
    public var aboveScale: Bool
    public var employees: Int
}

/// A stored submission, without its documents.
public struct SubmissionFact: Sendable, Hashable, Codable {
    public var id: UUID
    public var kind: DocumentKind
    public var enterpriseKey: String
    public var date: CivilDate
    /// Monitoring records: the tier and the unit monitored.
    public var tier: TierLevel?
    public var workshop: String?
    public var team: String?
    /// Assessments: the total, grade band and profile.
    public var scoreTotal: Double?
    public var grade: String?
    public var profileID: String?
    /// The explained score as JSON, when the scope asked for it.
    public var scoreJSON: String?
}

/// A hazard with its derived status.
public struct HazardFact: Sendable, Hashable, Codable {
    public var submissionID: UUID
    public var hazardID: String
    public var enterpriseKey: String
    public var workshop: String?
    public var team: String?
    public var grade: HazardGrade
    public var nature: HazardNature
    public var accidentType: AccidentType
    public var checklistItem: String?
    public var category: String?
    public var location: String
    public var description: String
    public var foundOn: CivilDate
    public var deadline: CivilDate?
    public var responsiblePerson: String?
    public var status: RectificationStatus
    public var closedOn: CivilDate?
    /// A notice following it up was escalated (挂牌督办).
    public var escalated: Bool
}

/// A checklist item judged in a submission.
public struct ItemFact: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var date: CivilDate
    public var code: String
    public var category: String
}

/// A 三违 violation count from a monitoring record.
public struct ViolationFact: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var date: CivilDate
    public var type: ViolationType
    public var count: Int
}

/// An accident reported in an assessment.
public struct AccidentFact: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var accidentID: String
    public var date: CivilDate
    public var type: AccidentType
    public var severity: InjurySeverity
    public var level: AccidentLevel
    public var persons: Int
}

/// A "十个一" activity reported in an assessment.
public struct ActivityFact: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var date: CivilDate
    public var code: String
    public var participants: Int
}

/// A rectification notice (整改通知/建议书) with its reply and escalation.
public struct NoticeFact: Sendable, Hashable, Codable {
    public var submissionID: UUID
    public var enterpriseKey: String
    public var noticeNo: String
    public var kind: NoticeKind
    public var issuedOn: CivilDate
    public var repliedOn: CivilDate?
    public var escalatedOn: CivilDate?
    public var escalatedTo: String?
    /// Findings of the notice not yet closed by a passed follow-up.
    public var openFindings: Int
}

// MARK: - The queries, written once for both dialects

/// The SQL dialect a report query is written for.
enum SQLDialect {
    case sqlite, postgres

    /// Column types in this dialect's DDL: text, a calendar date, an instant (UTC), a UUID, a flag.
    var textType: String { self == .sqlite ? "TEXT" : "text" }
    var dateType: String { self == .sqlite ? "TEXT" : "date" }
    var instantType: String { self == .sqlite ? "TEXT" : "timestamptz" }
    var uuidType: String { self == .sqlite ? "TEXT" : "uuid" }
    var flagType: String { self == .sqlite ? "INTEGER" : "boolean" }

    /// A column read as text or as a number. SQLite's reader takes each value in the type it asks for;
    /// PostgreSQL's reads text, so the value is cast to it.
    func text(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "(\(column))::text"
        }
    }

    /// A calendar date as its day number (days since 1970-01-01): no date text to parse per row.
    func day(_ column: String) -> String {
        switch self {
        case .sqlite: "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)"
        case .postgres: "((\(column))::date - DATE '1970-01-01')::text"
        }
    }

    /// A flag as 1 or 0.
    func flag(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "(\(column))::int::text"
        }
    }

    /// The placeholder of the `index`-th (1-based) bound value, compared as the column's type.
    func placeholder(_ index: Int, date: Bool = false) -> String {
        switch self {
        case .sqlite: "?"
        case .postgres: date ? "$\(index)::date" : "$\(index)"
        }
    }
}

/// Runs report queries against one database.
protocol ReportRowReader: Sendable {
    /// The query's rows, decoded.
    func read<Fact: Sendable>(_ query: ReportQuery<Fact>) async throws -> [Fact]
}

/// One query of the report facts: its SQL, its text arguments, and how a row becomes a fact.
struct ReportQuery<Fact>: Sendable {
    let sql: String
    let arguments: [String]
    let decode: @Sendable (any ReportRow) throws -> Fact
}

/// One row of a report query, its columns read by position, as text or as an integer (numbers, flags,
/// and dates, which arrive as day numbers: ``SQLDialect/day(_:)``).
protocol ReportRow {
    /// The column as text; nil when NULL.
    subscript(_ index: Int) -> String? { get }
    /// The column as an integer; nil when NULL.
    func integer(_ index: Int) -> Int?
}

/// A row read as texts (PostgreSQL's reader).
extension Array: ReportRow where Element == String? {
    func integer(_ index: Int) -> Int? { self[index].flatMap { Int($0) } }
}

/// Builds the report queries for a scope and a dialect, and assembles their rows into ``ReportFacts``.
struct ReportQueries {
    let scope: ReportScope
    let dialect: SQLDialect

    init(scope: ReportScope, dialect: SQLDialect) {
        self.scope = scope
        self.dialect = dialect
    }

    /// The same queries with the scope's enterprise replaced by its resolved key.
    private init(scope: ReportScope, dialect: SQLDialect, enterprise key: String) {
        var resolved = scope
        resolved.enterprise = key
        self.init(scope: resolved, dialect: dialect)
    }

    /// The slice conditions on an enterprise alias `e`, the driving table's enterprise key column `key`
    /// (so an enterprise's rows are found through that table's index) and a submission alias `s`, with
    /// their arguments, numbering placeholders from `after + 1`. The scope's enterprise is a key by now
    /// (``facts(from:)`` resolves a name first).
    private func slice(key: String, submission s: String?, after: Int, unitLevel: Bool = false) -> (sql: String, arguments: [String]) {
        var conditions: [String] = []
        var arguments: [String] = []
        func bind(_ condition: (String) -> String, _ value: String) {
            arguments.append(value)
            conditions.append(condition(dialect.placeholder(after + arguments.count)))
        }
        if let city = scope.city { bind({ "e.city = \($0)" }, city) }
        if let unit = scope.jurisdictionUnit { bind({ "e.jurisdiction_unit = \($0)" }, unit) }
        if let enterprise = scope.enterprise { bind({ "\(key) = \($0)" }, enterprise) }
        if let prefix = scope.industryPrefix { bind({ "e.industry LIKE \($0)" }, prefix.replacingOccurrences(of: "%", with: "") + "%") }
        if let s, !unitLevel {
            if let workshop = scope.workshop { bind({ "\(s).workshop = \($0)" }, workshop) }
            if let team = scope.team { bind({ "\(s).team = \($0)" }, team) }
        }
        return (conditions.map { " AND " + $0 }.joined(), arguments)
    }

    /// The join that brings in the enterprise alias `e` for a fact table whose enterprise key is `column`,
    /// or nothing when no slice condition names `e` (every fact's enterprise is stored with it). A slice of
    /// a few enterprises reads through the fact table's enterprise index (SQLite's own choice); with
    /// `factTableFirst`, a slice wider than one unit scans the fact table and looks each enterprise up
    /// (`CROSS JOIN` fixes that order in SQLite): hopping through the index touched every page of a large
    /// table many times, and the city-wide hazards read took 1.6 s instead of 0.5 s.
    private func enterprises(joinedOn column: String, factTableFirst: Bool = false) -> String {
        guard scope.city != nil || scope.jurisdictionUnit != nil || scope.industryPrefix != nil else { return "" }
        let join = factTableFirst && isWide && dialect == .sqlite ? "CROSS JOIN" : "JOIN"
        return " \(join) enterprises e ON e.key = \(column)"
    }

    /// Whether the slice is wider than one township, park or system union.
    private var isWide: Bool { scope.enterprise == nil && scope.jurisdictionUnit == nil }

    private func window(_ column: String, first: Int) -> String {
        "\(column) >= \(dialect.placeholder(first, date: true)) AND \(column) <= \(dialect.placeholder(first + 1, date: true))"
    }

    private func windowArguments(from: CivilDate? = nil) -> [String] { [(from ?? scope.from).isoString, scope.to.isoString] }

    var enterprises: ReportQuery<EnterpriseFact> {
        let (conditions, arguments) = slice(key: "e.key", submission: nil, after: 0)
        return ReportQuery(
            sql: """
                SELECT e.key, e.name, e.credit_code, e.org_code, e.industry, e.city, e.jurisdiction_level, e.jurisdiction_unit,
                       \(dialect.flag("e.above_scale")), \(dialect.text("e.employees"))
                FROM enterprises e WHERE 1 = 1\(conditions) ORDER BY e.key
                """,
            arguments: arguments,
            decode: { c in
                try EnterpriseFact(
                    key: c.text(0), name: c.text(1), creditCode: c[2], orgCode: c[3], industry: c.text(4), city: c.text(5),
                    jurisdictionLevel: c.value(6), jurisdictionUnit: c.text(7), aboveScale: c.bool(8), employees: c.int(9))
            })
    }

    var submissions: ReportQuery<SubmissionFact> {
        let (conditions, arguments) = slice(key: "s.enterprise_key", submission: "s", after: 2)
        let details = scope.withScoreDetails ? dialect.text("s.score_json") : "NULL"
        return ReportQuery(
            sql: """
                SELECT \(dialect.text("s.id")), s.kind, s.enterprise_key, \(dialect.day("s.inspection_date")), s.tier, s.workshop, s.team,
                       \(dialect.text("s.score_total")), s.grade, s.profile_id, \(details)
                FROM current_submissions s\(enterprises(joinedOn: "s.enterprise_key"))
                WHERE \(window("s.inspection_date", first: 1))\(conditions)
                ORDER BY s.inspection_date, s.seq
                """,
            arguments: windowArguments(from: scope.submissionsFrom) + arguments,
            decode: { c in
                try SubmissionFact(
                    id: c.uuid(0), kind: c.value(1), enterpriseKey: c.text(2), date: c.date(3), tier: c.optionalValue(4), workshop: c[5],
                    team: c[6], scoreTotal: c[7].flatMap(Double.init), grade: c[8], profileID: c[9], scoreJSON: c[10])
            })
    }

    /// Into how many parts the hazards read is split, each on its own connection: on SQLite, a slice wider
    /// than one unit has hundreds of thousands, and decoding them on one connection was the read that
    /// finished last, long after the others.
    var hazardParts: Int { dialect == .sqlite && isWide ? 2 : 1 }

    /// Part `part` (of `parts`) of the hazards.
    func hazards(part: Int, of parts: Int) -> ReportQuery<HazardFact> {
        var (conditions, arguments) = slice(key: "st.enterprise_key", submission: "st", after: 2)
        if parts > 1 { conditions += " AND st.rowid % \(parts) = \(part)" }
        return ReportQuery(
            sql: """
                SELECT \(dialect.text("st.submission_id")), st.hazard_id, st.enterprise_key, st.workshop, st.team, st.grade, st.nature, st.accident_type,
                       st.checklist_item, st.category, st.location, st.description, \(dialect.day("st.found_date")), \(dialect.day("st.deadline")),
                       st.responsible_person, st.status, \(dialect.day("st.closed_date")), \(dialect.flag("st.escalated"))
                FROM hazard_state st\(enterprises(joinedOn: "st.enterprise_key", factTableFirst: true))
                WHERE st.found_date <= \(dialect.placeholder(1, date: true))
                  AND (st.closed_date IS NULL OR st.closed_date >= \(dialect.placeholder(2, date: true)))\(conditions)
                """,
            arguments: [scope.to.isoString, scope.from.isoString] + arguments,
            decode: { c in
                try HazardFact(
                    submissionID: c.uuid(0), hazardID: c.text(1), enterpriseKey: c.text(2), workshop: c[3], team: c[4], grade: c.value(5),
                    nature: c.value(6), accidentType: c.value(7), checklistItem: c[8], category: c[9], location: c.text(10),
                    description: c.text(11), foundOn: c.date(12), deadline: c.optionalDate(13), responsiblePerson: c[14],
                    status: c.value(15), closedOn: c.optionalDate(16), escalated: c.bool(17))
            })
    }

    var failedItems: ReportQuery<ItemFact> {
        let (conditions, arguments) = slice(key: "s.enterprise_key", submission: "s", after: 2)
        return ReportQuery(
            sql: """
                SELECT s.enterprise_key, \(dialect.day("s.inspection_date")), i.code, i.category
                FROM item_results i JOIN current_submissions s ON s.id = i.submission_id\(enterprises(joinedOn: "s.enterprise_key"))
                WHERE \(window("s.inspection_date", first: 1)) AND i.result = 'nonCompliant'\(conditions)
                """,
            arguments: windowArguments(from: scope.eventsFrom) + arguments,
            decode: { c in try ItemFact(enterpriseKey: c.text(0), date: c.date(1), code: c.text(2), category: c.text(3)) })
    }

    var violations: ReportQuery<ViolationFact> {
        let (conditions, arguments) = slice(key: "s.enterprise_key", submission: "s", after: 2)
        return ReportQuery(
            sql: """
                SELECT s.enterprise_key, \(dialect.day("s.inspection_date")), v.type, \(dialect.text("v.count"))
                FROM violations v JOIN current_submissions s ON s.id = v.submission_id\(enterprises(joinedOn: "s.enterprise_key"))
                WHERE \(window("s.inspection_date", first: 1))\(conditions)
                """,
            arguments: windowArguments(from: scope.eventsFrom) + arguments,
            decode: { c in try ViolationFact(enterpriseKey: c.text(0), date: c.date(1), type: c.value(2), count: c.int(3)) })
    }

    var accidents: ReportQuery<AccidentFact> {
        let (conditions, arguments) = slice(key: "s.enterprise_key", submission: "s", after: 2, unitLevel: true)
        return ReportQuery(
            sql: """
                SELECT DISTINCT s.enterprise_key, a.accident_id, \(dialect.day("a.date")), a.type, a.severity, a.level, \(dialect.text("a.persons"))
                FROM accidents a JOIN current_submissions s ON s.id = a.submission_id\(enterprises(joinedOn: "s.enterprise_key"))
                WHERE \(window("a.date", first: 1))\(conditions)
                ORDER BY 3, 1, 2
                """,
            arguments: windowArguments(from: scope.eventsFrom) + arguments,
            decode: { c in
                try AccidentFact(enterpriseKey: c.text(0), accidentID: c.text(1), date: c.date(2), type: c.value(3), severity: c.value(4),
                                 level: c.value(5), persons: c.int(6))
            })
    }

    var activities: ReportQuery<ActivityFact> {
        let (conditions, arguments) = slice(key: "s.enterprise_key", submission: "s", after: 2, unitLevel: true)
        return ReportQuery(
            sql: """
                SELECT s.enterprise_key, \(dialect.day("a.date")), a.code, \(dialect.text("a.participants"))
                FROM activities a JOIN current_submissions s ON s.id = a.submission_id\(enterprises(joinedOn: "s.enterprise_key"))
                WHERE \(window("a.date", first: 1))\(conditions)
                """,
            arguments: windowArguments(from: scope.eventsFrom) + arguments,
            decode: { c in try ActivityFact(enterpriseKey: c.text(0), date: c.date(1), code: c.text(2), participants: c.int(3)) })
    }

    var notices: ReportQuery<NoticeFact> {
        let (conditions, arguments) = slice(key: "n.enterprise_key", submission: "s", after: 2, unitLevel: true)
        return ReportQuery(
            sql: """
                SELECT \(dialect.text("n.submission_id")), n.enterprise_key, n.notice_no, n.kind, \(dialect.day("n.issued_date")), \(dialect.day("n.reply_date")),
                       \(dialect.day("n.escalation_date")), n.escalated_to,
                       \(dialect.text("""
                           (SELECT COUNT(*) FROM rectification_findings f JOIN hazard_state h
                              ON h.submission_id = f.hazard_submission_id AND h.hazard_id = f.hazard_id
                            WHERE f.submission_id = n.submission_id AND h.status <> 'closed')
                           """))
                FROM notices n JOIN current_submissions s ON s.id = n.submission_id\(enterprises(joinedOn: "n.enterprise_key"))
                WHERE \(window("n.issued_date", first: 1))\(conditions)
                ORDER BY n.issued_date, n.notice_no
                """,
            arguments: windowArguments() + arguments,
            decode: { c in
                try NoticeFact(
                    submissionID: c.uuid(0), enterpriseKey: c.text(1), noticeNo: c.text(2), kind: c.value(3), issuedOn: c.date(4),
                    repliedOn: c.optionalDate(5), escalatedOn: c.optionalDate(6), escalatedTo: c[7], openFindings: c.int(8))
            })
    }

    var peerScores: ReportQuery<PeerScore> {
        var arguments = windowArguments(from: scope.peersFrom)
        var conditions = ""
        if let name = scope.city {
            arguments.append(name)
            conditions += " AND e.city = \(dialect.placeholder(arguments.count))"
        }
        // For one enterprise, only its peers (its unit and its industry division): the enterprises are read
        // first (CROSS JOIN keeps that order in SQLite) and each one's scores come from its few rows in the
        // `submissions_assessments` index. For the whole city, every score of the window, by date.
        var from = "current_submissions s JOIN enterprises e ON e.key = s.enterprise_key"
        if let key = scope.enterprise {
            arguments += [key, key]
            from = "enterprises e CROSS JOIN current_submissions s"
            conditions += """
                 AND s.enterprise_key = e.key
                 AND (e.jurisdiction_unit = (SELECT jurisdiction_unit FROM enterprises WHERE key = \(dialect.placeholder(arguments.count - 1)))
                      OR substr(e.industry, 1, 3) = (SELECT substr(industry, 1, 3) FROM enterprises WHERE key = \(dialect.placeholder(arguments.count))))
                """
        }
        return ReportQuery(
            sql: """
                SELECT s.enterprise_key, e.jurisdiction_unit, e.industry, \(dialect.day("s.inspection_date")), \(dialect.text("s.score_total"))
                FROM \(from)
                WHERE s.kind = 'ankangCupAssessment' AND s.score_total IS NOT NULL AND \(window("s.inspection_date", first: 1))\(conditions)
                ORDER BY s.inspection_date, s.seq
                """,
            arguments: arguments,
            decode: { c in
                guard let total = try Double(c.text(4)) else { throw StoreError(.other, "report column 4 is not a number") }
                return try PeerScore(enterpriseKey: c.text(0), jurisdictionUnit: c.text(1), industry: c.text(2), date: c.date(3), total: total)
            })
    }

    /// Resolves the scope's enterprise (a key or a name) to its key, or nil when there is none.
    private var enterpriseKey: ReportQuery<String> {
        ReportQuery(
            sql: """
                SELECT key FROM enterprises WHERE key = \(dialect.placeholder(1)) OR name = \(dialect.placeholder(2))
                ORDER BY CASE WHEN key = \(dialect.placeholder(3)) THEN 0 ELSE 1 END, key
                """,
            arguments: Array(repeating: scope.enterprise ?? "", count: 3),
            decode: { c in try c.text(0) })
    }

    /// Runs every query through `reader` (one database read each) and assembles the facts.
    func facts(from reader: some ReportRowReader) async throws -> ReportFacts {
        var resolved = self
        if scope.enterprise != nil {
            guard let key = try await reader.read(enterpriseKey).first else { return ReportFacts() }
            resolved = ReportQueries(scope: scope, dialect: dialect, enterprise: key)
        }
        let queries = resolved
        // Independent reads: they run at once, on as many connections as the pool gives.
        let hazardParts = queries.hazardParts
        async let hazards = reader.read(queries.hazards(part: 0, of: hazardParts))
        async let moreHazards = hazardParts > 1 ? reader.read(queries.hazards(part: 1, of: hazardParts)) : []
        async let enterprises = reader.read(queries.enterprises)
        async let submissions = reader.read(queries.submissions)
        async let failedItems = reader.read(queries.failedItems)
        async let violations = reader.read(queries.violations)
        async let accidents = reader.read(queries.accidents)
        async let activities = reader.read(queries.activities)
        async let notices = scope.withNotices ? reader.read(queries.notices) : []
        async let peerScores = scope.peersFrom == nil ? [] : reader.read(queries.peerScores)
        var allHazards = try await hazards
        allHazards.append(contentsOf: try await moreHazards)
        return ReportFacts(
            enterprises: try await enterprises, submissions: try await submissions, hazards: allHazards,
            failedItems: try await failedItems, violations: try await violations, accidents: try await accidents,
            activities: try await activities, notices: try await notices, peerScores: try await peerScores)
    }
}

/// Reading typed values out of a row.
extension ReportRow {
    fileprivate func text(_ index: Int) throws -> String {
        guard let value = self[index] else { throw StoreError(.other, "report column \(index) is NULL") }
        return value
    }

    fileprivate func int(_ index: Int) throws -> Int {
        guard let value = integer(index) else { throw StoreError(.other, "report column \(index) is not an integer") }
        return value
    }

    fileprivate func bool(_ index: Int) throws -> Bool {
        try int(index) != 0
    }

    fileprivate func uuid(_ index: Int) throws -> UUID {
        guard let value = try UUIDText.parse(text(index)) else { throw StoreError(.other, "report column \(index) is not a UUID") }
        return value
    }

    fileprivate func date(_ index: Int) throws -> CivilDate {
        CivilDate(daysSinceEpoch: try int(index))
    }

    fileprivate func optionalDate(_ index: Int) throws -> CivilDate? {
        try integer(index) == nil ? nil : date(index)
    }

    fileprivate func value<T: RawRepresentable>(_ index: Int) throws -> T where T.RawValue == String {
        guard let value = try T(rawValue: text(index)) else { throw StoreError(.other, "report column \(index): unknown value \(self[index] ?? "")") }
        return value
    }

    fileprivate func optionalValue<T: RawRepresentable>(_ index: Int) throws -> T? where T.RawValue == String {
        try self[index] == nil ? nil : value(index) as T
    }
}
