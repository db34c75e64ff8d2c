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

    init(cohort: some Sequence<HazardSpan>, asOf: CivilDate, graceDays: Int) {
        let day = asOf.daysSinceEpoch
        var found = 0, onTime = 0, overdue = 0
        var days: [Double] = []
        for hazard in cohort {
            found += 1
            if hazard.isClosed(by: day) {
                days.append(Double(hazard.closed - hazard.found))
                if hazard.closed <= hazard.deadline + graceDays { onTime += 1 }
            } else if hazard.isOverdue(on: day) {
                overdue += 1
            }
        }
        self.found = found
        closed = days.count
        self.overdue = overdue
        rectificationRate = Statistics.rate(closed, closed + overdue)
        onTimeRate = Statistics.rate(onTime, closed)
        meanDaysToClose = Statistics.mean(days)
        medianDaysToClose = Statistics.median(days)
    }
}

/// A hazard's dates as day numbers (days since 1970-01-01). Counting hundreds of thousands of hazards per
/// bucket over these costs comparisons, not copies of the hazards and their strings.
struct HazardSpan: Sendable {
    /// The day it was found.
    let found: Int
    /// The day a passed follow-up closed it; `Int.max` while open.
    let closed: Int
    /// Its deadline, or the grade's default one when it was found without one.
    let deadline: Int

    /// Closed on or before `day`.
    func isClosed(by day: Int) -> Bool { closed <= day }

    /// Found on or before `day` and not closed by then.
    func isOpen(on day: Int) -> Bool { found <= day && closed > day }

    /// Open on `day` with its deadline before it.
    func isOverdue(on day: Int) -> Bool { isOpen(on: day) && deadline < day }
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
    /// The monitoring units expected to file, by tier, each with its filed slots.
    private let unitsByTier: [TierLevel: [UnitRecords]]

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

    /// A unit (enterprise key, tier, workshop, team), its enterprise's name, and the slots it filed,
    /// ascending, each once: counting a bucket walks these without hashing a unit.
    private struct UnitRecords {
        var unit: MonitoringUnit
        var enterpriseName: String
        var slots: [CivilDate]
    }

    /// `records` are the monitoring submissions of the window; `enterprises` the slice (names, and which
    /// are 规模以上, expected to run the enterprise tier even if they filed nothing).
    init(schedules: [TierSchedule], records: [SubmissionFact], enterprises: [EnterpriseFact], includeSilentEnterprises: Bool) {
        self.schedules = schedules
        let names = Dictionary(enterprises.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        // One hash of a unit per record: its position in `all`, whose slots are sorted once at the end.
        var positions: [MonitoringUnit: Int] = [:]
        var all: [UnitRecords] = []
        func position(of unit: MonitoringUnit, name: @autoclosure () -> String) -> Int {
            if let known = positions[unit] { return known }
            positions[unit] = all.count
            all.append(UnitRecords(unit: unit, enterpriseName: name(), slots: []))
            return all.count - 1
        }
        for record in records where record.kind == .monitoringRecord {
            let tier = record.tier ?? .enterprise
            let unit = MonitoringUnit(enterpriseKey: record.enterpriseKey, tier: tier, workshop: record.workshop ?? "", team: record.team ?? "")
            let at = position(of: unit, name: names[record.enterpriseKey] ?? record.enterpriseKey)
            if let schedule = schedules.first(where: { $0.level == tier }), let slot = schedule.frequency.slot(containing: record.date) {
                all[at].slots.append(slot)
            }
        }
        if includeSilentEnterprises {
            for enterprise in enterprises where enterprise.aboveScale {
                let at = position(of: MonitoringUnit(enterpriseKey: enterprise.key, tier: .enterprise, workshop: "", team: ""), name: enterprise.name)
                all[at].enterpriseName = enterprise.name
            }
        }
        for index in all.indices { all[index].slots = all[index].slots.sortedUnique() }
        unitsByTier = Dictionary(grouping: all, by: \.unit.tier)
    }

    /// The slots a schedule expects within `period`, and their first and last: a unit's filed slots within
    /// that range are exactly those it was expected to file (slots only grow with the date).
    private func expectedSlots(_ schedule: TierSchedule, in period: ReportPeriod) -> (count: Int, range: ClosedRange<CivilDate>?) {
        let slots = Set(period.days.compactMap(schedule.frequency.slot(containing:)))
        guard let first = slots.min(), let last = slots.max() else { return (0, nil) }
        return (slots.count, first...last)
    }

    /// How many of `unit`'s filed slots lie in `range`.
    private func received(_ unit: UnitRecords, in range: ClosedRange<CivilDate>?) -> Int {
        guard let range else { return 0 }
        let slots = unit.slots
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
            for records in unitsByTier[schedule.level] ?? [] {
                let received = received(records, in: range)
                if received < slots {
                    let (unit, name) = (records.unit, records.enterpriseName)
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

extension Array where Element: Comparable {
    /// The elements in ascending order, each once.
    fileprivate func sortedUnique() -> [Element] {
        var unique: [Element] = []
        unique.reserveCapacity(count)
        for element in sorted() where unique.last != element { unique.append(element) }
        return unique
    }
}
