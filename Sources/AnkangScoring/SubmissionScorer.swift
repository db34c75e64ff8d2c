import AnkangModel
import Foundation

/// The result of scoring a set of submissions with one profile.
public enum ScoringOutcome: Sendable, Hashable {
    /// The score of one Ankang Cup assessment.
    case assessment(Score)
    /// The compliance score of one enterprise.
    case compliance(ComplianceScore)
    /// A submission the profile could not score, and why.
    case notScored(submissionId: UUID, reason: ScoringError)
}

/// Scores a set of validated submissions with one profile, the way `ankang score FILE...` does.
///
/// - `ankangCup` profile: every assessment is scored with the catalogue of its `catalogueVersion`;
///   the monitoring records and rectification notices of the same enterprise (``HazardLedger/sameEnterprise(_:_:)``)
///   among the submissions supply its hazards (``HazardLedger``), judged on the assessment date.
///   Records and notices are context only and yield no outcome of their own.
/// - `monitoringCompliance` profile: the records and notices are grouped by enterprise and each group
///   is scored over the period it covers (one record alone: its own day). Assessments yield `notScored`.
///
/// Outcomes follow the order of the first submission of each assessment or enterprise.
public struct SubmissionScorer: Sendable {
    /// The profile.
    public let profile: ScoringProfile
    private let cupScorers: [String: AnkangCupScorer]
    private let complianceScorer: MonitoringComplianceScorer?

    /// Prepares the scorers for every catalogue version.
    public init(profile: ScoringProfile, catalogues: [String: ChecklistCatalogue]) {
        self.profile = profile
        cupScorers = catalogues.compactMapValues { try? AnkangCupScorer(profile: profile, catalogue: $0) }
        complianceScorer = try? MonitoringComplianceScorer(profile: profile)
    }

    /// Scores `submissions`.
    public func score(_ submissions: [Submission]) -> [ScoringOutcome] {
        switch profile.rules {
        case let .ankangCup(rules): scoreAssessments(submissions, timing: rules.timing)
        case .monitoringCompliance: scoreCompliance(submissions)
        }
    }

    private func scoreAssessments(_ submissions: [Submission], timing: HazardTiming) -> [ScoringOutcome] {
        submissions.compactMap { submission -> ScoringOutcome? in
            guard submission.kind == .ankangCupAssessment else { return nil }
            guard let scorer = cupScorers[submission.catalogueVersion] else {
                return .notScored(submissionId: submission.id, reason: .unknownCatalogue(submission.catalogueVersion))
            }
            let hazards = HazardLedger.statuses(from: submissions, of: submission.enterprise, timing: timing)
            do throws(ScoringError) {
                return .assessment(try scorer.score(submission, hazards: hazards))
            } catch {
                return .notScored(submissionId: submission.id, reason: error)
            }
        }
    }

    private func scoreCompliance(_ submissions: [Submission]) -> [ScoringOutcome] {
        guard let complianceScorer else { return [] }
        var outcomes: [ScoringOutcome] = []
        var scored: [Enterprise] = []
        for submission in submissions {
            guard submission.kind != .ankangCupAssessment else {
                outcomes.append(.notScored(submissionId: submission.id, reason: .wrongDocumentKind(submission.kind)))
                continue
            }
            guard !scored.contains(where: { HazardLedger.sameEnterprise($0, submission.enterprise) }) else { continue }
            scored.append(submission.enterprise)
            do throws(ScoringError) {
                let group = submissions.filter { HazardLedger.sameEnterprise($0.enterprise, submission.enterprise) }
                outcomes.append(.compliance(try complianceScorer.score(group)))
            } catch {
                outcomes.append(.notScored(submissionId: submission.id, reason: error))
            }
        }
        return outcomes
    }
}
