import AnkangModel
import AnkangScoring
import Foundation
import Testing

@Suite("Determinism and JSON")
struct DeterminismTests {
    static let samples = ["assessment-2012-jianzhu-hongjian-selfcheck-veto.xml", "rectification-2012-jianzhu-hongjian-escalated.xml"]

    @Test func sameInputSameScoreSameBytes() throws {
        let submissions = Self.samples.compactMap(Fixtures.sample)
        try #require(submissions.count == Self.samples.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        for profile in [Fixtures.city, Fixtures.national, Fixtures.compliance] {
            let scorer = SubmissionScorer(profile: profile, catalogues: Fixtures.bundle.catalogues)
            let first = scorer.score(submissions)
            let again = SubmissionScorer(profile: profile, catalogues: Fixtures.bundle.catalogues).score(submissions)
            #expect(first == again)
            #expect(!first.isEmpty)
            for (one, two) in zip(first, again) {
                #expect(try encode(one, encoder) == encode(two, encoder))
            }
        }
    }

    private func encode(_ outcome: ScoringOutcome, _ encoder: JSONEncoder) throws -> Data {
        switch outcome {
        case let .assessment(score): try encoder.encode(score)
        case let .compliance(score): try encoder.encode(score)
        case let .notScored(id, reason): Data("\(id) \(reason)".utf8)
        }
    }

    @Test func jsonKeysAreStable() throws {
        let score = Fixtures.cityScorer.score(Fixtures.assessment(["B1": .partial], bonus: [5]))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(score)) as? [String: Any])
        #expect(Set(object.keys) == ["profileId", "profileVersion", "catalogueVersion", "asOf", "total", "rawTotal", "baseScore", "categories",
                                     "overdueDeduction", "bonus", "gates", "vetoes", "eligible", "grade", "eligibleAwards", "explanation"])
        let line = try #require((object["explanation"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["kind", "ref", "category", "itemPointsLost", "pointsLost", "zh", "en"])
        #expect(object["asOf"] as? String == "2011-11-18")
        #expect(object["total"] as? Double == 103.0)
        #expect(try JSONDecoder().decode(Score.self, from: JSONEncoder().encode(score)) == score)
    }

    @Test func assessmentsAreNotScoredByTheComplianceProfile() throws {
        let assessment = try #require(Fixtures.sample("assessment-2011-linze-huayun-selfcheck.xml"))
        let outcomes = SubmissionScorer(profile: Fixtures.compliance, catalogues: Fixtures.bundle.catalogues).score([assessment])
        #expect(outcomes == [.notScored(submissionId: assessment.id, reason: .wrongDocumentKind(.ankangCupAssessment))])
        let unknown = SubmissionScorer(profile: Fixtures.city, catalogues: [:]).score([assessment])
        #expect(unknown == [.notScored(submissionId: assessment.id, reason: .unknownCatalogue("2011"))])
    }
}
