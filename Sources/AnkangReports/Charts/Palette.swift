/// Fixed colours. Series colours are the Okabe–Ito palette (colour-blind safe), ordered so that
/// neighbours differ in lightness and stay distinguishable when printed in greyscale.
enum Palette {
    static let series = ["#0072b2", "#e69f00", "#009e73", "#56b4e9", "#d55e00", "#cc79a7", "#000000"]
    static let text = "#333333"
    static let mutedText = "#777777"
    static let grid = "#e0e0e0"
    static let axis = "#999999"
    static let noData = "#f2f2f2"
    static let noDataHatch = "#c8c8c8"

    /// Colour of the series at `index`; the palette repeats after seven series.
    static func series(_ index: Int) -> String {
        series[index % series.count]
    }

    /// Heat-map colour for `t` in 0...1 (clamped): linear from very light to dark red.
    static func heat(_ t: Double) -> String {
        let t = t.isFinite ? min(max(t, 0), 1) : 0
        let light: (Double, Double, Double) = (255, 245, 240)
        let dark: (Double, Double, Double) = (165, 15, 21)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(light.0, dark.0) + channel(light.1, dark.1) + channel(light.2, dark.2)
    }

    /// Whether text on the heat colour for `t` should be white rather than dark.
    static func heatNeedsLightText(_ t: Double) -> Bool {
        t > 0.55
    }
}
