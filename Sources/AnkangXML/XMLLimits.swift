/// Bounds on the work one untrusted document may cause. Checked before libxml2 sees the bytes.
public struct XMLLimits: Sendable, Hashable {
    /// Largest accepted document, in bytes.
    public var maxBytes: Int
    /// Deepest accepted element nesting (the root is depth 1).
    public var maxDepth: Int
    /// Most attributes (namespace declarations included) accepted on one element. libxml2 2.9.14 is
    /// quadratic in this number, so it is checked by Ankang's own scan first.
    public var maxAttributesPerElement: Int
    /// Most findings kept per document; the rest are counted in one closing finding.
    public var maxDiagnostics: Int

    public init(maxBytes: Int = 4 << 20, maxDepth: Int = 48, maxAttributesPerElement: Int = 64, maxDiagnostics: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxDiagnostics = maxDiagnostics
    }

    /// The defaults: 4 MiB, depth 48, 64 attributes, 100 findings.
    public static let standard = XMLLimits()
}
