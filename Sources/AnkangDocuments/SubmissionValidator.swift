import AnkangModel
import AnkangXML
import Foundation
import Synchronization

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
        self.rules = SemanticRules(catalogues: { bundle.loadedCatalogues().map(\.index) })
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
        switch FileInput.read(atPath: path, limit: limits.maxBytes) {
        case .success(let bytes): return validate(bytes)
        case .failure(let diagnostic): return ValidationReport(diagnostics: [diagnostic])
        }
    }

    /// Reads and validates one file.
    public func validateFile(at url: URL) -> ValidationReport { validateFile(atPath: url.path) }

    /// One worker per core the process may use (read once: it reads the cgroup files each time).
    public static let defaultWorkers = ProcessInfo.processInfo.activeProcessorCount

    /// Validates many files on all cores (one worker per core) and hands each report to `body` in input
    /// order, as soon as it and all reports before it are done; at most `16 × workers` reports are held (a window
    /// wide enough that one slow file does not stall the other workers).
    ///
    /// Each worker is one task that takes the next file until none is left (a task per file cost more
    /// than reading a file: task creation and a thread hand-over per file).
    public func validateFiles(
        _ paths: [String], workers: Int = SubmissionValidator.defaultWorkers,
        inOrder body: (Int, ValidationReport) async throws -> Void
    ) async rethrows {
        let workers = max(1, workers)
        guard !paths.isEmpty else { return }
        let queue = OrderedWork(count: paths.count, window: 16 * workers)
        try await withThrowingTaskGroup(of: Void.self) { group in
            // When `body` throws, the workers stop taking files before the group waits for them.
            defer { queue.stop() }
            for _ in 0..<min(workers, paths.count) {
                group.addTask {
                    while let index = await queue.claim() {
                        queue.complete(index, with: validateFile(atPath: paths[index]))
                    }
                }
            }
            for index in paths.indices {
                let report = await queue.report(index)
                try await body(index, report)
                queue.delivered(index)
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
        let version = (root.attribute("schemaVersion") ?? "").trimmingXMLWhitespace
        guard version.hasPrefix("1."), version.dropFirst(2).allSatisfy(\.isNumber), version.count > 2 else {
            return .failure(Diagnostic(.error, .unsupportedSchemaVersion,
                zh: "不支持的架构版本 schemaVersion=\"\(version)\"；本程序支持 1.x",
                en: "unsupported schemaVersion \"\(version)\"; this program supports 1.x", at: root.position(ofAttribute: "schemaVersion")))
        }
        return .success(kind)
    }
}

/// The hand-over between the workers of ``SubmissionValidator/validateFiles(_:workers:inOrder:)`` and the
/// task that delivers the reports in order: files are claimed in input order, at most `window` ahead of the
/// last delivered report (so at most `window` reports are held), and each report waits until it is wanted.
final class OrderedWork: Sendable {
    private struct State {
        var nextToClaim = 0
        var nextToDeliver = 0
        var stopped = false
        var ready: [Int: ValidationReport] = [:]
        var waitingWorkers: [CheckedContinuation<Int?, Never>] = []
        var waitingDelivery: (index: Int, continuation: CheckedContinuation<ValidationReport, Never>)?
    }

    private let count: Int
    private let window: Int
    private let state = Mutex(State())

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next file for a worker, waiting while the window is full; nil when there is none (or after `stop`).
    func claim() async -> Int? {
        if let claimed = state.withLock({ take(&$0) }) { return claimed }
        return await withCheckedContinuation { continuation in
            let claimed: Int?? = state.withLock { state in
                if let claimed = take(&state) { return .some(claimed) }
                state.waitingWorkers.append(continuation)
                return .none
            }
            if let claimed { continuation.resume(returning: claimed) }
        }
    }

    /// `.some(index)` or `.some(nil)` (nothing left) when decided now, nil when the worker must wait.
    private func take(_ state: inout State) -> Int?? {
        if state.stopped || state.nextToClaim >= count { return .some(nil) }
        guard state.nextToClaim - state.nextToDeliver < window else { return nil }
        state.nextToClaim += 1
        return .some(state.nextToClaim - 1)
    }

    /// A worker's report for file `index`.
    func complete(_ index: Int, with report: ValidationReport) {
        let waiting: CheckedContinuation<ValidationReport, Never>? = state.withLock { state in
            if let waiting = state.waitingDelivery, waiting.index == index {
                state.waitingDelivery = nil
                return waiting.continuation
            }
            state.ready[index] = report
            return nil
        }
        waiting?.resume(returning: report)
    }

    /// The report for file `index`, once done.
    func report(_ index: Int) async -> ValidationReport {
        if let report = state.withLock({ $0.ready.removeValue(forKey: index) }) { return report }
        return await withCheckedContinuation { continuation in
            let report: ValidationReport? = state.withLock { state in
                if let report = state.ready.removeValue(forKey: index) { return report }
                state.waitingDelivery = (index, continuation)
                return nil
            }
            if let report { continuation.resume(returning: report) }
        }
    }

    /// Report `index` was handed over: the window moves on, waiting workers may claim again.
    func delivered(_ index: Int) {
        resume(state.withLock { state in
            state.nextToDeliver = index + 1
            return wake(&state)
        })
    }

    /// No more files are claimed (the delivering task is done or failed); waiting workers finish.
    func stop() {
        resume(state.withLock { state in
            state.stopped = true
            return wake(&state)
        })
    }

    private func wake(_ state: inout State) -> [(CheckedContinuation<Int?, Never>, Int?)] {
        var woken: [(CheckedContinuation<Int?, Never>, Int?)] = []
        while !state.waitingWorkers.isEmpty, let claimed = take(&state) {
            woken.append((state.waitingWorkers.removeFirst(), claimed))
        }
        return woken
    }

    private func resume(_ woken: [(CheckedContinuation<Int?, Never>, Int?)]) {
        for (continuation, claimed) in woken { continuation.resume(returning: claimed) }
    }
}
