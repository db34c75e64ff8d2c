import CLibXML2

/// A read-only view of one element of a parsed, validated document.
///
/// Views are handed to the `inspect` closure of ``XMLValidator/validate(_:fileName:selectSchema:inspect:)``
/// and are valid only inside it: the document is freed when the closure returns. Copy out what you need.
/// Attributes are read straight from the tree (never through functions that consult a DTD).
public struct ElementView {
    let node: xmlNodePtr
    /// Unowned: views are valid only while their document is, and ``XMLValidator`` keeps the map alive for
    /// that long; this saves a reference-count update on every view made or copied.
    unowned(unsafe) let source: SourceMap

    /// Local name, e.g. `hazard`.
    public var name: String { String(cString: node.pointee.name) }

    /// Namespace URI, if any.
    public var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// The value of the un-namespaced attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, nameEquals(current.pointee.name, name) {
                return Self.textContent(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// `attribute(name)` without leading and trailing XML whitespace (space, tab, CR, LF), made in one step.
    public func trimmedAttribute(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            var attribute = node.pointee.properties
            while let current = attribute {
                if current.pointee.ns == nil, nameMatches(current.pointee.name, wanted) {
                    return Self.trimmedTextContent(of: current.pointee.children)
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// The element's own character data (text and CDATA children), not its descendants'.
    public var text: String { Self.textContent(of: node.pointee.children) ?? "" }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF), made in one step.
    public var trimmedContent: String { Self.trimmedTextContent(of: node.pointee.children) ?? "" }

    /// The `trimmedContent` of every child element named `name`, in document order.
    public func trimmedContents(ofChildrenNamed name: String) -> [String] {
        var name = name
        return name.withUTF8 { wanted in
            var result: [String] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, nameMatches(current.pointee.name, wanted) {
                    result.append(Self.trimmedTextContent(of: current.pointee.children) ?? "")
                }
                child = current.pointee.next
            }
            return result
        }
    }

    /// Child elements in document order.
    public var children: [ElementView] {
        var result: [ElementView] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(ElementView(node: current, source: source)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> ElementView? {
        var name = name
        return name.withUTF8 { wanted in
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, nameMatches(current.pointee.name, wanted) {
                    return ElementView(node: current, source: source)
                }
                child = current.pointee.next
            }
            return nil
        }
    }

    /// All child elements named `name`.
    public func children(_ name: String) -> [ElementView] {
        var name = name
        return name.withUTF8 { wanted in
            // Counted first, so the array is allocated once.
            var count = 0
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, nameMatches(current.pointee.name, wanted) { count += 1 }
                child = current.pointee.next
            }
            var result: [ElementView] = []
            guard count > 0 else { return result }
            result.reserveCapacity(count)
            child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, nameMatches(current.pointee.name, wanted) {
                    result.append(ElementView(node: current, source: source))
                }
                child = current.pointee.next
            }
            return result
        }
    }

    /// Where the element's start tag is: line, column and path.
    public var position: SourcePosition { source.position(of: UnsafeMutableRawPointer(node)) }

    /// Where attribute `name` is written (falls back to the element's position).
    public func position(ofAttribute name: String) -> SourcePosition {
        var attribute = node.pointee.properties
        while let current = attribute {
            if current.pointee.ns == nil, nameEquals(current.pointee.name, name) {
                return source.position(of: UnsafeMutableRawPointer(current))
            }
            attribute = current.pointee.next
        }
        return position
    }

    /// `textContent(of:)` without leading and trailing XML whitespace. The bytes are trimmed before they are
    /// decoded: whitespace is ASCII, and decoding (which repairs invalid UTF-8 locally) keeps ASCII bytes as
    /// they are, so this is the decoded text trimmed, without making the untrimmed string.
    static func trimmedTextContent(of first: xmlNodePtr?) -> String? {
        guard let first else { return nil }
        if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
            guard let content = first.pointee.content else { return "" }
            return trimmedString(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
        }
        var bytes: [UInt8] = []
        var node: xmlNodePtr? = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            node = current.pointee.next
        }
        return bytes.withUnsafeBufferPointer { trimmedString($0) }
    }

    private static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    static func textContent(of first: xmlNodePtr?) -> String? {
        guard let first else { return nil }
        if first.pointee.next == nil, first.pointee.type == XML_TEXT_NODE || first.pointee.type == XML_CDATA_SECTION_NODE {
            return first.pointee.content.map { String(cString: $0) } ?? ""
        }
        var bytes: [UInt8] = []
        var node: xmlNodePtr? = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                var p = content
                while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
            }
            node = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Maps nodes of one parsed document back to source positions, using the start tags that the
/// ``MarkupScanner`` recorded. Built lazily: a valid document with no findings never pays for it.
final class SourceMap {
    let scanner: MarkupScanner
    let root: xmlNodePtr?
    private var elementIndex: [UnsafeMutableRawPointer: Int]?
    /// Element nodes in document order (the inverse of `elementIndex`).
    private var elements: [xmlNodePtr] = []

    init(scanner: MarkupScanner, root: xmlNodePtr?) {
        self.scanner = scanner
        self.root = root
    }

