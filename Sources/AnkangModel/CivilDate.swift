import Foundation

/// A calendar date (proleptic Gregorian) without a time zone, e.g. an inspection date.
///
/// All arithmetic is pure integer arithmetic (the days-from-civil algorithm), independent of
/// `Calendar` and the process time zone.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The year, e.g. 2011.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date from its components; `nil` if the month or day does not exist (e.g. 2011-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly 4-2-2 ASCII digits, year 0001–9999).
    public init?(iso string: String) {
        var string = string
        // Read in place (no copy of the bytes into an array).
        guard let (year, month, day) = string.withUTF8({ bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), year >= 1, let month = number(5..<7), let day = number(8..<10) else {
                return nil
            }
            return (year, month, day)
        }) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses "YYYY-MM-DD" (same as `init?(iso:)`).
    public init?(_ description: String) {
        self.init(iso: description)
    }

    /// Creates the date that is `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The civil date of an instant as seen at a fixed UTC offset (default: China Standard Time, UTC+8).
    public init(_ instant: Date, utcOffsetSeconds: Int = CivilDate.chinaStandardTimeOffset) {
        let seconds = (instant.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down)
        let days = (seconds / 86_400).rounded(.down)
        self.init(daysSinceEpoch: Int(days))
    }

    /// The UTC offset of China Standard Time (UTC+8), in seconds.
    public static let chinaStandardTimeOffset = 8 * 3600

    /// The number of days in a month of a year (leap years per the Gregorian rule).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The number of days from `other` to `self` (positive when `self` is later).
    public func daysSince(_ other: CivilDate) -> Int {
        daysSinceEpoch - other.daysSinceEpoch
    }

    /// The date `days` days later (or earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let r = (daysSinceEpoch + 3) % 7 // 1970-01-01 was a Thursday (4).
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Whether the date is a Saturday or Sunday (no public-holiday calendar is applied).
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The quarter of the year, 1–4.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The month bucket, e.g. "2011-05", for monthly reports.
    public var yearMonth: String { "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))" }

    /// The quarter bucket, e.g. "2011-Q2", for quarterly reports.
    public var yearQuarter: String { "\(CivilDate.pad(year, 4))-Q\(quarter)" }

    /// The first day of this date's month.
    public var firstOfMonth: CivilDate { CivilDate(year: year, month: month, day: 1)! }

    /// The first day of this date's quarter.
    public var firstOfQuarter: CivilDate { CivilDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)! }

    /// The instant at which this date begins at a fixed UTC offset (default UTC+8).
    public func startInstant(utcOffsetSeconds: Int = CivilDate.chinaStandardTimeOffset) -> Date {
        Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400 - Double(utcOffsetSeconds))
    }

    /// The ISO 8601 form "YYYY-MM-DD".
    public var isoString: String { "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))" }

    /// Zero-pads a number to `width` digits (sign kept in front).
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// The ISO 8601 form "YYYY-MM-DD".
    public var description: String { isoString }

    /// Chronological order.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes from an ISO "YYYY-MM-DD" string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a valid YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    /// Encodes as an ISO "YYYY-MM-DD" string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}
