import AnkangModel
import Testing

@testable import AnkangReports

@Suite("Report periods")
struct ReportPeriodTests {
    @Test func parsesYearQuarterAndMonth() throws {
        let year = try #require(ReportPeriod(parsing: "2011"))
        #expect(year.from.isoString == "2011-01-01" && year.to.isoString == "2011-12-31" && year.granularity == .year)
        let quarter = try #require(ReportPeriod(parsing: "2012-Q1"))
        #expect(quarter.to.isoString == "2012-03-31" && quarter.granularity == .quarter)
        let month = try #require(ReportPeriod(parsing: "2012-02"))
        #expect(month.to.isoString == "2012-02-29" && month.dayCount == 29 && month.granularity == .month)
        for bad in ["11", "2011-13", "2011-Q5", "2011-06-01", "x"] { #expect(ReportPeriod(parsing: bad) == nil, "\(bad)") }
    }

    @Test func bucketsClipToTheWindow() {
        let buckets = ReportPeriod.buckets(from: CivilDate(iso: "2011-02-15")!, to: CivilDate(iso: "2011-05-10")!, by: .month)
        #expect(buckets.map(\.label) == ["2011-02", "2011-03", "2011-04", "2011-05"])
        #expect(buckets.first?.from.isoString == "2011-02-15" && buckets.last?.to.isoString == "2011-05-10")
        let quarters = ReportPeriod.buckets(from: CivilDate(iso: "2011-01-01")!, to: CivilDate(iso: "2012-12-31")!, by: .quarter)
        #expect(quarters.count == 8 && quarters[4].label == "2012-Q1")
    }

    @Test func trailingPeriodsAndYearEarlier() throws {
        let quarter = try #require(ReportPeriod(parsing: "2012-Q1"))
        #expect(quarter.trailing(3).map(\.label) == ["2011-Q3", "2011-Q4", "2012-Q1"])
        let leap = try #require(ReportPeriod(parsing: "2012-02"))
        #expect(leap.yearEarlier.to.isoString == "2011-02-28")
    }
}

@Suite("Mann–Kendall trend test")
struct TrendTestTests {
    @Test func monotoneSeriesAreSignificant() {
        let rising = TrendTest((1...12).map(Double.init))
        #expect(rising.direction == .rising && rising.s == 66 && rising.slope == 1)
        #expect(TrendTest((1...12).reversed().map(Double.init)).direction == .falling)
    }

    @Test func noiseAndShortSeriesAreNot() {
        #expect(TrendTest([3, 5, 2, 6, 3, 5, 2, 6, 3, 5]).direction == .flat)
        #expect(TrendTest([1, 2, 3]).direction == .insufficientData)
        let constant = TrendTest(Array(repeating: 4, count: 8))
        #expect(constant.direction == .flat && constant.p == 1 && constant.z == 0)
    }

    @Test func matchesAWorkedExample() {
        // n = 5, S = 8 (two ties-free pairs down), Var = 5·4·15/18 = 16.67, Z = 7/4.082 = 1.715, p = 0.0864.
        let test = TrendTest([1, 3, 2, 4, 5])
        #expect(test.s == 8)
        #expect(abs(test.z - 1.7146) < 0.001)
        #expect(abs(test.p - 0.0864) < 0.001)
        #expect(test.direction == .flat)
    }
}
