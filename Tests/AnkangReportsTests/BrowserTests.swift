import AnkangModel
import Foundation
import Testing

@testable import AnkangReports

/// Debian's chromium, headless: the reports render with no console message (so nothing broke and
/// nothing tried to load from outside the page: its content security policy would log it), and a
/// screenshot of each is kept in `.build/test-artifacts/`.
@Suite("Reports in headless Chromium", .serialized, .enabled(if: Browser.enabled, Comment(rawValue: Browser.skipMessage)))
struct BrowserTests {
    @Test func trendReportRendersCleanly() async throws {
        let report = try await GoldenReportTests.trendReport(GoldenReportTests.year2012)
        let run = try Browser.render(String(decoding: try report.rendered(as: .html, language: .zh), as: UTF8.self), name: "trends-2012-city")
        #expect(run.consoleMessages.isEmpty, "\(run.consoleMessages)")
        #expect(run.dom.contains("隐患趋势分析报告") && run.dom.contains("<svg"))
        #expect(run.screenshotBytes > 50_000, "a real page was drawn")
    }

    @Test func scorecardRendersCleanly() async throws {
        let request = ScorecardRequest(period: ReportPeriod(parsing: "2012")!, today: GoldenDataset.today)
        let card = try await GoldenDataset.withStore { store -> Scorecard? in
            let facts = try await store.reportFacts(request.scope(enterprise: nil))
            return GoldenReportTests.scorecardEnterprise(facts).flatMap { Scorecard(enterpriseKey: $0, request, facts: facts, context: GoldenDataset.context) }
        }
        let html = String(decoding: try #require(card).rendered(as: .html, language: .zh), as: UTF8.self)
        let run = try Browser.render(html, name: "scorecard-2012", height: 1123)
        #expect(run.consoleMessages.isEmpty, "\(run.consoleMessages)")
        #expect(run.dom.contains("安康杯考核"))
    }

    @Test func theCheckNoticesABrokenPage() throws {
        // A page that tries the network and runs a script: both are blocked and reported.
        var page = HTMLPage(language: .zh, title: "broken")
        page.raw("<img src=\"http://example.invalid/x.png\"><script>console.error('boom')</script>")
        let run = try Browser.render(page.document, name: "broken-control")
        #expect(run.consoleMessages.count >= 2, "\(run.consoleMessages)")
    }
}

/// Runs Debian's chromium headless on a page.
enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
    /// Runs when chromium is installed, and always in CI (where a missing browser fails).
    static var enabled: Bool { path != nil || inCI }
    static let skipMessage = "browser tests skipped: chromium is not installed (apt-get install chromium)"
    static let artifacts = GoldenDataset.packageRoot.appendingPathComponent(".build/test-artifacts")

    struct Run {
        var consoleMessages: [String]
        var dom: String
        var screenshotBytes: Int
    }

    /// Loads `html` from a file, takes an A4-wide screenshot (794 px at 96 dpi) into the artifacts folder,
    /// and returns the page's console messages and its DOM after rendering.
    static func render(_ html: String, name: String, height: Int = 4000) throws -> Run {
        let chromium = try #require(path, "chromium is not installed")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let page = artifacts.appendingPathComponent("\(name).html")
        try Data(html.utf8).write(to: page)
        let screenshot = artifacts.appendingPathComponent("\(name).png")
        try? FileManager.default.removeItem(at: screenshot)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("ankang-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        func chrome(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                                 "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let stdout = output.fileHandleForReading.readDataToEndOfFile()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }
        let shot = try chrome(["--window-size=794,\(height)", "--screenshot=\(screenshot.path)"])
        let dom = try chrome(["--dump-dom"])
        let console = (shot.stderr + dom.stderr).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        return Run(consoleMessages: console, dom: dom.stdout, screenshotBytes: size)
    }
}
