import Foundation
import Testing

/// `ankang report`, run as a separate process on a log holding the valid samples.
@Suite struct ReportCommandTests {
    /// A log with the twelve valid samples, in a folder removed by `clean()`.
    struct Log {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-report-\(UUID().uuidString)")
        var db: String { "sqlite:" + folder.appendingPathComponent("log.sqlite").path }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let ingest = try AnkangBinary.run(["ingest", AnkangBinary.samples("valid"), "--db", db])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func clean() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func trendReportAsJSON() throws {
        let log = try Log()
        defer { log.clean() }
        let run = try AnkangBinary.run(["report", "trends", "--period", "2011", "--by", "quarter", "--format", "json", "--as-of", "2012-12-31",
                                        "--db", log.db])
        #expect(run.status == 0, "\(run.stderr)")
        struct Report: Decodable {
            struct Scope: Decodable { var from: String; var to: String; var enterprises: Int; var asOf: String }
            struct Bucket: Decodable { var found: Int }
            var scope: Scope
            var buckets: [Bucket]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.scope.from == "2011-01-01" && report.scope.to == "2011-12-31" && report.scope.asOf == "2011-12-31")
        #expect(report.scope.enterprises == 7)
        #expect(report.buckets.count == 4 && report.buckets.reduce(0) { $0 + $1.found } == 7)
    }

    @Test func everyFormatToAFile() throws {
        let log = try Log()
        defer { log.clean() }
        for format in ["html", "csv", "xlsx", "json"] {
            let output = log.path("trends.\(format)")
            let run = try AnkangBinary.run(["report", "trends", "--from", "2011-01-01", "--to", "2012-12-31", "--org", "高邮市/临泽镇",
                                            "--format", format, "-o", output, "--db", log.db])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let bytes = try #require(FileManager.default.contents(atPath: output))
            switch format {
            case "html": #expect(String(decoding: bytes, as: UTF8.self).contains("<svg"))
            case "csv": #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            case "xlsx": #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            default: #expect(String(decoding: bytes, as: UTF8.self).contains("\"orgPath\""))
            }
        }
    }

    @Test func scorecardOfOneEnterpriseAndOfAll() throws {
        let log = try Log()
        defer { log.clean() }
        let one = try AnkangBinary.run(["report", "scorecard", "--enterprise", "高邮市华韵服饰有限公司", "--period", "2011", "--format", "csv",
                                        "--db", log.db])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("安康杯总分,97.2"))
        let folder = log.path("cards")
        let all = try AnkangBinary.run(["report", "scorecard", "--all", "--period", "2012", "-o", folder, "--lang", "en", "--db", log.db])
        #expect(all.status == 0, "\(all.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.contains("index.html") && files.count == 8, "\(files)")
        let index = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        #expect(index.contains("Watchlist") && index.contains("91321084798426130K.html"))
    }

    @Test func mistakesAreExplained() throws {
        let log = try Log()
        defer { log.clean() }
        let unknown = try AnkangBinary.run(["report", "scorecard", "--enterprise", "无此企业", "--period", "2011", "--db", log.db])
        #expect(unknown.status == 1 && unknown.stderr.contains("no enterprise"))
        let period = try AnkangBinary.run(["report", "trends", "--period", "2011-13", "--db", log.db])
        #expect(period.status == 2 && period.stderr.contains("--period"))
        let both = try AnkangBinary.run(["report", "scorecard", "--all", "--enterprise", "x", "-o", log.path("x"), "--db", log.db])
        #expect(both.status == 2)
        let profile = try AnkangBinary.run(["report", "trends", "--compliance-profile", "city-ankang-cup-2011", "--db", log.db])
        #expect(profile.status == 2 && profile.stderr.contains("monitoring-compliance"))
    }
}
