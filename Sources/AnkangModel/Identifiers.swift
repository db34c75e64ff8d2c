import Foundation

// Enterprise identifier checks (domain.md §b.6). Each type analyses its input once and exposes the
// findings; none of them throws or returns a bare Bool.

/// How serious an identifier problem is.
public enum IdentifierProblemSeverity: String, Sendable, Hashable, Codable {
    /// The value cannot be the identifier (wrong length, forbidden character, …).
    case error
    /// The value is well-formed but suspicious (e.g. check character mismatch: real codes with bad
    /// check characters exist, so validators should warn and allow-list rather than reject).
    case warning
}

/// One problem found in an identifier. Positions are 1-based character positions in the normalised input.
public enum IdentifierProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input is empty (after trimming whitespace).
    case empty
    /// The input has the wrong number of characters.
    case wrongLength(expected: Int, actual: Int)
    /// A letter the code's character set excludes on purpose (I, O, S, V, Z in GB 32100).
    case forbiddenLetter(String, position: Int)
    /// A character not allowed at this position.
    case invalidCharacter(String, position: Int)
    /// A hyphen anywhere other than before the check character of an organisation code.
    case misplacedHyphen(position: Int)
    /// The check character is a valid character but differs from the one computed from the others.
    case checkCharacterMismatch(expected: String, actual: String)
    /// The input was not in canonical form (surrounding whitespace or lowercase letters); it was normalised.
    case notCanonical

    /// `.warning` for check-character mismatches and non-canonical input, `.error` otherwise.
    public var severity: IdentifierProblemSeverity {
        switch self {
        case .checkCharacterMismatch, .notCanonical: .warning
        default: .error
        }
    }

    /// A bilingual, human-readable message.
    public var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(zh: "代码为空", en: "The code is empty")
        case let .wrongLength(expected, actual):
            LocalizedText(zh: "代码长度应为\(expected)位，实际为\(actual)位", en: "Expected \(expected) characters, found \(actual)")
        case let .forbiddenLetter(character, position):
            LocalizedText(zh: "第\(position)位使用了禁用字母“\(character)”", en: "Forbidden letter '\(character)' at position \(position)")
        case let .invalidCharacter(character, position):
            LocalizedText(zh: "第\(position)位字符“\(character)”无效", en: "Invalid character '\(character)' at position \(position)")
        case let .misplacedHyphen(position):
            LocalizedText(zh: "第\(position)位的连字符位置不正确", en: "Misplaced hyphen at position \(position)")
        case let .checkCharacterMismatch(expected, actual):
            LocalizedText(zh: "校验码应为“\(expected)”，实际为“\(actual)”", en: "Check character should be '\(expected)', found '\(actual)'")
        case .notCanonical:
            LocalizedText(zh: "代码含空白或小写字母，已规范化", en: "Whitespace or lowercase letters were normalised")
        }
    }

    /// The English message.
    public var description: String { message.en }
}

/// Common surface of the identifier checks.
public protocol IdentifierCheck: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text as given.
    var input: String { get }
    /// The canonical form: trimmed, uppercase, and without a hyphen for organisation codes.
    var normalized: String { get }
    /// Everything found wrong, in position order; empty when valid.
    var problems: [IdentifierProblem] { get }
}

extension IdentifierCheck {
    /// No problems at all.
    public var isValid: Bool { problems.isEmpty }
    /// No error-level problems (a check-character mismatch or non-canonical input may remain).
    public var isWellFormed: Bool { !problems.contains { $0.severity == .error } }
    /// Whether the check character was computed and differs from the one given.
    public var hasCheckCharacterMismatch: Bool {
        problems.contains { if case .checkCharacterMismatch = $0 { true } else { false } }
    }
    /// The normalised form.
    public var description: String { normalized }
}

