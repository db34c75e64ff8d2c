import Foundation
import Testing

/// Nothing acknowledged is lost and nothing is stored twice: `ankang ingest` of ~2,000 generated files is
/// killed with SIGKILL at random moments and restarted until it completes.
@Suite struct CrashTests {
    struct Report: Decodable {
        struct File: Decodable { var path: String; var outcome: String }
        struct Summary: Decodable { var files, accepted, duplicate, conflict, rejected, unreadable: Int }
        var files: [File]
        var summary: Summary
    }

    struct Stats: Decodable { var tables: [String: Int] }

    @Test(.timeLimit(.minutes(5)))
    func sigkillAtRandomMomentsLosesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus").path
        let db = "sqlite:" + folder.appendingPathComponent("log.sqlite").path

        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", AnkangBinary.packageRoot.appendingPathComponent("tools/gen-corpus.py").path,
                               "--count", "2000", "--seed", "7", "--invalid-share", "0.1", "--out", corpus]
        generator.standardError = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)

        // file → expected verdict (valid | invalid).
        let manifest = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        let expected = Dictionary(uniqueKeysWithValues: manifest.map { ($0[0], $0[2]) })
        let validCount = expected.values.count { $0 == "valid" }
        let invalidCount = expected.values.count { $0 == "invalid" }
        try #require(validCount + invalidCount == 2000 && invalidCount == 200)

        // Kill the ingest at random moments; each restart goes on from what was committed.
        var generator64 = SystemRandomNumberGenerator()
        var kills: [Double] = []
        for _ in 0..<4 {
            let process = Process()
            process.executableURL = AnkangBinary.url
            process.arguments = ["ingest", corpus, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double.random(in: 0.3...3.0, using: &generator64)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills.append(delay)
            }
            process.waitUntilExit()
        }
        #expect(!kills.isEmpty, "at least one run was killed mid-way")

        // The run that completes.
        let final = try AnkangBinary.run(["ingest", "--format", "json", corpus, "--db", db])
        #expect(final.status == 1, "invalid files make the exit status 1, never 2: \(final.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(final.stdout.utf8))
        #expect(report.summary.files == 2000)
        #expect(report.summary.conflict == 0 && report.summary.unreadable == 0)
        #expect(report.summary.accepted + report.summary.duplicate == validCount)
        #expect(report.summary.rejected == invalidCount)
        for file in report.files {
            let verdict = expected[URL(fileURLWithPath: file.path).lastPathComponent]
            if verdict == "valid" {
                #expect(file.outcome == "accepted" || file.outcome == "duplicate", "\(file.path): \(file.outcome)")
            } else {
                #expect(file.outcome == "rejected", "\(file.path): \(file.outcome)")
            }
        }

        // Exactly once: one row per valid file, one quarantine entry per invalid file, and a sound database.
        let statsRun = try AnkangBinary.run(["db", "stats", "--format", "json", "--db", db])
        let stats = try JSONDecoder().decode(Stats.self, from: Data(statsRun.stdout.utf8))
        #expect(stats.tables["submissions"] == validCount)
        #expect(stats.tables["quarantine"] == invalidCount)
        let check = try AnkangBinary.run(["db", "check", "--db", db])
        #expect(check.status == 0, "integrity check: \(check.stdout)")
        print("crash test: killed at \(kills.map { String(format: "%.2f s", $0) }.joined(separator: ", ")); \(report.summary.accepted) accepted by the final run")
    }
}
