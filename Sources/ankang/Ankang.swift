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

    static func main() async {
        // `ankang help NAME …` for an inspection-log command is that command's own help, as `ankang NAME --help` is.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help", InspectionLogCommand(rawValue: arguments[1]) != nil {
            do { try runInspectionLog(arguments) } catch { exit(withError: error) }
        }
        await parseAndRun()
    }

    enum Ingest: ForwardedName { static let command = InspectionLogCommand.ingest }
    enum Report: ForwardedName { static let command = InspectionLogCommand.report }
    enum Serve: ForwardedName { static let command = InspectionLogCommand.serve }
    enum Users: ForwardedName { static let command = InspectionLogCommand.users }
    enum Database: ForwardedName { static let command = InspectionLogCommand.db }
}

/// Names one inspection-log command for ``Forwarded``.
protocol ForwardedName { static var command: InspectionLogCommand { get } }

/// An inspection-log command: `ankang NAME ARGS…` runs `ankang-log NAME ARGS…` in this process (exec), so
/// its options, help (`ankang NAME --help`, `ankang help NAME`), output, exit status and signals are that command's own.
struct Forwarded<Name: ForwardedName>: ParsableCommand {
    static var configuration: CommandConfiguration {
        // No help flags of its own: `--help` goes through to the command, like every other argument.
        CommandConfiguration(commandName: Name.command.rawValue, abstract: Name.command.abstract, helpNames: [])
    }

    @Argument(parsing: .captureForPassthrough, help: .hidden) var arguments: [String] = []

    func run() throws { try runInspectionLog([Name.command.rawValue] + arguments) }
}

/// Replaces this process with `ankang-log ARGUMENTS…` (the binary next to this one); returns only by throwing, after
/// saying why it could not.
func runInspectionLog(_ arguments: [String]) throws {
    let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    let path = executable.deletingLastPathComponent().appendingPathComponent(InspectionLogCommand.binaryName).path
    var cArguments = (["ankang"] + arguments).map { strdup($0) }
    cArguments.append(nil)
    execv(path, cArguments)
    FileHandle.standardError.write(Data("ankang: 无法运行 \(path) (cannot run it): \(String(cString: strerror(errno))); build it with `swift build`\n".utf8))
    throw ExitStatus.usageOrIO
}
