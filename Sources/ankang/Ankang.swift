import ArgumentParser
import Foundation

/// The `ankang` command: one subcommand per step of the pipeline.
@main
struct Ankang: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ankang",
        abstract: "安康 Ankang：工会劳动保护检查提交文件的校验、评分、入库与报表。",
        discussion: """
        Validate, score, store and report trade-union labour-protection inspection submissions
        (安康杯竞赛考核表, "1+3" 日常安全监控记录, 隐患整改通知与复查) as XML files.

        Exit status: 0 all files valid (warnings allowed), 1 some file invalid, 2 usage or I/O error.
        """,
        version: "0.1.0",
        subcommands: [Validate.self, ScoreCommand.self, Ingest.self, ReportCommand.self, Serve.self, Users.self, DatabaseCommand.self]
    )

    /// Parses and runs the command, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Exit statuses shared by the subcommands.
enum ExitStatus {
    static let invalid = ExitCode(1)
    static let usageOrIO = ExitCode(2)
}
