/// Evenly spaced axis ticks on a "nice" 1-2-5 step.
struct AxisTicks {
    /// Tick values, ascending; always at least two.
    let values: [Double]
    /// Decimals needed to print every tick exactly (0 for whole steps).
    let fractionDigits: Int

    var lower: Double { values[0] }
    var upper: Double { values[values.count - 1] }

    /// Ticks covering `lower...upper` with at most about `maxIntervals` intervals.
    ///
    /// The step is the smallest of 1, 2, 5 × 10^k that is at least `(upper - lower) / maxIntervals`;
    /// with `integerSteps` it is at least 1 (for counts). Inputs are clamped to ±10^12, non-finite
    /// inputs count as 0, and an empty range is widened to `lower...lower + 1`.
    init(lower: Double, upper: Double, maxIntervals: Int = 5, integerSteps: Bool = false) {
        func clamp(_ x: Double) -> Double { x.isFinite ? min(max(x, -1e12), 1e12) : 0 }
        let low = min(clamp(lower), clamp(upper))
        var high = max(clamp(lower), clamp(upper))
        if high <= low { high = low + 1 }

        let raw = (high - low) / Double(max(maxIntervals, 1))
        var power = 1.0
        if raw >= 1 {
            while power * 10 <= raw { power *= 10 }
        } else {
            while power > raw { power /= 10 }
        }
        var step = [1.0, 2, 5, 10].lazy.map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * power
        if integerSteps { step = max(step, 1) }

        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        values = (first...max(last, first + 1)).map { Double($0) * step }

        var digits = 0
        var scaled = step
        while digits < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(scaled, 1) {
            scaled *= 10
            digits += 1
        }
        fractionDigits = digits
    }

    /// Position of `value` between `lower` (0) and `upper` (1).
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// Tick label text, without trailing zeros.
    func label(_ value: Double) -> String {
        NumberFormat.format(value, maxFractionDigits: fractionDigits)
    }
}
