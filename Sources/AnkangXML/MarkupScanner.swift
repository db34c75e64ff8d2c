/// Where one start tag begins in the source.
struct StartTag {
    /// Byte offset of `<` in the scanned bytes.
    var offset: Int32
    /// 1-based line and column of `<`.
    var line: Int32
    var column: Int32
    /// Line of the tag's closing `>`: libxml2 records this line on the element node.
    var endLine: Int32
}

/// A single linear pass over the raw markup, before libxml2 parses anything. It enforces the limits that
/// libxml2 2.9.14 does not (attributes per element, nesting depth), rejects any DOCTYPE, and records where
/// each start tag begins, so that schema errors (which libxml2 reports with column 0) get a real column.
///
/// The scanner is not a parser: on malformed input it stops caring and lets libxml2 report the error.
struct MarkupScanner {
    let bytes: [UInt8]
    let encoding: SourceEncoding
    let limits: XMLLimits

    /// The start tags in document order, which is the order libxml2 creates element nodes in.
    private(set) var tags: [StartTag] = []
    /// True when a comment, processing instruction or CDATA section appears inside an element. Only then can
    /// dropping whitespace-only text between markup change an element's value (`<a>  <!-- x --></a>`).
    private(set) var hasMarkupInsideElements = false

    init(bytes: [UInt8], encoding: SourceEncoding, limits: XMLLimits) {
        self.bytes = bytes
        self.encoding = encoding
        self.limits = limits
    }

