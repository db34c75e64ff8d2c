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
    // Base64 keeps the bytes exact (line endings, encodings) and compiles quickly.
    source += "        \"\(relative)\": decode(\"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n\n"
source += "    private static func decode(_ base64: String) -> [UInt8] {\n"
source += "        var bytes: [UInt8] = []\n"
source += "        bytes.reserveCapacity(base64.utf8.count * 3 / 4)\n"
source += "        var buffer: UInt32 = 0\n        var bits = 0\n"
source += "        for character in base64.utf8 {\n"
source += "            let value: UInt8\n"
source += "            switch character {\n"
source += "            case UInt8(ascii: \"A\")...UInt8(ascii: \"Z\"): value = character - UInt8(ascii: \"A\")\n"
source += "            case UInt8(ascii: \"a\")...UInt8(ascii: \"z\"): value = character - UInt8(ascii: \"a\") + 26\n"
source += "            case UInt8(ascii: \"0\")...UInt8(ascii: \"9\"): value = character - UInt8(ascii: \"0\") + 52\n"
source += "            case UInt8(ascii: \"+\"): value = 62\n"
source += "            case UInt8(ascii: \"/\"): value = 63\n"
source += "            default: continue\n"
source += "            }\n"
source += "            buffer = buffer << 6 | UInt32(value)\n            bits += 6\n"
source += "            if bits >= 8 {\n                bits -= 8\n                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))\n            }\n"
source += "        }\n        return bytes\n    }\n}\n"

let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
