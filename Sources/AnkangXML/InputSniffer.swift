/// The character encodings Ankang accepts for submissions.
public enum SourceEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// GB18030, also used for documents declared GBK or GB2312 (both are subsets).
    case gb18030 = "GB18030"

    /// True when markup characters are single ASCII bytes and never appear inside a multi-byte character.
    var isASCIICompatible: Bool { self == .utf8 || self == .gb18030 }
}

/// The result of looking at a file's first bytes: its encoding, and the bytes the markup scanner reads
/// (the original bytes, or a UTF-8 transcoding for UTF-16 input).
struct SniffedInput {
    var encoding: SourceEncoding
    /// UTF-8 or GB18030 bytes with line and column structure identical to the original.
    var scanBytes: [UInt8]
    /// Length of the byte order mark at the start of `scanBytes` (0 or 3).
    var scanOffset: Int
    /// The encoding named in the XML declaration, as written. UTF-8 input is not checked byte by byte here:
    /// libxml2 rejects malformed UTF-8 anywhere in a document, so that check runs only when the parse fails, to
    /// name the fault precisely (``InputSniffer/utf8Mismatch(_:declared:)``).
    var declaredEncoding: String?
}

/// Rejects what is not an XML text in an accepted encoding: empty, binary and archive files, unsupported
/// or contradictory encodings, and bytes that do not match the declared encoding (never decoded into mojibake).
enum InputSniffer {
    static func sniff(_ bytes: [UInt8]) -> Result<SniffedInput, Diagnostic> {
        if bytes.isEmpty {
            return .failure(Diagnostic(.error, .emptyFile, zh: "文件为空", en: "the file is empty", line: 1, column: 1))
        }
        if let kind = archiveKind(bytes) {
            return .failure(Diagnostic(.error, .archiveFile,
                zh: "这是 \(kind.zh)，不是 XML 文本；请先解压，逐个上传 XML 文件",
                en: "this is \(kind.en), not XML text; unpack it and submit the XML files", line: 1, column: 1))
        }
        if let kind = binaryKind(bytes) {
            return .failure(Diagnostic(.error, .binaryFile,
                zh: "这是二进制文件（\(kind)），不是 XML 文本", en: "this is a binary file (\(kind)), not XML text",
                line: 1, column: 1))
        }
        // Byte order marks.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return .failure(unsupported("UTF-32"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return sniffUTF16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        if bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C]) {
            return .failure(Diagnostic(.error, .unsupportedEncoding,
                zh: "UTF-16 文件必须以字节顺序标记（BOM）开头", en: "a UTF-16 file must start with a byte order mark (BOM)",
                line: 1, column: 1))
        }
        if containsNUL(bytes) {
            return .failure(Diagnostic(.error, .binaryFile,
                zh: "文件含有空字节（NUL），不是 XML 文本", en: "the file contains NUL bytes; it is not XML text", line: 1, column: 1))
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasUnterminatedDeclaration(bytes, from: hasBOM ? 3 : 0) {
            return .failure(Diagnostic(.error, .unsupportedEncoding,
                zh: "XML 声明过长或未结束（前 \(declarationWindow) 字节内没有“?>”），无法确定编码",
                en: "the XML declaration is too long or unterminated (no \"?>\" within \(declarationWindow) bytes); the encoding cannot be determined",
                line: 1, column: 1))
        }
        let declared = declaredEncoding(bytes, from: hasBOM ? 3 : 0)
        let encoding: SourceEncoding
        switch declared?.uppercased() {
        case nil, "UTF-8", "UTF8", "US-ASCII", "ASCII":
            encoding = .utf8
        case "GB18030", "GBK", "GB2312", "CP936":
            if hasBOM {
                return .failure(Diagnostic(.error, .byteOrderMarkConflict,
                    zh: "文件以 UTF-8 字节顺序标记开头，却声明编码为 \(declared!)",
                    en: "the file starts with a UTF-8 byte order mark but declares encoding \(declared!)", line: 1, column: 1))
            }
            encoding = .gb18030
        case "UTF-16", "UTF-16LE", "UTF-16BE":
            return .failure(Diagnostic(.error, .encodingMismatch,
                zh: "声明编码为 \(declared!)，但文件没有 UTF-16 字节顺序标记，字节也不是 UTF-16",
                en: "declared \(declared!) but the file has no UTF-16 byte order mark and its bytes are not UTF-16",
                line: 1, column: 1))
        default:
            return .failure(unsupported(declared!))
        }
        switch encoding {
        case .utf8:
            if let declared, ["US-ASCII", "ASCII"].contains(declared.uppercased()), let bad = firstNonASCII(bytes) {
                return .failure(encodingMismatch(at: bad, in: bytes, declared: declared))
            }
        case .gb18030:
            if let bad = firstInvalidGB18030(bytes) {
                let (line, _) = TextPosition.lineAndColumn(of: bad, in: bytes, encoding: .utf8)
                return .failure(Diagnostic(.error, .encodingMismatch,
                    zh: "声明编码为 \(declared!)，但第 \(line) 行的字节不是合法的 GB18030 编码",
                    en: "declared \(declared!) but the bytes at line \(line) are not valid GB18030", line: line))
            }
            if firstNonASCII(bytes) != nil, firstInvalidUTF8(bytes) == nil {
                return .failure(Diagnostic(.error, .encodingMismatch,
                    zh: "声明编码为 \(declared!)，但文件内容实际是 UTF-8；按声明解码会变成乱码。请改为 encoding=\"UTF-8\"",
                    en: "declared \(declared!) but the bytes are UTF-8; decoding them as declared would produce mojibake. Declare encoding=\"UTF-8\"",
                    line: 1, column: 1))
            }
        default:
            break
        }
        return .success(SniffedInput(encoding: encoding, scanBytes: bytes, scanOffset: hasBOM ? 3 : 0, declaredEncoding: declared))
    }

