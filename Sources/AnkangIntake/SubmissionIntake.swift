import AnkangDocuments
import AnkangModel
import AnkangStore
import AnkangXML
import Crypto
import Foundation
import Logging

/// The one intake path, shared by `ankang ingest` and the HTTP upload: bytes → validate (and extract)
/// → score → hash → record in the inspection log, exactly once, accepted or quarantined.
public struct SubmissionIntake: Sendable {
    /// The validator (schemas, catalogues, limits).
    public let validator: SubmissionValidator
    /// The log.
    public let store: any InspectionStore
    private let scoring: IntakeScoring
    private let logger: Logger

    /// Creates an intake writing to `store`.
    public init(validator: SubmissionValidator, store: any InspectionStore, scoring: @escaping IntakeScoring,
                logger: Logger = Logger(label: "ankang.intake")) {
        self.validator = validator
        self.store = store
        self.scoring = scoring
        self.logger = logger
    }

    /// Validates, scores and hashes one file without touching the store (pure CPU work; call it from
    /// as many tasks as there are cores).
    public func prepare(_ bytes: [UInt8], fileName: String?) -> PreparedFile {
        let report = validator.validate(bytes)
        let sha256 = hexadecimal(SHA256.hash(data: bytes))
        func json<T: Encodable>(_ value: T) -> String {
            (try? StoredJSON.encode(value)) ?? "null"
        }
        if report.isValid, let submission = report.submission {
            let accepted = AcceptedSubmission(
                submission: submission, bytes: bytes, sha256: sha256, fileName: fileName,
                warningsJSON: json(report.diagnostics), score: scoring(submission))
            return PreparedFile(intake: .accepted(accepted), diagnostics: report.diagnostics)
        }
        var diagnostics = report.diagnostics
        if report.isValid {
            // Cannot happen with the validator's contract (valid ⇒ extracted); refuse rather than lose the file.
            diagnostics.append(Diagnostic(.error, .internalError, zh: "有效文件未能提取内容", en: "a valid file yielded no submission"))
        }
        var codes: [String] = []
        for diagnostic in diagnostics where diagnostic.severity == .error && !codes.contains(diagnostic.code) {
            codes.append(diagnostic.code)
        }
        let rejected = RejectedFile(
            bytes: bytes, sha256: sha256, fileName: fileName, kind: report.kind, claimedID: report.submission?.id, findingCodes: codes,
            findingsJSON: json(diagnostics))
        return PreparedFile(intake: .rejected(rejected), diagnostics: diagnostics)
    }

    /// Takes in one file received as bytes (an upload): validated, scored and recorded in its own transaction.
    public func submit(_ bytes: [UInt8], fileName: String?) async throws(StoreError) -> (outcome: IngestOutcome, diagnostics: [Diagnostic]) {
        let prepared = prepare(bytes, fileName: fileName)
        let outcomes = try await store.record([prepared.intake])
        return (outcomes[0], prepared.diagnostics)
    }

