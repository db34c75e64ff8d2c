import AnkangModel
import AnkangStore

/// How rectification went for a cohort of hazards, judged on one day (`asOf`).
///
/// Closed: a passed follow-up (复查销号) on or before `asOf`. Overdue: still open on `asOf` with its
/// deadline before it. Rectification rate = closed ÷ (closed + overdue), so hazards not yet due are left
/// out; on time = closed no later than deadline + grace days ÷ closed; days to close = closing date −
/// date found, over the closed ones.
public struct RectificationPerformance: Sendable, Hashable, Codable {
    /// Hazards in the cohort.
    public var found: Int
    /// Closed by `asOf`.
    public var closed: Int
    /// Open past their deadline on `asOf`.
    public var overdue: Int
    /// closed ÷ (closed + overdue), a fraction.
    public var rectificationRate: Double?
    /// Closed on time ÷ closed, a fraction.
    public var onTimeRate: Double?
    /// Mean days from found to closed.
    public var meanDaysToClose: Double?
    /// Median days from found to closed.
    public var medianDaysToClose: Double?

    init(cohort: [HazardFact], asOf: CivilDate, graceDays: Int) {
        let closed = cohort.filter { $0.isClosed(by: asOf) }
        let overdue = cohort.filter { $0.isOverdue(on: asOf) }
        let onTime = closed.filter { hazard in
            guard let closedOn = hazard.closedOn, let deadline = hazard.deadline else { return true }
            return closedOn <= deadline.adding(days: graceDays)
        }
        let days = closed.compactMap { hazard in hazard.closedOn.map { Double($0.daysSince(hazard.foundOn)) } }
        found = cohort.count
        self.closed = closed.count
        self.overdue = overdue.count
        rectificationRate = Statistics.rate(closed.count, closed.count + overdue.count)
        onTimeRate = Statistics.rate(onTime.count, closed.count)
        meanDaysToClose = Statistics.mean(days)
        medianDaysToClose = Statistics.median(days)
    }
}

extension HazardFact {
    /// Closed by a passed follow-up on or before `date`.
    func isClosed(by date: CivilDate) -> Bool { closedOn.map { $0 <= date } ?? false }

    /// Found on or before `date` and not closed by then.
    func isOpen(on date: CivilDate) -> Bool { foundOn <= date && !isClosed(by: date) }

    /// Open on `date` with its deadline before it.
    func isOverdue(on date: CivilDate) -> Bool { isOpen(on: date) && (deadline.map { $0 < date } ?? false) }
}

/// "1+3" records received against expected for one monitoring tier.
public struct TierCoverage: Sendable, Hashable, Codable {
    /// The tier.
    public var tier: TierLevel
    /// Its configured label.
    public var label: LocalizedText
    /// How often each unit files.
    public var frequency: MonitoringFrequency
    /// Units expected to file (those that filed at least once in the window; for the enterprise tier also
    /// every 规模以上 enterprise in the slice).
    public var units: Int
    /// Records expected: units × slots in the period.
    public var expected: Int
    /// Slots filed.
    public var received: Int
    /// received ÷ expected, a fraction.
    public var rate: Double?
}

/// A monitoring unit that filed fewer records than expected.
public struct MissingRecords: Sendable, Hashable, Codable {
    public var enterpriseKey: String
    public var enterpriseName: String
    public var tier: TierLevel
    /// Workshop / team, or the enterprise itself.
    public var unit: String
    public var expected: Int
    public var received: Int
}

/// Counts "1+3" coverage for a set of monitoring records against the profile's schedules.
struct CoverageCounter {
    let schedules: [TierSchedule]
    /// Monitoring units (enterprise key, tier, workshop, team) that are expected to file.
    let units: [MonitoringUnit: String]
    /// The units of each tier.
    private let unitsByTier: [TierLevel: [MonitoringUnit]]
    /// Slots filed per unit, ascending, each once.
    private let filed: [MonitoringUnit: [CivilDate]]