    /// The finding for input read as UTF-8 (`declared`, or no declaration) whose bytes are not UTF-8, or nil.
    static func utf8Mismatch(_ bytes: [UInt8], declared: String?) -> Diagnostic? {
        firstInvalidUTF8(bytes).map { encodingMismatch(at: $0, in: bytes, declared: declared) }
    }

    private static func encodingMismatch(at offset: Int, in bytes: [UInt8], declared: String?) -> Diagnostic {
        let (line, column) = TextPosition.lineAndColumn(of: offset, in: bytes, encoding: .utf8)
        return Diagnostic(.error, .encodingMismatch,
            zh: "声明（或默认）编码为 \(declared ?? "UTF-8")，但第 \(line) 行的字节不是合法的该编码；请按实际编码声明，例如 encoding=\"GB18030\"",
            en: "declared (or default) encoding \(declared ?? "UTF-8") but the bytes at line \(line) are not valid in it; declare the real encoding, e.g. encoding=\"GB18030\"",
            line: line, column: column)
    }

    private static func sniffUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result<SniffedInput, Diagnostic> {
        guard bytes.count % 2 == 0 else {
            return .failure(Diagnostic(.error, .encodingMismatch,
                zh: "UTF-16 文件的字节数必须为偶数，文件可能被截断", en: "a UTF-16 file must have an even number of bytes; it may be truncated"))
        }
        guard let (utf8, sawNUL) = transcodeUTF16(bytes, littleEndian: littleEndian) else {
            return .failure(Diagnostic(.error, .encodingMismatch,
                zh: "文件以 UTF-16 字节顺序标记开头，但内容不是合法的 UTF-16", en: "the file starts with a UTF-16 byte order mark but its content is not valid UTF-16"))
        }
        if sawNUL {
            return .failure(Diagnostic(.error, .binaryFile,
                zh: "文件含有空字符（NUL），不是 XML 文本", en: "the file contains NUL characters; it is not XML text", line: 1, column: 1))
        }
        if let declared = declaredEncoding(utf8, from: 0), !declared.uppercased().hasPrefix("UTF-16") {
            return .failure(Diagnostic(.error, .byteOrderMarkConflict,
                zh: "文件以 UTF-16 字节顺序标记开头，却声明编码为 \(declared)",
                en: "the file starts with a UTF-16 byte order mark but declares encoding \(declared)", line: 1, column: 1))
        }
        return .success(SniffedInput(encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, scanBytes: utf8, scanOffset: 0))
    }

