/// One finding about a submission: what is wrong, where, and how bad.
///
/// Diagnostics print like a compiler's: `path:line:column: error: message [/element/path] (CODE)`.
/// The message is kept in Chinese and English; ``code`` is stable across releases.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How a finding affects the verdict: any error makes a file invalid; warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// Stable identifier such as `ANK-XSD-004`; see ``DiagnosticCode``.
    public var code: String
    /// The message in Chinese.
    public var zh: String
    /// The message in English.
    public var en: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column in characters, when known. `nil` means unknown: never guessed.
    public var column: Int?
    /// Element path such as `/monitoringRecord/hazards/hazard[2]/@grade`, when the finding is about a node.
    public var path: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, zh: String, en: String,
        line: Int? = nil, column: Int? = nil, path: String? = nil
    ) {
        self.severity = severity
        self.code = code.rawValue
        self.zh = zh
        self.en = en
        self.line = line
        self.column = column
        self.path = path
    }

    /// Creates a diagnostic located at `position` (line, column and path of an element or attribute).
    public init(_ severity: Severity, _ code: DiagnosticCode, zh: String, en: String, at position: SourcePosition?) {
        self.init(severity, code, zh: zh, en: en, line: position?.line, column: position?.column, path: position?.path)
    }
}

/// Where a node sits in the source document.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int?
    public var column: Int?
    public var path: String?

    public init(line: Int?, column: Int?, path: String?) {
        self.line = line
        self.column = column
        self.path = path
    }
}

/// The stable finding codes. Families: `IO` reading, `FMT` file format, `ENC` encoding, `SEC` hostile-input
/// limits, `XML` well-formedness, `DOC` document type, `XSD` schema validity, `SEM` semantic rules.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let unreadable: DiagnosticCode = "ANK-IO-001"
    public static let tooLarge: DiagnosticCode = "ANK-IO-002"
    public static let emptyFile: DiagnosticCode = "ANK-FMT-001"
    public static let binaryFile: DiagnosticCode = "ANK-FMT-002"
    public static let archiveFile: DiagnosticCode = "ANK-FMT-003"
    public static let unsupportedEncoding: DiagnosticCode = "ANK-ENC-001"
    public static let encodingMismatch: DiagnosticCode = "ANK-ENC-002"
    public static let byteOrderMarkConflict: DiagnosticCode = "ANK-ENC-003"
    public static let doctypeForbidden: DiagnosticCode = "ANK-SEC-001"
    public static let tooDeep: DiagnosticCode = "ANK-SEC-002"
    public static let tooManyAttributes: DiagnosticCode = "ANK-SEC-003"
    public static let tooManyFindings: DiagnosticCode = "ANK-SEC-004"
    public static let notWellFormed: DiagnosticCode = "ANK-XML-001"
    public static let unknownDocumentType: DiagnosticCode = "ANK-DOC-001"
    public static let unsupportedSchemaVersion: DiagnosticCode = "ANK-DOC-002"
    public static let schemaOther: DiagnosticCode = "ANK-XSD-000"
    public static let unexpectedElement: DiagnosticCode = "ANK-XSD-001"
    public static let missingAttribute: DiagnosticCode = "ANK-XSD-002"
    public static let attributeNotAllowed: DiagnosticCode = "ANK-XSD-003"
    public static let invalidValue: DiagnosticCode = "ANK-XSD-004"
    public static let duplicateKey: DiagnosticCode = "ANK-XSD-005"
    public static let danglingReference: DiagnosticCode = "ANK-XSD-006"
    public static let internalError: DiagnosticCode = "ANK-INT-001"
}
