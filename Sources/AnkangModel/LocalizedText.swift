/// A short user-facing text in Chinese with its English equivalent.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Chinese (zh) text, the primary language of the domain.
    public var zh: String
    /// The English (en) text.
    public var en: String

    /// Creates a text from its Chinese and English forms.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Both languages, e.g. "重大事故隐患 (Major hazard)".
    public var bilingual: String { "\(zh) (\(en))" }

    /// The bilingual form.
    public var description: String { bilingual }
}

/// An enumeration whose cases carry a bilingual label; raw values are the XML tokens.
public protocol Labelled: Sendable, Hashable, Codable, CaseIterable, RawRepresentable where RawValue == String {
    /// The bilingual, user-facing name of this value.
    var label: LocalizedText { get }
}

extension Labelled {
    /// The Chinese label, the usual display form in reports.
    public var zh: String { label.zh }
    /// The English label.
    public var en: String { label.en }
}
