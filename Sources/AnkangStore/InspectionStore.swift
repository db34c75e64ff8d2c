import AnkangModel
import Foundation

/// The inspection log: where every submission ends up exactly once, accepted or quarantined.
///
/// Two implementations share this contract and one test suite: ``SQLiteStore`` (the embedded default)
/// and ``PostgresStore`` (shared by several servers). Every method is safe to call from many tasks at
/// once, and several processes may write to one database: uniqueness is enforced by constraints
/// inside each transaction, never by a read in one transaction and a write in another.
public protocol InspectionStore: Sendable {
    /// Applies the versioned migrations not yet applied (safe to run concurrently and repeatedly);
    /// returns the versions applied by this call.
    @discardableResult
    func migrate() async throws(StoreError) -> [Int]

    /// Records a batch in one transaction and returns one outcome per intake, in order, appending in the same
    /// transaction the audit entries `audit` makes of those outcomes. Either the whole batch and its audit
    /// entries are durable when this returns, or it throws and nothing of it was written.
    func record(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError) -> [IngestOutcome]

    /// Records a batch like ``record(_:audit:)`` but may return once it is committed, before it is durable: the
    /// caller awaits `durable` before it acknowledges any outcome, and can meanwhile record the next batch.
    /// `durable` throws if the commit could not be made durable.
    func recordAwaitingDurability(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError)
        -> (outcomes: [IngestOutcome], durable: @Sendable () async throws -> Void)

    /// The receipt of a stored submission, if the id is known.
    func receipt(for id: UUID) async throws(StoreError) -> Receipt?

    /// The original bytes of a stored submission, verbatim.
    func originalBytes(of id: UUID) async throws(StoreError) -> [UInt8]?

    /// Stored submissions, newest inspection first; superseded ones only when asked.
    func submissions(_ query: SubmissionQuery) async throws(StoreError) -> [SubmissionSummary]

    /// The hazards of current (not superseded) submissions with their derived status, oldest first.
    func hazards(_ query: HazardQuery) async throws(StoreError) -> [HazardRecord]

    /// Quarantined files, most recently seen first; with `rejectedFor`, only those the audit log shows
    /// were refused when that user uploaded them.
    func quarantine(limit: Int, rejectedFor user: String?) async throws(StoreError) -> [QuarantineEntry]

    /// One quarantined file with its findings (a JSON array of diagnostics); with `rejectedFor`, only if the
    /// audit log shows it was refused when that user uploaded it.
    func quarantinedFile(sha256: String, rejectedFor user: String?) async throws(StoreError) -> (entry: QuarantineEntry, findingsJSON: String)?

    /// Adds a user with one API token (its SHA-256, lowercase hex); fails if the name is taken.
    func addUser(_ account: UserAccount, tokenHash: String) async throws(StoreError)

    /// Every user, revoked ones included, by name.
    func users() async throws(StoreError) -> [UserAccount]

    /// Revokes a user and so every token of theirs; false if there is no such active user.
    func revokeUser(named name: String, at date: Date) async throws(StoreError) -> Bool

    /// The active user holding the token with this SHA-256, if any.
    func user(tokenHash: String) async throws(StoreError) -> UserAccount?

    /// Sets a user's password hash (bcrypt), or clears it with nil; false if there is no such active user.
    func setPassword(user name: String, hash: String?) async throws(StoreError) -> Bool

    /// The active user of this name with their password hash, for a login.
    func credentials(user name: String) async throws(StoreError) -> Credentials?

    /// Records a browser session (and drops expired ones).
    func openSession(_ session: WebSession) async throws(StoreError)

    /// The active user of an unexpired session at `date`, if any.
    func user(sessionHash: String, at date: Date) async throws(StoreError) -> UserAccount?

    /// Ends a session (signing out).
    func closeSession(tokenHash: String) async throws(StoreError)

