import Testing

@testable import AnkangReports

@Suite struct AxisTicksTests {
    @Test(
        arguments: [
            (7, [0, 2, 4, 6, 8]),
            (1234, [0, 500, 1000, 1500]),
            (10, [0, 2, 4, 6, 8, 10]),
            (100, [0, 20, 40, 60, 80, 100]),
            (3, [0, 1, 2, 3]),
            (1, [0, 1]),
        ] as [(Double, [Double])])
    func countsUseOneTwoFiveSteps(max: Double, expected: [Double]) {
        #expect(AxisTicks(lower: 0, upper: max, integerSteps: true).values == expected)
    }

    @Test func zeroRangeBecomesZeroToOne() {
        #expect(AxisTicks(lower: 0, upper: 0, integerSteps: true).values == [0, 1])
        let fractional = AxisTicks(lower: 0, upper: 0)
        #expect(fractional.lower == 0 && fractional.upper == 1)
        #expect(fractional.values.map(fractional.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    @Test func smallFractionalRangesGetEnoughDecimals() {
        let ticks = AxisTicks(lower: 0, upper: 0.23)
        #expect(ticks.values.map(ticks.label) == ["0", "0.05", "0.1", "0.15", "0.2", "0.25"])
    }

    @Test func negativeLowerBoundIsIncluded() {
        let ticks = AxisTicks(lower: -3, upper: 7, integerSteps: true)
        #expect(ticks.values == [-4, -2, 0, 2, 4, 6, 8])
        #expect(ticks.values.contains(0))
    }

    @Test func nonFiniteInputStaysFinite() {
        let ticks = AxisTicks(lower: .nan, upper: .infinity)
        #expect(ticks.values.allSatisfy { $0.isFinite })
        #expect(ticks.upper > ticks.lower)
    }

    @Test func fewerIntervalsForShortAxes() {
        #expect(AxisTicks(lower: 0, upper: 10, maxIntervals: 2, integerSteps: true).values == [0, 5, 10])
    }
}
