/// XML escaping (reports, charts, and the service's XML answers) and id sanitising.
public enum XMLText {
    /// Escapes `& < > " '` and drops characters that are not allowed in XML 1.0
    /// (C0 controls other than tab, newline and carriage return; U+FFFE; U+FFFF).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Turns a caller-given id into a safe XML id / CSS identifier: characters outside
    /// `[A-Za-z0-9_-]` become `-`, and a `c-` prefix is added unless it starts with a letter.
    static func sanitizedID(_ id: String) -> String {
        let body = String(
            id.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "_", "-": Character(scalar)
                default: "-"
                }
            })
        let startsWithLetter =
            body.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? false
        return startsWithLetter ? body : "c-" + body
    }
}
