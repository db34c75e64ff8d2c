import Foundation
import Testing

/// `ankang` runs validate and score itself and hands the inspection-log commands to `ankang-log` (exec):
/// one command tree for the user, whatever binary runs the command.
@Suite struct CommandTreeTests {
    @Test func helpListsEveryCommand() throws {
        let result = try AnkangBinary.run(["--help"])
        #expect(result.status == 0)
        for name in ["validate", "score", "ingest", "report", "serve", "users", "db"] {
            #expect(result.stdout.contains("\n  \(name) "), "\(name) missing from:\n\(result.stdout)")
        }
        #expect(result.stdout.contains("校验、评分并入库"))
    }

    @Test func inspectionLogCommandsShowTheirOwnHelp() throws {
        let ingest = try AnkangBinary.run(["ingest", "--help"])
        #expect(ingest.status == 0)
        #expect(ingest.stdout.contains("USAGE: ankang ingest") && ingest.stdout.contains("--db <LOCATION>"), "\(ingest.stdout)")
        let trends = try AnkangBinary.run(["report", "trends", "--help"])
        #expect(trends.status == 0)
        #expect(trends.stdout.contains("USAGE: ankang report trends") && trends.stdout.contains("--as-of"), "\(trends.stdout)")
        let help = try AnkangBinary.run(["help", "db", "stats"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: ankang db stats") && help.stdout.contains("--format"), "\(help.stdout)")
    }

    @Test func exitStatusAndOutputAreTheCommandsOwn() throws {
        let folder = try AnkangBinary.temporaryFolder("tree")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = "sqlite:" + folder.appendingPathComponent("log.sqlite").path
        let ingest = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let missing = try AnkangBinary.run(["ingest", folder.appendingPathComponent("nowhere").path, "--db", db])
        #expect(missing.status == 2)
        let stats = try AnkangBinary.run(["db", "stats", "--db", db, "--format", "json"])
        #expect(stats.status == 0 && stats.stdout.contains("\"submissions\""), "\(stats.stdout)\(stats.stderr)")
        let usage = try AnkangBinary.run(["db", "stats", "--no-such-option"])
        #expect(usage.status == 2 && usage.stderr.contains("--no-such-option"))
    }

    @Test func aMissingInspectionLogBinaryIsAClearError() throws {
        let folder = try AnkangBinary.temporaryFolder("alone")
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("ankang")
        try FileManager.default.copyItem(at: AnkangBinary.url, to: alone)
        let stats = try AnkangBinary.run(["db", "stats"], executable: alone)
        #expect(stats.status == 2)
        #expect(stats.stderr.contains("ankang-log") && stats.stderr.contains("swift build"), "\(stats.stderr)")
        // The offline commands need nothing else.
        let validate = try AnkangBinary.run(["validate", AnkangBinary.samples("valid")], executable: alone)
        #expect(validate.status == 0)
    }
}
