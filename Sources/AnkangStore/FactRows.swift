import AnkangModel
import Foundation

// The facts of one submission flattened into table rows, the same for both databases: SQLite binds
// the fields, PostgreSQL receives each table's rows as one JSON array (`jsonb_to_recordset`).
// JSON keys are the snake_case column names.

/// The `submissions` row.
struct SubmissionRow: Encodable, Sendable {
    var id: String
    var sha256: String
    var kind: String
    var schemaVersion: String
    var catalogueVersion: String
    var profileId: String?
    var profileVersion: String?
    var scoreTotal: Double?
    var grade: String?
    var scoreJson: String?
    var warningsJson: String
    var fileName: String?
    var size: Int
    var submittedAt: String
    var inspectionDate: String
    var ingestedAt: String
    var enterpriseKey: String
    var enterpriseName: String
    var city: String
    var cityCode: String?
    var jurisdictionLevel: String
    var jurisdictionUnit: String
    var jurisdictionCode: String?
    var workshop: String?
    var team: String?
    var tier: String?
    var industry: String
    var supersedes: String?
}

/// The `enterprises` row: the identity as of the latest submission.
struct EnterpriseRow: Encodable, Sendable {
    var key: String
    var name: String
    var creditCode: String?
    var orgCode: String?
    var regNo: String?
    var industry: String
    var city: String
    var cityCode: String?
    var jurisdictionLevel: String
    var jurisdictionUnit: String
    var jurisdictionCode: String?
    var aboveScale: Bool
    var employees: Int
    var asOf: String
    var lastSubmissionId: String
}

/// An `item_results` row.
struct ItemRow: Encodable, Sendable {
    var submissionId: String
    var code: String
    var category: String
    var result: String
    var deduction: Double
    var note: String?
}

/// A `hazards` row: a hazard as first found (a monitoring hazard, or a notice finding with no source).
struct HazardRow: Encodable, Sendable {
    var submissionId: String
    var hazardId: String
    var enterpriseKey: String
    var origin: String
    var grade: String
    var nature: String
    var accidentType: String
    var checklistItem: String?
    var category: String?
    var location: String
    var description: String
    var foundDate: String
    var deadline: String?
    var responsiblePerson: String?
}

/// A `rectification_findings` row, linked to the hazard it follows up (itself when new).
struct FindingRow: Encodable, Sendable {
    var submissionId: String
    var findingId: String
    var hazardSubmissionId: String
    var hazardId: String
    var status: String
    var issuedDate: String
    var planDeadline: String
    var responsiblePerson: String
    var verifier: String
    var hasMajorPlan: Bool
}

/// A `verifications` row.
struct VerificationRow: Encodable, Sendable {
    var submissionId: String
    var ordinal: Int
    var findingId: String
    var date: String
    var result: String
    var verifier: String
    var comment: String?
}

/// A `violations` row.
struct ViolationRow: Encodable, Sendable {
    var submissionId: String
    var ordinal: Int
    var type: String
    var count: Int
    var handledOnSite: Bool
    var description: String
}

/// An `activities` row.
struct ActivityRow: Encodable, Sendable {
    var submissionId: String
    var ordinal: Int
    var code: String
    var date: String
    var participants: Int
    var title: String?
}

/// A `notices` row: one rectification notice, its reply and escalation.
struct NoticeRow: Encodable, Sendable {
    var submissionId: String
    var enterpriseKey: String
    var noticeNo: String
    var kind: String
    var issuedDate: String
    var replyDate: String?
    var escalationDate: String?
    var escalatedTo: String?
}

/// An `accidents` row.
struct AccidentRow: Encodable, Sendable {
    var submissionId: String
    var accidentId: String
    var date: String
    var type: String
    var severity: String
    var level: String
    var persons: Int
    var description: String
}

/// Every row one accepted submission writes.
struct FactRows: Sendable {
    var submission: SubmissionRow
    var enterprise: EnterpriseRow
    var items: [ItemRow] = []
    var hazards: [HazardRow] = []
    var findings: [FindingRow] = []
    var verifications: [VerificationRow] = []
    var violations: [ViolationRow] = []
    var activities: [ActivityRow] = []
    var accidents: [AccidentRow] = []
    var notices: [NoticeRow] = []

