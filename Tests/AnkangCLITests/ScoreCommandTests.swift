import Foundation
import Testing

/// `ankang score`, run as a separate process.
@Suite struct ScoreCommandTests {
    struct Output: Decodable {
        struct Entry: Decodable {
            struct Assessment: Decodable {
                struct Grade: Decodable { var code: String }
                var total: Double
                var grade: Grade
                var explanation: [Line]
            }
            struct Line: Decodable { var ref: String; var pointsLost: Double }
            var path: String?
            var assessment: Assessment?
            var notScored: String?
        }
        struct Invalid: Decodable { var path: String; var valid: Bool }
        var scores: [Entry]
        var invalidFiles: [Invalid]
    }

    @Test func scoresEveryAssessmentWithItsExplanation() throws {
        let result = try AnkangBinary.run(["score", "--format", "json", AnkangBinary.samples("valid")])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        let assessments = output.scores.compactMap(\.assessment)
        #expect(assessments.count == 4)
        for score in assessments {
            #expect(score.total >= 0 && score.total <= 104)
            // Every point lost is explained: the lines add up to what is missing from 100 (before the bonus).
            #expect(!score.explanation.isEmpty || score.total >= 100)
        }
        #expect(output.invalidFiles.isEmpty)
    }

    @Test func invalidFilesAreReportedNotScored() throws {
        let result = try AnkangBinary.run(["score", AnkangBinary.samples("valid/assessment-2011-linze-huayun-selfcheck.xml"),
                                           AnkangBinary.samples("invalid/xsd-005-duplicate-item-code.xml")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("(ANK-XSD-005)"))
        #expect(result.stdout.contains("97.2"))
    }

    @Test func textTableAndProfiles() throws {
        let city = try AnkangBinary.run(["score", "--lang", "en", AnkangBinary.samples("valid/assessment-2011-linze-huayun-selfcheck.xml")])
        #expect(city.status == 0)
        #expect(city.stdout.contains("Total 97.2"))
        let national = try AnkangBinary.run(["score", "--profile", "national-ankang-cup-2024", AnkangBinary.samples("valid/assessment-2011-linze-huayun-selfcheck.xml")])
        #expect(national.status == 0)
        #expect(national.stdout.contains("national-ankang-cup-2024"))
        let path = AnkangBinary.packageRoot.appendingPathComponent("schemas/profiles/city-ankang-cup-2011.xml").path
        let fromFile = try AnkangBinary.run(["score", "--lang", "en", "--profile", path, AnkangBinary.samples("valid/assessment-2011-linze-huayun-selfcheck.xml")])
        #expect(fromFile.stdout.contains("Total 97.2"))
        let unknown = try AnkangBinary.run(["score", "--profile", "no-such-profile", AnkangBinary.samples("valid")])
        #expect(unknown.status == 2)
        let badProfile = try AnkangBinary.run(["score", "--profile", AnkangBinary.samples("valid/assessment-2011-linze-huayun-selfcheck.xml"), AnkangBinary.samples("valid")])
        #expect(badProfile.status == 2)
    }

    @Test func monitoringComplianceProfile() throws {
        let result = try AnkangBinary.run(["score", "--profile", "monitoring-compliance-2011", "--lang", "en",
                                           AnkangBinary.samples("valid/monitoring-2011-tangzhuang-mingda-team-day.xml")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("monitoring compliance"))
    }
}
