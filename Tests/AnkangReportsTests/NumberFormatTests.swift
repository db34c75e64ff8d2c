import Testing

@testable import AnkangReports

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (-0.04, "0"), (0.04, "0"), (0.05, "0.1"), (-0.05, "-0.1"),
        (1.25, "1.3"), (-1.25, "-1.3"), (2.0, "2"), (12.34, "12.3"), (99.96, "100"),
        (1_234_567, "1234567"), (-3.5, "-3.5"), (0.1 + 0.2, "0.3"),
    ])
    func oneDecimalRoundsHalfAwayFromZero(value: Double, expected: String) {
        #expect(NumberFormat.format(value) == expected)
    }

    @Test func nonFiniteAndHugeValuesStayPrintable() {
        #expect(NumberFormat.format(.nan) == "0")
        #expect(NumberFormat.format(.infinity) == "0")
        #expect(NumberFormat.format(-.infinity) == "0")
        #expect(NumberFormat.format(1e300) == "900000000000000")
    }

    @Test func moreFractionDigitsKeepLeadingZeros() {
        #expect(NumberFormat.format(0.05, maxFractionDigits: 2) == "0.05")
        #expect(NumberFormat.format(1.125, maxFractionDigits: 2) == "1.13")
        #expect(NumberFormat.format(1.5, maxFractionDigits: 0) == "2")
        #expect(NumberFormat.format(-1.5, maxFractionDigits: 0) == "-2")
    }
}
