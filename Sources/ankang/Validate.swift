import AnkangCommandLine
import AnkangDocuments
import AnkangXML
import ArgumentParser
import Foundation

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验提交文件 (validate submissions against the bundled schemas and rules).",
        discussion: """
        Accepts files and directories (recursively, *.xml). Detects the document type from the root element,
        validates against the embedded XSDs with libxml2 (offline; no network, no file access from documents),
        then runs the semantic rules: 统一社会信用代码 and 组织机构代码 check characters, catalogue item codes,
        deadlines, 重大隐患 plans, totals. One line per finding:

          path:line:column: error|warning: message [/element/path] (CODE)

        Files are validated in parallel on all cores; output order follows the input order.
        """
    )

    @Argument(help: ArgumentHelp("要校验的文件或目录 (files or directories to validate).", valueName: "PATH"))
    var paths: [String]

    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("并行校验的线程数，默认每核一个 (parallel workers; default one per core).", valueName: "N"))
    var jobs: Int = SubmissionValidator.defaultWorkers

    func validate() throws {
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
    }

    func run() async throws {
        let validator = try schemaOptions.makeValidator()
        let (files, missing) = FileInput.collect(paths)
        var printer = FindingPrinter(format: output.format, language: output.lang)
        for path in missing {
            printer.printMissing(path)
        }
        await validator.validateFiles(files, workers: jobs) { index, report in
            printer.print(report, for: files[index])
        }
        printer.finish(missingPaths: missing.count)
        if !missing.isEmpty || printer.ioErrors > 0 { throw ExitStatus.usageOrIO }
        if printer.invalidFiles > 0 { throw ExitStatus.invalid }
    }
}