    /// Position of an element, or of its attribute `attribute` when given and present.
    func position(of rawNode: UnsafeMutableRawPointer?, attribute: String?) -> SourcePosition {
        guard let attribute, let rawNode else { return position(of: rawNode) }
        let node = rawNode.assumingMemoryBound(to: xmlNode.self)
        guard node.pointee.type == XML_ELEMENT_NODE else { return position(of: rawNode) }
        var property = node.pointee.properties
        while let current = property {
            var name = String(cString: current.pointee.name)
            if let prefix = current.pointee.ns?.pointee.prefix { name = String(cString: prefix) + ":" + name }
            if name == attribute { return position(of: UnsafeMutableRawPointer(current)) }
            property = current.pointee.next
        }
        return position(of: rawNode)
    }

    func position(of rawNode: UnsafeMutableRawPointer?) -> SourcePosition {
        guard let rawNode else { return SourcePosition(line: nil, column: nil, path: nil) }
        let node = rawNode.assumingMemoryBound(to: xmlNode.self)
        if node.pointee.type == XML_ATTRIBUTE_NODE {
            let attribute = rawNode.assumingMemoryBound(to: xmlAttr.self)
            guard let parent = attribute.pointee.parent else { return SourcePosition(line: nil, column: nil, path: nil) }
            var qualifiedName = String(cString: attribute.pointee.name)
            if let prefix = attribute.pointee.ns?.pointee.prefix { qualifiedName = String(cString: prefix) + ":" + qualifiedName }
            let owner = position(of: UnsafeMutableRawPointer(parent))
            let path = owner.path.map { $0 + "/@" + qualifiedName }
            if let tag = tag(for: UnsafeMutableRawPointer(parent)),
               let (line, column) = scanner.attributePosition(in: tag, qualifiedName: qualifiedName) {
                return SourcePosition(line: line, column: column, path: path)
            }
            return SourcePosition(line: owner.line, column: nil, path: path)
        }
        guard node.pointee.type == XML_ELEMENT_NODE else {
            let line = Int(xmlGetLineNo(node))
            return SourcePosition(line: line > 0 ? line : nil, column: nil, path: nil)
        }
        let path = Self.path(of: node)
        if let tag = tag(for: rawNode) {
            return SourcePosition(line: Int(tag.line), column: Int(tag.column), path: path)
        }
        let line = Int(xmlGetLineNo(node))
        return SourcePosition(line: line > 0 ? line : nil, column: nil, path: path)
    }

    /// The recorded start tag of an element node, if the scan and the parse agree on it.
    private func tag(for rawNode: UnsafeMutableRawPointer) -> StartTag? {
        if elementIndex == nil { elementIndex = buildIndex() }
        guard let index = elementIndex?[rawNode], index < scanner.tags.count else { return nil }
        let tag = scanner.tags[index]
        let node = rawNode.assumingMemoryBound(to: xmlNode.self)
        // Sanity check: libxml2 records the line where the start tag ends.
        return Int(xmlGetLineNo(node)) == Int(tag.endLine) ? tag : nil
    }

    /// The element named `localName` whose start tag ends on `line`: for the few libxml2 errors (identity
    /// constraints) that carry a line but no node.
    func position(ofElementNamed localName: String, endingOnLine line: Int) -> SourcePosition? {
        if elementIndex == nil { elementIndex = buildIndex() }
        for node in elements where Int(xmlGetLineNo(node)) == line && nameEquals(node.pointee.name, localName) {
            return position(of: UnsafeMutableRawPointer(node))
        }
        return nil
    }

    private func buildIndex() -> [UnsafeMutableRawPointer: Int] {
        var index: [UnsafeMutableRawPointer: Int] = [:]
        index.reserveCapacity(scanner.tags.count)
        elements.reserveCapacity(scanner.tags.count)
        var counter = 0
        func visit(_ node: xmlNodePtr) {
            index[UnsafeMutableRawPointer(node)] = counter
            elements.append(node)
            counter += 1
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { visit(current) }
                child = current.pointee.next
            }
        }
        if let root { visit(root) }
        return index
    }

    /// `/a/b[2]/c`: local names, with a 1-based index where siblings share a name.
    static func path(of node: xmlNodePtr) -> String {
        var steps: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            var step = String(cString: element.pointee.name)
            var position = 1
            var total = 1
            var sibling = element.pointee.prev
            while let s = sibling {
                if s.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(s.pointee.name, element.pointee.name) != 0 { position += 1; total += 1 }
                sibling = s.pointee.prev
            }
            sibling = element.pointee.next
            while let s = sibling {
                if s.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(s.pointee.name, element.pointee.name) != 0 { total += 1 }
                sibling = s.pointee.next
            }
            if total > 1 { step += "[\(position)]" }
            steps.append(step)
            current = element.pointee.parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }
}

/// Compares a libxml2 name with the UTF-8 bytes of a name.
@inline(__always)
func nameMatches(_ cName: UnsafePointer<xmlChar>?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let cName else { return false }
    // A mismatch (the C string's terminating 0 included) stops the loop before reading past it.
    var index = 0
    let count = bytes.count
    while index < count {
        if cName[index] != bytes[index] { return false }
        index &+= 1
    }
    return cName[count] == 0
}

/// Compares a libxml2 name with a Swift string without allocating (the implicit String → xmlChar pointer
/// conversion copies the string each time).
@inline(__always)
func nameEquals(_ cName: UnsafePointer<xmlChar>?, _ name: String) -> Bool {
    guard let cName else { return false }
    var name = name
    return name.withUTF8 { nameMatches(cName, $0) }
}
