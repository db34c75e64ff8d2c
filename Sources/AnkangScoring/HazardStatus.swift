import AnkangModel
import Foundation

/// The state of one hazard finding of an enterprise, as the scorers need it: a small pure value
/// built from monitoring records and rectification notices by ``HazardLedger``, or by hand.
public struct HazardStatus: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier: `<submissionId>/<finding id>`.
    public var id: String
    /// How people refer to it, e.g. 三垛工劳〔2012〕007号 F-01.
    public var reference: String
    /// The legal grade.
    public var grade: HazardGrade
    /// The linked catalogue item, if any.
    public var checklistItem: String?
    /// When it was found.
    public var foundOn: CivilDate
    /// When it must be fixed (the 五定 plan's date, the stated deadline or the profile's default).
    public var deadline: CivilDate
    /// When it was closed out (销号, the date of the passed 复查); `nil` while it is not closed.
    public var closedOn: CivilDate?
    /// Whether the enterprise reported it fixed (awaiting, passed or failed 复查); always true once closed.
    public var reportedFixed: Bool
    /// Whether a major hazard has its 治理方案 (remediation plan).
    public var hasMajorPlan: Bool

    /// Creates a status.
    public init(
        id: String, reference: String, grade: HazardGrade, checklistItem: String? = nil, foundOn: CivilDate, deadline: CivilDate,
        closedOn: CivilDate? = nil, reportedFixed: Bool = false, hasMajorPlan: Bool = false
    ) {
        self.id = id
        self.reference = reference
        self.grade = grade
        self.checklistItem = checklistItem
        self.foundOn = foundOn
        self.deadline = deadline
        self.closedOn = closedOn
        self.reportedFixed = reportedFixed || closedOn != nil
        self.hasMajorPlan = hasMajorPlan
    }

    /// Whether the hazard was found by `date` and not yet closed out on it.
    public func isOpen(on date: CivilDate) -> Bool {
        foundOn <= date && (closedOn.map { $0 > date } ?? true)
    }

    /// Whether it is open on `date` and `date` is after its deadline (domain.md: "overdue" is derived,
    /// never stored).
    public func isOverdue(on date: CivilDate) -> Bool { isOpen(on: date) && date > deadline }

    /// Whether it was closed out by `date`.
    public func isClosed(by date: CivilDate) -> Bool { closedOn.map { $0 <= date } ?? false }
}

/// Builds the hazard statuses of an enterprise from its validated submissions.
///
/// Every rectification finding is one hazard. Every monitoring-record hazard is one more, unless a
/// rectification finding names it through `sourceSubmission`/`sourceHazard` (then the finding carries
/// its life-cycle and its discovery date). A monitoring hazard that no notice follows up stays open: the
/// records hold nothing that closes it.
public enum HazardLedger {
    /// The statuses of the hazards in `submissions`, optionally only those of `enterprise` (see
    /// ``sameEnterprise(_:_:)``), sorted by discovery date and id.
    public static func statuses(from submissions: [Submission], of enterprise: Enterprise? = nil, timing: HazardTiming) -> [HazardStatus] {
        let relevant = enterprise.map { enterprise in submissions.filter { sameEnterprise($0.enterprise, enterprise) } } ?? submissions
        var monitoringDates: [UUID: CivilDate] = [:]
        for submission in relevant {
            if let record = submission.monitoring { monitoringDates[submission.id] = record.date }
        }
        var followedUp = Set<String>()
        var statuses: [HazardStatus] = []
        for submission in relevant {
            guard let notice = submission.rectification else { continue }
            for finding in notice.findings {
                var foundOn = notice.issuedDate
                if let source = finding.sourceSubmission, let hazard = finding.sourceHazard {
                    followedUp.insert(key(source, hazard))
                    if let date = monitoringDates[source] { foundOn = min(date, foundOn) }
                }
                // Closed out on the day of its passed 复查 (a semantic rule requires one; the issue date otherwise).
                let closedOn = finding.status.isClosed
                    ? notice.verifications(of: finding.id).last(where: { $0.result == .passed })?.date ?? notice.issuedDate
                    : nil
                statuses.append(HazardStatus(
                    id: key(submission.id, finding.id), reference: "\(notice.noticeNo) \(finding.id)", grade: finding.hazard.grade,
                    checklistItem: finding.hazard.checklistItem, foundOn: foundOn, deadline: finding.deadline, closedOn: closedOn,
                    reportedFixed: [.awaitingVerification, .verificationFailed].contains(finding.status) || !notice.verifications(of: finding.id).isEmpty,
                    hasMajorPlan: finding.majorHazardPlan != nil))
            }
        }
        for submission in relevant {
            guard let record = submission.monitoring else { continue }
            for hazard in record.hazards where !followedUp.contains(key(submission.id, hazard.id)) {
                statuses.append(HazardStatus(
                    id: key(submission.id, hazard.id), reference: "\(record.recordNo ?? record.date.isoString) \(hazard.id)",
                    grade: hazard.grade, checklistItem: hazard.checklistItem, foundOn: record.date,
                    deadline: hazard.deadline ?? timing.defaultDeadline(for: hazard.grade, foundOn: record.date)))
            }
        }
        return statuses.sorted { ($0.foundOn, $0.id) < ($1.foundOn, $1.id) }
    }

    /// Whether two submissions are about the same enterprise: the same ``Enterprise/key``, or the same
    /// organisation code (a 2011 record may carry only the code that a later credit code embeds).
    public static func sameEnterprise(_ one: Enterprise, _ other: Enterprise) -> Bool {
        one.key == other.key || (one.effectiveOrgCode != nil && one.effectiveOrgCode == other.effectiveOrgCode)
    }

    private static func key(_ submission: UUID, _ finding: String) -> String {
        submission.uuidString.lowercased() + "/" + finding
    }
}
