import AnkangDocuments
import AnkangModel
import AnkangScoring
import AnkangStore
import Foundation

/// How the intake scores a valid submission: `nil` for a kind the profile does not score.
public typealias IntakeScoring = @Sendable (Submission) -> ScoreSummary?

/// The scorings the intake offers.
public enum IntakeScorings {
    /// The profile used when none is named.
    public static let defaultProfileID = "city-ankang-cup-2011"

    /// Scores 安康杯 assessments with the `ankangCup` profile `profileID` from `bundle`, using the catalogue of
    /// each assessment's `catalogueVersion`. Other kinds are not scored: a monitoring-compliance score
    /// covers an enterprise over a period, not one file, and is computed by reports.
    ///
    /// The stored score is the document's own: hazards found in other submissions are not applied at
    /// intake, so the score does not depend on the order files arrive in.
    public static func ankangCup(profileID: String = defaultProfileID, bundle: SchemaBundle) throws(IntakeError) -> IntakeScoring {
        guard let profile = bundle.profiles[profileID] else {
            throw IntakeError.unknownProfile(profileID, known: bundle.profiles.keys.sorted())
        }
        var scorers: [String: AnkangCupScorer] = [:]
        for (version, catalogue) in bundle.catalogues {
            do {
                scorers[version] = try AnkangCupScorer(profile: profile, catalogue: catalogue)
            } catch {
                throw IntakeError.unusableProfile(profileID, error.zh, error.en)
            }
        }
        let frozen = scorers
        return { submission in
            guard submission.kind == .ankangCupAssessment, let scorer = frozen[submission.catalogueVersion],
                  let score = try? scorer.score(submission) else { return nil }
            let json = (try? StoredJSON.encode(score)) ?? "{}"
            return ScoreSummary(profileID: score.profileId, profileVersion: score.profileVersion, total: score.total,
                                grade: score.grade.code, json: json)
        }
    }
}

/// Why the intake could not be set up.
public enum IntakeError: Error, Sendable, CustomStringConvertible {
    /// No profile with that id is bundled.
    case unknownProfile(String, known: [String])
    /// The profile cannot score assessments.
    case unusableProfile(String, String, String)

    /// `中文 — English`.
    public var description: String {
        switch self {
        case let .unknownProfile(id, known):
            "没有评分方案 \(id)（可用：\(known.joined(separator: ", "))）— no scoring profile \(id) (known: \(known.joined(separator: ", ")))"
        case let .unusableProfile(id, zh, en):
            "评分方案 \(id) 不能用于安康杯考核：\(zh) — profile \(id) cannot score assessments: \(en)"
        }
    }
}
