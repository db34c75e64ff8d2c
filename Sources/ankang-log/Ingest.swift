import AnkangCommandLine
import AnkangDocuments
import AnkangIntake
import AnkangStore
import AnkangXML
import ArgumentParser
import Foundation

/// `ankang ingest PATH...`: validate, score and store submissions in the inspection log.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: InspectionLogCommand.ingest.abstract,
        discussion: """
        Accepts files and directories (recursively, *.xml). Every file ends up in the log exactly once: accepted \
        (stored with its bytes, SHA-256, extracted facts and score), or rejected and kept in the quarantine with its \
        findings. Files are validated and scored in parallel and written in batched transactions; a file counts as \
        stored only once its transaction has committed, so an interrupted run can simply be run again.

        Outcomes: accepted (new), duplicate (same id, same bytes: nothing written), conflict (same id, other \
        bytes: kept in the quarantine, ANK-DB-001), rejected (invalid: quarantined), unreadable (not stored). \
        A progress bar is drawn on a terminal (plain lines otherwise); the summary counts outcomes and groups \
        rejections by finding code.

        Exit status: 0 every file accepted or duplicate, 1 some file rejected or in conflict, 2 usage, I/O or \
        database error (e.g. 数据库只读 / database is read-only, 磁盘或数据库已满 / disk or database full).
        """
    )

    @Argument(help: ArgumentHelp("要入库的文件或目录 (files or directories to ingest).", valueName: "PATH"))
    var paths: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("安康杯考核评分方案 (scoring profile for 安康杯 assessments).", valueName: "ID"))
    var profile: String = IntakeScorings.defaultProfileID

    @Option(help: ArgumentHelp("并行校验的线程数，默认每核一个 (parallel workers; default one per core).", valueName: "N"))
    var jobs: Int = SubmissionValidator.defaultWorkers

    @Option(help: ArgumentHelp("每个事务最多写入的文件数 (files per transaction, at most).", valueName: "N"))
    var batchSize: Int = 256

    func validate() throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() async throws {
        let validator = try schemaOptions.makeValidator()
        let scoring = try SchemaOptions.scoring(profile: profile, bundle: validator.bundle)
        let (files, missing) = FileInput.collect(paths)
        var summary = IngestSummary(format: output.format, language: output.lang)
        for path in missing { summary.missing(path) }
        var display = ProgressDisplay(total: files.count)
        var stored = 0
        do {
            try await database.withStore { location, store in
                summary.database = location.description
                let intake = SubmissionIntake(validator: validator, store: store, scoring: scoring)
                let outcomes = try await intake.ingest(paths: files, workers: jobs, batchSize: batchSize) { progress in
                    stored = progress.stored
                    display.update(progress)
                }
                display.finish()
                for outcome in outcomes { summary.add(outcome) }
            }
        } catch {
            display.finish()
            if stored > 0 {
                FileHandle.standardError.write(Data(
                    "ankang: 出错前已有 \(stored) 个文件入库，重新运行即可继续 — \(stored) files were stored before the error; run again to finish\n".utf8))
            }
            throw error
        }
        summary.finish()
        if !missing.isEmpty || summary.unreadable > 0 { throw ExitStatus.usageOrIO }
        if summary.rejected > 0 || summary.conflicts > 0 { throw ExitStatus.invalid }
    }
}

/// Prints the outcome of an ingest: a line per file that was not accepted, then the summary (or JSON).
struct IngestSummary {
    let format: OutputOptions.Format
    let language: OutputOptions.Language
    var database = ""
    private(set) var accepted = 0
    private(set) var duplicates = 0
    private(set) var conflicts = 0
    private(set) var rejected = 0
    private(set) var unreadable = 0
    private var reasons: [String: (files: Int, example: Diagnostic)] = [:]
    private var reasonOrder: [String] = []
    private var files: [FileEntry] = []
    private var output = StandardOutput()
    private let findings: FindingPrinter

    init(format: OutputOptions.Format, language: OutputOptions.Language) {
        self.format = format
        self.language = language
        findings = FindingPrinter(format: .text, language: language)
    }

    /// One file's entry in `--format json`.
    struct FileEntry: Encodable {
        var path: String
        var outcome: String
        var submissionId: String?
        var sha256: String?
        var receipt: Receipt?
        var conflict: Conflict?
        var quarantine: QuarantineEntry?
        var diagnostics: [Diagnostic]
    }

    mutating func missing(_ path: String) {
        let diagnostic = Diagnostic(.error, .unreadable, zh: "文件或目录不存在", en: "no such file or directory")
        add(FileOutcome(path: path, result: .unreadable, diagnostics: [diagnostic]))
    }

