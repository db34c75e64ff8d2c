/// Locale-independent number formatting for SVG output.
enum NumberFormat {
    /// Formats `value` with at most `maxFractionDigits` decimals (0...6).
    ///
    /// Rounds half away from zero after scaling by 10^digits (so 1.25 → "1.3", -1.25 → "-1.3"),
    /// drops trailing zeros and the decimal point ("2.0" → "2"), never prints "-0",
    /// maps non-finite values to "0" and clamps magnitudes beyond 9×10^15 scaled units.
    static func format(_ value: Double, maxFractionDigits: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let digits = min(max(maxFractionDigits, 0), 6)
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let units = Int64(min(max(scaled, -9e15), 9e15))
        guard units != 0 else { return "0" }

        let magnitude = units.magnitude
        var text = (units < 0 ? "-" : "") + String(magnitude / scale)
        var fraction = magnitude % scale
        guard fraction != 0 else { return text }
        var width = digits
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: width - fractionText.count) + fractionText
        return text
    }
}

/// Shorthand for an SVG coordinate or length: at most one decimal.
func n(_ value: Double) -> String {
    NumberFormat.format(value)
}
