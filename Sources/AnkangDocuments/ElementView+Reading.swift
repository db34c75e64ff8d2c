import AnkangModel
import AnkangXML
import Foundation

/// The schema promised something the extractor did not find: a mismatch between Ankang's own schema
/// and extractor (a bug), reported as an internal error rather than a crash.
struct ExtractionError: Error {
    let path: String
    let what: String

    var diagnostic: Diagnostic {
        Diagnostic(.error, "ANK-INT-002",
            zh: "架构与提取程序不一致（\(what)），文件未受理；请报告此问题",
            en: "schema and extractor disagree (\(what)); the file was not accepted, please report this", line: nil, column: nil, path: path)
    }
}

/// Typed reading of schema-valid elements. After XSD validation required parts exist and values parse;
/// the throwing forms only guard against a schema/extractor mismatch.
extension ElementView {
    func required(_ child: String) throws -> ElementView {
        guard let element = self.child(child) else { throw ExtractionError(path: position.path ?? name, what: "missing \(child)") }
        return element
    }

    /// The trimmed text of a required child element.
    func text(_ child: String) throws -> String { try required(child).trimmedText }

    /// The trimmed text of an optional child element.
    func optionalText(_ child: String) -> String? { self.child(child)?.trimmedText }

    /// Trimmed texts of all children named `child`.
    func texts(_ child: String) -> [String] { trimmedContents(ofChildrenNamed: child) }

    /// `text` without leading and trailing XML whitespace.
    var trimmedText: String { trimmedContent }

    func requiredAttribute(_ name: String) throws -> String {
        guard let value = trimmedAttribute(name) else { throw ExtractionError(path: position.path ?? self.name, what: "missing @\(name)") }
        return value
    }

    func value<T: RawRepresentable>(_ attribute: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let raw = try requiredAttribute(attribute)
        guard let value = T(rawValue: raw) else { throw ExtractionError(path: position.path ?? name, what: "bad @\(attribute) \(raw)") }
        return value
    }

    func optionalValue<T: RawRepresentable>(_ attribute: String, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        guard self.attribute(attribute) != nil else { return nil }
        return try value(attribute, as: type)
    }

    /// An enumeration held as the text of child `child`.
    func enumText<T: RawRepresentable>(_ child: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let raw = try text(child)
        guard let value = T(rawValue: raw) else { throw ExtractionError(path: position.path ?? name, what: "bad \(child) \(raw)") }
        return value
    }

    func date(_ attribute: String) throws -> CivilDate {
        let raw = try requiredAttribute(attribute)
        guard let date = CivilDate(iso: raw) else { throw ExtractionError(path: position.path ?? name, what: "bad date \(raw)") }
        return date
    }

    func optionalDate(_ attribute: String) throws -> CivilDate? {
        guard self.attribute(attribute) != nil else { return nil }
        return try date(attribute)
    }

    func dateText(_ child: String) throws -> CivilDate {
        let raw = try text(child)
        guard let date = CivilDate(iso: raw) else { throw ExtractionError(path: position.path ?? name, what: "bad date \(raw)") }
        return date
    }

    func integer(_ attribute: String) throws -> Int {
        let raw = try requiredAttribute(attribute)
        guard let value = Int(raw.hasPrefix("+") ? String(raw.dropFirst()) : raw) else {
            throw ExtractionError(path: position.path ?? name, what: "bad integer \(raw)")
        }
        return value
    }

    func optionalInteger(_ attribute: String) throws -> Int? {
        guard self.attribute(attribute) != nil else { return nil }
        return try integer(attribute)
    }

    func integerText(_ child: String) throws -> Int {
        let raw = try text(child)
        guard let value = Int(raw.hasPrefix("+") ? String(raw.dropFirst()) : raw) else {
            throw ExtractionError(path: position.path ?? name, what: "bad integer \(raw)")
        }
        return value
    }

    func decimal(_ attribute: String) throws -> Double {
        let raw = try requiredAttribute(attribute)
        guard let value = Double(raw) else { throw ExtractionError(path: position.path ?? name, what: "bad number \(raw)") }
        return value
    }

    func optionalDecimal(_ attribute: String) throws -> Double? {
        guard self.attribute(attribute) != nil else { return nil }
        return try decimal(attribute)
    }

    /// xs:boolean: `true`, `false`, `1`, `0`.
    func boolean(_ attribute: String) throws -> Bool {
        let raw = try requiredAttribute(attribute)
        return raw == "true" || raw == "1"
    }

    func optionalBoolean(_ attribute: String) throws -> Bool? {
        guard self.attribute(attribute) != nil else { return nil }
        return try boolean(attribute)
    }

    func booleanText(_ child: String) throws -> Bool {
        let raw = try text(child)
        return raw == "true" || raw == "1"
    }

    /// A `<zh>…</zh><en>…</en>` pair.
    func localized() throws -> LocalizedText { LocalizedText(zh: try text("zh"), en: try text("en")) }
}

extension String {
    /// Without leading and trailing XML whitespace (space, tab, CR, LF). Works on the UTF-8 view:
    /// Foundation's `trimmingCharacters(in:)` bridges through UTF-16 and was a quarter of the extraction time.
    var trimmingXMLWhitespace: String {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