/// Shared helpers.
enum IdentifierText {
    /// Trims whitespace and upper-cases ASCII letters; reports whether that changed anything.
    static func normalize(_ input: String) -> (text: String, changed: Bool) {
        // Fast path: already canonical (digits, capitals, hyphen) — the usual case, without Foundation.
        if !input.isEmpty, input.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D }) {
            return (input, false)
        }
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let upper = String(trimmed.map { $0.isASCII && $0.isLowercase ? Character($0.uppercased()) : $0 })
        return (upper, upper != input)
    }

    /// Character values: the index in `alphabet`, or nil.
    static func values(of characters: ArraySlice<Character>, in alphabet: [Character]) -> [Int]? {
        var result: [Int] = []
        for character in characters {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            result.append(index)
        }
        return result
    }

    static let digits = Array("0123456789")
    static let digitsAndLetters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    // Byte-level fast paths. When every character of the normalised text is printable ASCII other than the
    // space, characters and bytes correspond one to one (no grapheme clusters such as CR LF), so the checks
    // below give exactly what the `Character`-based ones give, without building `[Character]` arrays.

    /// Runs `body` on the UTF-8 bytes of `text` if they are all in 0x21…0x7E; nil otherwise.
    static func withPrintableASCII<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x21 || byte > 0x7E { return nil }
            return body(bytes)
        }
    }

    /// The one-character string of an ASCII byte.
    static func string(_ byte: UInt8) -> String { String(UnicodeScalar(byte)) }

    /// Index of each ASCII byte in `alphabet`, or -1.
    static func table(_ alphabet: [Character]) -> [Int8] {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() { table[Int(character.asciiValue!)] = Int8(index) }
        return table
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

// MARK: - GB 32100 unified social credit code

/// An analysed 18-character 统一社会信用代码 (unified social credit code, GB 32100-2015).
///
/// Layout: 1 registering authority, 2 organisation type, 3–8 administrative division (GB/T 2260),
/// 9–17 the GB 11714 organisation code, 18 check character (weights 3^i mod 31).
public struct UnifiedSocialCreditCode: IdentifierCheck {
    /// The 31-symbol alphabet; a character's value is its index. I, O, S, V and Z are excluded.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of positions 1–17: 3^i mod 31.
    public static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// Letters deliberately left out of the alphabet.
    public static let forbiddenLetters: Set<Character> = ["I", "O", "S", "V", "Z"]

    /// The text as given.
    public let input: String
    /// Trimmed and upper-cased.
    public let normalized: String
    /// Everything found wrong.
    public let problems: [IdentifierProblem]
    /// The check character computed from positions 1–17, when those are valid.
    public let expectedCheckCharacter: String?

    /// Analyses `input`.
    public init(_ input: String) {
        self.input = input
        let (text, changed) = IdentifierText.normalize(input)
        normalized = text
        if let (problems, expected) = IdentifierText.withPrintableASCII(text, { Self.analyse($0, changed: changed) }) {
            self.problems = problems
            self.expectedCheckCharacter = expected
            return
        }
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        let characters = Array(text)
        if characters.isEmpty {
            problems.append(.empty)
        } else if characters.count != 18 {
            problems.append(.wrongLength(expected: 18, actual: characters.count))
        }
        for (offset, character) in characters.enumerated() {
            let position = offset + 1
            let allowed = (3...8).contains(position) ? IdentifierText.digits : Self.alphabet
            guard !allowed.contains(character) else { continue }
            if Self.forbiddenLetters.contains(character) {
                problems.append(.forbiddenLetter(String(character), position: position))
            } else {
                problems.append(.invalidCharacter(String(character), position: position))
            }
        }
        let bodyValid = characters.count >= 17
            && !problems.contains { problem in
                switch problem {
                case let .forbiddenLetter(_, position), let .invalidCharacter(_, position): position <= 17
                default: false
                }
            }
        expectedCheckCharacter = bodyValid ? Self.checkCharacter(forBody: String(characters[0..<17])) : nil
        if let expected = expectedCheckCharacter, characters.count == 18, Self.alphabet.contains(characters[17]),
           String(characters[17]) != expected {
            problems.append(.checkCharacterMismatch(expected: expected, actual: String(characters[17])))
        }
        self.problems = problems
    }

    /// The check character for the first 17 characters, or nil if `body` is not 17 valid characters.
    public static func checkCharacter(forBody body: String) -> String? {
        let characters = Array(body)
        guard characters.count == 17,
              let values = IdentifierText.values(of: characters[...], in: alphabet) else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return String(alphabet[(31 - sum % 31) % 31])
    }

    private static let values = IdentifierText.table(alphabet)

    /// `init`'s analysis on printable-ASCII text (one byte per character).
    private static func analyse(_ b: UnsafeBufferPointer<UInt8>, changed: Bool) -> ([IdentifierProblem], String?) {
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        if b.isEmpty {
            problems.append(.empty)
        } else if b.count != 18 {
            problems.append(.wrongLength(expected: 18, actual: b.count))
        }
        let values = Self.values
        var bodyValid = b.count >= 17
        for (offset, byte) in b.enumerated() {
            let position = offset + 1
            let allowed = (3...8).contains(position) ? IdentifierText.isDigit(byte) : values[Int(byte)] >= 0
            guard !allowed else { continue }
            if byte == 0x49 || byte == 0x4F || byte == 0x53 || byte == 0x56 || byte == 0x5A {  // I O S V Z
                problems.append(.forbiddenLetter(IdentifierText.string(byte), position: position))
            } else {
                problems.append(.invalidCharacter(IdentifierText.string(byte), position: position))
            }
            if position <= 17 { bodyValid = false }
        }
        var expected: String?
        if bodyValid {
            var sum = 0
            for index in 0..<17 { sum += Int(values[Int(b[index])]) * weights[index] }
            expected = String(alphabet[(31 - sum % 31) % 31])
        }
        if let expected, b.count == 18, values[Int(b[17])] >= 0 {
            let actual = IdentifierText.string(b[17])
            if actual != expected { problems.append(.checkCharacterMismatch(expected: expected, actual: actual)) }
        }
        return (problems, expected)
    }

    private var characters: [Character] { Array(normalized) }

    /// The check character as given (position 18).
    public var checkCharacter: String? { characters.count == 18 ? String(characters[17]) : nil }

    /// Position 1: the registering authority code (登记管理部门码), e.g. "9" = 工商.
    public var registrationAuthorityCode: String? { characters.first.map { String($0) } }

    /// Position 2: the organisation type code (机构类别码), e.g. "1" = 企业 under 工商.
    public var organizationTypeCode: String? { characters.count >= 2 ? String(characters[1]) : nil }

    /// Positions 3–8: the administrative-division code of the registering office (高邮市 = 321084).
    public var divisionCode: String? {
        guard characters.count >= 8 else { return nil }
        let code = characters[2..<8]
        return code.allSatisfy { IdentifierText.digits.contains($0) } ? String(code) : nil
    }

    /// Positions 9–17: the embedded GB 11714 organisation code, analysed on its own.
    public var embeddedOrgCode: OrganizationCode? {
        if let code = IdentifierText.withPrintableASCII(normalized, { b -> OrganizationCode? in
            b.count == 18 ? OrganizationCode(String(decoding: UnsafeBufferPointer(rebasing: b[8..<17]), as: UTF8.self)) : nil
        }) {
            return code
        }
        return characters.count == 18 ? OrganizationCode(String(characters[8..<17])) : nil
    }

    /// The registering authority (登记管理部门), e.g. 工商 (industry and commerce).
    public var registrationAuthority: LocalizedText? {
        registrationAuthorityCode.flatMap { Self.authorities[$0]?.name }
    }

    /// The organisation type (机构类别) within the authority, e.g. 企业 (enterprise).
    public var organizationType: LocalizedText? {
        guard let authority = registrationAuthorityCode, let type = organizationTypeCode else { return nil }
        return Self.authorities[authority]?.types[type]
    }

    /// Registering authorities and their organisation types (GB 32100-2015 tables).
    static let authorities: [String: (name: LocalizedText, types: [String: LocalizedText])] = {
        func t(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }
        let other = t("其他", "Other")
        return [
            "1": (t("机构编制", "Institutional establishment"), [
                "1": t("机关", "Government organ"), "2": t("事业单位", "Public institution"),
                "3": t("编办直接管理机构编制的群众团体", "Mass organisation under the establishment office"), "9": other,
            ]),
            "2": (t("外交", "Foreign affairs"), ["1": t("外国常驻新闻机构", "Resident foreign news agency"), "9": other]),
            "3": (t("司法行政", "Judicial administration"), [
                "1": t("律师执业机构", "Law firm"), "2": t("公证处", "Notary office"),
                "3": t("基层法律服务所", "Grassroots legal service office"), "4": t("司法鉴定机构", "Forensic appraisal institution"),
                "5": t("仲裁委员会", "Arbitration commission"), "9": other,
            ]),
            "4": (t("文化", "Culture"), ["1": t("外国在华文化中心", "Foreign cultural centre in China"), "9": other]),
            "5": (t("民政", "Civil affairs"), [
                "1": t("社会团体", "Social organisation"), "2": t("民办非企业单位", "Private non-enterprise unit"),
                "3": t("基金会", "Foundation"), "9": other,
            ]),
            "6": (t("旅游", "Tourism"), [
                "1": t("外国旅游部门常驻代表机构", "Resident office of a foreign tourism authority"),
                "2": t("港澳台地区旅游部门常驻内地（大陆）代表机构", "Resident office of a Hong Kong, Macao or Taiwan tourism authority"),
                "9": other,
            ]),
            "7": (t("宗教", "Religious affairs"), ["1": t("宗教活动场所", "Place of religious activity"), "2": t("宗教院校", "Religious school"), "9": other]),
            "8": (t("工会", "Trade union"), ["1": t("基层工会", "Base-level trade union"), "9": other]),
            "9": (t("工商", "Industry and commerce"), [
                "1": t("企业", "Enterprise"), "2": t("个体工商户", "Individual business"),
                "3": t("农民专业合作社", "Farmers' specialised cooperative"), "9": other,
            ]),
            "A": (t("中央军委改革和编制办公室", "CMC Reform and Organisation Office"), ["1": t("军队事业单位", "Military public institution"), "9": other]),
            "N": (t("农业", "Agriculture"), [
                "1": t("组级集体经济组织", "Group-level collective economic organisation"),
                "2": t("村级集体经济组织", "Village-level collective economic organisation"),
                "3": t("乡镇级集体经济组织", "Township-level collective economic organisation"), "9": other,
            ]),
            "Y": (t("其他", "Other"), ["1": other]),
        ]
    }()
}

// MARK: - GB 11714 organisation code

/// An analysed 9-character 组织机构代码 (organisation code, GB 11714), with or without the hyphen
/// before the check character ("73231862-0" or "732318620").
public struct OrganizationCode: IdentifierCheck {
    /// The weights of body positions 1–8.
    public static let weights: [Int] = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The text as given.
    public let input: String
    /// Trimmed, upper-cased, without hyphens, e.g. "732318620".
    public let normalized: String
    /// Everything found wrong.
    public let problems: [IdentifierProblem]
    /// The check character computed from the 8 body characters, when those are valid.
    public let expectedCheckCharacter: String?
    /// Whether the input used the printed form with a hyphen before the check character.
    public let hadHyphen: Bool

    /// Analyses `input`.
    public init(_ input: String) {
        self.input = input
        let (text, changed) = IdentifierText.normalize(input)
        if let (normalized, problems, expected, hadHyphen) = IdentifierText.withPrintableASCII(text, { Self.analyse($0, changed: changed) }) {
            self.normalized = normalized
            self.problems = problems
            self.expectedCheckCharacter = expected
            self.hadHyphen = hadHyphen
            return
        }
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        let raw = Array(text)
        var hadHyphen = false
        for (offset, character) in raw.enumerated() where character == "-" {
            if offset == 8 && raw.count == 10 {
                hadHyphen = true
            } else {
                problems.append(.misplacedHyphen(position: offset + 1))
            }
        }
        let characters = raw.filter { $0 != "-" }
        self.hadHyphen = hadHyphen
        normalized = String(characters)
        if characters.isEmpty {
            problems.append(.empty)
        } else if characters.count != 9 {
            problems.append(.wrongLength(expected: 9, actual: characters.count))
        }
        var bodyValid = characters.count >= 8
        for (offset, character) in characters.enumerated() {
            let allowed = offset < 8 ? IdentifierText.digitsAndLetters : Array("0123456789X")
            if !allowed.contains(character) {
                problems.append(.invalidCharacter(String(character), position: offset + 1))
                if offset < 8 { bodyValid = false }
            }
        }
        expectedCheckCharacter = bodyValid ? Self.checkCharacter(forBody: String(characters[0..<8])) : nil
        if let expected = expectedCheckCharacter, characters.count == 9, "0123456789X".contains(characters[8]),
           String(characters[8]) != expected {
            problems.append(.checkCharacterMismatch(expected: expected, actual: String(characters[8])))
        }
        self.problems = problems
    }

    private static let values = IdentifierText.table(IdentifierText.digitsAndLetters)

    /// `init`'s analysis on printable-ASCII text (one byte per character).
    private static func analyse(_ raw: UnsafeBufferPointer<UInt8>, changed: Bool) -> (String, [IdentifierProblem], String?, Bool) {
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        var hadHyphen = false
        var characters: [UInt8] = []
        characters.reserveCapacity(raw.count)
        for (offset, byte) in raw.enumerated() {
            guard byte == 0x2D else { characters.append(byte); continue }
            if offset == 8 && raw.count == 10 {
                hadHyphen = true
            } else {
                problems.append(.misplacedHyphen(position: offset + 1))
            }
        }
        let normalized = String(decoding: characters, as: UTF8.self)
        if characters.isEmpty {
            problems.append(.empty)
        } else if characters.count != 9 {
            problems.append(.wrongLength(expected: 9, actual: characters.count))
        }
        let values = Self.values
        var bodyValid = characters.count >= 8
        for (offset, byte) in characters.enumerated() {
            let allowed = offset < 8 ? values[Int(byte)] >= 0 : IdentifierText.isDigit(byte) || byte == 0x58  // X
            if !allowed {
                problems.append(.invalidCharacter(IdentifierText.string(byte), position: offset + 1))
                if offset < 8 { bodyValid = false }
            }
        }
        var expected: String?
        if bodyValid {
            var sum = 0
            for index in 0..<8 { sum += Int(values[Int(characters[index])]) * weights[index] }
            switch 11 - sum % 11 {
            case 10: expected = "X"
            case 11: expected = "0"
            case let digit: expected = String(digit)
            }
        }
        if let expected, characters.count == 9, IdentifierText.isDigit(characters[8]) || characters[8] == 0x58 {
            let actual = IdentifierText.string(characters[8])
            if actual != expected { problems.append(.checkCharacterMismatch(expected: expected, actual: actual)) }
        }
        return (normalized, problems, expected, hadHyphen)
    }

    /// The check character for 8 body characters (c9 = 11 − Σ mod 11; 10 → "X", 11 → "0"), or nil.
    public static func checkCharacter(forBody body: String) -> String? {
        let characters = Array(body)
        guard characters.count == 8,
              let values = IdentifierText.values(of: characters[...], in: IdentifierText.digitsAndLetters) else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return String(digit)
        }
    }

    /// The printed form "XXXXXXXX-X" (or the normalised text if it is not 9 characters long).
    public var formatted: String {
        let characters = Array(normalized)
        guard characters.count == 9 else { return normalized }
        return String(characters[0..<8]) + "-" + String(characters[8])
    }
}

