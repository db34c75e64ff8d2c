import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One parsed element: name, attributes and the text directly inside it.
struct ParsedElement {
    let name: String
    let attributes: [String: String]
    var text = ""
}

/// Parses `markup` with Foundation's XMLParser; `nil` when it is not well-formed XML.
func parseXML(_ markup: String) -> [ParsedElement]? {
    let collector = ElementCollector()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = collector
    return parser.parse() ? collector.elements : nil
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [ParsedElement] = []
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(ParsedElement(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }
}
