import AnkangCommandLine
import AnkangDocuments
import AnkangIntake
import AnkangModel
import AnkangReports
import AnkangStore
import ArgumentParser
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: InspectionLogCommand.report.abstract,
        subcommands: [Trends.self, ScorecardCommand.self]
    )
}

extension ReportFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
extension Granularity: ExpressibleByArgument {}

/// Options every report shares: where the log is, how to render, and the reference data.
struct ReportOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "输出格式 (output format): html | csv | xlsx | json.")
    var format: ReportFormat = .html

    @Option(help: "标签语言 (label language): zh | en.")
    var lang: ReportLanguage = .zh

    @Option(name: .long, help: ArgumentHelp("判断未销号、逾期的日期，默认今天（上海时间）(the day open and overdue states are judged on; default today in Asia/Shanghai).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("“1+3”监控合规评分方案，提供各层级应交频次和整改期限 (the monitoring-compliance profile giving tier frequencies and hazard timing).", valueName: "NAME"))
    var complianceProfile: String = Self.defaultComplianceProfile

    /// The monitoring-compliance profile reports use unless told otherwise.
    static let defaultComplianceProfile = "monitoring-compliance-2011"

    @Option(name: .long, help: ArgumentHelp("使用此目录中的检查项目目录和评分方案 (use the catalogues and profiles in DIR instead of the embedded ones).", valueName: "DIR"))
    var schemas: String?

    @Flag(help: "在标准错误输出各阶段耗时 (print how long reading, computing and rendering took, on standard error).")
    var timings = false

    /// Runs `work`, and prints how long it took when `--timings` is given.
    func timed<T>(_ zh: String, _ en: String, _ work: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        let result = try await work()
        if timings {
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.inSeconds * 1000
            FileHandle.standardError.write(Data("\(zh) \(en): \(String(format: "%.1f", milliseconds)) ms\n".utf8))
        }
        return result
    }

    func today() throws -> CivilDate {
        guard let asOf else { return CivilDate(Date()) }
        guard let date = CivilDate(iso: asOf) else { throw ValidationError("--as-of: not a date (YYYY-MM-DD): \(asOf)") }
        return date
    }

    func context() throws -> ReportContext {
        try Self.context(bundle: SchemaOptions.bundle(from: schemas), complianceProfile: complianceProfile)
    }

    /// The report reference data: the bundle's catalogues and the named monitoring-compliance profile.
    static func context(bundle: SchemaBundle, complianceProfile: String = defaultComplianceProfile) throws -> ReportContext {
        guard let profile = bundle.profiles[complianceProfile],
              let context = ReportContext(catalogues: Array(bundle.catalogues.values), compliance: profile) else {
            throw ValidationError("--compliance-profile: \(complianceProfile) 不是“1+3”监控合规评分方案 (is not a monitoring-compliance profile)")
        }
        return context
    }

    /// Writes `bytes` to `path`, or to standard output.
    func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            if format == .xlsx, isatty(STDOUT_FILENO) == 1 {
                throw ValidationError("XLSX 是二进制文件，请用 -o 指定输出文件 (XLSX is binary: give -o FILE)")
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("ankang: 无法写入 (cannot write) \(path): \(error.localizedDescription)\n".utf8))
            throw ExitStatus.usageOrIO
        }
    }
}