    /// The rows of one submission; `ingestedAt` is empty until ``ingested(at:)``.
    init(submission: Submission, sha256: String, fileName: String?, size: Int, warningsJSON: String, score: ScoreSummary?) {
        let enterprise = submission.enterprise
        let id = submission.id.lowercased
        let jurisdiction = enterprise.jurisdiction
        let submittedAt = Timestamp.text(submission.submittedAt)
        self.submission = SubmissionRow(
            id: id, sha256: sha256, kind: submission.kind.rawValue, schemaVersion: submission.schemaVersion,
            catalogueVersion: submission.catalogueVersion, profileId: score?.profileID, profileVersion: score?.profileVersion,
            scoreTotal: score?.total, grade: score?.grade, scoreJson: score?.json,
            warningsJson: warningsJSON, fileName: fileName, size: size, submittedAt: submittedAt,
            inspectionDate: submission.inspectionDate.isoString, ingestedAt: "", enterpriseKey: enterprise.key,
            enterpriseName: enterprise.name, city: jurisdiction.city.name, cityCode: jurisdiction.city.code,
            jurisdictionLevel: jurisdiction.level.rawValue, jurisdictionUnit: jurisdiction.unit.name, jurisdictionCode: jurisdiction.unit.code,
            workshop: submission.monitoring?.unit?.workshop.name, team: submission.monitoring?.unit?.team?.name,
            tier: submission.monitoring?.tier.level.rawValue, industry: enterprise.industry, supersedes: submission.supersedes?.lowercased)
        self.enterprise = EnterpriseRow(
            key: enterprise.key, name: enterprise.name, creditCode: enterprise.creditCode, orgCode: enterprise.orgCode, regNo: enterprise.regNo,
            industry: enterprise.industry, city: jurisdiction.city.name, cityCode: jurisdiction.city.code,
            jurisdictionLevel: jurisdiction.level.rawValue, jurisdictionUnit: jurisdiction.unit.name, jurisdictionCode: jurisdiction.unit.code,
            aboveScale: enterprise.aboveScale, employees: enterprise.employees, asOf: submittedAt, lastSubmissionId: id)
        items = submission.itemResults.map {
            ItemRow(submissionId: id, code: $0.code, category: String($0.code.prefix(1)), result: $0.result.rawValue, deduction: $0.deduction, note: $0.note)
        }
        func hazardRow(_ hazard: HazardFinding, origin: DocumentKind, found: CivilDate, responsible: String?) -> HazardRow {
            HazardRow(
                submissionId: id, hazardId: hazard.id, enterpriseKey: enterprise.key, origin: origin.rawValue, grade: hazard.grade.rawValue,
                nature: hazard.nature.rawValue, accidentType: hazard.accidentType.rawValue, checklistItem: hazard.checklistItem,
                category: hazard.checklistItem.map { String($0.prefix(1)) }, location: hazard.location, description: hazard.description,
                foundDate: found.isoString, deadline: hazard.deadline?.isoString, responsiblePerson: responsible)
        }
        switch submission.body {
        case let .assessment(assessment):
            activities = assessment.activities.enumerated().map { index, activity in
                ActivityRow(submissionId: id, ordinal: index, code: activity.code, date: activity.date.isoString,
                            participants: activity.participants, title: activity.title)
            }
            accidents = assessment.accidentSummary.accidents.map {
                AccidentRow(submissionId: id, accidentId: $0.id, date: $0.date.isoString, type: $0.type.rawValue, severity: $0.severity.rawValue,
                            level: $0.level.rawValue, persons: $0.persons, description: $0.description)
            }
        case let .monitoring(record):
            hazards = record.hazards.map { hazardRow($0, origin: .monitoringRecord, found: record.date, responsible: nil) }
            violations = (record.violations?.violations ?? []).enumerated().map { index, violation in
                ViolationRow(submissionId: id, ordinal: index, type: violation.type.rawValue, count: violation.count,
                             handledOnSite: violation.handledOnSite, description: violation.description)
            }
        case let .rectification(notice):
            notices = [NoticeRow(
                submissionId: id, enterpriseKey: enterprise.key, noticeNo: notice.noticeNo, kind: notice.noticeKind.rawValue,
                issuedDate: notice.issuedDate.isoString, replyDate: notice.enterpriseReply?.date.isoString,
                escalationDate: notice.escalation?.date.isoString, escalatedTo: notice.escalation?.to)]
            for finding in notice.findings {
                let source = finding.sourceSubmission.flatMap { submission in finding.sourceHazard.map { (submission.lowercased, $0) } }
                if source == nil {
                    hazards.append(hazardRow(finding.hazard, origin: .hazardRectification, found: notice.issuedDate,
                                             responsible: finding.plan.responsiblePerson))
                }
                findings.append(FindingRow(
                    submissionId: id, findingId: finding.id, hazardSubmissionId: source?.0 ?? id, hazardId: source?.1 ?? finding.id,
                    status: finding.status.rawValue, issuedDate: notice.issuedDate.isoString, planDeadline: finding.plan.deadline.isoString,
                    responsiblePerson: finding.plan.responsiblePerson, verifier: finding.plan.verifier, hasMajorPlan: finding.majorHazardPlan != nil))
            }
            verifications = notice.verifications.enumerated().map { index, verification in
                VerificationRow(submissionId: id, ordinal: index, findingId: verification.findingId, date: verification.date.isoString,
                                result: verification.result.rawValue, verifier: verification.verifier.name, comment: verification.comment)
            }
        }
    }
}

/// Instants as text: `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, milliseconds), which sorts chronologically.
enum Timestamp {
    /// Formats an instant.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = Int(milliseconds.quotientAndRemainderFloor(dividingBy: 86_400_000).quotient)
        let inDay = Int(milliseconds - Int64(days) * 86_400_000)
        let civil = CivilDate(daysSinceEpoch: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(civil.isoString)T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2)).\(pad(inDay % 1000, 3))Z"
    }

    /// An instant read back from PostgreSQL (microseconds since 2000) as the same `Date` that
    /// ``date(_:)`` gives for the millisecond text it was stored from (nearest, not floor: the
    /// conversion may land a hair below the millisecond).
    static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Parses what ``text(_:)`` writes.
    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(iso: String(parts[0])) else { return nil }
        let time = parts[1].dropLast().split(whereSeparator: { $0 == ":" || $0 == "." }).compactMap { Int($0) }
        guard time.count == 4 else { return nil }
        let milliseconds = Int64(day.daysSinceEpoch) * 86_400_000 + Int64(time[0] * 3_600_000 + time[1] * 60_000 + time[2] * 1000 + time[3])
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension Int64 {
    /// Division rounding towards negative infinity (so instants before 1970 land on the right day).
    func quotientAndRemainderFloor(dividingBy divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }
}

extension FactRows {
    /// The same rows stamped with the time the store records them.
    func ingested(at time: String) -> FactRows {
        var rows = self
        rows.submission.ingestedAt = time
        return rows
    }
}
