import AnkangDocuments
import AnkangXML
import Foundation

/// Prints validation reports like a compiler (`path:line:column: error: message [path] (CODE)`) or as
/// JSON, and keeps the counts for the closing summary.
public struct FindingPrinter {
    public let format: OutputOptions.Format
    public let language: OutputOptions.Language
    public private(set) var files = 0
    public private(set) var invalidFiles = 0
    public private(set) var ioErrors = 0
    public private(set) var warnings = 0
    private var output = StandardOutput()
    /// The files recorded so far, in `--format json`.
    public private(set) var jsonFiles: [FileResult] = []

    public init(format: OutputOptions.Format, language: OutputOptions.Language) {
        self.format = format
        self.language = language
    }

    /// One file's entry in `--format json`.
    public struct FileResult: Encodable {
        public var path: String
        public var valid: Bool
        public var kind: String?
        public var submissionId: String?
        public var encoding: String?
        public var diagnostics: [Diagnostic]
    }

    public mutating func printMissing(_ path: String) {
        ioErrors += 1
        let diagnostic = Diagnostic(.error, .unreadable, zh: "文件或目录不存在", en: "no such file or directory")
        record(path: path, valid: false, kind: nil, id: nil, encoding: nil, diagnostics: [diagnostic])
    }

    /// Writes what is buffered without a summary line.
    public mutating func flush() { output.flush() }

    public mutating func print(_ report: ValidationReport, for path: String) {
        files += 1
        if !report.isValid { invalidFiles += 1 }
        if report.diagnostics.contains(where: { $0.code == DiagnosticCode.unreadable.rawValue }) { ioErrors += 1 }
        warnings += report.warningCount
        record(path: path, valid: report.isValid, kind: report.kind?.rawValue, id: report.submission?.id,
               encoding: report.encoding?.rawValue, diagnostics: report.diagnostics)
    }

    private mutating func record(path: String, valid: Bool, kind: String?, id: UUID?, encoding: String?, diagnostics: [Diagnostic]) {
        switch format {
        case .json:
            jsonFiles.append(FileResult(path: path, valid: valid, kind: kind, submissionId: id?.uuidString.lowercased(), encoding: encoding,
                                        diagnostics: diagnostics))
        case .text:
            for diagnostic in diagnostics { output.write(line(for: diagnostic, path: path)) }
        }
    }

    /// `path:line:column: severity: message [element path] (CODE)`; unknown positions are left out, never guessed.
    public func line(for diagnostic: Diagnostic, path: String) -> String {
        var location = path
        if let line = diagnostic.line {
            location += ":\(line)"
            if let column = diagnostic.column { location += ":\(column)" }
        }
        let severity = diagnostic.severity == .error ? "error" : "warning"
        var text = "\(location): \(severity): \(message(diagnostic))"
        if let elementPath = diagnostic.path { text += " [\(elementPath)]" }
        return text + " (\(diagnostic.code))"
    }

    public func message(_ diagnostic: Diagnostic) -> String {
        switch language {
        case .zh: diagnostic.zh
        case .en: diagnostic.en
        case .both: "\(diagnostic.zh) — \(diagnostic.en)"
        }
    }

    public mutating func finish(missingPaths: Int) {
        let valid = files - invalidFiles
        switch format {
        case .json:
            struct Summary: Encodable { var files, valid, invalid, warnings, missingPaths: Int }
            struct Document: Encodable { var files: [FileResult]; var summary: Summary }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = Document(files: jsonFiles, summary: Summary(files: files, valid: valid, invalid: invalidFiles, warnings: warnings, missingPaths: missingPaths))
            if let data = try? encoder.encode(document) { output.write(String(decoding: data, as: UTF8.self)) }
        case .text:
            let zh = "共校验 \(files) 个文件：\(valid) 个通过，\(invalidFiles) 个不通过，\(warnings) 条警告" + (missingPaths > 0 ? "，\(missingPaths) 个路径不存在" : "")
            let en = "\(files) files checked: \(valid) valid, \(invalidFiles) invalid, \(warnings) warnings" + (missingPaths > 0 ? ", \(missingPaths) paths missing" : "")
            switch language {
            case .zh: output.write(zh)
            case .en: output.write(en)
            case .both: output.write("\(zh) — \(en)")
            }
        }
        output.flush()
    }
}

/// Buffered standard output: one write system call per 64 KiB instead of per line.
public struct StandardOutput {
    private var buffer: [UInt8] = []

    public init() {}

    public mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