    struct MonitoringUnit: Hashable, Comparable {
        var enterpriseKey: String
        var tier: TierLevel
        var workshop: String
        var team: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.enterpriseKey, lhs.tier, lhs.workshop, lhs.team) < (rhs.enterpriseKey, rhs.tier, rhs.workshop, rhs.team)
        }

        var name: String { [workshop, team].filter { !$0.isEmpty }.joined(separator: "/") }
    }

    /// `records` are the monitoring submissions of the window; `enterprises` the slice (names, and which
    /// are 规模以上, expected to run the enterprise tier even if they filed nothing).
    init(schedules: [TierSchedule], records: [SubmissionFact], enterprises: [EnterpriseFact], includeSilentEnterprises: Bool) {
        self.schedules = schedules
        let names = Dictionary(enterprises.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        var units: [MonitoringUnit: String] = [:]
        var filed: [MonitoringUnit: Set<CivilDate>] = [:]
        for record in records where record.kind == .monitoringRecord {
            let tier = record.tier ?? .enterprise
            let unit = MonitoringUnit(enterpriseKey: record.enterpriseKey, tier: tier, workshop: record.workshop ?? "", team: record.team ?? "")
            units[unit] = names[record.enterpriseKey] ?? record.enterpriseKey
            if let schedule = schedules.first(where: { $0.level == tier }), let slot = schedule.frequency.slot(containing: record.date) {
                filed[unit, default: []].insert(slot)
            }
        }
        if includeSilentEnterprises {
            for enterprise in enterprises where enterprise.aboveScale {
                units[MonitoringUnit(enterpriseKey: enterprise.key, tier: .enterprise, workshop: "", team: "")] = enterprise.name
            }
        }
        self.units = units
        unitsByTier = Dictionary(grouping: units.keys, by: \.tier)
        self.filed = filed.mapValues { $0.sorted() }
    }

    /// The slots a schedule expects within `period`, and their first and last: a unit's filed slots within
    /// that range are exactly those it was expected to file (slots only grow with the date).
    private func expectedSlots(_ schedule: TierSchedule, in period: ReportPeriod) -> (count: Int, range: ClosedRange<CivilDate>?) {
        let slots = Set(period.days.compactMap(schedule.frequency.slot(containing:)))
        guard let first = slots.min(), let last = slots.max() else { return (0, nil) }
        return (slots.count, first...last)
    }

    /// How many of `unit`'s filed slots lie in `range`.
    private func received(_ unit: MonitoringUnit, in range: ClosedRange<CivilDate>?) -> Int {
        guard let range, let slots = filed[unit] else { return 0 }
        func firstIndex(where isPast: (CivilDate) -> Bool) -> Int {
            var low = 0, high = slots.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(slots[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        return firstIndex { $0 > range.upperBound } - firstIndex { $0 >= range.lowerBound }
    }

    /// Coverage per tier within `period`.
    func coverage(in period: ReportPeriod) -> [TierCoverage] {
        schedules.map { schedule in
            let (slots, range) = expectedSlots(schedule, in: period)
            let tierUnits = unitsByTier[schedule.level] ?? []
            let received = tierUnits.reduce(0) { $0 + self.received($1, in: range) }
            let expected = tierUnits.count * slots
            return TierCoverage(tier: schedule.level, label: schedule.label, frequency: schedule.frequency, units: tierUnits.count,
                                expected: expected, received: received, rate: Statistics.rate(received, expected))
        }
    }

    /// Units short of their expected records within `period`, most missing first.
    func missing(in period: ReportPeriod) -> [MissingRecords] {
        var rows: [MissingRecords] = []
        for schedule in schedules {
            let (slots, range) = expectedSlots(schedule, in: period)
            for unit in unitsByTier[schedule.level] ?? [] {
                let received = received(unit, in: range)
                if received < slots {
                    let name = units[unit] ?? unit.enterpriseKey
                    rows.append(MissingRecords(enterpriseKey: unit.enterpriseKey, enterpriseName: name, tier: unit.tier,
                                               unit: unit.name.isEmpty ? name : unit.name, expected: slots, received: received))
                }
            }
        }
        return rows.sorted {
            ($0.expected - $0.received, $1.enterpriseKey, $1.tier, $1.unit) > ($1.expected - $1.received, $0.enterpriseKey, $0.tier, $0.unit)
        }
    }
}
