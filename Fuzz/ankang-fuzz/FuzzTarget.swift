// libFuzzer target over Ankang's whole submission pipeline: sniffing, markup scan, libxml2 parse,
// XSD validation, extraction into the model and the semantic rules (`SubmissionValidator.validate`).
//
// Built only with ANKANG_FUZZ=1 (see the end of Package.swift) and run by `tools/fuzz`. Compiled with
// -parse-as-library: no top-level code. SwiftPM links every executable with `main` aliased to
// `<module>_main` (`--defsym main=ankang_fuzz_main`), which hides libFuzzer's own `main`; so this file
// defines `ankang_fuzz_main` and hands over to libFuzzer's driver (`LLVMFuzzerRunDriver`) from there.
//
// Besides crashes and sanitizer reports, the invariants below turn silent bugs into crashes: a report
// that contradicts itself, a finding without code or text, a position outside the input, an internal-error
// finding (ANK-INT-*: the schema and the extractor disagree, or libxml2 failed), an accepted document
// whose text was decoded in another encoding than the one reported, and any sign that untrusted input
// reached the external entity loader.
//
// Environment:
//   ANKANG_FUZZ_TWICE=1          validate every input twice; the two reports must be identical.
//   ANKANG_FUZZ_SKIP=id,id,...   do not enforce these invariants (ids in brackets in each message), to
//                                keep fuzzing past a known, already reported bug.
//   ANKANG_FUZZ_PRINT=1          print each report and the submission read (for triage of single files:
//                                `ANKANG_FUZZ_PRINT=1 .build-fuzz/release/ankang-fuzz FILE`).

import AnkangDocuments
import AnkangModel
import AnkangXML
import Foundation

/// Built once, before the first input (in `LLVMFuzzerInitialize`).
struct Harness: Sendable {
    static let shared = Harness()

    let validator: SubmissionValidator
    /// Refusals counted while the trusted schemas compiled; untrusted input must never add to it.
    let baselineRefusals: Int
    let checkDeterminism: Bool
    let skipped: Set<String>
    let printReports: Bool

    private init() {
        do {
            validator = SubmissionValidator(bundle: try SchemaBundle.embedded())
        } catch {
            fatalError("ankang-fuzz: the embedded schema bundle does not load: \(error)")
        }
        guard LibXML.entityLoaderIsTrustedOnly else {
            fatalError("ankang-fuzz: the entity loader is not Ankang's after start-up")
        }
        baselineRefusals = LibXML.refusedLoads
        let environment = ProcessInfo.processInfo.environment
        checkDeterminism = environment["ANKANG_FUZZ_TWICE"] == "1"
        printReports = environment["ANKANG_FUZZ_PRINT"] == "1"
        skipped = Set((environment["ANKANG_FUZZ_SKIP"] ?? "").split(separator: ",").map { String($0) })
        if !skipped.isEmpty {
            FileHandle.standardError.write(Data("ankang-fuzz: not enforcing invariants \(skipped.sorted())\n".utf8))
        }
    }
}

/// libFuzzer's documented entry point for programs that provide their own `main`.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The process entry point (see above): libFuzzer parses the command line and runs the fuzzing loop.
@_cdecl("ankang_fuzz_main")
public func ankangFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput)
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    _ = Harness.shared
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let harness = Harness.shared
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let report = harness.validator.validate(bytes)
    if harness.printReports {
        var text = describe(report)
        if let submission = report.submission { dump(submission, to: &text) }
        FileHandle.standardError.write(Data(text.utf8))
    }
    let checker = Checker(report: report, input: bytes, skipped: harness.skipped)

    checker.checkReport(limits: harness.validator.limits)
    checker.checkDiagnostics()
    checker.checkDecoding()
    checker.require("loader", LibXML.entityLoaderIsTrustedOnly, "the process-wide external entity loader was replaced")
    let refusals = LibXML.refusedLoads
    checker.require("loader", refusals == harness.baselineRefusals,
                    "untrusted input reached the entity loader (refusedLoads \(harness.baselineRefusals) → \(refusals))")
    if harness.checkDeterminism {
        let again = harness.validator.validate(bytes)
        checker.require("determinism",
                        again.diagnostics == report.diagnostics && again.kind == report.kind
                            && again.encoding == report.encoding && again.submission == report.submission,
                        "validating the same bytes twice gave different reports; second:\n\(describe(again))")
    }
    return 0
}

// MARK: - Invariants

struct Checker {
    let report: ValidationReport
    let input: [UInt8]
    let skipped: Set<String>

    /// Traps (so that libFuzzer keeps the input) unless `condition` holds or invariant `id` is skipped.
    func require(_ id: String, _ condition: @autoclosure () -> Bool, _ what: @autoclosure () -> String) {
        guard !skipped.contains(id), !condition() else { return }
        fatalError("ankang-fuzz invariant violated [\(id)]: \(what())\n\(describe(report))")
    }

