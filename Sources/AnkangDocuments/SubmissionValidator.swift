import AnkangModel
import AnkangXML
import Foundation

/// The verdict on one submission: its findings and, when valid, the typed model read from it once.
public struct ValidationReport: Sendable {
    /// Every finding (errors and warnings), in document order within each stage.
    public var diagnostics: [Diagnostic]
    /// The document kind, once the root element was recognised.
    public var kind: DocumentKind?
    /// The typed submission; `nil` unless the document is well-formed and schema-valid.
    /// Present even when semantic rules found errors, so a caller can show what was read.
    public var submission: Submission?
    /// The character encoding the file was read in.
    public var encoding: SourceEncoding?

    /// True when no finding is an error (warnings allowed).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    public init(diagnostics: [Diagnostic], kind: DocumentKind? = nil, submission: Submission? = nil, encoding: SourceEncoding? = nil) {
        self.diagnostics = diagnostics
        self.kind = kind
        self.submission = submission
        self.encoding = encoding
    }
}

/// Validates submissions: hardened parse, document-type detection, XSD validation against the bundled
/// schemas, extraction into the model, and the semantic rules. Thread-safe; share one instance.
public struct SubmissionValidator: Sendable {
    public let bundle: SchemaBundle
    public let limits: XMLLimits
    private let rules: SemanticRules

    public init(bundle: SchemaBundle, limits: XMLLimits = .standard) {
        self.bundle = bundle
        self.limits = limits
        self.rules = SemanticRules(catalogues: { bundle.loadedCatalogues().index })
    }

    /// Validates one document held in memory.
    public func validate(_ bytes: [UInt8]) -> ValidationReport {
        var kind: DocumentKind?
        let result = XMLValidator(limits: limits).validate(bytes, selectSchema: { root in
            switch detect(root) {
            case .success(let detected):
                kind = detected
                switch bundle.compiledSchema(for: detected) {
                case .success(let schema): return .validate(schema)
                case .failure(let error):
                    return .reject(Diagnostic(.error, .internalError,
                        zh: "内置架构无法编译（\(error)），文件未通过校验", en: "a bundled schema does not compile (\(error)); the file was not accepted"))
                }
            case .failure(let diagnostic):
                return .reject(diagnostic)
            }
        }, inspect: { root, diagnostics -> Submission? in
            guard let kind else { return nil }
            do {
                let (submission, nodes) = try SubmissionReader.read(root, kind: kind)
                diagnostics += rules.check(submission, nodes: nodes)
                return submission
            } catch let error as ExtractionError {
                diagnostics.append(error.diagnostic)
            } catch {
                diagnostics.append(ExtractionError(path: "/", what: "\(error)").diagnostic)
            }
            return nil
        })
        return ValidationReport(diagnostics: result.diagnostics, kind: kind, submission: result.value ?? nil, encoding: result.encoding)
    }

    /// Reads and validates one file; a read failure or an oversize file is a finding, not a thrown error.
    public func validateFile(atPath path: String) -> ValidationReport {
        let report: ValidationReport
        switch FileInput.read(atPath: path, limit: limits.maxBytes) {
        case .success(let bytes): report = validate(bytes)
        case .failure(let diagnostic): report = ValidationReport(diagnostics: [diagnostic])
        }
        PerfDump.dump(report, path: path)  // PERF-DUMP-TEMP
        return report
    }

    /// Reads and validates one file.
    public func validateFile(at url: URL) -> ValidationReport { validateFile(atPath: url.path) }

    /// Validates many files on all cores (one worker per core) and hands each report to `body` in input
    /// order, as soon as it and all reports before it are done; at most `2 × workers` reports are held.
    public func validateFiles(
        _ paths: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        inOrder body: (Int, ValidationReport) async throws -> Void
    ) async rethrows {
        let workers = max(1, workers)
        try await withThrowingTaskGroup(of: (Int, ValidationReport).self) { group in
            var pending: [Int: ValidationReport] = [:]
            var nextToStart = 0
            var nextToDeliver = 0
            var running = 0
            func startMore() {
                // At most `workers` files in progress, and at most `2 × workers` reports waiting behind a slow file.
                while nextToStart < paths.count, running < workers, nextToStart - nextToDeliver < 2 * workers {
                    let index = nextToStart
                    group.addTask { (index, validateFile(atPath: paths[index])) }
                    nextToStart += 1
                    running += 1
                }
            }
            startMore()
            while let (index, report) = try await group.next() {
                running -= 1
                pending[index] = report
                while let ready = pending.removeValue(forKey: nextToDeliver) {
                    try await body(nextToDeliver, ready)
                    nextToDeliver += 1
                }
                startMore()
            }
        }
    }

    /// Which document this is, from the root element's name, namespace and `schemaVersion`.
    func detect(_ root: ElementView) -> Result<DocumentKind, Diagnostic> {
        let namespace = root.namespace ?? ""
        guard namespace == SchemaBundle.submissionNamespace, let kind = DocumentKind(rawValue: root.name) else {
            let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            let shown = namespace.isEmpty ? root.name : "{\(namespace)}\(root.name)"
            let hint = root.name == "checklistCatalogue" ? "（这是检查项目目录，不是提交文件）" : ""
            return .failure(Diagnostic(.error, .unknownDocumentType,
                zh: "无法识别的文件类型：根元素 \(shown)\(hint)；应为命名空间 \(SchemaBundle.submissionNamespace) 中的 \(known) 之一",
                en: "unknown document type: root element \(shown); expected one of \(known) in namespace \(SchemaBundle.submissionNamespace)",
                at: root.position))
        }
        let version = root.attribute("schemaVersion") ?? ""
        guard version.hasPrefix("1."), version.dropFirst(2).allSatisfy(\.isNumber), version.count > 2 else {
            return .failure(Diagnostic(.error, .unsupportedSchemaVersion,
                zh: "不支持的架构版本 schemaVersion=\"\(version)\"；本程序支持 1.x",
                en: "unsupported schemaVersion \"\(version)\"; this program supports 1.x", at: root.position(ofAttribute: "schemaVersion")))
        }
        return .success(kind)
    }
}

// PERF-DUMP-TEMP: temporary differential-testing hook, removed before hand-off.
enum PerfDump {
    static let directory = ProcessInfo.processInfo.environment["ANKANG_PERF_DUMP"]
    struct Entry: Encodable {
        var diagnostics: [Diagnostic]
        var kind: DocumentKind?
        var submission: Submission?
        var encoding: SourceEncoding?
    }
    static func dump(_ report: ValidationReport, path: String) {
        guard let directory else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(String(date.timeIntervalSinceReferenceDate.bitPattern, radix: 16))
        }
        let entry = Entry(diagnostics: report.diagnostics, kind: report.kind, submission: report.submission, encoding: report.encoding)
        guard let data = try? encoder.encode(entry) else { fatalError("dump encode") }
        let name = path.replacingOccurrences(of: "/", with: "_")
        FileManager.default.createFile(atPath: directory + "/" + name + ".json", contents: data)
    }
}