    /// The UTF-8 form of the UTF-16 code units after the 2-byte BOM, made in one pass (the bytes that
    /// `String(validating:as: UTF16.self)` and then `.utf8` give), and whether any unit is U+0000; nil when a
    /// surrogate is unpaired.
    static func transcodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> (utf8: [UInt8], sawNUL: Bool)? {
        var valid = true
        var sawNUL = false
        let unitCount = max(0, bytes.count / 2 - 1)
        let utf8 = [UInt8](unsafeUninitializedCapacity: unitCount * 3) { out, initialized in
            initialized = bytes.withUnsafeBufferPointer { b -> Int in
                let n = b.count & ~1
                var i = 2
                var o = 0
                @inline(__always) func unit(at index: Int) -> UInt32 {
                    littleEndian ? UInt32(b[index]) | UInt32(b[index + 1]) << 8 : UInt32(b[index]) << 8 | UInt32(b[index + 1])
                }
                while i < n {
                    let u = unit(at: i)
                    i += 2
                    if u < 0x80 {
                        if u == 0 { sawNUL = true }
                        out[o] = UInt8(truncatingIfNeeded: u)
                        o += 1
                    } else if u < 0x800 {
                        out[o] = UInt8(truncatingIfNeeded: 0xC0 | u >> 6)
                        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                        o += 2
                    } else if u < 0xD800 || u >= 0xE000 {
                        out[o] = UInt8(truncatingIfNeeded: 0xE0 | u >> 12)
                        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (u >> 6) & 0x3F)
                        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                        o += 3
                    } else if u < 0xDC00, i < n, case let low = unit(at: i), low >= 0xDC00, low < 0xE000 {
                        i += 2
                        let scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                        out[o] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
                        out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
                        out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
                        out[o + 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
                        o += 4
                    } else {
                        valid = false
                        break
                    }
                }
                return o
            }
        }
        return valid ? (utf8, sawNUL) : nil
    }

    private static func unsupported(_ name: String) -> Diagnostic {
        Diagnostic(.error, .unsupportedEncoding,
            zh: "不支持的编码 \(name)；请使用 UTF-8、带 BOM 的 UTF-16 或 GB18030（GBK、GB2312）",
            en: "unsupported encoding \(name); use UTF-8, UTF-16 with a BOM, or GB18030 (GBK, GB2312)", line: 1, column: 1)
    }

    /// How far the XML declaration may reach: libxml2 reads a declaration of any length, so a longer one is
    /// refused rather than read past (its encoding would otherwise be missed).
    static let declarationWindow = 4096

    /// Whether the document starts with `<?xml` but has no `?>` within ``declarationWindow`` bytes.
    static func hasUnterminatedDeclaration(_ bytes: [UInt8], from start: Int) -> Bool {
        guard startsWithXMLDeclaration(bytes, at: start) else { return false }
        let limit = min(bytes.count, start + declarationWindow)
        return !(start..<limit).contains { bytes[$0] == UInt8(ascii: "?") && $0 + 1 < limit && bytes[$0 + 1] == UInt8(ascii: ">") }
    }