    /// Appends to the audit log (which refuses updates and deletes).
    func audit(_ entries: [AuditEntry]) async throws(StoreError)

    /// The latest audit entries, newest first.
    func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry]

    /// Reads what a report needs for one window and slice.
    func reportFacts(_ scope: ReportScope) async throws(StoreError) -> ReportFacts

    /// Row counts per table and hazards per status.
    func stats() async throws(StoreError) -> StoreStats

    /// The database's own consistency check; an empty list means it passed.
    func integrityCheck() async throws(StoreError) -> [String]
}

extension InspectionStore {
    /// A store whose commits are durable when they return needs no more than ``record(_:audit:)``.
    public func recordAwaitingDurability(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError)
        -> (outcomes: [IngestOutcome], durable: @Sendable () async throws -> Void) {
        (try await record(batch, audit: audit), {})
    }

    /// Records a batch in one transaction, with no audit entries.
    public func record(_ batch: [Intake]) async throws(StoreError) -> [IngestOutcome] {
        try await record(batch, audit: { _ in [] })
    }

    /// Quarantined files, most recently seen first.
    public func quarantine(limit: Int) async throws(StoreError) -> [QuarantineEntry] {
        try await quarantine(limit: limit, rejectedFor: nil)
    }
}

// MARK: - What goes in

/// One file ready to be recorded: validated (and scored) by the intake, with everything pre-encoded
/// so the write transaction does no more than write.
public enum Intake: Sendable {
    /// A valid submission.
    case accepted(AcceptedSubmission)
    /// A file that was refused, kept in the quarantine with its findings.
    case rejected(RejectedFile)

    /// The SHA-256 of the file's bytes (lowercase hex).
    public var sha256: String {
        switch self {
        case let .accepted(submission): submission.sha256
        case let .rejected(file): file.sha256
        }
    }
}

/// The score summary stored with a submission; the full explained score travels as JSON.
public struct ScoreSummary: Sendable, Hashable, Codable {
    /// The scoring profile's id, e.g. "city-ankang-cup-2011".
    public var profileID: String
    /// The profile's version.
    public var profileVersion: String
    /// The total, rounded as the scorer rounds it.
    public var total: Double
    /// The grade band's code.
    public var grade: String
    /// The whole explained score as JSON.
    public var json: String

    /// Creates a summary.
    public init(profileID: String, profileVersion: String, total: Double, grade: String, json: String) {
        self.profileID = profileID
        self.profileVersion = profileVersion
        self.total = total
        self.grade = grade
        self.json = json
    }
}

/// A valid submission with its bytes, hash, extracted model and score, and its table rows: flattened when the
/// submission is made (on the intake's worker threads), so the single writer only binds and inserts them.
public struct AcceptedSubmission: Sendable {
    /// The extracted submission.
    public let submission: Submission
    /// The original bytes, verbatim.
    public let bytes: [UInt8]
    /// SHA-256 of `bytes`, lowercase hex.
    public let sha256: String
    /// The name the file arrived under, if any.
    public let fileName: String?
    /// The warnings the validator produced, as a JSON array of findings.
    public let warningsJSON: String
    /// The score, when the document kind is scored.
    public let score: ScoreSummary?
    /// The rows of every fact table, with an empty `ingested_at` (the store stamps it in the transaction).
    let rows: FactRows

    /// Creates an accepted submission.
    public init(
        submission: Submission, bytes: [UInt8], sha256: String, fileName: String?, warningsJSON: String,
        score: ScoreSummary?
    ) {
        self.submission = submission
        self.bytes = bytes
        self.sha256 = sha256
        self.fileName = fileName
        self.warningsJSON = warningsJSON
        self.score = score
        rows = FactRows(submission: submission, sha256: sha256, fileName: fileName, size: bytes.count, warningsJSON: warningsJSON, score: score)
    }
}

