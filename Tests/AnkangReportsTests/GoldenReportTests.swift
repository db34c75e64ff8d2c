import AnkangModel
import AnkangStore
import Foundation
import Testing

@testable import AnkangReports

/// Every format of every report, on the fixed generated dataset, against golden files.
@Suite("Golden reports", .serialized)
struct GoldenReportTests {
    static let year2012 = TrendRequest(from: CivilDate(iso: "2012-01-01")!, to: CivilDate(iso: "2012-12-31")!, granularity: .month,
                                       today: GoldenDataset.today)

    static func trendReport(_ request: TrendRequest) async throws -> TrendReport {
        try await GoldenDataset.withStore { store in
            await TrendReport(request, facts: try await store.reportFacts(request.scope), context: GoldenDataset.context)
        }
    }

    /// The enterprise the scorecard goldens show: the one with the most submissions in 2012 that was
    /// assessed that year (ties broken by key).
    static func scorecardEnterprise(_ facts: ReportFacts) -> String? {
        let assessed = Set(facts.submissions.filter { $0.kind == .ankangCupAssessment && $0.date.year == 2012 }.map(\.enterpriseKey))
        let counts = Dictionary(grouping: facts.submissions.filter { assessed.contains($0.enterpriseKey) }, by: \.enterpriseKey).mapValues(\.count)
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    @Test func cityTrendReportInEveryFormat() async throws {
        let report = try await Self.trendReport(Self.year2012)
        #expect(report.performance.found > 100, "the dataset has hazards in 2012")
        #expect(report.buckets.count == 12)
        for format in ReportFormat.allCases {
            try GoldenDataset.expectGolden(try report.rendered(as: format, language: .zh), "trends-2012-city.\(format.fileExtension)")
        }
    }

    @Test func unitTrendReportByQuarterInEnglish() async throws {
        var request = Self.year2012
        request.from = CivilDate(iso: "2011-01-01")!
        request.granularity = .quarter
        let city = try await Self.trendReport(request)
        let unit = try #require(city.byUnit.first?.key, "the busiest unit")
        request.orgPath = ["高邮市", unit]
        let report = try await Self.trendReport(request)
        #expect(report.byUnit.map(\.key) == [unit])
        #expect(report.performance.found == city.byUnit.first?.found)
        for format in [ReportFormat.json, .html] {
            try GoldenDataset.expectGolden(try report.rendered(as: format, language: .en), "trends-2011-2012-unit-quarter-en.\(format.fileExtension)")
        }
    }

    @Test func scorecardInEveryFormat() async throws {
        let request = ScorecardRequest(period: ReportPeriod(parsing: "2012")!, today: GoldenDataset.today)
        let card = try await GoldenDataset.withStore { store -> Scorecard? in
            let all = try await store.reportFacts(request.scope(enterprise: nil))
            let key = try #require(Self.scorecardEnterprise(all))
            let facts = try await store.reportFacts(request.scope(enterprise: key))
            let alone = Scorecard(enterpriseKey: key, request, facts: facts, context: GoldenDataset.context)
            // Built from the city-wide facts (as --all does) it is the same card.
            #expect(alone == Scorecard(enterpriseKey: key, request, facts: all, context: GoldenDataset.context))
            return alone
        }
        let scorecard = try #require(card)
        #expect(scorecard.assessment != nil && scorecard.rankInUnit != nil)
        for format in ReportFormat.allCases {
            try GoldenDataset.expectGolden(try scorecard.rendered(as: format, language: .zh), "scorecard-2012.\(format.fileExtension)")
        }
    }

    @Test func watchlist() async throws {
        let request = ScorecardRequest(period: ReportPeriod(parsing: "2012-Q4")!, today: GoldenDataset.today)
        let watchlist = try await GoldenDataset.withStore { store in
            Watchlist(request, facts: try await store.reportFacts(request.scope(enterprise: nil)), context: GoldenDataset.context)
        }
        #expect(!watchlist.entries.isEmpty)
        for entry in watchlist.entries {
            #expect(entry.scoreFellTwice || entry.overdueNow > entry.overdueBefore)
        }
        try GoldenDataset.expectGolden(try watchlist.rendered(as: .csv, language: .zh), "watchlist-2012-Q4.csv")
        try GoldenDataset.expectGolden(try watchlist.rendered(as: .json, language: .zh), "watchlist-2012-Q4.json")
    }

    @Test func theSameModelFeedsEveryFormat() async throws {
        let report = try await Self.trendReport(Self.year2012)
        let json = try JSONDecoder().decode(TrendReport.self, from: Data(try report.rendered(as: .json, language: .zh)))
        #expect(json == report, "the JSON is the model")
        let csv = String(decoding: try report.rendered(as: .csv, language: .zh), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}概况\r\n"))
        #expect(csv.contains("发现隐患,\(report.performance.found)\r\n"))
        let html = String(decoding: try report.rendered(as: .html, language: .zh), as: UTF8.self)
        #expect(html.contains("<div class=\"value\">\(report.performance.found)</div>"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "nothing is loaded from the network")
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 8, "charts are inline SVG")
    }
}