    /// The report agrees with itself.
    func checkReport(limits: XMLLimits) {
        require("report", !report.isValid || report.submission != nil, "a valid report has no submission")
        if let submission = report.submission {
            require("report", report.kind == submission.body.kind,
                    "report kind \(report.kind?.rawValue ?? "nil") but submission body \(submission.body.kind.rawValue)")
            require("report", report.encoding != nil, "a report with a submission has no encoding")
            // A submission is read only from a well-formed, schema-valid document: only semantic errors remain.
            let other = report.diagnostics.first { $0.severity == .error && !$0.code.hasPrefix("ANK-SEM-") }
            require("report", other == nil, "a report with a submission carries the non-semantic error \(other?.code ?? "")")
        }
        // Findings beyond the cap are folded into one closing ANK-SEC-004.
        require("report", report.diagnostics.count <= limits.maxDiagnostics + 1,
                "\(report.diagnostics.count) findings, over the cap of \(limits.maxDiagnostics) + 1")
    }

    /// Every finding has a code, both messages and a position inside the input. Positions are not checked
    /// on well-formedness errors after the first: libxml2 2.9.14 recovers from some errors by skipping
    /// ahead without counting lines and columns (e.g. MOVETO_ENDTAG after a broken XML declaration).
    func checkDiagnostics() {
        let shape = TextShape(input)
        let firstParserError = report.diagnostics.firstIndex { $0.code == "ANK-XML-001" }
        for (index, d) in report.diagnostics.enumerated() {
            require(internalErrorID(d), !d.code.hasPrefix("ANK-INT-"),
                    "internal-error finding \(d.code) (schema/extractor mismatch or libxml2 failure)")
            require("finding", isWellFormedCode(d.code), "malformed finding code \"\(d.code)\"")
            require("finding", !d.zh.isEmpty && !d.en.isEmpty, "finding \(d.code) has an empty message")
            require("finding", d.path.map { $0.hasPrefix("/") } ?? true, "finding \(d.code) has path \"\(d.path ?? "")\" not starting with /")
            if d.code == "ANK-XML-001", index != firstParserError { continue }
            if let line = d.line {
                require("position", line >= 1, "finding \(d.code) has line \(line) < 1")
                if let shape {
                    require("position", line <= shape.lines, "finding \(d.code) has line \(line) but the input has \(shape.lines) lines")
                }
            }
            if let column = d.column {
                require("position", column >= 1, "finding \(d.code) has column \(column) < 1")
                require("position", d.line != nil, "finding \(d.code) has a column but no line")
                if let shape {
                    require("position", column <= shape.longestLine + 1,
                            "finding \(d.code) has column \(column) but no line is longer than \(shape.longestLine) units")
                }
            }
        }
    }

    /// An accepted document was decoded in the encoding the report names: the one its XML declaration
    /// states (read here without any length limit, as libxml2 reads it), and its text is the input's text.
    func checkDecoding() {
        guard report.submission != nil, let encoding = report.encoding else { return }
        let utf16 = encoding == .utf16LittleEndian || encoding == .utf16BigEndian
        let text: [UInt8]
        if utf16 {
            guard input.count >= 2, input.count % 2 == 0 else { return }
            let units = stride(from: 2, to: input.count, by: 2).map { i in
                encoding == .utf16LittleEndian ? UInt16(input[i]) | UInt16(input[i + 1]) << 8 : UInt16(input[i]) << 8 | UInt16(input[i + 1])
            }
            text = Array(String(decoding: units, as: UTF16.self).utf8)
        } else {
            text = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        }
        let declared = xmlDeclarationEncoding(text)?.uppercased()
        let expected: Set<SourceEncoding>
        switch declared {
        case nil: expected = utf16 ? [.utf16LittleEndian, .utf16BigEndian] : [.utf8]
        case "UTF-8", "UTF8", "US-ASCII", "ASCII": expected = [.utf8]
        case "GB18030", "GBK", "GB2312", "CP936": expected = [.gb18030]
        case "UTF-16", "UTF16", "UTF-16LE", "UTF-16BE": expected = [.utf16LittleEndian, .utf16BigEndian]
        default: expected = []
        }
        require("decl-encoding", expected.contains(encoding),
                "accepted as \(encoding.rawValue), but the XML declaration says encoding=\"\(declared ?? "(none)")\"")

        // What was read is what was written: the enterprise name occurs in the input's text (skipped when
        // references or CDATA may change it; GB18030 input is not decoded here).
        guard encoding != .gb18030, let name = report.submission?.enterprise.name, !name.isEmpty,
              !text.contains(UInt8(ascii: "&")), !contains(text, Array("<![CDATA[".utf8)) else { return }
        let plain = withoutCommentsAndPIs(normalizingLineEnds(text))
        require("decoded-text", contains(plain, Array(name.utf8)),
                "the enterprise name \"\(name)\" read from the accepted document does not occur in its \(encoding.rawValue) text")
    }
}