/// A refused file: its bytes and the findings that refused it.
public struct RejectedFile: Sendable {
    /// The bytes as received.
    public var bytes: [UInt8]
    /// SHA-256 of `bytes`, lowercase hex: the quarantine's key.
    public var sha256: String
    /// The name the file arrived under, if any.
    public var fileName: String?
    /// The document kind, if it was recognised.
    public var kind: DocumentKind?
    /// The submission id the file claims, if one could be read.
    public var claimedID: UUID?
    /// The distinct codes of the errors, in order of first appearance, e.g. ["ANK-XSD-004"].
    public var findingCodes: [String]
    /// All findings as a JSON array.
    public var findingsJSON: String

    /// Creates a rejected file.
    public init(bytes: [UInt8], sha256: String, fileName: String?, kind: DocumentKind?, claimedID: UUID?, findingCodes: [String], findingsJSON: String) {
        self.bytes = bytes
        self.sha256 = sha256
        self.fileName = fileName
        self.kind = kind
        self.claimedID = claimedID
        self.findingCodes = findingCodes
        self.findingsJSON = findingsJSON
    }
}

// MARK: - What comes out

/// What happened to one intake.
public enum IngestOutcome: Sendable, Hashable {
    /// Stored now.
    case accepted(Receipt)
    /// The same id with the same bytes was already stored: its original receipt; nothing was written.
    case duplicate(Receipt)
    /// The same id was already stored with different bytes; the offered bytes went to the quarantine.
    case conflict(Conflict)
    /// Refused by validation and kept in the quarantine.
    case rejected(QuarantineEntry)

    /// The outcome's name: accepted, duplicate, conflict or rejected.
    public var name: String {
        switch self {
        case .accepted: "accepted"
        case .duplicate: "duplicate"
        case .conflict: "conflict"
        case .rejected: "rejected"
        }
    }
}

/// The acknowledgement of a stored submission.
public struct Receipt: Sendable, Hashable, Codable {
    /// The submission id.
    public var submissionID: UUID
    /// SHA-256 of the stored bytes.
    public var sha256: String
    /// The document kind.
    public var kind: DocumentKind
    /// The enterprise key (``Enterprise/key``).
    public var enterpriseKey: String
    /// When it was stored.
    public var ingestedAt: Date
    /// The store's ingestion order number (increasing; gaps allowed).
    public var sequence: Int64
    /// The submission it corrects, if any.
    public var supersedes: UUID?
    /// The score total, if scored.
    public var scoreTotal: Double?
    /// The grade code, if scored.
    public var grade: String?

    /// Creates a receipt.
    public init(
        submissionID: UUID, sha256: String, kind: DocumentKind, enterpriseKey: String, ingestedAt: Date, sequence: Int64,
        supersedes: UUID?, scoreTotal: Double?, grade: String?
    ) {
        self.submissionID = submissionID
        self.sha256 = sha256
        self.kind = kind
        self.enterpriseKey = enterpriseKey
        self.ingestedAt = ingestedAt
        self.sequence = sequence
        self.supersedes = supersedes
        self.scoreTotal = scoreTotal
        self.grade = grade
    }
}

/// A submission id already stored with other bytes.
public struct Conflict: Sendable, Hashable, Codable {
    /// The finding code recorded in the quarantine for a conflict.
    public static let findingCode = "ANK-DB-001"

    /// The submission id.
    public var submissionID: UUID
    /// SHA-256 of the bytes stored under the id.
    public var storedSHA256: String
    /// SHA-256 of the bytes offered now.
    public var offeredSHA256: String

    /// Creates a conflict.
    public init(submissionID: UUID, storedSHA256: String, offeredSHA256: String) {
        self.submissionID = submissionID
        self.storedSHA256 = storedSHA256
        self.offeredSHA256 = offeredSHA256
    }

    /// The explanation in Chinese.
    public var zh: String {
        "提交编号 \(submissionID.lowercased) 已以不同内容入库：已存 sha256 \(storedSHA256)，本文件 sha256 \(offeredSHA256)"
    }

