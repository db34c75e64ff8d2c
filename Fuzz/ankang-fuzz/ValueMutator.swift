// A structure-aware mutation for libFuzzer: half of the time, replace one attribute value or one text
// run of the input with an edge-case value (boundary integers and decimals, dates with time zones or
// unusual years, whitespace, references, …) or with another value of the same document.
//
// Byte-level mutations almost always break a 3–18 KB submission's well-formedness or schema validity, so
// they seldom reach extraction and the semantic rules; a changed value usually keeps the document valid
// and puts exactly the schema/extractor/rule disagreements in reach. The other half of the mutations are
// libFuzzer's own (`LLVMFuzzerMutate`, which also uses the -dict tokens).
// ANKANG_FUZZ_VALUES=0 turns this off (libFuzzer's mutations only).

import Foundation

@_extern(c, "LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

private let valueMutationsEnabled = ProcessInfo.processInfo.environment["ANKANG_FUZZ_VALUES"] != "0"

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    var random = SplitMix(seed: UInt64(seed))
    guard valueMutationsEnabled, size > 0, random.next() % 2 == 0 else { return LLVMFuzzerMutate(data, size, maxSize) }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mutated = ValueMutator.mutate(input, random: &random), mutated.count <= maxSize else {
        return LLVMFuzzerMutate(data, size, maxSize)
    }
    mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: $0.count) }
    return mutated.count
}

enum ValueMutator {
    /// Values that sit on the edges of XSD types and of the Swift types the extractor reads them into.
    static let interesting: [String] = [
        // integers (xs:integer and its unbounded subtypes vs Int)
        "0", "1", "-1", "+1", "007", "2147483648", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999",
        // decimals (xs:decimal vs Double, formatting)
        "0.0", "0.5", ".5", "1.", "+.5", "-0", "100.0", "100000000000000000000", "1.5e3", "0.00000000000000000001",
        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000",
        // xs:date / xs:gYear (time zones, signed and long years)
        "2011-07-28", "2011-07-28Z", "2011-07-28+08:00", "2011-07-28-14:00", "-2011-07-28", "12011-07-28",
        "0001-01-01", "9999-12-31", "2012-02-29", "2011-02-29", "2011", "12011", "-2011", "2011Z", "0099",
        // xs:dateTime
        "2011-07-29T09:10:00+08:00", "2011-07-29T24:00:00+08:00", "2011-07-29T09:10:00.123456789+14:00",
        "2011-07-29T09:10:00Z", "2011-07-29T09:10:00", "-0001-07-29T09:10:00+08:00", "12011-07-29T09:10:00Z",
        // booleans, enumerations, identifiers
        "true", "false", "1", "0", " true ", "TRUE",
        "2ea0a2c5-21cc-4193-8fbe-5128a538d51b", "2EA0A2C5-21CC-4193-8FBE-5128A538D51B",
        "91321084MA1MXXXX0X", "913210845682047355", "568204735", "56820473-5", "321084000129582",
        "2011", "2012", "2099", "1.0", "1.99999999999999999999", "A1", "H5", "ZZ99",
        // text
        "", " ", "\t\n\r", "  x  ", "中文", "涓枃", "&amp;", "&#x4E2D;", "&#20013;", "&lt;&gt;", "]]>",
        String(repeating: "长", count: 300), String(repeating: "9", count: 400),
    ]

    /// A copy of `input` with one value replaced, or nil when it has no values (or is UTF-16).
    static func mutate(_ input: [UInt8], random: inout SplitMix) -> [UInt8]? {
        if input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) { return nil }
        let slots = valueSlots(input)
        guard !slots.isEmpty else { return nil }
        let slot = slots[Int(random.next() % UInt64(slots.count))]
        let replacement: [UInt8]
        if random.next() % 4 == 0 {
            replacement = Array(input[slots[Int(random.next() % UInt64(slots.count))]])
        } else {
            replacement = Array(interesting[Int(random.next() % UInt64(interesting.count))].utf8)
        }
        var output = Array(input[..<slot.lowerBound])
        output += replacement
        output += input[slot.upperBound...]
        return output
    }

    /// Byte ranges of attribute values (inside the quotes) and of non-blank text between `>` and `<`,
    /// outside comments, CDATA sections and processing instructions.
    static func valueSlots(_ b: [UInt8]) -> [Range<Int>] {
        var slots: [Range<Int>] = []
        var i = 0
        let n = b.count
        func skip(past terminator: [UInt8]) {
            while i < n, !(b[i] == terminator[0] && b[i...].starts(with: terminator)) { i += 1 }
            i = min(n, i + terminator.count)
        }
        while i < n {
            if b[i] == UInt8(ascii: "<") {
                if b[i...].starts(with: Array("<!--".utf8)) { i += 4; skip(past: Array("-->".utf8)); continue }
                if b[i...].starts(with: Array("<![CDATA[".utf8)) { i += 9; skip(past: Array("]]>".utf8)); continue }
                if b[i...].starts(with: Array("<?".utf8)) { i += 2; skip(past: Array("?>".utf8)); continue }
                // A tag: collect its quoted attribute values.
                i += 1
                while i < n, b[i] != UInt8(ascii: ">") {
                    if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                        let quote = b[i]
                        let start = i + 1
                        i += 1
                        while i < n, b[i] != quote { i += 1 }
                        if i < n { slots.append(start..<i) }
                    }
                    i += 1
                }
                i = min(n, i + 1)
                // Text up to the next markup.
                let start = i
                while i < n, b[i] != UInt8(ascii: "<") { i += 1 }
                if b[start..<i].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                    slots.append(start..<i)
                }
            } else {
                i += 1
            }
        }
        return slots
    }
}

/// A small, seedable generator (libFuzzer passes a seed per mutation, so runs stay reproducible).
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