// MARK: - 15-digit business registration number

/// An analysed 15-digit 工商注册号 (business registration number, GS 15-2006) whose last digit is an
/// ISO 7064 MOD 11,10 check digit.
public struct BusinessRegistrationNumber: IdentifierCheck {
    /// The text as given.
    public let input: String
    /// Trimmed.
    public let normalized: String
    /// Everything found wrong.
    public let problems: [IdentifierProblem]
    /// The check digit computed from the first 14 digits, when those are valid.
    public let expectedCheckDigit: String?

    /// Analyses `input`.
    public init(_ input: String) {
        self.input = input
        let (text, changed) = IdentifierText.normalize(input)
        normalized = text
        if let (problems, expected) = IdentifierText.withPrintableASCII(text, { Self.analyse($0, changed: changed) }) {
            self.problems = problems
            self.expectedCheckDigit = expected
            return
        }
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        let characters = Array(text)
        if characters.isEmpty {
            problems.append(.empty)
        } else if characters.count != 15 {
            problems.append(.wrongLength(expected: 15, actual: characters.count))
        }
        var bodyValid = characters.count >= 14
        for (offset, character) in characters.enumerated() where !IdentifierText.digits.contains(character) {
            problems.append(.invalidCharacter(String(character), position: offset + 1))
            if offset < 14 { bodyValid = false }
        }
        expectedCheckDigit = bodyValid ? Self.checkDigit(forBody: String(characters[0..<14])) : nil
        if let expected = expectedCheckDigit, characters.count == 15, IdentifierText.digits.contains(characters[14]),
           String(characters[14]) != expected {
            problems.append(.checkCharacterMismatch(expected: expected, actual: String(characters[14])))
        }
        self.problems = problems
    }