    /// Takes in files from disk: validates and scores them on `workers` tasks, and records them in
    /// batched transactions (a batch is written when it holds `batchSize` files, when it has waited
    /// `maxBatchDelay`, or at the end) while the next files are validated.
    ///
    /// `progress` is called after every step, from the calling task. A file counts as stored only once
    /// its transaction committed. On a store failure this throws, and every batch acknowledged before
    /// it stays stored; running the same files again completes the job (already-stored files come back
    /// as duplicates).
    /// - Returns: one outcome per path, in input order.
    public func ingest(
        paths: [String], workers: Int = SubmissionValidator.defaultWorkers, batchSize: Int = 256,
        maxBatchDelay: Duration = .milliseconds(200), progress: (IngestProgress) -> Void = { _ in }
    ) async throws(StoreError) -> [FileOutcome] {
        let workers = max(1, workers)
        let batchSize = max(1, batchSize)
        let maxBytes = validator.limits.maxBytes
        enum Event: Sendable {
            case prepared(Int, PreparedFile?, Diagnostic?)
            case written([(index: Int, diagnostics: [Diagnostic])], [IngestOutcome])
        }
        var outcomes = [FileOutcome?](repeating: nil, count: paths.count)
        var counts = IngestProgress(total: paths.count)
        let clock = ContinuousClock()
        do {
            try await withThrowingTaskGroup(of: Event.self) { group in
                var nextToStart = 0
                var nextToDeliver = 0
                var preparing = 0
                var ready: [Int: (PreparedFile?, Diagnostic?)] = [:]
                var batch: [(index: Int, file: PreparedFile)] = []
                var batchOpened = clock.now
                var writing = false
                func startPreparing() {
                    // Bounded: `workers` files in progress, a window of 2 × workers ahead of the oldest,
                    // and at most two batches validated but not yet written.
                    while nextToStart < paths.count, preparing < workers, nextToStart - nextToDeliver < 2 * workers,
                          batch.count < 2 * batchSize {
                        let index = nextToStart
                        let path = paths[index]
                        group.addTask {
                            switch FileInput.read(atPath: path, limit: maxBytes) {
                            case let .success(bytes):
                                .prepared(index, prepare(bytes, fileName: URL(fileURLWithPath: path).lastPathComponent), nil)
                            case let .failure(diagnostic):
                                .prepared(index, nil, diagnostic)
                            }
                        }
                        nextToStart += 1
                        preparing += 1
                    }
                }
                func startWriting() {
                    let allDelivered = nextToDeliver == paths.count
                    guard !writing, !batch.isEmpty,
                          allDelivered || batch.count >= batchSize || clock.now - batchOpened >= maxBatchDelay else { return }
                    let items = batch
                    batch.removeAll(keepingCapacity: true)
                    writing = true
                    group.addTask {
                        .written(items.map { ($0.index, $0.file.diagnostics) }, try await store.record(items.map(\.file.intake)))
                    }
                }
                startPreparing()
                while let event = try await group.next() {
                    switch event {
                    case let .prepared(index, file, failure):
                        preparing -= 1
                        ready[index] = (file, failure)
                        while let (file, failure) = ready.removeValue(forKey: nextToDeliver) {
                            counts.prepared += 1
                            if let file {
                                if batch.isEmpty { batchOpened = clock.now }
                                batch.append((nextToDeliver, file))
                            } else if let failure {
                                outcomes[nextToDeliver] = FileOutcome(path: paths[nextToDeliver], result: .unreadable, diagnostics: [failure])
                                counts.unreadable += 1
                            }
                            nextToDeliver += 1
                        }
                    case let .written(files, written):
                        writing = false
                        for (file, outcome) in zip(files, written) {
                            outcomes[file.index] = FileOutcome(path: paths[file.index], result: .stored(outcome), diagnostics: file.diagnostics)
                            counts.count(outcome)
                        }
                        counts.batches += 1
                    }
                    startWriting()
                    startPreparing()
                    progress(counts)
                }
            }
        } catch let error as StoreError {
            logger.debug("ingest stopped", metadata: ["error": "\(error)", "stored": "\(counts.stored)"])
            throw error
        } catch {
            throw StoreError(.other, "\(error)")
        }
        return outcomes.enumerated().map { index, outcome in outcome ?? FileOutcome(path: paths[index], result: .unreadable, diagnostics: []) }
    }
}

/// One file validated and scored, ready to be recorded.
public struct PreparedFile: Sendable {
    /// What the store records.
    public var intake: Intake
    /// The validator's findings (warnings for an accepted file, errors and warnings for a rejected one).
    public var diagnostics: [Diagnostic]
}

/// What happened to one file of an ingest.
public struct FileOutcome: Sendable {
    /// Stored (in any of the four ways) or not read at all.
    public enum Result: Sendable, Hashable {
        /// Recorded: accepted, duplicate, conflict or rejected.
        case stored(IngestOutcome)
        /// The file could not be read (or is over the size limit); nothing was stored.
        case unreadable
    }

    /// The path as given.
    public var path: String
    /// The result.
    public var result: Result
    /// Findings; for a stored file they are kept in the log as well.
    public var diagnostics: [Diagnostic]

    /// Creates an outcome.
    public init(path: String, result: Result, diagnostics: [Diagnostic]) {
        self.path = path
        self.result = result
        self.diagnostics = diagnostics
    }
}

/// Running counts of an ingest.
public struct IngestProgress: Sendable, Hashable {
    /// Files to take in.
    public var total: Int
    /// Files validated (or found unreadable).
    public var prepared = 0
    /// Transactions committed.
    public var batches = 0
    /// Stored now.
    public var accepted = 0
    /// Already stored with the same bytes.
    public var duplicate = 0
    /// Id already stored with other bytes.
    public var conflict = 0
    /// Refused and quarantined.
    public var rejected = 0
    /// Not readable; not stored.
    public var unreadable = 0

    /// Creates counts for `total` files.
    public init(total: Int) {
        self.total = total
    }

    /// Files whose outcome is committed to the log.
    public var stored: Int { accepted + duplicate + conflict + rejected }

    /// Files finished, stored or unreadable.
    public var finished: Int { stored + unreadable }

    mutating func count(_ outcome: IngestOutcome) {
        switch outcome {
        case .accepted: accepted += 1
        case .duplicate: duplicate += 1
        case .conflict: conflict += 1
        case .rejected: rejected += 1
        }
    }
}

/// Lowercase hexadecimal of a digest (file hashes here, token hashes in the service).
public func hexadecimal(_ digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}