/// The invariant id of an internal-error finding: `internal`, or for ANK-INT-002 (schema and extractor
/// disagree) `extractor:` and the first two words of what the extractor rejected, e.g. `extractor:bad-date`,
/// so that one known mismatch can be skipped without hiding the others.
private func internalErrorID(_ d: Diagnostic) -> String {
    guard d.code == "ANK-INT-002", let open = d.en.firstIndex(of: "(") else { return "internal" }
    let words = d.en[d.en.index(after: open)...].split(separator: " ", maxSplits: 2).prefix(2)
    return "extractor:" + words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ");")) }.joined(separator: "-")
}

/// `ANK-<FAMILY>-<three digits>`.
private func isWellFormedCode(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "ANK", !parts[1].isEmpty,
          parts[1].allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return false }
    return parts[2].count == 3 && parts[2].allSatisfy({ $0 >= "0" && $0 <= "9" })
}

/// The `encoding` pseudo-attribute of an XML declaration at the start of `text` (ASCII-compatible bytes),
/// following the grammar (`<?xml` S name S? = S? quoted-value … `?>`), however long the declaration is.
private func xmlDeclarationEncoding(_ text: [UInt8]) -> String? {
    guard text.starts(with: Array("<?xml".utf8)), text.count > 5 else { return nil }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    guard isSpace(text[5]) else { return nil }
    var i = 5
    while true {
        while i < text.count, isSpace(text[i]) { i += 1 }
        let nameStart = i
        while i < text.count, (0x61...0x7A).contains(text[i]) { i += 1 }
        guard i > nameStart else { return nil }  // "?>" or junk: no (further) pseudo-attribute
        let name = String(decoding: text[nameStart..<i], as: UTF8.self)
        while i < text.count, isSpace(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < text.count, isSpace(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") else { return nil }
        let quote = text[i]
        i += 1
        let valueStart = i
        while i < text.count, text[i] != quote { i += 1 }
        guard i < text.count else { return nil }
        if name == "encoding" { return String(decoding: text[valueStart..<i], as: UTF8.self) }
        i += 1
    }
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    let first = needle[0]
    var i = 0
    while i + needle.count <= haystack.count {
        if haystack[i] == first, haystack[i..<i + needle.count].elementsEqual(needle) { return true }
        i += 1
    }
    return false
}

/// CR LF and lone CR become LF, as an XML parser reports text.
private func normalizingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    for (i, b) in bytes.enumerated() {
        if b == 0x0D {
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
            result.append(0x0A)
        } else {
            result.append(b)
        }
    }
    return result
}

/// The bytes without `<!-- … -->` and `<? … ?>` (which split an element's text into several nodes).
private func withoutCommentsAndPIs(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var i = 0
    func skip(past terminator: [UInt8]) {
        while i < bytes.count, !(bytes[i] == terminator[0] && bytes[i...].starts(with: terminator)) { i += 1 }
        i = min(bytes.count, i + terminator.count)
    }
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: Array("<!--".utf8)) {
            i += 4
            skip(past: Array("-->".utf8))
        } else if bytes[i] == UInt8(ascii: "<"), bytes[i...].starts(with: Array("<?".utf8)) {
            i += 2
            skip(past: Array("?>".utf8))
        } else {
            result.append(bytes[i])
            i += 1
        }
    }
    return result
}

/// Upper bounds for the positions of findings: the number of lines and the length of the longest line
/// of the input, in code units (bytes, or UTF-16 units after a UTF-16 byte order mark; code units are an
/// upper bound for character columns). `nil` for odd-length UTF-16, where no bound is meaningful.
///
/// XML ends lines at LF, CR LF or a lone CR, and so do Ankang's own scanner and sniffer; libxml2 2.9.14
/// counts LF only, so in a file with lone-CR line ends its lines and columns run on (known, reported).
/// The bounds are the loosest of both conventions: lines counted the XML way, lines measured the LF way.
private struct TextShape {
    var lines = 1
    var longestLine = 0

    init?(_ bytes: [UInt8]) {
        var units: [UInt16]
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            guard bytes.count % 2 == 0 else { return nil }
            let little = bytes[0] == 0xFF
            units = stride(from: 0, to: bytes.count, by: 2).map { i in
                little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
        } else {
            units = bytes.map(UInt16.init)
        }
        var current = 0
        for (i, unit) in units.enumerated() {
            if unit == 0x0A || (unit == 0x0D && (i + 1 == units.count || units[i + 1] != 0x0A)) { lines += 1 }
            if unit == 0x0A {
                longestLine = max(longestLine, current)
                current = 0
            } else {
                current += 1
            }
        }
        longestLine = max(longestLine, current)
    }
}

// MARK: - Reporting

private func describe(_ report: ValidationReport) -> String {
    var text = "report: kind=\(report.kind?.rawValue ?? "nil") encoding=\(report.encoding?.rawValue ?? "nil")"
    text += " submission=\(report.submission == nil ? "nil" : "present") valid=\(report.isValid)\n"
    for d in report.diagnostics {
        text += "  \(d.line.map(String.init) ?? "-"):\(d.column.map(String.init) ?? "-") \(d.severity.rawValue) \(d.code)"
        text += " [\(d.path ?? "")] \(d.en)\n"
    }
    return text
}