    /// The `encoding` pseudo-attribute of the XML declaration, if the document starts with one.
    static func declaredEncoding(_ bytes: [UInt8], from start: Int) -> String? {
        guard startsWithXMLDeclaration(bytes, at: start) else { return nil }
        let limit = min(bytes.count, start + declarationWindow)
        guard let end = (start..<limit).first(where: { bytes[$0] == UInt8(ascii: "?") && $0 + 1 < limit && bytes[$0 + 1] == UInt8(ascii: ">") })
        else { return nil }
        if let declared = asciiDeclaredEncoding(bytes, start..<end) { return declared }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.firstRange(of: "encoding") else { return nil }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var rest = declaration[range.upperBound...].drop(while: isSpace)
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: isSpace)
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix(while: { $0 != quote })
        return value.isEmpty ? nil : String(value)
    }

    /// Whether `bytes` has `<?xml` at `start` (compared in place, without building arrays).
    private static func startsWithXMLDeclaration(_ bytes: [UInt8], at start: Int) -> Bool {
        bytes.count >= start + 5 && bytes[start] == 0x3C && bytes[start + 1] == 0x3F && bytes[start + 2] == 0x78
            && bytes[start + 3] == 0x6D && bytes[start + 4] == 0x6C
    }

    /// `declaredEncoding` for a declaration made only of ASCII characters other than CR: there every
    /// `Character` is one byte (CR LF is the only multi-scalar cluster within ASCII), so this byte scan finds
    /// exactly what the `Character`-based scan finds, without building a `String` and searching it.
    /// `.none` when the declaration is not of that kind.
    private static func asciiDeclaredEncoding(_ bytes: [UInt8], _ range: Range<Int>) -> String?? {
        bytes.withUnsafeBufferPointer { b -> String?? in
            for i in range where b[i] >= 0x80 || b[i] == 0x0D { return .none }
            let keyword: StaticString = "encoding"
            let k = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
            var i = range.lowerBound
            var found = false
            while i + k.count <= range.upperBound {
                if b[i] == k[0] {
                    var matches = true
                    for j in 1..<k.count where b[i + j] != k[j] { matches = false; break }
                    if matches { found = true; break }
                }
                i += 1
            }
            guard found else { return .some(nil) }
            i += k.count
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
            while i < range.upperBound, isSpace(b[i]) { i += 1 }
            guard i < range.upperBound, b[i] == 0x3D else { return .some(nil) }  // "="
            i += 1
            while i < range.upperBound, isSpace(b[i]) { i += 1 }
            guard i < range.upperBound, b[i] == 0x22 || b[i] == 0x27 else { return .some(nil) }  // quote
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < range.upperBound, b[i] != quote { i += 1 }
            guard i > valueStart else { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<i]), as: UTF8.self))
        }
    }

    private static func archiveKind(_ bytes: [UInt8]) -> (zh: String, en: String)? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return ("ZIP 压缩包", "a ZIP archive") }
        if bytes.starts(with: [0x1F, 0x8B]) { return ("gzip 压缩文件", "a gzip-compressed file") }
        if bytes.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return ("xz 压缩文件", "an xz-compressed file") }
        if bytes.starts(with: [0x42, 0x5A, 0x68]) { return ("bzip2 压缩文件", "a bzip2-compressed file") }  // "BZh"
        if bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return ("7z 压缩包", "a 7z archive") }
        if bytes.starts(with: [0x52, 0x61, 0x72, 0x21]) { return ("RAR 压缩包", "a RAR archive") }  // "Rar!"
        return nil
    }

    private static func binaryKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x25, 0x50, 0x44, 0x46]) { return "PDF" }  // "%PDF"
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "PNG" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "Office 97–2003" }
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "ELF" }
        return nil
    }

    /// Whether any byte is 0, eight bytes at a time.
    static func containsNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i + 8 <= n {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < n {
                if b[i] == 0 { return true }
                i += 1
            }
            return false
        }
    }

    static func firstNonASCII(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in buffer.firstIndex(where: { $0 >= 0x80 }) }
    }

    /// Offset of the first byte that is not part of a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = 0
            let n = b.count
            while i < n {
                // ASCII fast path, eight bytes at a time.
                while i + 8 <= n, UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                // The usual case (CJK): E1–EC or EE–EF then two bytes 80–BF.
                if lead >= 0xE1, lead != 0xED, lead <= 0xEF, i + 3 <= n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                    i += 3
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return i
                }
                guard i + length <= n else { return i }
                guard b[i + 1] >= lower, b[i + 1] <= upper else { return i }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }

    /// Offset of the first byte that is not part of a well-formed GB18030 sequence.
    static func firstInvalidGB18030(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            var i = 0
            let n = b.count
            while i < n {
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                guard lead >= 0x81, lead <= 0xFE, i + 1 < n else { return i }
                let second = b[i + 1]
                if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                    i += 2
                } else if (0x30...0x39).contains(second), i + 3 < n,
                          (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) {
                    i += 4
                } else {
                    return i
                }
            }
            return nil
        }
    }
}

/// Line and column arithmetic shared by the sniffer and the markup scanner. Lines end at LF, as libxml2
/// 2.9.14 counts them (a lone CR does not start a line there); columns count characters, not bytes.
enum TextPosition {
    /// Number of characters in `bytes[range]`, which starts on a character boundary.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, encoding: SourceEncoding) -> Int {
        var count = 0
        if encoding == .gb18030 {
            var i = range.lowerBound
            while i < range.upperBound {
                let lead = bytes[i]
                if lead < 0x81 || lead == 0xFF { i += 1 } else if i + 1 < range.upperBound, (0x30...0x39).contains(bytes[i + 1]) { i += 4 } else { i += 2 }
                count += 1
            }
        } else {
            // Characters are the bytes that are not continuation bytes; those are counted a word at a time.
            var continuations = 0
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                continuations += SWAR.continuationBytes(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                i += 8
            }
            while i < range.upperBound {
                if bytes[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            count = range.count - continuations
        }
        return count
    }

    /// 1-based line and column of the byte at `offset` (slow path for error reporting only).
    static func lineAndColumn(of offset: Int, in bytes: [UInt8], encoding: SourceEncoding) -> (Int, Int) {
        bytes.withUnsafeBufferPointer { b in
            var line = 1
            var lineStart = 0
            var i = 0
            while i < offset {
                if b[i] == 0x0A {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            return (line, characterCount(b, lineStart..<offset, encoding: encoding) + 1)
        }
    }
}
