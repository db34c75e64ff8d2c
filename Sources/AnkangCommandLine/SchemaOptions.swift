import AnkangDocuments
import AnkangXML
import ArgumentParser
import Foundation

/// Options shared by every command that reads submissions.
public struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("使用此目录中的架构和检查项目目录，而不是内置的一套 (use the schemas and catalogues in DIR instead of the embedded ones).", valueName: "DIR"))
    public var schemas: String?

    @Option(name: .long, help: ArgumentHelp("单个文件大小上限，字节 (largest accepted file, in bytes).", valueName: "BYTES"))
    public var maxBytes: Int = XMLLimits.standard.maxBytes

    @Option(name: .long, help: ArgumentHelp("每个文件最多列出的问题数 (most findings listed per file).", valueName: "N"))
    public var maxFindings: Int = XMLLimits.standard.maxDiagnostics

    public init() {}

    public func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
        guard maxFindings > 0 else { throw ValidationError("--max-findings must be positive") }
    }

    /// The schemas in `folder`, or the embedded ones; a folder that cannot be loaded is an I/O error (exit 2).
    public static func bundle(from folder: String?) throws -> SchemaBundle {
        do {
            return try folder.map { try SchemaBundle(directory: URL(fileURLWithPath: $0)) } ?? SchemaBundle.embedded()
        } catch {
            FileHandle.standardError.write(Data("ankang: 无法加载架构 (cannot load schemas): \(error)\n".utf8))
            throw ExitStatus.usageOrIO
        }
    }

    /// The validator for these options.
    public func makeValidator() throws -> SubmissionValidator {
        let bundle = try Self.bundle(from: schemas)
        var limits = XMLLimits.standard
        limits.maxBytes = maxBytes
        limits.maxDiagnostics = maxFindings
        return SubmissionValidator(bundle: bundle, limits: limits)
    }
}

/// How findings are printed.
public struct OutputOptions: ParsableArguments {
    public enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    public enum Language: String, ExpressibleByArgument, CaseIterable { case both, zh, en }

    @Option(help: "输出格式 (output format): text | json.")
    public var format: Format = .text

    @Option(help: "消息语言 (message language): both (中文 then English) | zh | en.")
    public var lang: Language = .both

    public init() {}
}