    /// `init`'s analysis on printable-ASCII text (one byte per character).
    private static func analyse(_ b: UnsafeBufferPointer<UInt8>, changed: Bool) -> ([IdentifierProblem], String?) {
        var problems: [IdentifierProblem] = changed ? [.notCanonical] : []
        if b.isEmpty {
            problems.append(.empty)
        } else if b.count != 15 {
            problems.append(.wrongLength(expected: 15, actual: b.count))
        }
        var bodyValid = b.count >= 14
        for (offset, byte) in b.enumerated() where !IdentifierText.isDigit(byte) {
            problems.append(.invalidCharacter(IdentifierText.string(byte), position: offset + 1))
            if offset < 14 { bodyValid = false }
        }
        var expected: String?
        if bodyValid {
            var product = 10
            for index in 0..<14 {
                var sum = (product + Int(b[index] - 0x30)) % 10
                if sum == 0 { sum = 10 }
                product = (sum * 2) % 11
            }
            expected = String((11 - product) % 10)
        }
        if let expected, b.count == 15, IdentifierText.isDigit(b[14]) {
            let actual = IdentifierText.string(b[14])
            if actual != expected { problems.append(.checkCharacterMismatch(expected: expected, actual: actual)) }
        }
        return (problems, expected)
    }

    /// The ISO 7064 MOD 11,10 check digit for 14 digits, or nil if `body` is not 14 digits.
    public static func checkDigit(forBody body: String) -> String? {
        let characters = Array(body)
        guard characters.count == 14,
              let digits = IdentifierText.values(of: characters[...], in: IdentifierText.digits) else { return nil }
        var product = 10
        for digit in digits {
            var sum = (product + digit) % 10
            if sum == 0 { sum = 10 }
            product = (sum * 2) % 11
        }
        return String((11 - product) % 10)
    }

    /// Digits 1–6: the administrative-division code of the registering office.
    public var authorityCode: String? {
        let characters = Array(normalized)
        guard characters.count >= 6 else { return nil }
        let code = characters[0..<6]
        return code.allSatisfy { IdentifierText.digits.contains($0) } ? String(code) : nil
    }
}
