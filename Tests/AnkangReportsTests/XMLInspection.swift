import Foundation

/// One parsed element: name, attributes and the text directly inside it.
struct ParsedElement {
    let name: String
    let attributes: [String: String]
    var text = ""
}

/// Parses `markup` with Python's `xml.etree` (not Foundation's XMLParser: on Linux it replaces libxml2's
/// process-wide entity loader, which the hostile-input tests in this process check is Ankang's own);
/// `nil` when it is not well-formed XML. Names are local names, in document order.
func parseXML(_ markup: String) -> [ParsedElement]? {
    let script = """
        import json, sys, xml.etree.ElementTree as ET
        try:
            root = ET.fromstring(sys.stdin.buffer.read())
        except ET.ParseError:
            sys.exit(1)
        local = lambda tag: tag.rsplit('}', 1)[-1]
        out = [[local(e.tag), {local(k): v for k, v in e.attrib.items()}, (e.text or '') + ''.join(c.tail or '' for c in e)] for e in root.iter()]
        if root.tag.startswith('{'):
            out[0][1]['xmlns'] = root.tag[1:].split('}')[0]
        print(json.dumps(out))
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    input.fileHandleForWriting.write(Data(markup.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let rows = try? JSONSerialization.jsonObject(with: data) as? [[Any]] else { return nil }
    return rows.compactMap { row in
        guard row.count == 3, let name = row[0] as? String, let attributes = row[1] as? [String: String], let text = row[2] as? String else { return nil }
        return ParsedElement(name: name, attributes: attributes, text: text)
    }
}
