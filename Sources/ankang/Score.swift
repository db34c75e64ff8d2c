import AnkangCommandLine
import AnkangDocuments
import AnkangModel
import AnkangScoring
import ArgumentParser
import Foundation

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "校验并评分 (validate, then score with a scoring profile).",
        discussion: """
        Invalid files are reported as by `ankang validate` and not scored. With an 安康杯 profile every
        assessment is scored; the monitoring records and rectification notices of the same enterprise among
        the files supply its open and overdue hazards. With the "1+3" monitoring-compliance profile the
        records and notices are grouped by enterprise and scored over the period they cover.

        Profiles: city-ankang-cup-2011 (default), national-ankang-cup-2024, monitoring-compliance-2011,
        or the path of a profile XML file (validated against schemas/scoring-profile-1.xsd).
        """
    )

    @Argument(help: ArgumentHelp("要评分的文件或目录 (files or directories).", valueName: "FILE"))
    var paths: [String]

    @Option(help: ArgumentHelp("评分方案：内置名称或 XML 文件路径 (profile name or path).", valueName: "NAME|PATH"))
    var profile: String = "city-ankang-cup-2011"

    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let validator = try schemaOptions.makeValidator()
        let scoringProfile = try loadProfile(from: validator.bundle)
        let (files, missing) = FileInput.collect(paths)
        // Findings of invalid files: text lines before the scores, or part of the JSON document.
        var findings = FindingPrinter(format: output.format, language: output.lang)
        for path in missing { findings.printMissing(path) }
        var submissions: [(path: String, submission: Submission)] = []
        var invalidFiles = 0
        await validator.validateFiles(files) { index, report in
            if report.isValid, let submission = report.submission {
                submissions.append((files[index], submission))
            } else {
                invalidFiles += 1
            }
            findings.print(report, for: files[index])
        }
        if output.format == .text { findings.flush() }
        let outcomes = SubmissionScorer(profile: scoringProfile, catalogues: validator.bundle.catalogues).score(submissions.map(\.submission))
        let pathByID = Dictionary(submissions.map { ($0.submission.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        var report = ScoreReport(language: output.lang)
        switch output.format {
        case .text:
            for outcome in outcomes { report.printText(outcome, pathByID: pathByID) }
            report.write("评分 \(outcomes.count) 项，\(invalidFiles) 个文件未通过校验未评分 — \(outcomes.count) scored, \(invalidFiles) invalid files not scored")
        case .json:
            report.printJSON(outcomes, pathByID: pathByID, files: findings.jsonFiles.filter { !$0.valid })
        }
        report.flush()
        if !missing.isEmpty || findings.ioErrors > 0 { throw ExitStatus.usageOrIO }
        if invalidFiles > 0 { throw ExitStatus.invalid }
    }

    private func loadProfile(from bundle: SchemaBundle) throws -> ScoringProfile {
        if let bundled = bundle.profiles[profile] { return bundled }
        guard FileManager.default.fileExists(atPath: profile) else {
            let known = bundle.profiles.keys.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("ankang: 没有名为 \(profile) 的评分方案，也没有这个文件 (no profile or file named \(profile)); built-in: \(known)\n".utf8))
            throw ExitStatus.usageOrIO
        }
        switch FileInput.read(atPath: profile, limit: 1 << 20) {
        case .failure(let diagnostic):
            FileHandle.standardError.write(Data("ankang: \(profile): \(diagnostic.zh) — \(diagnostic.en)\n".utf8))
            throw ExitStatus.usageOrIO
        case .success(let bytes):
            do {
                return try bundle.loadProfile(bytes, source: profile)
            } catch {
                FileHandle.standardError.write(Data("ankang: 评分方案无效 (invalid profile) \(error)\n".utf8))
                throw ExitStatus.usageOrIO
            }
        }
    }
}

/// Prints scores as readable tables or as JSON with the whole explanation.
struct ScoreReport {
    let language: OutputOptions.Language
    private var out = StandardOutput()

    init(language: OutputOptions.Language) { self.language = language }

    mutating func write(_ line: String) { out.write(line) }
    mutating func flush() { out.flush() }

    private func text(_ zh: String, _ en: String) -> String {
        switch language {
        case .zh: zh
        case .en: en
        case .both: "\(zh) \(en)"
        }
    }

    private func text(_ label: LocalizedText) -> String { text(label.zh, label.en) }

    private func points(_ value: Double) -> String { ScoreRounding.text(value) }