extension ReportCommand {
    struct Trends: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trends",
            abstract: "隐患趋势分析 (hazard trend report).",
            discussion: """
                Hazards found, closed and open per period with the same period a year earlier; breakdowns by grade, \
                nature, GB 6441 accident type, checklist category and industry; where (unit, enterprise, per 100 \
                workers); rectification rate, on-time rate, days to close, overdue and escalated lists; recurring \
                items; 三违; accidents; "1+3" coverage; a Mann–Kendall trend verdict per series.

                The window is --period (2011, 2011-Q2 or 2011-06), or --from/--to; by default the current year to date.
                """)

        @OptionGroup var options: ReportOptions

        @Option(help: ArgumentHelp("统计期 (period): YYYY, YYYY-Qn or YYYY-MM.", valueName: "PERIOD"))
        var period: String?

        @Option(help: ArgumentHelp("起始日期 (first day).", valueName: "YYYY-MM-DD"))
        var from: String?

        @Option(help: ArgumentHelp("截止日期 (last day).", valueName: "YYYY-MM-DD"))
        var to: String?

        @Option(help: "分期 (buckets): month | quarter | year.")
        var by: Granularity = .month

        @Option(help: ArgumentHelp("范围：市/乡镇·园区·系统/企业（名称或代码）/车间/班组 (slice: city/unit/enterprise/workshop/team).", valueName: "PATH"))
        var org: String?

        @Option(help: ArgumentHelp("行业（GB/T 4754 门类或大类，如 C 或 C34）(industry section or division).", valueName: "CODE"))
        var industry: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("输出文件，默认标准输出 (output file; default standard output).", valueName: "FILE"))
        var output: String?

        func run() async throws {
            let today = try options.today()
            let (from, to) = try window(today: today)
            let request = TrendRequest(from: from, to: to, granularity: by, orgPath: org.map { $0.split(separator: "/").map(String.init) } ?? [],
                                       industry: industry, today: today)
            let context = try options.context()
            let facts = try await options.database.withStore { _, store in
                try await options.timed("读取", "read") { try await store.reportFacts(request.scope) }
            }
            let report = await options.timed("计算", "compute") { await TrendReport(request, facts: facts, context: context) }
            let bytes = try await options.timed("输出", "render") { try report.rendered(as: options.format, language: options.lang) }
            try options.write(bytes, to: output)
        }

        private func window(today: CivilDate) throws -> (CivilDate, CivilDate) {
            if let period {
                guard from == nil, to == nil else { throw ValidationError("--period 与 --from/--to 不能同时使用 (use --period or --from/--to)") }
                guard let parsed = ReportPeriod(parsing: period) else { throw ValidationError("--period: YYYY, YYYY-Qn or YYYY-MM, not \(period)") }
                return (parsed.from, parsed.to)
            }
            func date(_ text: String?, _ name: String, _ fallback: CivilDate) throws -> CivilDate {
                guard let text else { return fallback }
                guard let date = CivilDate(iso: text) else { throw ValidationError("--\(name): not a date (YYYY-MM-DD): \(text)") }
                return date
            }
            let to = try date(to, "to", today)
            let from = try date(from, "from", CivilDate(year: to.year, month: 1, day: 1)!)
            guard from <= to else { throw ValidationError("--from 晚于 --to (--from is after --to)") }
            return (from, to)
        }
    }

    struct ScorecardCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scorecard",
            abstract: "企业安全评分卡 (enterprise safety scorecard).",
            discussion: """
                One page per enterprise and period: 安康杯 score by category against the gates, bonus, vetoes, grade \
                and awards; "1+3" coverage; open and overdue hazards; rectification; 十个一; accidents; score trend; \
                rank in unit and industry; open notices and replies. --all writes every enterprise's scorecard into \
                the -o folder with an index and the watchlist (score fell two periods running, or overdue hazards grew).
                """)

        @OptionGroup var options: ReportOptions

        @Option(help: ArgumentHelp("企业：统一社会信用代码、组织机构代码或名称 (enterprise: credit code, org code or name).", valueName: "CODE"))
        var enterprise: String?

        @Flag(help: "所有企业，写入 -o 目录 (every enterprise, into the -o folder).")
        var all = false

        @Option(help: ArgumentHelp("统计期 (period): YYYY, YYYY-Qn or YYYY-MM; default the current year.", valueName: "PERIOD"))
        var period: String?

        @Option(help: ArgumentHelp("得分趋势显示的期数 (periods in the score trend).", valueName: "N"))
        var trendPeriods: Int = 5

        @Option(name: .shortAndLong, help: ArgumentHelp("输出文件（--all 时为目录）(output file; a folder with --all).", valueName: "PATH"))
        var output: String?

        func validate() throws {
            guard (enterprise == nil) != !all else { throw ValidationError("请给出 --enterprise 或 --all 之一 (give --enterprise or --all)") }
            guard !all || output != nil else { throw ValidationError("--all 需要 -o 目录 (--all needs -o FOLDER)") }
            guard trendPeriods >= 3 else { throw ValidationError("--trend-periods must be at least 3") }
        }

        func run() async throws {
            let today = try options.today()
            let label = period ?? String(today.year)
            guard let parsed = ReportPeriod(parsing: label) else { throw ValidationError("--period: YYYY, YYYY-Qn or YYYY-MM, not \(label)") }
            let request = ScorecardRequest(period: parsed, trendPeriods: trendPeriods, today: today)
            let context = try options.context()
            if let enterprise {
                let facts = try await options.database.withStore { _, store in
                    try await options.timed("读取", "read") { try await store.reportFacts(request.scope(enterprise: enterprise)) }
                }
                let card = await options.timed("计算", "compute") {
                    facts.enterprises.first.flatMap { Scorecard(enterpriseKey: $0.key, request, facts: facts, context: context) }
                }
                guard let card else {
                    FileHandle.standardError.write(Data("ankang: 检查记录中没有企业 \(enterprise) (no enterprise \(enterprise) in the log)\n".utf8))
                    throw ExitStatus.invalid
                }
                let bytes = try await options.timed("输出", "render") { try card.rendered(as: options.format, language: options.lang) }
                try options.write(bytes, to: output)
                return
            }
            try await writeAll(request, context: context)
        }

        private func writeAll(_ request: ScorecardRequest, context: ReportContext) async throws {
            guard let folder = output else { return }
            let facts = try await options.database.withStore { _, store in try await store.reportFacts(request.scope(enterprise: nil)) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                FileHandle.standardError.write(Data("ankang: 无法创建目录 (cannot create) \(folder): \(error.localizedDescription)\n".utf8))
                throw ExitStatus.usageOrIO
            }
            let format = options.format
            var index: [(name: String, file: String, total: Double?, grade: String?)] = []
            for enterprise in facts.enterprises {
                guard let card = Scorecard(enterpriseKey: enterprise.key, request, facts: facts, context: context) else { continue }
                let file = "\(ScorecardFiles.safeName(enterprise.key)).\(format.fileExtension)"
                try options.write(try card.rendered(as: format, language: options.lang), to: "\(folder)/\(file)")
                index.append((enterprise.name, file, card.assessment?.score.total,
                              card.assessment.map { options.lang == .zh ? $0.score.grade.label.zh : $0.score.grade.label.en }))
            }
            let watchlist = Watchlist(request, facts: facts, context: context)
            let summary: [UInt8] = format == .html
                ? Array(watchlist.htmlIndex(options.lang, scorecards: index).utf8)
                : try watchlist.rendered(as: format, language: options.lang)
            let summaryFile = "\(folder)/\(format == .html ? "index" : "watchlist").\(format.fileExtension)"
            try options.write(summary, to: summaryFile)
            print("已写入 \(index.count) 份评分卡和重点关注名单（\(watchlist.entries.count) 家）— wrote \(index.count) scorecards and the watchlist (\(watchlist.entries.count) enterprises): \(folder)")
        }
    }
}

/// File names of scorecards written by `--all`.
enum ScorecardFiles {
    /// The enterprise key with anything but letters (Chinese included), digits and `-` replaced by `_`, so it
    /// is a safe file name (`name:华韵服饰` → `name_华韵服饰`).
    static func safeName(_ key: String) -> String {
        String(String.UnicodeScalarView(key.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" ? scalar : "_"
        }))
    }
}
