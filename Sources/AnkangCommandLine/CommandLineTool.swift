import ArgumentParser
import Foundation

/// Exit statuses shared by the subcommands.
public enum ExitStatus {
    public static let invalid = ExitCode(1)
    public static let usageOrIO = ExitCode(2)
}

/// What `ankang --help` says of the whole tool, for both binaries.
public enum ToolDescription {
    public static let abstract = "安康 Ankang：工会劳动保护检查提交文件的校验、评分、入库与报表。"
    public static let discussion = """
        Validate, score, store and report trade-union labour-protection inspection submissions
        (安康杯竞赛考核表, "1+3" 日常安全监控记录, 隐患整改通知与复查) as XML files.

        Exit status: 0 all files valid (warnings allowed), 1 some file invalid, 2 usage or I/O error.
        """
    public static let version = "0.1.0"
}

/// The commands that work on the inspection log (a database), run by the `ankang-log` binary that is built
/// and installed next to `ankang`. `ankang` itself holds only the offline commands (validate, score), so an
/// inspector's check of one file starts without loading the database and HTTP libraries.
public enum InspectionLogCommand: String, CaseIterable, Sendable {
    case ingest, report, serve, users, db

    /// The binary that runs these commands.
    public static let binaryName = "ankang-log"

    /// One line for `ankang --help`.
    public var abstract: String {
        switch self {
        case .ingest: "校验、评分并入库 (validate, score and store submissions in the inspection log)."
        case .report: "报表：隐患趋势分析、企业安全评分卡 (reports: hazard trends, enterprise scorecards)."
        case .serve: "HTTP 服务 (serve the API over HTTP)."
        case .users: "用户与访问令牌 (manage users and their API tokens)."
        case .db: "检查记录数据库维护 (maintain the inspection log)."
        }
    }
}

extension ParsableCommand {
    /// Parses the process's arguments as this root command and runs the chosen subcommand; usage errors exit
    /// with status 2 (ArgumentParser's default is 64), other errors as ArgumentParser maps them.
    public static func parseAndRun() async {
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
