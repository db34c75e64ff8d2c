import Foundation
import Testing

/// `ankang ingest` and `ankang db`, run as separate processes against real SQLite files.
@Suite struct IngestCommandTests {
    /// A temporary folder with a database path in it; removed by `clean()`.
    struct Workspace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-ingest-\(UUID().uuidString)")
        var database: String { folder.appendingPathComponent("log.sqlite").path }
        var db: String { "sqlite:" + database }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func clean() { try? FileManager.default.removeItem(at: folder) }

        /// Copies sample files into a new subfolder and returns its path.
        func copy(_ samples: [String], to name: String) throws -> String {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for sample in samples {
                let source = URL(fileURLWithPath: AnkangBinary.samples(sample))
                try FileManager.default.copyItem(at: source, to: target.appendingPathComponent(source.lastPathComponent))
            }
            return target.path
        }
    }

    struct Summary: Decodable {
        struct Reason: Decodable { var code: String; var files: Int }
        var files, accepted, duplicate, conflict, rejected, unreadable: Int
        var reasons: [Reason]
    }

    struct Report: Decodable {
        struct File: Decodable { var path: String; var outcome: String; var submissionId: String?; var sha256: String? }
        var database: String
        var files: [File]
        var summary: Summary
    }

    struct Stats: Decodable {
        var tables: [String: Int]
        var schemaVersion: Int
        var supersededSubmissions: Int
    }

    static func ingestJSON(_ arguments: [String]) throws -> (AnkangBinary.Result, Report) {
        let result = try AnkangBinary.run(["ingest", "--format", "json"] + arguments)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        return (result, report)
    }

    static func stats(_ db: String) throws -> Stats {
        let result = try AnkangBinary.run(["db", "stats", "--format", "json", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Stats.self, from: Data(result.stdout.utf8))
    }

    /// Files in samples/valid, and files in samples/invalid whose expected findings include an error
    /// (the rest carry only warnings and are accepted).
    static let validCount = files("valid").count
    static let warningOnlyCount = files("invalid").count { expectsNoError($0) }
    static let invalidCount = files("invalid").count - warningOnlyCount

    static func files(_ folder: String) -> [String] {
        let path = AnkangBinary.samples(folder)
        return (try? FileManager.default.contentsOfDirectory(atPath: path))?.filter { $0.hasSuffix(".xml") }.map { path + "/" + $0 } ?? []
    }

    static func expectsNoError(_ xml: String) -> Bool {
        let expect = (try? String(contentsOfFile: String(xml.dropLast(4)) + ".expect", encoding: .utf8)) ?? ""
        return !expect.split(separator: "\n").contains { $0.hasPrefix("error") }
    }

    @Test func ingestsSamplesOnceAndThenReportsDuplicates() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let paths = [AnkangBinary.samples("valid"), AnkangBinary.samples("invalid")]

        let (first, report) = try Self.ingestJSON(paths + ["--db", workspace.db])
        #expect(first.status == 1, "rejections exit 1: \(first.stderr)")
        #expect(report.summary.accepted == Self.validCount + Self.warningOnlyCount)
        #expect(report.summary.rejected == Self.invalidCount)
        #expect(report.summary.duplicate == 0 && report.summary.conflict == 0 && report.summary.unreadable == 0)
        #expect(report.summary.reasons.contains { $0.code == "ANK-XSD-004" && $0.files >= 5 })
        #expect(report.files.count == Self.validCount + Self.warningOnlyCount + Self.invalidCount)
        #expect(report.files.filter { $0.outcome == "accepted" }.allSatisfy { $0.submissionId != nil && $0.sha256?.count == 64 })

        let (second, again) = try Self.ingestJSON(paths + ["--db", workspace.db])
        #expect(second.status == 1)
        #expect(again.summary.accepted == 0)
        #expect(again.summary.duplicate == Self.validCount + Self.warningOnlyCount)
        #expect(again.summary.rejected == Self.invalidCount)

        let stats = try Self.stats(workspace.db)
        #expect(stats.tables["submissions"] == Self.validCount + Self.warningOnlyCount)
        #expect(stats.tables["quarantine"] == Self.invalidCount)
        #expect(stats.schemaVersion == 9)

        // Only valid files: exit 0, and the text summary says what happened.
        let text = try AnkangBinary.run(["ingest", "--lang", "en", AnkangBinary.samples("valid"), "--db", workspace.db])
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("\(Self.validCount) files ingested: 0 accepted, \(Self.validCount) duplicate, 0 conflict, 0 rejected"))
        #expect(text.stdout.contains("database: \(workspace.db)"))

        let check = try AnkangBinary.run(["db", "check", "--db", workspace.db])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func textOutputListsRejectionsByCode() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let result = try AnkangBinary.run(["ingest", AnkangBinary.samples("invalid"), "--db", workspace.db])
        #expect(result.status == 1)
        #expect(result.stdout.contains("拒收 \(Self.invalidCount)") && result.stdout.contains("\(Self.invalidCount) rejected"), "\(result.stdout)")
        #expect(result.stdout.contains("reasons (by finding code, files):"))
        #expect(result.stdout.contains("ANK-FMT-001 ×1"))
        // One compiler-style line per error, as `ankang validate` prints them.
        #expect(result.lines.contains { $0.hasSuffix("(ANK-SEC-001)") && $0.contains("sec-001-doctype.xml") })
    }

    @Test func sameIdWithOtherBytesIsAConflict() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let original = AnkangBinary.samples("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
        let changed = workspace.folder.appendingPathComponent("changed.xml")
        try (Data(contentsOf: URL(fileURLWithPath: original)) + Data("<!-- changed -->\n".utf8)).write(to: changed)
        #expect(try AnkangBinary.run(["ingest", original, "--db", workspace.db]).status == 0)

        let (result, report) = try Self.ingestJSON([changed.path, "--db", workspace.db])
        #expect(result.status == 1)
        #expect(report.summary.conflict == 1)
        #expect(report.summary.reasons.map(\.code) == ["ANK-DB-001"])
        let text = try AnkangBinary.run(["ingest", "--lang", "en", changed.path, "--db", workspace.db])
        #expect(text.stdout.contains("already stored with different content"))
        #expect(text.stdout.contains("(ANK-DB-001)"))
        #expect(try Self.stats(workspace.db).tables["quarantine"] == 1)
    }

    @Test func aCorrectionSupersedesTheOriginal() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let original = AnkangBinary.samples("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let correction = text.replacingOccurrences(
            of: #"submissionId="6c540d41-63a4-435e-9656-9e063b065e8b""#,
            with: #"submissionId="0e9f6a5e-5d0b-4d43-9d5e-6a1c2b3d4e5f" supersedes="6c540d41-63a4-435e-9656-9e063b065e8b""#)
        #expect(correction != text)
        let path = workspace.folder.appendingPathComponent("correction.xml")
        try correction.write(to: path, atomically: true, encoding: .utf8)
        let result = try AnkangBinary.run(["ingest", original, path.path, "--db", workspace.db])
        #expect(result.status == 0, "\(result.stdout)")
        let stats = try Self.stats(workspace.db)
        #expect(stats.tables["submissions"] == 2)
        #expect(stats.supersededSubmissions == 1)
    }

    @Test func readOnlyDatabaseIsAClearErrorAndLosesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let monitoring = try workspace.copy([
            "valid/monitoring-2011-tangzhuang-mingda-team-day.xml", "valid/monitoring-2011-kaifaqu-kangde-enterprise-seasonal.xml",
        ], to: "first")
        #expect(try AnkangBinary.run(["ingest", monitoring, "--db", workspace.db]).status == 0)

        // CI runs as root, where file modes do not stop writes: open with SQLite's read-only flag.
        let result = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", workspace.db + "?mode=ro"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("数据库只读") && result.stderr.contains("database is read-only"), "\(result.stderr)")

        let stats = try Self.stats(workspace.db)
        #expect(stats.tables["submissions"] == 2, "acknowledged rows intact")
        #expect(try AnkangBinary.run(["db", "check", "--db", workspace.db]).status == 0)
        // Reading a read-only database works.
        #expect(try Self.stats(workspace.db + "?mode=ro").tables["submissions"] == 2)
    }

    @Test func fullDatabaseIsAClearErrorAndLosesNothing() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let monitoring = try workspace.copy([
            "valid/monitoring-2011-tangzhuang-mingda-team-day.xml", "valid/monitoring-2011-kaifaqu-kangde-enterprise-seasonal.xml",
        ], to: "first")
        #expect(try AnkangBinary.run(["ingest", monitoring, "--db", workspace.db]).status == 0)

        // Cap the file a few pages above its size (SQLite's max_page_count): the next batch does not fit,
        // exactly as on a full disk.
        // The SQLite header holds the database size in pages (bytes 28–31, big-endian).
        let header = Array(try Data(contentsOf: URL(fileURLWithPath: workspace.database)).prefix(100))
        let pageCount = header[28..<32].reduce(0) { $0 << 8 | Int($1) }
        let pages = pageCount + 3
        let result = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", workspace.db + "?max-pages=\(pages)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("磁盘或数据库已满") && result.stderr.contains("disk or database full"), "\(result.stderr)")

        let stats = try Self.stats(workspace.db)
        #expect(stats.tables["submissions"] == 2, "acknowledged rows intact")
        let check = try AnkangBinary.run(["db", "check", "--db", workspace.db])
        #expect(check.status == 0, "\(check.stdout)")
        // With room again, the same command finishes the job.
        let retry = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", workspace.db])
        #expect(retry.status == 0)
        #expect(try Self.stats(workspace.db).tables["submissions"] == Self.validCount)
    }

    @Test func usageAndDatabaseErrorsExitTwo() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let missing = try AnkangBinary.run(["ingest", "/nonexistent/file.xml", "--db", workspace.db])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no such file"))
        let badLocation = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", "mysql://x/y"])
        #expect(badLocation.status == 2)
        #expect(badLocation.stderr.contains("数据库位置无效"))
        let notADatabase = workspace.folder.appendingPathComponent("not-a-db.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: notADatabase)
        let corrupt = try AnkangBinary.run(["db", "stats", "--db", "sqlite:" + notADatabase.path])
        #expect(corrupt.status == 2)
        #expect(corrupt.stderr.contains("not a database"), "\(corrupt.stderr)")
        let unknownProfile = try AnkangBinary.run(["ingest", "--profile", "nope", AnkangBinary.samples("valid"), "--db", workspace.db])
        #expect(unknownProfile.status == 2)
        let unreachable = try AnkangBinary.run(["db", "stats", "--db", "postgres://postgres@127.0.0.1:1/none?sslmode=disable"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("无法打开或连接数据库"), "\(unreachable.stderr)")
    }

    @Test func defaultDatabaseLivesUnderXDGDataHome() throws {
        let workspace = try Workspace()
        defer { workspace.clean() }
        let process = Process()
        process.executableURL = AnkangBinary.url
        process.arguments = ["db", "migrate"]
        var environment = ProcessInfo.processInfo.environment
        environment["ANKANG_DB"] = nil
        environment["XDG_DATA_HOME"] = nil
        environment["HOME"] = workspace.folder.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent(".local/share/ankang/ankang.sqlite").path))
    }
}
