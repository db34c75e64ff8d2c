import Foundation
import Testing
@testable import AnkangModel

@Suite("CivilDate")
struct CivilDateTests {
    @Test("parses valid ISO dates", arguments: ["2011-01-01", "2012-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"])
    func parsesValid(_ text: String) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.isoString == text)
        #expect(date.description == text)
    }

    @Test("rejects invalid dates and malformed text", arguments: [
        "2011-02-29", "1900-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-01-00", "2011-01-32",
        "0000-01-01", "2011-1-01", "2011/01/01", "20110101", "2011-01-01T00:00", " 2011-01-01", "２０１１-01-01", "",
    ])
    func rejectsInvalid(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2012))
        #expect(!CivilDate.isLeapYear(2011))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate.isLeapYear(2000))
        #expect(CivilDate.daysInMonth(year: 2012, month: 2) == 29)
        #expect(CivilDate.daysInMonth(year: 2011, month: 2) == 28)
        #expect(CivilDate(year: 2011, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2012, month: 2, day: 29) != nil)
    }

    /// Reference values computed independently (Python `datetime.date`).
    @Test("days since epoch match known values", arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11016), ("2011-05-20", 15114),
        ("2011-12-31", 15339), ("2012-02-29", 15399), ("2012-03-01", 15400), ("1900-03-01", -25508),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func daysSinceEpoch(_ text: String, _ days: Int) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
    }

    @Test func dayArithmetic() throws {
        let d = try #require(CivilDate(iso: "2011-05-20"))
        #expect(d.daysSince(try #require(CivilDate(iso: "2011-01-01"))) == 139)
        #expect(try #require(CivilDate(iso: "2012-03-01")).daysSince(try #require(CivilDate(iso: "2011-03-01"))) == 366)
        #expect(try #require(CivilDate(iso: "2013-03-01")).daysSince(try #require(CivilDate(iso: "2012-03-01"))) == 365)
        #expect(d.adding(days: 7).isoString == "2011-05-27")
        #expect(d.adding(days: 12).isoString == "2011-06-01")
        #expect(d.adding(days: -140).isoString == "2010-12-31")
        #expect(try #require(CivilDate(iso: "2012-02-28")).adding(days: 1).isoString == "2012-02-29")
        #expect(try #require(CivilDate(iso: "2011-02-28")).adding(days: 1).isoString == "2011-03-01")
        #expect(try #require(CivilDate(iso: "2011-12-31")).adding(days: 1).isoString == "2012-01-01")
        // Round trip over four centuries, day by day.
        var date = try #require(CivilDate(iso: "1899-12-25"))
        var failures = 0
        for n in date.daysSinceEpoch..<(date.daysSinceEpoch + 146_097) {
            let next = date.adding(days: 1)
            if date.daysSinceEpoch != n || !(date < next) || CivilDate(iso: date.isoString) != date { failures += 1 }
            date = next
        }
        #expect(failures == 0)
        #expect(date.isoString == "2299-12-25")
    }

    @Test func weekdaysQuartersAndBuckets() throws {
        #expect(try #require(CivilDate(iso: "1970-01-01")).isoWeekday == 4)
        #expect(try #require(CivilDate(iso: "1969-12-31")).isoWeekday == 3)
        #expect(try #require(CivilDate(iso: "2011-05-20")).isoWeekday == 5)
        #expect(try #require(CivilDate(iso: "2011-12-31")).isWeekend)
        let d = try #require(CivilDate(iso: "2011-05-20"))
        #expect(d.quarter == 2)
        #expect(d.month == 5)
        #expect(d.yearMonth == "2011-05")
        #expect(d.yearQuarter == "2011-Q2")
        #expect(d.firstOfMonth.isoString == "2011-05-01")
        #expect(d.firstOfQuarter.isoString == "2011-04-01")
        #expect(try #require(CivilDate(iso: "2011-12-01")).quarter == 4)
        #expect(try #require(CivilDate(iso: "2011-01-31")).quarter == 1)
    }

    @Test func ordering() throws {
        let a = try #require(CivilDate(iso: "2011-05-20"))
        let b = try #require(CivilDate(iso: "2011-06-01"))
        let c = try #require(CivilDate(iso: "2012-01-01"))
        #expect(a < b && b < c)
        #expect([c, a, b].sorted() == [a, b, c])
    }

    @Test func instantsAtChinaStandardTime() throws {
        // 2011-05-20T16:30:00Z is 2011-05-21 00:30 in Beijing.
        let instant = Date(timeIntervalSince1970: Double(15114 * 86_400 + 16 * 3600 + 30 * 60))
        #expect(CivilDate(instant).isoString == "2011-05-21")
        #expect(CivilDate(instant, utcOffsetSeconds: 0).isoString == "2011-05-20")
        let day = try #require(CivilDate(iso: "2011-05-21"))
        #expect(day.startInstant() == Date(timeIntervalSince1970: Double(15115 * 86_400 - 8 * 3600)))
        // Before the epoch.
        #expect(CivilDate(Date(timeIntervalSince1970: -1), utcOffsetSeconds: 0).isoString == "1969-12-31")
    }

    @Test func codableAsISOString() throws {
        let date = try #require(CivilDate(iso: "2012-02-29"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2012-02-29"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2011-02-29"]"#.utf8))
        }
    }
}
