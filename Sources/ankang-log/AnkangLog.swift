import AnkangCommandLine
import ArgumentParser

/// `ankang-log`: the inspection-log commands of `ankang` (ingest, report, serve, users, db), which need the
/// database and HTTP libraries. Users run them as `ankang NAME …`; `ankang` hands them to this binary.
@main
struct AnkangLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ankang",
        abstract: ToolDescription.abstract,
        discussion: ToolDescription.discussion,
        version: ToolDescription.version,
        subcommands: [Ingest.self, ReportCommand.self, Serve.self, Users.self, DatabaseCommand.self]
    )

    static func main() async { await parseAndRun() }
}
