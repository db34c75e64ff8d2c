import AnkangModel
import Foundation
import GRDB
import Logging

/// The embedded inspection log: one SQLite file in WAL mode, through GRDB.
///
/// Every write transaction is `BEGIN IMMEDIATE`, so writers (threads or processes) queue on the
/// database lock, waiting up to the busy timeout; `synchronous = FULL` makes each acknowledged
/// commit durable across a power cut, not only across a crash of the process.
public final class SQLiteStore: InspectionStore {
    /// The database file.
    public let path: String
    private let pool: DatabasePool
    private let checkpointer: WALCheckpointer?
    private let logSyncer: LogSyncer
    private let logger: Logger
    /// The writer's page cache: room for a whole write batch (a 256-file batch dirties about 10 MB).
    static let writerCacheKiB = 65_536

    /// Opens (creating it and its folder if needed) the database at `path`.
    /// - Parameters:
    ///   - readOnly: open with SQLite's read-only flag; every write then fails with ``StoreError/Reason/readOnly``.
    ///   - maxPageCount: cap the database at this many pages (`PRAGMA max_page_count`); a write past it
    ///     fails with ``StoreError/Reason/full`` exactly as a full disk does.
    ///   - busyTimeout: how long a writer waits for another process's transaction.
    public init(
        path: String, readOnly: Bool = false, maxPageCount: Int? = nil, busyTimeout: TimeInterval = 60,
        logger: Logger = Logger(label: "ankang.store.sqlite")
    ) throws(StoreError) {
        self.path = path
        self.logger = logger
        logSyncer = LogSyncer(databasePath: path)
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "ankang"
        configuration.prepareDatabase { db in
            // In WAL mode FULL syncs the log on every commit: an acknowledged batch survives power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 16 KiB pages for a new file (a no-op on an existing one): a stored file of 8–30 KB spans
            // fewer overflow pages, which cuts the system time of a bulk ingest by about a third.
            try db.execute(sql: "PRAGMA page_size = 16384")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
            // Reads map the file instead of copying pages through read(2): a city-wide report scans
            // hundreds of thousands of rows, and the copies were a third of its time.
            try db.execute(sql: "PRAGMA mmap_size = 2147418112")
            // The writer keeps a whole batch's pages in its cache: with the default 2 MB (125 pages) a 256-file
            // batch spilled dirty pages into the log mid-transaction (15,000 page writes for a 2,000-file ingest
            // instead of 12,600).
            // And it copies the log back into the file only past the backstop: WALCheckpointer does it in the background.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = \(-SQLiteStore.writerCacheKiB)")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.backstopPages)")
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !readOnly, !FileManager.default.fileExists(atPath: folder.path) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.unavailable, "\(folder.path): \(error.localizedDescription)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            checkpointer = readOnly ? nil : try WALCheckpointer(path: path, logger: logger)
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }

    /// Runs database work, translating every failure into a ``StoreError``.
    private func run<T: Sendable>(_ work: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await work()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(sqlite: error, path: path)
        }
    }

    @discardableResult
    public func migrate() async throws(StoreError) -> [Int] {
        try await run {
            // Fast path without a write lock, so a read-only database that is up to date opens fine.
            let applied = try await pool.read { db in
                try db.tableExists("schema_migrations") ? try Int.fetchSet(db, sql: "SELECT version FROM schema_migrations") : []
            }
            try Self.checkNotTooNew(applied)
            if Migrations.all.allSatisfy({ applied.contains($0.version) }) { return [] }
            return try await pool.write { db in
                try db.execute(sql: Migrations.bookkeepingSQLite)
                let applied = try Int.fetchSet(db, sql: "SELECT version FROM schema_migrations")
                try Self.checkNotTooNew(applied)
                var done: [Int] = []
                for migration in Migrations.all where !applied.contains(migration.version) {
                    for statement in migration.sqlite { try db.execute(sql: statement) }
                    try db.execute(
                        sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        arguments: [migration.version, migration.name, Timestamp.text(Date())])
                    done.append(migration.version)
                }
                return done
            }
        }
    }

    static func checkNotTooNew(_ applied: Set<Int>) throws(StoreError) {
        if let newest = applied.max(), newest > Migrations.latest {
            throw StoreError(.schemaTooNew, "schema version \(newest) > \(Migrations.latest)")
        }
    }

