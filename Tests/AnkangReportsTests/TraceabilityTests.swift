import AnkangModel
import AnkangStore
import Foundation
import GRDB
import Testing

@testable import AnkangReports

/// Numbers of the golden reports recomputed straight from the stored rows with SQL.
@Suite("Report numbers trace back to the rows")
struct TraceabilityTests {
    static func database() async throws -> DatabaseQueue {
        guard case let .sqlite(location) = try await GoldenDataset.location() else { throw GoldenDataset.DatasetError(message: "not SQLite") }
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: location.path, configuration: configuration)
    }

    @Test func trendReportNumbers() async throws {
        let report = try await GoldenReportTests.trendReport(GoldenReportTests.year2012)
        let db = try await Self.database()
        try await db.read { db in
            let found = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hazard_status WHERE found_date BETWEEN '2012-01-01' AND '2012-12-31'")
            #expect(report.performance.found == found)
            let closedInMarch = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hazard_status WHERE closed_date BETWEEN '2012-03-01' AND '2012-03-31'")
            #expect(report.buckets[2].closed == closedInMarch)
            let majors = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM hazard_status WHERE grade = 'major' AND found_date BETWEEN '2012-01-01' AND '2012-12-31'
                """)
            #expect(report.breakdowns.first { $0.dimension == "grade" }?.rows.first { $0.key == "major" }?.found == majors)
            let violations = try Int.fetchOne(db, sql: """
                SELECT SUM(v.count) FROM violations v JOIN current_submissions s ON s.id = v.submission_id
                WHERE s.inspection_date BETWEEN '2012-01-01' AND '2012-12-31'
                """)
            #expect(report.violations.total == violations)
            let accidents = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT DISTINCT s.enterprise_key, a.accident_id FROM accidents a
                JOIN current_submissions s ON s.id = a.submission_id WHERE a.date BETWEEN '2012-01-01' AND '2012-12-31')
                """)
            #expect(report.accidents.total == accidents)
            let top = try Row.fetchOne(db, sql: """
                SELECT i.code, COUNT(*) AS failures FROM item_results i JOIN current_submissions s ON s.id = i.submission_id
                WHERE i.result = 'nonCompliant' AND s.inspection_date BETWEEN '2012-01-01' AND '2012-12-31'
                GROUP BY i.code ORDER BY failures DESC, COUNT(DISTINCT s.enterprise_key) DESC, i.code LIMIT 1
                """)
            #expect(report.recurringItems.first?.code == top?["code"])
            #expect(report.recurringItems.first?.failures == top?["failures"])
            // Overdue on the as-of day: open, with a deadline (or the profile's default: 7 days, 30 for major) before it.
            let overdue = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM hazard_status
                WHERE found_date <= '2012-12-31' AND (closed_date IS NULL OR closed_date > '2012-12-31')
                  AND COALESCE(deadline, date(found_date, CASE grade WHEN 'major' THEN '+30 days' ELSE '+7 days' END)) < '2012-12-31'
                """)
            #expect(report.overdue.count == overdue)
            let workers = try Int.fetchOne(db, sql: "SELECT SUM(employees) FROM enterprises")
            #expect(report.scope.workers == workers)
        }
    }

    @Test func scorecardNumbers() async throws {
        let request = ScorecardRequest(period: ReportPeriod(parsing: "2012")!, today: GoldenDataset.today)
        let facts = try await GoldenDataset.withStore { try await $0.reportFacts(request.scope(enterprise: nil)) }
        let key = try #require(GoldenReportTests.scorecardEnterprise(facts))
        let card = try #require(Scorecard(enterpriseKey: key, request, facts: facts, context: GoldenDataset.context))
        let db = try await Self.database()
        try await db.read { db in
            let total = try Double.fetchOne(db, sql: """
                SELECT score_total FROM current_submissions WHERE enterprise_key = ? AND kind = 'ankangCupAssessment'
                  AND inspection_date BETWEEN '2012-01-01' AND '2012-12-31' ORDER BY inspection_date DESC, seq DESC LIMIT 1
                """, arguments: [key])
            #expect(card.assessment?.score.total == total)
            let records = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM current_submissions WHERE enterprise_key = ? AND kind = 'monitoringRecord'
                  AND inspection_date BETWEEN '2012-01-01' AND '2012-12-31'
                """, arguments: [key])
            #expect(card.monitoring.records == records)
            let better = try Int.fetchOne(db, sql: """
                WITH latest AS (
                  SELECT s.enterprise_key, s.score_total, ROW_NUMBER() OVER (PARTITION BY s.enterprise_key ORDER BY s.inspection_date DESC, s.seq DESC) AS n
                  FROM current_submissions s WHERE s.kind = 'ankangCupAssessment' AND s.score_total IS NOT NULL
                    AND s.inspection_date BETWEEN '2012-01-01' AND '2012-12-31')
                SELECT COUNT(*) FROM latest l JOIN enterprises e ON e.key = l.enterprise_key
                WHERE l.n = 1 AND e.jurisdiction_unit = (SELECT jurisdiction_unit FROM enterprises WHERE key = ?)
                  AND l.score_total > (SELECT score_total FROM latest WHERE enterprise_key = ? AND n = 1)
                """, arguments: [key, key])
            #expect(card.rankInUnit?.position == better.map { $0 + 1 })
            let open = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM hazard_status WHERE enterprise_key = ? AND found_date <= '2012-12-31'
                  AND (closed_date IS NULL OR closed_date > '2012-12-31')
                """, arguments: [key])
            #expect(card.openHazards.general + card.openHazards.major == open)
        }
    }
}
