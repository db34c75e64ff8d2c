import Testing

@testable import AnkangReports

@Suite struct TextMetricsTests {
    @Test func asciiAndCJKWidths() {
        #expect(TextMetrics.width("2024-01") == 49)
        #expect(TextMetrics.width("隐患数") == 39)
        #expect(TextMetrics.width("1月") == 20)
        #expect(TextMetrics.width("") == 0)
    }

    @Test func sixtyMonthlyLabelsAreThinnedWithoutOverlap() {
        let months = (2020...2024).flatMap { year in (1...12).map { "\(year)-\($0 < 10 ? "0" : "")\($0)" } }
        #expect(months.count == 60)
        let slot = 580.0 / 60
        let stride = TextMetrics.labelStride(extent: TextMetrics.maxWidth(months), slot: slot)
        #expect(stride == 6)
        #expect(Double(stride) * slot >= TextMetrics.width("2020-01"))
    }

    @Test func roomyLabelsAreAllShown() {
        #expect(TextMetrics.labelStride(extent: 20, slot: 48) == 1)
    }

    @Test(arguments: [(3.0, 3), (5, 6), (7, 12), (13, 24), (30, 36)])
    func stridesPreferDivisorsOfTwelve(needed: Double, expected: Int) {
        #expect(TextMetrics.labelStride(extent: needed * 10 - 6, slot: 10) == expected)
    }

    @Test func degenerateSlotsDoNotTrap() {
        #expect(TextMetrics.labelStride(extent: 50, slot: 0) == 1)
        #expect(TextMetrics.labelStride(extent: 50, slot: 1e-300) >= 1)
    }

    @Test func truncationFitsTheWidth() {
        let name = "某某市某某区某某建筑工程有限公司第三项目部"
        let short = TextMetrics.truncated(name, toWidth: 100)
        #expect(short.hasSuffix("…"))
        #expect(TextMetrics.width(short) <= 100)
        #expect(TextMetrics.truncated("短", toWidth: 100) == "短")
    }
}