    public func record(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError) -> [IngestOutcome] {
        try await write(batch, audit: audit, syncingLog: true)
    }

    /// Commits with `synchronous = NORMAL` (the log is written, not synced, while the write lock is held); the
    /// returned `durable` syncs the log through this commit (``LogSyncer``), sharing the sync with other commits.
    public func recordAwaitingDurability(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError)
        -> (outcomes: [IngestOutcome], durable: @Sendable () async throws -> Void) {
        let outcomes = try await write(batch, audit: audit, syncingLog: false)
        let generation = logSyncer.didCommit()
        return (outcomes, { [logSyncer] in try await logSyncer.sync(through: generation) })
    }

    /// One write transaction for the batch and its audit entries; `syncingLog: false` leaves syncing the log to
    /// the caller (``LogSyncer``).
    private func write(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry], syncingLog: Bool)
        async throws(StoreError) -> [IngestOutcome] {
        let now = Timestamp.text(Date())
        // Stamp the rows before taking the write lock: the transaction only writes.
        let items = batch.map { intake -> PreparedIntake in
            switch intake {
            case let .accepted(accepted): .accepted(accepted.rows.ingested(at: now), accepted.bytes)
            case let .rejected(file): .rejected(file)
            }
        }
        let outcomes = try await run {
            try await pool.writeWithoutTransaction { db -> [IngestOutcome] in
                if !syncingLog { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
                defer { if !syncingLog { try? db.execute(sql: "PRAGMA synchronous = FULL") } }
                var outcomes: [IngestOutcome] = []
                try db.inTransaction {
                    outcomes = try items.map { item -> IngestOutcome in
                        switch item {
                        case let .accepted(rows, bytes): try Self.insert(rows, bytes: bytes, now: now, db)
                        case let .rejected(file): .rejected(try Self.quarantine(file, now: now, db))
                        }
                    }
                    try Self.append(audit(outcomes), db)
                    return .commit
                }
                return outcomes
            }
        }
        checkpointer?.didCommit()
        logger.debug("recorded batch", metadata: ["files": "\(batch.count)"])
        return outcomes
    }

    private enum PreparedIntake: Sendable {
        case accepted(FactRows, [UInt8])
        case rejected(RejectedFile)
    }

    private static let receiptColumns = "id, sha256, kind, enterprise_key, ingested_at, seq, supersedes, score_total, grade"

    private static func insert(_ rows: FactRows, bytes: [UInt8], now: String, _ db: Database) throws -> IngestOutcome {
        let s = rows.submission
        try db.cachedStatement(sql: """
            INSERT INTO submissions (id, sha256, kind, schema_version, catalogue_version, profile_id, profile_version, score_total, grade,
                file_name, size, submitted_at, inspection_date, ingested_at, enterprise_key, enterprise_name, city, city_code,
                jurisdiction_level, jurisdiction_unit, jurisdiction_code, workshop, team, tier, industry, supersedes, warnings_json,
                score_json, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO NOTHING
            """).executeBinding {
                $0.bind(s.id); $0.bind(s.sha256); $0.bind(s.kind); $0.bind(s.schemaVersion); $0.bind(s.catalogueVersion)
                $0.bind(s.profileId); $0.bind(s.profileVersion); $0.bind(s.scoreTotal); $0.bind(s.grade); $0.bind(s.fileName)
                $0.bind(s.size); $0.bind(s.submittedAt); $0.bind(s.inspectionDate); $0.bind(s.ingestedAt)
                $0.bind(s.enterpriseKey); $0.bind(s.enterpriseName); $0.bind(s.city); $0.bind(s.cityCode)
                $0.bind(s.jurisdictionLevel); $0.bind(s.jurisdictionUnit); $0.bind(s.jurisdictionCode); $0.bind(s.workshop)
                $0.bind(s.team); $0.bind(s.tier); $0.bind(s.industry); $0.bind(s.supersedes); $0.bind(s.warningsJson)
                $0.bind(s.scoreJson); $0.bind(bytes: bytes)
            }
        guard db.changesCount == 1 else {
            // The id is taken (the constraint decided, inside this transaction): same bytes or not?
            guard let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(receiptColumns) FROM submissions WHERE id = ?"),
                                                  arguments: [s.id]) else {
                throw StoreError(.other, "submission \(s.id) neither inserted nor found")
            }
            let receipt = try Self.receipt(existing)
            if receipt.sha256 == s.sha256 { return .duplicate(receipt) }
            let conflict = Conflict(submissionID: receipt.submissionID, storedSHA256: receipt.sha256, offeredSHA256: s.sha256)
            _ = try quarantine(RejectedFile(conflict: conflict, rows: rows, bytes: bytes), now: now, db)
            return .conflict(conflict)
        }
        let receipt = Receipt(
            submissionID: UUIDText.parse(s.id)!, sha256: s.sha256, kind: DocumentKind(rawValue: s.kind)!, enterpriseKey: s.enterpriseKey,
            ingestedAt: Timestamp.date(now)!, sequence: db.lastInsertedRowID, supersedes: s.supersedes.flatMap(UUID.init(uuidString:)),
            scoreTotal: s.scoreTotal, grade: s.grade)
        let e = rows.enterprise
        try db.cachedStatement(sql: """
            INSERT INTO enterprises (key, name, credit_code, org_code, reg_no, industry, city, city_code, jurisdiction_level,
                jurisdiction_unit, jurisdiction_code, above_scale, employees, as_of, last_submission_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code, org_code = excluded.org_code,
                reg_no = excluded.reg_no, industry = excluded.industry, city = excluded.city, city_code = excluded.city_code,
                jurisdiction_level = excluded.jurisdiction_level, jurisdiction_unit = excluded.jurisdiction_unit,
                jurisdiction_code = excluded.jurisdiction_code, above_scale = excluded.above_scale, employees = excluded.employees,
                as_of = excluded.as_of, last_submission_id = excluded.last_submission_id
            WHERE excluded.as_of > enterprises.as_of
               OR (excluded.as_of = enterprises.as_of AND excluded.last_submission_id > enterprises.last_submission_id)
            """).executeBinding {
                $0.bind(e.key); $0.bind(e.name); $0.bind(e.creditCode); $0.bind(e.orgCode); $0.bind(e.regNo); $0.bind(e.industry)
                $0.bind(e.city); $0.bind(e.cityCode); $0.bind(e.jurisdictionLevel); $0.bind(e.jurisdictionUnit)
                $0.bind(e.jurisdictionCode); $0.bind(e.aboveScale); $0.bind(e.employees); $0.bind(e.asOf)
                $0.bind(e.lastSubmissionId)
            }
        let items = try db.cachedStatement(sql: """
            INSERT INTO item_results (submission_id, code, category, result, deduction, note) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in rows.items {
            try items.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.code); $0.bind(row.category); $0.bind(row.result); $0.bind(row.deduction)
                $0.bind(row.note)
            }
        }
        let hazards = try db.cachedStatement(sql: """
            INSERT INTO hazards (submission_id, hazard_id, enterprise_key, origin, grade, nature, accident_type, checklist_item, category,
                location, description, found_date, deadline, responsible_person)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows.hazards {
            try hazards.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.hazardId); $0.bind(row.enterpriseKey); $0.bind(row.origin)
                $0.bind(row.grade); $0.bind(row.nature); $0.bind(row.accidentType); $0.bind(row.checklistItem)
                $0.bind(row.category); $0.bind(row.location); $0.bind(row.description); $0.bind(row.foundDate)
                $0.bind(row.deadline); $0.bind(row.responsiblePerson)
            }
        }
        let findings = try db.cachedStatement(sql: """
            INSERT INTO rectification_findings (submission_id, finding_id, hazard_submission_id, hazard_id, status, issued_date,
                plan_deadline, responsible_person, verifier, has_major_plan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows.findings {
            try findings.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.findingId); $0.bind(row.hazardSubmissionId); $0.bind(row.hazardId)
                $0.bind(row.status); $0.bind(row.issuedDate); $0.bind(row.planDeadline); $0.bind(row.responsiblePerson)
                $0.bind(row.verifier); $0.bind(row.hasMajorPlan)
            }
        }
        let verifications = try db.cachedStatement(sql: """
            INSERT INTO verifications (submission_id, ordinal, finding_id, date, result, verifier, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows.verifications {
            try verifications.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.ordinal); $0.bind(row.findingId); $0.bind(row.date); $0.bind(row.result)
                $0.bind(row.verifier); $0.bind(row.comment)
            }
        }
        let violations = try db.cachedStatement(sql: """
            INSERT INTO violations (submission_id, ordinal, type, count, handled_on_site, description) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in rows.violations {
            try violations.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.ordinal); $0.bind(row.type); $0.bind(row.count); $0.bind(row.handledOnSite)
                $0.bind(row.description)
            }
        }
        let activities = try db.cachedStatement(sql: """
            INSERT INTO activities (submission_id, ordinal, code, date, participants, title) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in rows.activities {
            try activities.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.ordinal); $0.bind(row.code); $0.bind(row.date); $0.bind(row.participants)
                $0.bind(row.title)
            }
        }
        let accidents = try db.cachedStatement(sql: """
            INSERT INTO accidents (submission_id, accident_id, date, type, severity, level, persons, description)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows.accidents {
            try accidents.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.accidentId); $0.bind(row.date); $0.bind(row.type); $0.bind(row.severity)
                $0.bind(row.level); $0.bind(row.persons); $0.bind(row.description)
            }
        }
        let notices = try db.cachedStatement(sql: """
            INSERT INTO notices (submission_id, enterprise_key, notice_no, kind, issued_date, reply_date, escalation_date, escalated_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows.notices {
            try notices.executeBinding {
                $0.bind(row.submissionId); $0.bind(row.enterpriseKey); $0.bind(row.noticeNo); $0.bind(row.kind)
                $0.bind(row.issuedDate); $0.bind(row.replyDate); $0.bind(row.escalationDate); $0.bind(row.escalatedTo)
            }
        }
        try refreshHazardState(rows, db)
        return .accepted(receipt)
    }

    /// Recomputes the state of the hazards the submission just written may change (``HazardState``).
    private static func refreshHazardState(_ rows: FactRows, _ db: Database) throws {
        var keys = Set(HazardState.followedUpKeys(of: rows))
        if let superseded = rows.submission.supersedes {
            for row in try Row.fetchAll(db.cachedStatement(sql: HazardState.supersededKeys(.sqlite)), arguments: [superseded, superseded]) {
                keys.insert(HazardState.Key(submissionID: row[0], hazardID: row[1]))
            }
        }
        if !rows.hazards.isEmpty {
            // The submission's own hazards are new: unless a finding already follows one of them up or a correction
            // already supersedes the submission (files that arrived out of order), each one's state is the hazard
            // itself, open, and is written from memory instead of from the view (a dozen index searches per hazard).
            let id = rows.submission.id
            if try Bool.fetchOne(db.cachedStatement(sql: HazardState.ownHazardsReferencedSQLite), arguments: [id, id]) == false {
                let insert = try db.cachedStatement(sql: HazardState.insertOpenSQLite)
                for h in rows.hazards {
                    try insert.executeBinding {
                        $0.bind(h.submissionId); $0.bind(h.hazardId); $0.bind(h.enterpriseKey); $0.bind(h.foundDate); $0.bind(h.deadline)
                        $0.bind(h.responsiblePerson); $0.bind(rows.submission.workshop); $0.bind(rows.submission.team)
                        $0.bind(h.grade); $0.bind(h.nature); $0.bind(h.accidentType); $0.bind(h.checklistItem); $0.bind(h.category)
                        $0.bind(h.location); $0.bind(h.description)
                    }
                }
            } else {
                keys.formUnion(HazardState.ownKeys(of: rows))
            }
        }
        guard !keys.isEmpty else { return }
        let delete = try db.cachedStatement(sql: "DELETE FROM hazard_state WHERE submission_id = ? AND hazard_id = ?")
        // OR FAIL: an INSERT … SELECT that may abort otherwise copies every page it touches into a statement
        // journal first (130 page copies per file); a failure rolls the whole transaction back anyway.
        let insert = try db.cachedStatement(sql: """
            INSERT OR FAIL INTO hazard_state (\(HazardState.columns)) \(HazardState.select(.sqlite, where: "h.submission_id = ? AND h.hazard_id = ?"))
            """)
        for key in keys.sorted() {
            try delete.execute(arguments: [key.submissionID, key.hazardID])
            try insert.execute(arguments: [key.submissionID, key.hazardID])
        }
    }

    private static func quarantine(_ file: RejectedFile, now: String, _ db: Database) throws -> QuarantineEntry {
        try db.cachedStatement(sql: """
            INSERT INTO quarantine (sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts,
                findings_json, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT(sha256) DO UPDATE SET last_seen = excluded.last_seen, attempts = quarantine.attempts + 1,
                finding_codes = excluded.finding_codes, findings_json = excluded.findings_json
            """).execute(arguments: [
                file.sha256, file.fileName, file.bytes.count, file.kind?.rawValue, file.claimedID?.lowercased,
                file.findingCodes.joined(separator: " "), now, now, file.findingsJSON, Data(file.bytes),
            ])
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts FROM quarantine WHERE sha256 = ?
            """), arguments: [file.sha256]) else {
            throw StoreError(.other, "quarantine entry \(file.sha256) not found after upsert")
        }
        return try quarantineEntry(row)
    }

    public func receipt(for id: UUID) async throws(StoreError) -> Receipt? {
        try await run {
            try await pool.read { db in
                try Row.fetchOne(db, sql: "SELECT \(Self.receiptColumns) FROM submissions WHERE id = ?", arguments: [id.lowercased])
                    .map(Self.receipt)
            }
        }
    }

    public func originalBytes(of id: UUID) async throws(StoreError) -> [UInt8]? {
        try await run {
            try await pool.read { db in
                try Data.fetchOne(db, sql: "SELECT raw FROM submissions WHERE id = ?", arguments: [id.lowercased]).map { [UInt8]($0) }
            }
        }
    }

    public func submissions(_ query: SubmissionQuery) async throws(StoreError) -> [SubmissionSummary] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let key = query.enterpriseKey {
            conditions.append("s.enterprise_key = ?")
            _ = arguments.append(contentsOf: [key])
        }
        if let unit = query.jurisdictionUnit {
            conditions.append("s.jurisdiction_unit = ?")
            _ = arguments.append(contentsOf: [unit])
        }
        if let kind = query.kind {
            conditions.append("s.kind = ?")
            _ = arguments.append(contentsOf: [kind.rawValue])
        }
        if let from = query.from {
            conditions.append("s.inspection_date >= ?")
            _ = arguments.append(contentsOf: [from.isoString])
        }
        if let to = query.to {
            conditions.append("s.inspection_date <= ?")
            _ = arguments.append(contentsOf: [to.isoString])
        }
        if !query.includeSuperseded {
            conditions.append("NOT EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)")
        }
        _ = arguments.append(contentsOf: [query.limit])
        let sql = """
            SELECT s.id, s.sha256, s.kind, s.enterprise_key, s.ingested_at, s.seq, s.supersedes, s.score_total, s.grade,
                   s.inspection_date, s.enterprise_name, s.jurisdiction_unit,
                   (SELECT c.id FROM submissions c WHERE c.supersedes = s.id ORDER BY c.seq LIMIT 1) AS superseded_by
            FROM submissions s
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY s.inspection_date DESC, s.seq DESC
            LIMIT ?
            """
        let frozen = arguments
        return try await run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: frozen).map { row in
                    SubmissionSummary(
                        receipt: try Self.receipt(row), inspectionDate: try Self.civilDate(row["inspection_date"]),
                        enterpriseName: row["enterprise_name"], jurisdictionUnit: row["jurisdiction_unit"],
                        supersededBy: (row["superseded_by"] as String?).flatMap(UUID.init(uuidString:)))
                }
            }
        }
    }

    public func hazards(_ query: HazardQuery) async throws(StoreError) -> [HazardRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let key = query.enterpriseKey {
            conditions.append("st.enterprise_key = ?")
            _ = arguments.append(contentsOf: [key])
        }
        if let from = query.from {
            conditions.append("st.found_date >= ?")
            _ = arguments.append(contentsOf: [from.isoString])
        }
        if let to = query.to {
            conditions.append("st.found_date <= ?")
            _ = arguments.append(contentsOf: [to.isoString])
        }
        let sql = """
            SELECT h.*, st.deadline AS current_deadline, st.responsible_person AS current_responsible, st.status, st.closed_date,
                   st.latest_rectification
            FROM hazard_state st JOIN hazards h ON h.submission_id = st.submission_id AND h.hazard_id = st.hazard_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY st.found_date, st.submission_id, st.hazard_id
            """
        let frozen = arguments
        return try await run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: frozen).map { row in
                    try HazardRecord(
                        submissionID: Self.uuid(row["submission_id"]), hazardID: row["hazard_id"], enterpriseKey: row["enterprise_key"],
                        grade: Self.value(row["grade"]), nature: Self.value(row["nature"]), accidentType: Self.value(row["accident_type"]),
                        checklistItem: row["checklist_item"], category: row["category"], location: row["location"],
                        description: row["description"], foundOn: Self.civilDate(row["found_date"]),
                        deadline: (row["current_deadline"] as String?).flatMap(CivilDate.init(iso:)), responsiblePerson: row["current_responsible"],
                        status: Self.value(row["status"]), closedOn: (row["closed_date"] as String?).flatMap(CivilDate.init(iso:)),
                        latestRectification: (row["latest_rectification"] as String?).flatMap(UUID.init(uuidString:)))
                }
            }
        }
    }

    // MARK: - Accounts and audit

    public func addUser(_ account: UserAccount, tokenHash: String) async throws(StoreError) {
        try await run {
            try await pool.write { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE name = ?", arguments: [account.name]) == 0 else {
                    throw StoreError(.other, "user \(account.name) already exists")
                }
                try db.execute(sql: "INSERT INTO users (name, role, jurisdiction, created_at) VALUES (?, ?, ?, ?)", arguments: [
                    account.name, account.role.rawValue, account.jurisdiction.joined(separator: "/"), Timestamp.text(account.createdAt),
                ])
                try db.execute(sql: "INSERT INTO api_tokens (token_hash, user_name, created_at) VALUES (?, ?, ?)",
                               arguments: [tokenHash, account.name, Timestamp.text(account.createdAt)])
            }
        }
    }

    public func users() async throws(StoreError) -> [UserAccount] {
        try await run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: "SELECT name, role, jurisdiction, created_at, revoked_at FROM users ORDER BY name").map(Self.account)
            }
        }
    }

    public func revokeUser(named name: String, at date: Date) async throws(StoreError) -> Bool {
        try await run {
            try await pool.write { db in
                try db.execute(sql: "UPDATE users SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", arguments: [Timestamp.text(date), name])
                return db.changesCount == 1
            }
        }
    }

    // The two look-ups below run on every request: each reader connection keeps their statements prepared.
    public func user(tokenHash: String) async throws(StoreError) -> UserAccount? {
        try await run {
            try await pool.read { db in
                try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT u.name, u.role, u.jurisdiction, u.created_at, u.revoked_at FROM api_tokens t JOIN users u ON u.name = t.user_name
                    WHERE t.token_hash = ? AND u.revoked_at IS NULL
                    """), arguments: [tokenHash]).map(Self.account)
            }
        }
    }

    public func setPassword(user name: String, hash: String?) async throws(StoreError) -> Bool {
        try await run {
            try await pool.write { db in
                try db.execute(sql: "UPDATE users SET password_hash = ? WHERE name = ? AND revoked_at IS NULL", arguments: [hash, name])
                guard db.changesCount == 1 else { return false }
                // A new password signs every browser of the user out.
                try db.execute(sql: "DELETE FROM sessions WHERE user_name = ?", arguments: [name])
                return true
            }
        }
    }

    public func credentials(user name: String) async throws(StoreError) -> Credentials? {
        try await run {
            try await pool.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT name, role, jurisdiction, created_at, revoked_at, password_hash FROM users WHERE name = ? AND revoked_at IS NULL
                    """, arguments: [name]).map { row in Credentials(account: try Self.account(row), passwordHash: row["password_hash"]) }
            }
        }
    }

    public func openSession(_ session: WebSession) async throws(StoreError) {
        try await run {
            try await pool.write { db in
                try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [Timestamp.text(session.createdAt)])
                try db.execute(sql: "INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)", arguments: [
                    session.tokenHash, session.userName, Timestamp.text(session.createdAt), Timestamp.text(session.expiresAt),
                ])
            }
        }
    }

    public func user(sessionHash: String, at date: Date) async throws(StoreError) -> UserAccount? {
        try await run {
            try await pool.read { db in
                try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT u.name, u.role, u.jurisdiction, u.created_at, u.revoked_at FROM sessions s JOIN users u ON u.name = s.user_name
                    WHERE s.token_hash = ? AND s.expires_at > ? AND u.revoked_at IS NULL
                    """), arguments: [sessionHash, Timestamp.text(date)]).map(Self.account)
            }
        }
    }

    public func closeSession(tokenHash: String) async throws(StoreError) {
        try await run {
            try await pool.write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash]) }
        }
    }

    public func audit(_ entries: [AuditEntry]) async throws(StoreError) {
        guard !entries.isEmpty else { return }
        try await run {
            try await pool.write { db in try Self.append(entries, db) }
        }
    }

    private static func append(_ entries: [AuditEntry], _ db: Database) throws {
        guard !entries.isEmpty else { return }
        let insert = try db.cachedStatement(sql: "INSERT INTO audit_log (at, user_name, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
        for entry in entries {
            try insert.executeBinding {
                $0.bind(Timestamp.text(entry.at)); $0.bind(entry.user); $0.bind(entry.action); $0.bind(entry.subject); $0.bind(entry.detail)
            }
        }
    }

    public func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry] {
        try await run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: "SELECT at, user_name, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT ?",
                                 arguments: [limit]).map { row in
                    AuditEntry(at: try Self.instant(row[0]), user: row[1], action: row[2], subject: row[3], detail: row[4])
                }
            }
        }
    }

    private static func account(_ row: Row) throws -> UserAccount {
        guard let role = UserRole(rawValue: row[1]) else { throw StoreError(.corrupt, "unknown role \(row[1] as String? ?? "")") }
        return UserAccount(
            name: row[0], role: role, jurisdiction: (row[2] as String).split(separator: "/").map(String.init), createdAt: try instant(row[3]),
            revokedAt: try (row[4] as String?).map(instant))
    }

    public func reportFacts(_ scope: ReportScope) async throws(StoreError) -> ReportFacts {
        try await run {
            try await ReportQueries(scope: scope, dialect: .sqlite).facts(from: Reader(pool: pool))
        }
    }

    /// A row of a report query, each value read in the type the decoder asks for (no text in between).
    private struct Columns: ReportRow {
        let row: Row
        subscript(_ index: Int) -> String? { row[index] }
        func integer(_ index: Int) -> Int? { row[index] }
    }

    /// Runs report queries on a read connection, decoding rows as the cursor yields them.
    private struct Reader: ReportRowReader {
        let pool: DatabasePool
        /// The page cache of a connection while it reads report facts, and SQLite's default otherwise.
        static let reportCacheKiB = 65_536
        static let defaultCacheKiB = 2000

        func read<Fact: Sendable>(_ query: ReportQuery<Fact>) async throws -> [Fact] {
            try await pool.read { db in
                // Beyond the 2 GiB Debian's SQLite maps, pages come through pread(2); a report revisits
                // them while it walks an index, so it reads with a larger page cache (64 MiB: a city-wide
                // report's system time fell from 2.1 to 1.1 s; 256 MiB did no better), given back afterwards.
                try db.execute(sql: "PRAGMA cache_size = \(-Self.reportCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(-Self.defaultCacheKiB)") }
                var facts: [Fact] = []
                let rows = try Row.fetchCursor(db, sql: query.sql, arguments: StatementArguments(query.arguments))
                while let row = try rows.next() {
                    facts.append(try query.decode(Columns(row: row)))
                }
                return facts
            }
        }
    }

    public func quarantine(limit: Int, rejectedFor user: String?) async throws(StoreError) -> [QuarantineEntry] {
        try await run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts
                    FROM quarantine q WHERE \(QuarantineSQL.refusedTo("?1"))
                    ORDER BY last_seen DESC, sha256 LIMIT ?2
                    """, arguments: [user, limit]).map(Self.quarantineEntry)
            }
        }
    }

    public func quarantinedFile(sha256: String, rejectedFor user: String?) async throws(StoreError) -> (entry: QuarantineEntry, findingsJSON: String)? {
        try await run {
            try await pool.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts, findings_json
                    FROM quarantine q WHERE sha256 = ?2 AND \(QuarantineSQL.refusedTo("?1"))
                    """, arguments: [user, sha256]).map { row in (try Self.quarantineEntry(row), row["findings_json"]) }
            }
        }
    }

    public func stats() async throws(StoreError) -> StoreStats {
        try await run {
            try await pool.read { db in
                let tables = try Migrations.countedTables.map { table in
                    TableCount(table: table, rows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
                }
                let superseded = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM submissions s WHERE EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)
                    """) ?? 0
                var byStatus: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM hazard_state GROUP BY status") {
                    byStatus[row["status"]] = row["n"]
                }
                let version = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_migrations") ?? 0
                return StoreStats(tables: tables, supersededSubmissions: superseded, hazardsByStatus: byStatus, schemaVersion: version)
            }
        }
    }

    public func integrityCheck() async throws(StoreError) -> [String] {
        try await run {
            try await pool.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let stale = try Row.fetchAll(db, sql: HazardState.staleRows(.sqlite)).map { row in
                    "hazard_state: \(row[0] as String? ?? "?")/\(row[1] as String? ?? "?") differs from the hazard_status view"
                }
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                    "foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
                }
                return integrity + foreignKeys + stale
            }
        }
    }

    // MARK: - Row decoding

    private static func receipt(_ row: Row) throws -> Receipt {
        Receipt(
            submissionID: try uuid(row["id"]), sha256: row["sha256"], kind: try value(row["kind"]), enterpriseKey: row["enterprise_key"],
            ingestedAt: try instant(row["ingested_at"]), sequence: row["seq"],
            supersedes: (row["supersedes"] as String?).flatMap(UUID.init(uuidString:)), scoreTotal: row["score_total"], grade: row["grade"])
    }

    private static func quarantineEntry(_ row: Row) throws -> QuarantineEntry {
        QuarantineEntry(
            sha256: row["sha256"], fileName: row["file_name"], size: row["size"],
            kind: (row["kind"] as String?).flatMap(DocumentKind.init(rawValue:)),
            claimedID: (row["claimed_id"] as String?).flatMap(UUID.init(uuidString:)),
            findingCodes: (row["finding_codes"] as String).split(separator: " ").map(String.init),
            firstSeen: try instant(row["first_seen"]), lastSeen: try instant(row["last_seen"]), attempts: row["attempts"])
    }

    private static func uuid(_ text: String) throws -> UUID {
        guard let id = UUIDText.parse(text) else { throw StoreError(.corrupt, "not a UUID: \(text)") }
        return id
    }

    private static func instant(_ text: String) throws -> Date {
        guard let date = Timestamp.date(text) else { throw StoreError(.corrupt, "not a timestamp: \(text)") }
        return date
    }

    private static func civilDate(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw StoreError(.corrupt, "not a date: \(text)") }
        return date
    }

    private static func value<T: RawRepresentable>(_ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError(.corrupt, "unexpected value \(text) for \(T.self)") }
        return value
    }
}

extension StoreError {
    /// Classifies a GRDB/SQLite error.
    init(sqlite error: any Error, path: String) {
        guard let error = error as? DatabaseError else {
            self.init(.other, "\(path): \(error)")
            return
        }
        let detail = "\(path): \(error.message ?? "\(error)")"
        switch error.resultCode {
        case .SQLITE_READONLY: self.init(.readOnly, detail)
        case .SQLITE_FULL: self.init(.full, detail)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self.init(.unavailable, detail)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self.init(.corrupt, detail)
        default: self.init(.other, detail)
        }
    }
}

extension RejectedFile {
    /// The quarantine record of bytes refused because their id is taken by other bytes.
    init(conflict: Conflict, rows: FactRows, bytes: [UInt8]) {
        struct Finding: Encodable {
            var severity = "error"
            var code = Conflict.findingCode
            var zh: String
            var en: String
        }
        let json = (try? JSONEncoder().encode([Finding(zh: conflict.zh, en: conflict.en)])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        self.init(
            bytes: bytes, sha256: conflict.offeredSHA256, fileName: rows.submission.fileName, kind: DocumentKind(rawValue: rows.submission.kind),
            claimedID: conflict.submissionID, findingCodes: [Conflict.findingCode], findingsJSON: json)
    }
}
