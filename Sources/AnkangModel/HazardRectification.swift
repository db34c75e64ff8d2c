import Foundation

/// Who issued a rectification notice.
public struct Issuer: Sendable, Hashable, Codable {
    /// The issuing person.
    public var person: Person
    /// The issuing union or unit, e.g. 临泽镇总工会.
    public var orgUnit: String

    /// Creates an issuer.
    public init(person: Person, orgUnit: String) {
        self.person = person
        self.orgUnit = orgUnit
    }
}

/// The enterprise's reply (研究答复) to a notice.
public struct EnterpriseReply: Sendable, Hashable, Codable {
    /// When the enterprise replied.
    public var date: CivilDate
    /// The reply.
    public var text: String

    /// Creates a reply.
    public init(date: CivilDate, text: String) {
        self.date = date
        self.text = text
    }
}

/// Escalation (挂牌督办 / referral) of a notice.
public struct Escalation: Sendable, Hashable, Codable {
    /// When it was escalated.
    public var date: CivilDate
    /// To whom, e.g. 市安监局.
    public var to: String
    /// Why.
    public var reason: String

    /// Creates an escalation.
    public init(date: CivilDate, to: String, reason: String) {
        self.date = date
        self.to = to
        self.reason = reason
    }
}

/// A hazard rectification notice and its follow-up (root `hazardRectification`), without the common header.
public struct HazardRectification: Sendable, Hashable, Codable {
    /// The notice number, e.g. 临泽工劳〔2011〕012号.
    public var noticeNo: String
    /// The kind of notice.
    public var noticeKind: NoticeKind
    /// The date it was issued.
    public var issuedDate: CivilDate
    /// Who issued it.
    public var issuer: Issuer
    /// The department responsible for rectification.
    public var responsibleDepartment: String?
    /// The findings (≥ 1, unique ids).
    public var findings: [RectificationFinding]
    /// The enterprise's reply.
    public var enterpriseReply: EnterpriseReply?
    /// The 复查 verifications.
    public var verifications: [Verification]
    /// The escalation.
    public var escalation: Escalation?

    /// Creates a notice.
    public init(
        noticeNo: String,
        noticeKind: NoticeKind,
        issuedDate: CivilDate,
        issuer: Issuer,
        responsibleDepartment: String? = nil,
        findings: [RectificationFinding],
        enterpriseReply: EnterpriseReply? = nil,
        verifications: [Verification] = [],
        escalation: Escalation? = nil
    ) {
        self.noticeNo = noticeNo
        self.noticeKind = noticeKind
        self.issuedDate = issuedDate
        self.issuer = issuer
        self.responsibleDepartment = responsibleDepartment
        self.findings = findings
        self.enterpriseReply = enterpriseReply
        self.verifications = verifications
        self.escalation = escalation
    }

    /// The finding with an id, if any.
    public func finding(id: String) -> RectificationFinding? { findings.first { $0.id == id } }

    /// The verifications of one finding, in date order.
    public func verifications(of findingId: String) -> [Verification] {
        verifications.filter { $0.findingId == findingId }.sorted { $0.date < $1.date }
    }

    /// The latest verification of one finding, if any.
    public func latestVerification(of findingId: String) -> Verification? {
        verifications(of: findingId).last
    }
}
