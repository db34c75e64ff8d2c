import Foundation

/// The document-specific part of a submission.
public enum SubmissionBody: Sendable, Hashable, Codable {
    /// An 安康杯 assessment.
    case assessment(AnkangCupAssessment)
    /// A "1+3" monitoring record.
    case monitoring(MonitoringRecord)
    /// A hazard rectification notice.
    case rectification(HazardRectification)

    /// The document kind.
    public var kind: DocumentKind {
        switch self {
        case .assessment: .ankangCupAssessment
        case .monitoring: .monitoringRecord
        case .rectification: .hazardRectification
        }
    }

    /// The date the document is about: assessmentDate, date or issuedDate.
    public var inspectionDate: CivilDate {
        switch self {
        case let .assessment(document): document.assessmentDate
        case let .monitoring(document): document.date
        case let .rectification(document): document.issuedDate
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case document
    }

    /// Decodes `{"kind": "<root element name>", "document": {…}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(DocumentKind.self, forKey: .kind) {
        case .ankangCupAssessment: self = .assessment(try container.decode(AnkangCupAssessment.self, forKey: .document))
        case .monitoringRecord: self = .monitoring(try container.decode(MonitoringRecord.self, forKey: .document))
        case .hazardRectification: self = .rectification(try container.decode(HazardRectification.self, forKey: .document))
        }
    }

    /// Encodes as `{"kind": "<root element name>", "document": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case let .assessment(document): try container.encode(document, forKey: .document)
        case let .monitoring(document): try container.encode(document, forKey: .document)
        case let .rectification(document): try container.encode(document, forKey: .document)
        }
    }
}

/// One submitted document: the common header plus the document body.
public struct Submission: Sendable, Hashable, Codable, Identifiable {
    /// The submission id (`submissionId`, a version 1–5 UUID).
    public var id: UUID
    /// The XML schema version, e.g. "1.0".
    public var schemaVersion: String
    /// The checklist catalogue version the document uses, e.g. "2011".
    public var catalogueVersion: String
    /// When it was submitted (an instant; the XML carries a time zone).
    public var submittedAt: Date
    /// The enterprise the document is about.
    public var enterprise: Enterprise
    /// The document itself.
    public var body: SubmissionBody
    /// The earlier submission this one corrects and replaces (`supersedes`), if any.
    public var supersedes: UUID?

    /// Creates a submission.
    public init(
        id: UUID, schemaVersion: String, catalogueVersion: String, submittedAt: Date, enterprise: Enterprise,
        body: SubmissionBody, supersedes: UUID? = nil
    ) {
        self.id = id
        self.supersedes = supersedes
        self.schemaVersion = schemaVersion
        self.catalogueVersion = catalogueVersion
        self.submittedAt = submittedAt
        self.enterprise = enterprise
        self.body = body
    }

    /// The document kind.
    public var kind: DocumentKind { body.kind }

    /// The date the document is about: assessmentDate, date or issuedDate.
    public var inspectionDate: CivilDate { body.inspectionDate }

    /// The body if it is an assessment.
    public var assessment: AnkangCupAssessment? {
        if case let .assessment(document) = body { document } else { nil }
    }

    /// The body if it is a monitoring record.
    public var monitoring: MonitoringRecord? {
        if case let .monitoring(document) = body { document } else { nil }
    }

    /// The body if it is a rectification notice.
    public var rectification: HazardRectification? {
        if case let .rectification(document) = body { document } else { nil }
    }

    /// The hazards the document records: monitoring hazards or rectification findings' hazards.
    public var hazards: [HazardFinding] {
        switch body {
        case .assessment: []
        case let .monitoring(document): document.hazards
        case let .rectification(document): document.findings.map(\.hazard)
        }
    }

    /// The checklist results the document records (assessment items or monitoring observations).
    public var itemResults: [ItemResultEntry] {
        switch body {
        case let .assessment(document): document.items
        case let .monitoring(document): document.observations
        case .rectification: []
        }
    }
}