    /// Scans from `start`; returns a finding when a limit is exceeded or a DOCTYPE is present.
    mutating func scan(from start: Int) -> Diagnostic? {
        let bytes = self.bytes
        let encoding = self.encoding
        let limits = self.limits
        var tags: [StartTag] = []
        tags.reserveCapacity(bytes.count / 48)
        var markupInsideElements = false
        let failure: Diagnostic? = bytes.withUnsafeBufferPointer { b -> Diagnostic? in
            let n = b.count
            var i = start
            var line: Int32 = 1
            var lineStart = start
            var depth = 0
            // Incremental column counting keeps long single-line documents linear.
            var countedTo = start
            var countedChars = 0

            func column(at offset: Int) -> Int32 {
                if countedTo < lineStart { countedTo = lineStart; countedChars = 0 }
                countedChars += TextPosition.characterCount(b, countedTo..<offset, encoding: encoding)
                countedTo = offset
                return Int32(countedChars + 1)
            }
            /// Advances `i` over one byte, tracking line ends.
            @inline(__always) func step() {
                let byte = b[i]
                if byte == 0x0A {  // LF only: libxml2 2.9.14 does not count a lone CR as a line end
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            /// Eight bytes at `offset` (which must leave eight in range), in memory order.
            @inline(__always) func word(at offset: Int) -> UInt64 {
                UnsafeRawPointer(b.baseAddress! + offset).loadUnaligned(as: UInt64.self)
            }
            /// Moves `i` over whole eight-byte words up to the first byte equal to `stop` or `otherStop`, counting
            /// the line ends it passes: what stepping over those bytes one by one would do.
            @inline(__always) func skipWords(until stop: UInt8, or otherStop: UInt8? = nil) {
                while i + 8 <= n {
                    let w = word(at: i)
                    var stops = SWAR.bytesEqual(w, stop)
                    if let otherStop { stops |= SWAR.bytesEqual(w, otherStop) }
                    var lineEnds = SWAR.bytesEqual(w, 0x0A)
                    if stops != 0 {
                        let first = stops.trailingZeroBitCount / 8
                        lineEnds &= (1 << UInt64(first * 8)) &- 1  // only those before the stop
                        countLines(lineEnds)
                        i += first
                        return
                    }
                    countLines(lineEnds)
                    i += 8
                }
            }
            /// Counts the line ends marked in `lineEnds` (a ``SWAR/bytesEqual(_:_:)`` mask of the word at `i`).
            @inline(__always) func countLines(_ lineEnds: UInt64) {
                guard lineEnds != 0 else { return }
                line += Int32(lineEnds.nonzeroBitCount)
                lineStart = i + (63 - lineEnds.leadingZeroBitCount) / 8 + 1
            }
            /// `skip(past: [0x3E])`: past the next '>'.
            @inline(__always) func skipPastGreaterThan() {
                while i < n {
                    if b[i] == 0x3E { i += 1; return }
                    step()
                    skipWords(until: 0x3E)
                }
            }
            func skip(past terminator: [UInt8]) {
                while i < n {
                    if b[i] == terminator[0], i + terminator.count <= n {
                        var matches = true
                        for k in 1..<terminator.count where b[i + k] != terminator[k] { matches = false; break }
                        if matches { i += terminator.count; return }
                    }
                    step()
                }
            }
            func startsWith(_ literal: [UInt8], caseInsensitive: Bool = false) -> Bool {
                guard i + literal.count <= n else { return false }
                for k in 0..<literal.count {
                    var byte = b[i + k]
                    if caseInsensitive, byte >= 0x61, byte <= 0x7A { byte -= 0x20 }
                    if byte != literal[k] { return false }
                }
                return true
            }

            while i < n {
                if b[i] != 0x3C {  // '<'
                    step()
                    skipWords(until: 0x3C)  // character data, a word at a time
                    continue
                }
                let tagOffset = i
                let tagLine = line
                guard i + 1 < n else { return nil }
                switch b[i + 1] {
                case 0x3F:  // "<?" processing instruction or XML declaration
                    if depth > 0 { markupInsideElements = true }
                    i += 2
                    skip(past: Array("?>".utf8))
                case 0x21:  // "<!"
                    if depth > 0 { markupInsideElements = true }
                    if startsWith(Array("<!--".utf8)) {
                        i += 4
                        skip(past: Array("-->".utf8))
                    } else if startsWith(Array("<![CDATA[".utf8)) {
                        i += 9
                        skip(past: Array("]]>".utf8))
                    } else if startsWith(Array("<!DOCTYPE".utf8), caseInsensitive: true) {
                        return Diagnostic(.error, .doctypeForbidden,
                            zh: "提交文件不得包含 DOCTYPE 声明（文档类型定义和实体都不受理）",
                            en: "a submission must not contain a DOCTYPE declaration (no DTDs or entities are accepted)",
                            line: Int(tagLine), column: Int(column(at: tagOffset)))
                    } else {
                        i += 2
                        skipPastGreaterThan()
                    }
                case 0x2F:  // "</" end tag
                    depth = max(0, depth - 1)
                    i += 2
                    skipPastGreaterThan()
                default:  // start tag
                    depth += 1
                    let tagColumn = column(at: tagOffset)
                    if depth > limits.maxDepth {
                        return Diagnostic(.error, .tooDeep,
                            zh: "元素嵌套超过 \(limits.maxDepth) 层", en: "elements are nested deeper than \(limits.maxDepth) levels",
                            line: Int(tagLine), column: Int(tagColumn))
                    }
                    i += 1
                    var attributes = 0
                    var selfClosing = false
                    scanTag: while i < n {
                        switch b[i] {
                        case 0x3E:  // '>'
                            i += 1
                            break scanTag
                        case 0x2F where i + 1 < n && b[i + 1] == 0x3E:  // "/>"
                            selfClosing = true
                            i += 2
                            break scanTag
                        case 0x22, 0x27:  // quoted attribute value
                            let quote = b[i]
                            i += 1
                            skipWords(until: quote, or: 0x3C)
                            while i < n, b[i] != quote, b[i] != 0x3C { step() }
                            if i < n, b[i] == quote { i += 1 }
                        case 0x3D:  // '=' ends an attribute name
                            attributes += 1
                            if attributes > limits.maxAttributesPerElement {
                                return Diagnostic(.error, .tooManyAttributes,
                                    zh: "一个元素的属性超过 \(limits.maxAttributesPerElement) 个",
                                    en: "an element has more than \(limits.maxAttributesPerElement) attributes",
                                    line: Int(tagLine), column: Int(tagColumn))
                            }
                            i += 1
                        case 0x3C:  // malformed: let libxml2 report it
                            break scanTag
                        default:
                            step()
                        }
                    }
                    tags.append(StartTag(offset: Int32(tagOffset), line: tagLine, column: tagColumn, endLine: line))
                    if selfClosing { depth -= 1 }
                }
            }
            return nil
        }
        self.tags = tags
        self.hasMarkupInsideElements = markupInsideElements
        return failure
    }

    /// Line and column of attribute `qualifiedName` inside the start tag `tag`, if it is written there.
    func attributePosition(in tag: StartTag, qualifiedName: String) -> (line: Int, column: Int)? {
        let wanted = Array(qualifiedName.utf8)
        return bytes.withUnsafeBufferPointer { b -> (Int, Int)? in
            let n = b.count
            var i = Int(tag.offset) + 1
            while i < n, !isSpace(b[i]), b[i] != 0x3E, b[i] != 0x2F { i += 1 }  // element name
            while i < n, b[i] != 0x3E {
                while i < n, isSpace(b[i]) { i += 1 }
                let nameStart = i
                while i < n, !isSpace(b[i]), b[i] != 0x3D, b[i] != 0x3E, b[i] != 0x2F { i += 1 }
                if i - nameStart == wanted.count, Array(b[nameStart..<i]) == wanted {
                    var line = Int(tag.line)
                    var lineStart = Int(tag.offset) - Int(tag.column) + 1
                    for k in Int(tag.offset)..<nameStart where b[k] == 0x0A {
                        line += 1
                        lineStart = k + 1
                    }
                    if line == Int(tag.line) {
                        let column = Int(tag.column) + TextPosition.characterCount(b, Int(tag.offset)..<nameStart, encoding: encoding)
                        return (line, column)
                    }
                    return (line, TextPosition.characterCount(b, lineStart..<nameStart, encoding: encoding) + 1)
                }
                while i < n, isSpace(b[i]) || b[i] == 0x3D { i += 1 }
                if i < n, b[i] == 0x22 || b[i] == 0x27 {
                    let quote = b[i]
                    i += 1
                    while i < n, b[i] != quote { i += 1 }
                    i += 1
                } else if i < n, b[i] == 0x2F {
                    i += 1
                }
            }
            return nil
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// Byte tests on eight bytes at once.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `word` that equals `byte`, and no other bit (exact, unlike the cheaper
    /// "contains" test, whose borrows can mark the byte after a match).
    @inline(__always) static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & lows) &+ lows) | x | lows)
    }

    /// How many bytes of `word` are UTF-8 continuation bytes (0b10xxxxxx).
    @inline(__always) static func continuationBytes(_ word: UInt64) -> Int {
        (word & highs & ~((word << 1) & highs)).nonzeroBitCount
    }
}