    /// The explanation in English.
    public var en: String {
        "submission \(submissionID.lowercased) is already stored with different content: stored sha256 \(storedSHA256), this file sha256 \(offeredSHA256)"
    }
}

/// SQL both stores use for the quarantine.
enum QuarantineSQL {
    /// The condition that the quarantined file `q` was refused when the user bound to `parameter` uploaded it
    /// (as the audit log tells); every file when the parameter is NULL.
    static func refusedTo(_ parameter: String) -> String {
        """
        (CAST(\(parameter) AS TEXT) IS NULL
         OR EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'reject' AND a.subject = q.sha256 AND a.user_name = \(parameter)))
        """
    }
}

/// A quarantined file, as the quarantine holds it.
public struct QuarantineEntry: Sendable, Hashable, Codable {
    /// SHA-256 of the bytes: the key.
    public var sha256: String
    /// The name the file first arrived under.
    public var fileName: String?
    /// The size in bytes.
    public var size: Int
    /// The document kind, if recognised.
    public var kind: DocumentKind?
    /// The submission id the file claims, if readable.
    public var claimedID: UUID?
    /// The distinct error codes.
    public var findingCodes: [String]
    /// When it was first refused.
    public var firstSeen: Date
    /// When it was last offered.
    public var lastSeen: Date
    /// How many times it was offered.
    public var attempts: Int

    /// Creates an entry.
    public init(
        sha256: String, fileName: String?, size: Int, kind: DocumentKind?, claimedID: UUID?, findingCodes: [String], firstSeen: Date,
        lastSeen: Date, attempts: Int
    ) {
        self.sha256 = sha256
        self.fileName = fileName
        self.size = size
        self.kind = kind
        self.claimedID = claimedID
        self.findingCodes = findingCodes
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.attempts = attempts
    }
}

/// Row counts of the log.
public struct StoreStats: Sendable, Hashable, Codable {
    /// Rows per table, in schema order.
    public var tables: [TableCount]
    /// Submissions that a later correction supersedes.
    public var supersededSubmissions: Int
    /// Current hazards per derived status (raw ``RectificationStatus`` values).
    public var hazardsByStatus: [String: Int]
    /// The latest migration version applied.
    public var schemaVersion: Int

    /// Creates statistics.
    public init(tables: [TableCount], supersededSubmissions: Int, hazardsByStatus: [String: Int], schemaVersion: Int) {
        self.tables = tables
        self.supersededSubmissions = supersededSubmissions
        self.hazardsByStatus = hazardsByStatus
        self.schemaVersion = schemaVersion
    }

    /// The count of one table (0 if unknown).
    public func count(_ table: String) -> Int { tables.first { $0.table == table }?.rows ?? 0 }
}

/// The row count of one table.
public struct TableCount: Sendable, Hashable, Codable {
    /// The table name.
    public var table: String
    /// Its rows.
    public var rows: Int

    /// Creates a count.
    public init(table: String, rows: Int) {
        self.table = table
        self.rows = rows
    }
}

// MARK: - Queries

/// Which submissions to list.
public struct SubmissionQuery: Sendable, Hashable {
    /// Only this enterprise (``Enterprise/key``).
    public var enterpriseKey: String?
    /// Only this jurisdiction unit (township, park or system union name).
    public var jurisdictionUnit: String?
    /// Only this kind.
    public var kind: DocumentKind?
    /// Inspection dates from (inclusive).
    public var from: CivilDate?
    /// Inspection dates to (inclusive).
    public var to: CivilDate?
    /// Include submissions that a correction supersedes.
    public var includeSuperseded: Bool
    /// At most this many rows.
    public var limit: Int

