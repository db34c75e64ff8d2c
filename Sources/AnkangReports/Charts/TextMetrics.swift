/// Rough text measurement for layout, without font access: at font-size 11 a wide (CJK,
/// full-width, emoji) character counts 13 px and any other character 7 px.
enum TextMetrics {
    /// Estimated width of `text` in px.
    static func width(_ text: String) -> Double {
        text.reduce(0) { $0 + characterWidth($1) }
    }

    /// Widest estimated width among `texts` (0 when empty).
    static func maxWidth(_ texts: some Sequence<String>) -> Double {
        texts.reduce(0) { max($0, width($1)) }
    }

    /// `text` shortened with "…" so that its estimated width fits `maxWidth`.
    static func truncated(_ text: String, toWidth maxWidth: Double) -> String {
        guard width(text) > maxWidth else { return text }
        var result = ""
        var used = characterWidth("…")
        for character in text {
            used += characterWidth(character)
            if used > maxWidth { break }
            result.append(character)
        }
        return result + "…"
    }

    /// Show every Nth label so that labels of `extent` px (plus `gap`) fit slots of `slot` px.
    ///
    /// N is the smallest of 1, 2, 3, 4, 6, 12, 24, 36, … that fits, so monthly labels
    /// land on quarters, half-years or years.
    static func labelStride(extent: Double, slot: Double, gap: Double = 6) -> Int {
        guard slot > 0, slot.isFinite, extent.isFinite else { return 1 }
        let needed = Int(min(((extent + gap) / slot).rounded(.up), 1e9))
        switch needed {
        case ...4: return max(needed, 1)
        case 5...6: return 6
        default: return (needed + 11) / 12 * 12
        }
    }

    private static func characterWidth(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return isWide(scalar.value) ? 13 : 7
    }

    /// East Asian wide and full-width ranges, plus common emoji blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