    mutating func add(_ file: FileOutcome) {
        var entry = FileEntry(path: file.path, outcome: "unreadable", diagnostics: file.diagnostics)
        switch file.result {
        case .unreadable:
            unreadable += 1
            printFindings(of: file, errorsOnly: true)
        case let .stored(outcome):
            entry.outcome = outcome.name
            switch outcome {
            case let .accepted(receipt):
                accepted += 1
                entry.submissionId = receipt.submissionID.uuidString.lowercased()
                entry.sha256 = receipt.sha256
                entry.receipt = receipt
            case let .duplicate(receipt):
                duplicates += 1
                entry.submissionId = receipt.submissionID.uuidString.lowercased()
                entry.sha256 = receipt.sha256
                entry.receipt = receipt
            case let .conflict(conflict):
                conflicts += 1
                entry.submissionId = conflict.submissionID.uuidString.lowercased()
                entry.sha256 = conflict.offeredSHA256
                entry.conflict = conflict
                let diagnostic = Diagnostic(.error, DiagnosticCode(rawValue: Conflict.findingCode), zh: conflict.zh, en: conflict.en)
                countReason(diagnostic)
                if format == .text { output.write(findings.line(for: diagnostic, path: file.path)) }
            case let .rejected(entryInQuarantine):
                rejected += 1
                entry.sha256 = entryInQuarantine.sha256
                entry.submissionId = entryInQuarantine.claimedID?.uuidString.lowercased()
                entry.quarantine = entryInQuarantine
                var seen = Set<String>()
                for diagnostic in file.diagnostics where diagnostic.severity == .error && seen.insert(diagnostic.code).inserted {
                    countReason(diagnostic)
                }
                printFindings(of: file, errorsOnly: true)
            }
        }
        if format == .json { files.append(entry) }
    }

    private mutating func countReason(_ diagnostic: Diagnostic) {
        if let known = reasons[diagnostic.code] {
            reasons[diagnostic.code] = (known.files + 1, known.example)
        } else {
            reasons[diagnostic.code] = (1, diagnostic)
            reasonOrder.append(diagnostic.code)
        }
    }

    private mutating func printFindings(of file: FileOutcome, errorsOnly: Bool) {
        guard format == .text else { return }
        for diagnostic in file.diagnostics where !errorsOnly || diagnostic.severity == .error {
            output.write(findings.line(for: diagnostic, path: file.path))
        }
    }

    private func say(_ zh: String, _ en: String) -> String {
        switch language {
        case .zh: zh
        case .en: en
        case .both: "\(zh) — \(en)"
        }
    }

    mutating func finish() {
        let total = accepted + duplicates + conflicts + rejected + unreadable
        let ordered = reasonOrder.sorted { (reasons[$0]!.files, $1) > (reasons[$1]!.files, $0) }
        switch format {
        case .json:
            struct Reason: Encodable { var code: String; var files: Int; var zh: String; var en: String }
            struct Summary: Encodable {
                var files, accepted, duplicate, conflict, rejected, unreadable: Int
                var reasons: [Reason]
            }
            struct Document: Encodable { var database: String; var files: [FileEntry]; var summary: Summary }
            let encoder = StoredJSON.encoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = Document(
                database: database, files: files,
                summary: Summary(files: total, accepted: accepted, duplicate: duplicates, conflict: conflicts, rejected: rejected,
                                 unreadable: unreadable,
                                 reasons: ordered.map { Reason(code: $0, files: reasons[$0]!.files, zh: reasons[$0]!.example.zh, en: reasons[$0]!.example.en) }))
            if let data = try? encoder.encode(document) { output.write(String(decoding: data, as: UTF8.self)) }
        case .text:
            output.write(say(
                "入库 \(total) 个文件：接收 \(accepted)，重复 \(duplicates)，冲突 \(conflicts)，拒收 \(rejected)，无法读取 \(unreadable)",
                "\(total) files ingested: \(accepted) accepted, \(duplicates) duplicate, \(conflicts) conflict, \(rejected) rejected, \(unreadable) unreadable"))
            if !ordered.isEmpty {
                output.write(say("拒收原因（按问题代码，文件数）：", "reasons (by finding code, files):"))
                for code in ordered {
                    let (count, example) = reasons[code]!
                    output.write("  \(code) ×\(count)  " + say(example.zh, example.en))
                }
            }
            if !database.isEmpty { output.write(say("数据库：\(database)", "database: \(database)")) }
        }
        output.flush()
    }
}

/// Progress on standard error: a redrawn bar on a terminal, a plain line per committed batch otherwise.
struct ProgressDisplay {
    let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var lastBatches = 0
    private var drawn = false

    init(total: Int) {
        self.total = total
        started = clock.now
        lastDrawn = started
    }

    mutating func update(_ progress: IngestProgress) {
        if isTerminal {
            let now = clock.now
            guard now - lastDrawn >= .milliseconds(100) || progress.finished == total else { return }
            lastDrawn = now
            let width = 30
            let done = total == 0 ? width : width * progress.stored / total
            let checked = total == 0 ? 0 : width * progress.prepared / total - done
            let bar = String(repeating: "█", count: done) + String(repeating: "▒", count: max(0, checked))
                + String(repeating: "░", count: max(0, width - done - max(0, checked)))
            let seconds = (now - started).inSeconds
            let rate = seconds > 0 ? Int(Double(progress.stored) / seconds) : 0
            write("\r\u{1B}[K[\(bar)] \(progress.stored)/\(total) 已入库 stored · \(progress.prepared) 已校验 checked · \(rate)/s")
            drawn = true
        } else if progress.batches != lastBatches {
            lastBatches = progress.batches
            write("已入库 \(progress.stored)/\(total) 个文件 — \(progress.stored)/\(total) files stored\n")
        }
    }

    mutating func finish() {
        if drawn { write("\r\u{1B}[K") }
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension SchemaOptions {
    /// The intake's scoring with the named 安康杯 profile; an unknown or unusable profile is a usage error (exit 2).
    static func scoring(profile: String, bundle: SchemaBundle) throws -> IntakeScoring {
        do {
            return try IntakeScorings.ankangCup(profileID: profile, bundle: bundle)
        } catch {
            FileHandle.standardError.write(Data("ankang: \(error)\n".utf8))
            throw ExitStatus.usageOrIO
        }
    }
}
