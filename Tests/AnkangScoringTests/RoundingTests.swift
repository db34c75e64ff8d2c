import AnkangScoring
import Testing

@Suite("Rounding (0.1, half away from zero, once)")
struct RoundingTests {
    @Test(arguments: [
        (0.05, 0.1), (-0.05, -0.1), (0.15, 0.2), (0.25, 0.3), (2.675, 2.7), (87.45, 87.5), (87.44999, 87.4),
        (14.25, 14.3), (0.0, 0.0), (99.95, 100.0), (-2.25, -2.3), (1.04999999, 1.0),
    ])
    func tenths(_ value: Double, _ expected: Double) {
        #expect(ScoreRounding.tenths(value) == expected)
    }

    @Test func floatingPointArtefactsAreAbsorbed() {
        // 56.8/71 is exactly 0.8 but a double holds 0.7999…; 3/20 × 15 is exactly 2.25 but computes to 2.2499….
        #expect(ScoreRounding.percent(56.8 / 71) == 80.0)
        #expect(ScoreRounding.tenths(3.0 / 20 * 15) == 2.3)
        #expect(ScoreRounding.tenths(0.1 + 0.2 + 0.05) == 0.4)
        #expect(ScoreRounding.reaches(56.8 / 71 * 100, 80))
        #expect(!ScoreRounding.reaches(79.94, 80))
        #expect(ScoreRounding.reaches(79.95, 80))
        #expect(ScoreRounding.tenthsCount(.nan) == 0)
        #expect(ScoreRounding.tenthsCount(.infinity) == 0)
    }

    @Test func text() {
        #expect(ScoreRounding.text(12) == "12.0")
        #expect(ScoreRounding.text(-0.5) == "-0.5")
        #expect(ScoreRounding.text(0.04) == "0.0")
        #expect(ScoreRounding.text(97.24306) == "97.2")
        #expect(ScoreRounding.text(104) == "104.0")
    }
}
