import AnkangModel

/// How a report cuts time into buckets.
public enum Granularity: String, Sendable, Hashable, Codable, CaseIterable {
    case month, quarter, year

    /// The first day of the bucket holding `date`.
    func start(of date: CivilDate) -> CivilDate {
        switch self {
        case .month: date.firstOfMonth
        case .quarter: date.firstOfQuarter
        case .year: CivilDate(year: date.year, month: 1, day: 1)!
        }
    }

    /// The first day of the bucket after the one starting on `start`.
    func next(after start: CivilDate) -> CivilDate {
        let months = self == .month ? 1 : self == .quarter ? 3 : 12
        let index = start.year * 12 + (start.month - 1) + months
        return CivilDate(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    /// The bucket's label: `2011-06`, `2011-Q2`, `2011`.
    func label(of start: CivilDate) -> String {
        switch self {
        case .month: start.yearMonth
        case .quarter: start.yearQuarter
        case .year: String(start.year)
        }
    }
}

/// A span of days with a label, e.g. the month `2011-06` or the year `2011`.
public struct ReportPeriod: Sendable, Hashable, Codable {
    /// The label shown in tables and charts.
    public var label: String
    /// First day (inclusive).
    public var from: CivilDate
    /// Last day (inclusive).
    public var to: CivilDate

    /// Creates a period.
    public init(label: String, from: CivilDate, to: CivilDate) {
        self.label = label
        self.from = from
        self.to = to
    }

    /// Whether the period holds `date`.
    public func contains(_ date: CivilDate) -> Bool { from <= date && date <= to }

    /// The number of days in the period.
    public var dayCount: Int { to.daysSince(from) + 1 }

    /// Every day of the period.
    public var days: [CivilDate] { (0..<dayCount).map { from.adding(days: $0) } }

    /// The same period one year earlier (29 February maps to 28 February).
    public var yearEarlier: ReportPeriod {
        ReportPeriod(label: label, from: from.sameDay(yearsEarlier: 1), to: to.sameDay(yearsEarlier: 1))
    }

    /// Parses `2011` (a year), `2011-Q2` (a quarter) or `2011-06` (a month).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map(String.init)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            self.init(label: text, from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!)
        case 2 where parts[1].hasPrefix("Q"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            let start = CivilDate(year: year, month: quarter * 3 - 2, day: 1)!
            self.init(label: text, from: start, to: Granularity.quarter.next(after: start).adding(days: -1))
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]), let start = CivilDate(year: year, month: month, day: 1) else { return nil }
            self.init(label: text, from: start, to: Granularity.month.next(after: start).adding(days: -1))
        default:
            return nil
        }
    }

    /// The granularity a parsed period label names.
    public var granularity: Granularity {
        label.contains("Q") ? .quarter : label.contains("-") ? .month : .year
    }

    /// The `count` periods of the same granularity ending with this one, oldest first.
    public func trailing(_ count: Int) -> [ReportPeriod] {
        var periods = [self]
        while periods.count < count, let first = periods.first {
            let start = granularity.start(of: first.from.adding(days: -1))
            periods.insert(ReportPeriod(label: granularity.label(of: start), from: start, to: first.from.adding(days: -1)), at: 0)
        }
        return periods
    }

    /// The buckets of `granularity` covering `from…to`, the first and last clipped to the window.
    public static func buckets(from: CivilDate, to: CivilDate, by granularity: Granularity) -> [ReportPeriod] {
        var buckets: [ReportPeriod] = []
        var start = granularity.start(of: from)
        while start <= to {
            let next = granularity.next(after: start)
            buckets.append(ReportPeriod(label: granularity.label(of: start), from: max(start, from), to: min(next.adding(days: -1), to)))
            start = next
        }
        return buckets
    }
}

extension CivilDate {
    /// The same month and day `years` earlier, 29 February becoming 28 February.
    func sameDay(yearsEarlier years: Int) -> CivilDate {
        CivilDate(year: year - years, month: month, day: min(day, CivilDate.daysInMonth(year: year - years, month: month)))!
    }
}
