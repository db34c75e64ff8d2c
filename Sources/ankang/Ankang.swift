import AnkangCommandLine
import ArgumentParser
import Foundation

/// The `ankang` command: one subcommand per step of the pipeline. The offline steps (validate, score) run
/// here; the inspection-log steps run in `ankang-log` (see ``InspectionLogCommand``).
@main
struct Ankang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ankang",
        abstract: ToolDescription.abstract,
        discussion: ToolDescription.discussion,
        version: ToolDescription.version,
        subcommands: [
            Validate.self, ScoreCommand.self,
            Forwarded<Ingest>.self, Forwarded<Report>.self, Forwarded<Serve>.self, Forwarded<Users>.self, Forwarded<Database>.self,
        ]
    )

    static func main() async { await parseAndRun() }

    enum Ingest: ForwardedName { static let command = InspectionLogCommand.ingest }
    enum Report: ForwardedName { static let command = InspectionLogCommand.report }
    enum Serve: ForwardedName { static let command = InspectionLogCommand.serve }
    enum Users: ForwardedName { static let command = InspectionLogCommand.users }
    enum Database: ForwardedName { static let command = InspectionLogCommand.db }
}

/// Names one inspection-log command for ``Forwarded``.
protocol ForwardedName { static var command: InspectionLogCommand { get } }

/// An inspection-log command: `ankang NAME ARGS…` runs `ankang-log NAME ARGS…` in this process (exec), so
/// its options, help (`ankang NAME --help`), output, exit status and signals are that command's own.
struct Forwarded<Name: ForwardedName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Name.command.rawValue, abstract: Name.command.abstract,
            discussion: "选项见 `ankang \(Name.command.rawValue) --help` (options: `ankang \(Name.command.rawValue) --help`).",
            helpNames: [])
    }

    @Argument(parsing: .captureForPassthrough, help: .hidden) var arguments: [String] = []

    func run() throws {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        let path = executable.deletingLastPathComponent().appendingPathComponent(InspectionLogCommand.binaryName).path
        let argv = ["ankang", Name.command.rawValue] + arguments
        var cArguments = argv.map { strdup($0) }
        cArguments.append(nil)
        execv(path, cArguments)
        FileHandle.standardError.write(Data("ankang: 无法运行 \(path) (cannot run it): \(String(cString: strerror(errno))); build it with `swift build`\n".utf8))
        throw ExitStatus.usageOrIO
    }
}