    mutating func printText(_ outcome: ScoringOutcome, pathByID: [UUID: String]) {
        switch outcome {
        case .assessment(let score):
            write("")
            write("\(score.enterprise ?? "") — \(pathByID[score.submissionId ?? UUID()] ?? "")")
            write(text("评分方案", "profile") + " \(score.profileId) \(score.profileVersion)  " + text("目录", "catalogue") + " \(score.catalogueVersion)  " + text("截至", "as of") + " \(score.asOf)")
            write(pad(text("类别", "Category"), 34) + pad(text("权重", "Weight"), 12) + pad(text("得分", "Points"), 12) + pad(text("得分率", "Rate"), 12) + text("门槛", "Gate"))
            for category in score.categories {
                let rate = category.ratePercent.map { points($0) + "%" } ?? text("不适用", "n/a")
                let gate = category.gatePassed.map { $0 ? "✓" : "✗ <\(points(category.minimumRatePercent ?? 0))%" } ?? "–"
                write(pad(text(category.name), 34) + pad(points(category.weight), 12) + pad(points(category.points), 12) + pad(rate, 12) + gate)
            }
            if score.overdueDeduction > 0 { write(text("逾期整改扣分", "Overdue deduction") + " −\(points(score.overdueDeduction))") }
            write(text("鼓励项", "Bonus") + " \(points(score.bonus.granted))" + (score.bonus.claimed > score.bonus.granted ? " (" + text("申报", "claimed") + " \(points(score.bonus.claimed))，" + text("上限", "cap") + " \(points(score.bonus.cap)))" : ""))
            write(text("总分", "Total") + " \(points(score.total))   " + text("等级", "Grade") + " \(text(score.grade.label))   "
                  + text("可参评", "Awards") + " " + (score.eligibleAwards.isEmpty ? "–" : score.eligibleAwards.map { text($0.label) }.joined(separator: ", ")))
            for gate in score.gates where !gate.passed { write("  ✗ " + text(gate.zh, gate.en)) }
            for veto in score.vetoes { write("  " + text("一票否决", "Veto") + ": " + text(veto.zh, veto.en)) }
            if !score.explanation.isEmpty { write(text("失分说明", "Points lost") + ":") }
            for line in score.explanation { write("  −\(points(line.pointsLost)) [\(line.ref)] " + text(line.zh, line.en)) }
        case .compliance(let score):
            write("")
            write("\(score.enterprise ?? "") — " + text("“1+3”监控合规", "\"1+3\" monitoring compliance") + " \(score.period.from) … \(score.period.to)  (\(score.profileId))")
            for metric in score.metrics {
                let value = metric.value.map { points($0 * 100) + "%" } ?? text("无数据", "no data")
                write("  " + pad(text(metric.label), 40) + pad("\(metric.numerator)/\(metric.denominator)", 10) + pad(value, 10) + points(metric.points))
            }
            write(text("总分", "Total") + " " + (score.total.map(points) ?? "–") + "   " + text("等级", "Grade") + " " + (score.grade.map { text($0.label) } ?? "–"))
            for line in score.explanation { write("  −\(points(line.pointsLost)) [\(line.ref)] " + text(line.zh, line.en)) }
        case .notScored(let id, let reason):
            write("")
            write("\(pathByID[id] ?? id.uuidString.lowercased()): " + text("未评分", "not scored") + " — \(reason)")
        }
    }

    mutating func printJSON(_ outcomes: [ScoringOutcome], pathByID: [UUID: String], files invalid: [FindingPrinter.FileResult]) {
        struct Entry: Encodable {
            var path: String?
            var assessment: Score?
            var compliance: ComplianceScore?
            var notScored: String?
        }
        struct Document: Encodable {
            var scores: [Entry]
            var invalidFiles: [FindingPrinter.FileResult]
        }
        let entries = outcomes.map { outcome -> Entry in
            switch outcome {
            case .assessment(let score): Entry(path: score.submissionId.flatMap { pathByID[$0] }, assessment: score)
            case .compliance(let score): Entry(compliance: score)
            case .notScored(let id, let reason): Entry(path: pathByID[id], notScored: "\(reason)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(Document(scores: entries, invalidFiles: invalid)) { write(String(decoding: data, as: UTF8.self)) }
    }

    /// Pads to a display width, counting CJK characters as two columns.
    private func pad(_ string: String, _ width: Int) -> String {
        let columns = string.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        return string + String(repeating: " ", count: max(1, width - columns))
    }
}
