/// The one rounding rule of every score: to 0.1, half away from zero, applied once at the end.
///
/// Scores are computed in `Double`. Binary floating point cannot hold most tenths exactly, so a true
/// 87.45 may arrive as 87.44999999999999 and round the wrong way. Every value is therefore first
/// snapped to the nearest 10⁻⁹ (an integer count of billionths), and the half-away-from-zero rounding
/// to tenths is then done in integer arithmetic. Profile numbers have at most four decimals and item
/// points at most one, so every true tie sits exactly on a billionth and is rounded as a tie; the
/// artefacts of a few dozen additions and divisions are many orders of magnitude below 10⁻⁹.
public enum ScoreRounding {
    private static let billionthsPerTenth = 100_000_000

    /// `value` as an integer number of tenths, rounded half away from zero after snapping to 10⁻⁹.
    /// Non-finite values (never produced by the engine) count as 0.
    public static func tenthsCount(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1e9 else { return 0 }
        let billionths = Int((value * 1e9).rounded(.toNearestOrAwayFromZero))
        let tenths = (billionths.magnitude + UInt(billionthsPerTenth / 2)) / UInt(billionthsPerTenth)
        return billionths < 0 ? -Int(tenths) : Int(tenths)
    }

    /// `value` rounded to 0.1 (half away from zero).
    public static func tenths(_ value: Double) -> Double { Double(tenthsCount(value)) / 10 }

    /// A rate 0…1 as a percentage rounded to 0.1, e.g. 0.94444 → 94.4.
    public static func percent(_ rate: Double) -> Double { tenths(rate * 100) }

    /// `value` rounded to 0.1 and written with exactly one decimal, e.g. "12.0", "-0.5".
    public static func text(_ value: Double) -> String {
        let count = tenthsCount(value)
        if count >= 0, count < texts.count { return texts[count] }
        return (count < 0 ? "-" : "") + String(count.magnitude / 10) + "." + String(count.magnitude % 10)
    }

    /// "0.0" … "200.0", written once: every explanation line needs a few of them.
    private static let texts: [String] = (0...2000).map { "\($0 / 10).\($0 % 10)" }

    /// Whether `value` reaches `threshold` once both are rounded to 0.1.
    public static func reaches(_ value: Double, _ threshold: Double) -> Bool {
        tenthsCount(value) >= tenthsCount(threshold)
    }
}
