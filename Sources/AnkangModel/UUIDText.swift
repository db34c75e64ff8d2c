import Foundation

/// UUIDs as written in submissions and stored in the log.
public enum UUIDText {
    /// `UUID(uuidString:)`, with the canonical 8-4-4-4-12 hexadecimal form read directly (Foundation's parser
    /// goes through `sscanf`); any other text is left to Foundation, which accepts a few odd forms too.
    public static func parse(_ text: String) -> UUID? {
        if let uuid = parseCanonical(text) { return uuid }
        return UUID(uuidString: text)
    }

    /// The canonical 8-4-4-4-12 form (either case) only; nil for anything else.
    public static func parseCanonical(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { b -> UUID? in
            guard b.count == 36, b[8] == 0x2D, b[13] == 0x2D, b[18] == 0x2D, b[23] == 0x2D else { return nil }
            func nibble(_ c: UInt8) -> UInt8? {
                switch c {
                case 0x30...0x39: c - 0x30
                case 0x61...0x66: c - 0x61 + 10
                case 0x41...0x46: c - 0x41 + 10
                default: nil
                }
            }
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var i = 0
                for k in 0..<16 {
                    if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                    guard let high = nibble(b[i]), let low = nibble(b[i + 1]) else { return false }
                    out[k] = high << 4 | low
                    i += 2
                }
                return true
            }
            return complete ? UUID(uuid: bytes) : nil
        }
    }

    /// The canonical lower-case form, as stored: `uuidString.lowercased()` without its `sprintf` and second copy.
    public static func lowercased(_ uuid: UUID) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var i = 0
                for (k, byte) in bytes.enumerated() {
                    if k == 4 || k == 6 || k == 8 || k == 10 {
                        out[i] = 0x2D
                        i += 1
                    }
                    out[i] = digits[Int(byte >> 4)]
                    out[i + 1] = digits[Int(byte & 0x0F)]
                    i += 2
                }
                return i
            }
        }
    }
}
