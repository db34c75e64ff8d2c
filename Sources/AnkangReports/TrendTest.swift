import Foundation

/// Whether a series goes up, down or neither, decided by the Mann–Kendall trend test.
public enum TrendDirection: String, Sendable, Hashable, Codable {
    case rising, falling, flat
    /// Fewer than four points: no verdict.
    case insufficientData

    /// The label shown in reports.
    public var zh: String {
        switch self {
        case .rising: "上升"
        case .falling: "下降"
        case .flat: "无显著趋势"
        case .insufficientData: "数据不足"
        }
    }

    /// The English label.
    public var en: String {
        switch self {
        case .rising: "rising"
        case .falling: "falling"
        case .flat: "no significant trend"
        case .insufficientData: "too few points"
        }
    }
}

/// The Mann–Kendall test of a series, with Sen's slope for the size of the change.
///
/// S = Σ sign(xⱼ − xᵢ) over all pairs i < j; its variance under "no trend" is
/// n(n−1)(2n+5)/18 minus the tie correction Σ t(t−1)(2t+5)/18; Z = (S − sign S)/√Var (continuity
/// correction); two-sided p = 2(1 − Φ(|Z|)). The verdict is rising or falling when p < α (0.05),
/// else flat. Sen's slope is the median of (xⱼ − xᵢ)/(j − i), in units per bucket.
public struct TrendTest: Sendable, Hashable, Codable {
    /// Points tested.
    public var n: Int
    /// The Mann–Kendall statistic.
    public var s: Int
    /// The standardised statistic.
    public var z: Double
    /// Two-sided p-value.
    public var p: Double
    /// Sen's slope (change per bucket).
    public var slope: Double
    /// The significance level used.
    public var alpha: Double
    /// The verdict.
    public var direction: TrendDirection

    /// Tests `values` (in time order) at significance `alpha`.
    public init(_ values: [Double], alpha: Double = 0.05) {
        let n = values.count
        self.n = n
        self.alpha = alpha
        guard n >= 4 else {
            s = 0
            z = 0
            p = 1
            slope = 0
            direction = .insufficientData
            return
        }
        var s = 0
        var slopes: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<n {
                let difference = values[j] - values[i]
                s += difference > 0 ? 1 : difference < 0 ? -1 : 0
                slopes.append(difference / Double(j - i))
            }
        }
        var ties: [Double: Int] = [:]
        for value in values { ties[value, default: 0] += 1 }
        let tieTerm = ties.values.filter { $0 > 1 }.reduce(0.0) { total, t in total + Double(t * (t - 1) * (2 * t + 5)) }
        let variance = (Double(n * (n - 1) * (2 * n + 5)) - tieTerm) / 18
        let z = variance > 0 && s != 0 ? (Double(s) - (s > 0 ? 1 : -1)) / variance.squareRoot() : 0
        let p = min(1, 2 * (1 - Self.normalCDF(abs(z))))
        self.s = s
        self.z = z
        self.p = p
        self.slope = Statistics.median(slopes) ?? 0
        direction = p < alpha ? (s > 0 ? .rising : .falling) : .flat
    }

    /// Φ, the standard normal distribution function.
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}

/// Small statistics helpers.
enum Statistics {
    /// The median, or nil for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The mean, or nil for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// `numerator / denominator` as a fraction, or nil when the denominator is 0.
    static func rate(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }
}