    /// Creates a query.
    public init(
        enterpriseKey: String? = nil, jurisdictionUnit: String? = nil, kind: DocumentKind? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
        includeSuperseded: Bool = false, limit: Int = 1000
    ) {
        self.enterpriseKey = enterpriseKey
        self.jurisdictionUnit = jurisdictionUnit
        self.kind = kind
        self.from = from
        self.to = to
        self.includeSuperseded = includeSuperseded
        self.limit = limit
    }
}

/// One row of a submissions listing.
public struct SubmissionSummary: Sendable, Hashable, Codable {
    /// The receipt.
    public var receipt: Receipt
    /// The date the document is about.
    public var inspectionDate: CivilDate
    /// The enterprise's name as submitted.
    public var enterpriseName: String
    /// The township, park or system union.
    public var jurisdictionUnit: String
    /// The correction that supersedes it, if any.
    public var supersededBy: UUID?

    /// Creates a summary.
    public init(receipt: Receipt, inspectionDate: CivilDate, enterpriseName: String, jurisdictionUnit: String, supersededBy: UUID?) {
        self.receipt = receipt
        self.inspectionDate = inspectionDate
        self.enterpriseName = enterpriseName
        self.jurisdictionUnit = jurisdictionUnit
        self.supersededBy = supersededBy
    }
}

/// Which hazards to list.
public struct HazardQuery: Sendable, Hashable {
    /// Only this enterprise (``Enterprise/key``).
    public var enterpriseKey: String?
    /// Found on or after.
    public var from: CivilDate?
    /// Found on or before.
    public var to: CivilDate?

    /// Creates a query.
    public init(enterpriseKey: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.enterpriseKey = enterpriseKey
        self.from = from
        self.to = to
    }
}

/// One found hazard with its status derived from the rectification and verification records that
/// follow it (open → inProgress 整改中 → awaitingVerification 待复查 → closed 销号).
public struct HazardRecord: Sendable, Hashable, Codable {
    /// The submission that found it (a monitoring record, or a notice for a finding with no earlier source).
    public var submissionID: UUID
    /// Its id within that submission.
    public var hazardID: String
    /// The enterprise key.
    public var enterpriseKey: String
    /// The legal grade.
    public var grade: HazardGrade
    /// The nature.
    public var nature: HazardNature
    /// The potential accident type.
    public var accidentType: AccidentType
    /// The linked checklist item, if any.
    public var checklistItem: String?
    /// The item's catalogue category letter, if any.
    public var category: String?
    /// Where.
    public var location: String
    /// What.
    public var description: String
    /// When it was found.
    public var foundOn: CivilDate
    /// The current deadline: the latest plan's, else the one stated when found.
    public var deadline: CivilDate?
    /// The person responsible, from the latest plan.
    public var responsiblePerson: String?
    /// The derived status.
    public var status: RectificationStatus
    /// The date of the first passed verification (销号), if closed.
    public var closedOn: CivilDate?
    /// The latest rectification notice that follows it up, if any.
    public var latestRectification: UUID?

    /// Creates a record.
    public init(
        submissionID: UUID, hazardID: String, enterpriseKey: String, grade: HazardGrade, nature: HazardNature, accidentType: AccidentType,
        checklistItem: String?, category: String?, location: String, description: String, foundOn: CivilDate, deadline: CivilDate?,
        responsiblePerson: String?, status: RectificationStatus, closedOn: CivilDate?, latestRectification: UUID?
    ) {
        self.submissionID = submissionID
        self.hazardID = hazardID
        self.enterpriseKey = enterpriseKey
        self.grade = grade
        self.nature = nature
        self.accidentType = accidentType
        self.checklistItem = checklistItem
        self.category = category
        self.location = location
        self.description = description
        self.foundOn = foundOn
        self.deadline = deadline
        self.responsiblePerson = responsiblePerson
        self.status = status
        self.closedOn = closedOn
        self.latestRectification = latestRectification
    }
}

extension UUID {
    /// The lowercase form used in the XML and in the database.
    var lowercased: String { UUIDText.lowercased(self) }
}
