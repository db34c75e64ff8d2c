// Build-time tool (run by the EmbedSchemas plugin): writes a Swift file that embeds the files of
// `schemas/` as byte arrays, so the `ankang` binary validates offline from any directory.
//
// Usage: ankang-embed OUTPUT.swift ROOT RELATIVE-PATH...
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ankang-embed OUTPUT.swift ROOT RELATIVE-PATH...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2])

var source = "// Generated at build time by ankang-embed from schemas/. Do not edit.\n\n"
source += "/// The files of the repository's `schemas/` folder, by path relative to it.\n"
source += "enum EmbeddedSchemaFiles {\n    static let files: [String: [UInt8]] = [\n"
for relative in arguments.dropFirst(3).sorted() {
    let data = try Data(contentsOf: root.appendingPathComponent(relative))
    // A string literal is stored in the binary as its UTF-8 bytes, so `Array(literal.utf8)` is a copy, not a
    // decode; escapes keep every byte exact (line endings, tabs, quotes).
    guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("ankang-embed: \(relative) is not UTF-8; the schema folder must be\n".utf8))
        exit(1)
    }
    source += "        \"\(relative)\": Array(\"\(escaped(text))\".utf8),\n"
}
source += "    ]\n}\n"

/// `text` as the body of a one-line Swift string literal.
func escaped(_ text: String) -> String {
    var literal = ""
    literal.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: literal += "\\u{\(String(scalar.value, radix: 16))}"
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal
}

let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
