import AnkangModel
import Foundation
import Logging
import PostgresNIO

/// The shared inspection log on a PostgreSQL server, through postgres-nio's `PostgresClient`.
///
/// A batch is one transaction of a few statements whatever its size: each table's rows travel as one
/// JSON array (`jsonb_to_recordset`). Submissions go in with `INSERT … ON CONFLICT (id) DO NOTHING
/// RETURNING id`; ids it did not insert are then read inside the same transaction to tell a duplicate
/// (same SHA-256) from a conflict. Rows are inserted in key order, so two servers writing overlapping
/// batches wait for each other instead of deadlocking; a deadlock or serialization failure is retried.
///
/// The client's connection pool runs only while ``run()`` does: use ``StoreLocation/withStore(logger:_:)``,
/// or run it in a task (or a ServiceLifecycle group) for the lifetime of a server.
public final class PostgresStore: InspectionStore {
    /// Where the database is.
    public let location: PostgresLocation
    private let client: PostgresClient
    private let connection: PostgresConnection.Configuration
    private let logger: Logger

    /// Prepares a client for `location`; nothing connects until ``run()`` runs.
    public init(location: PostgresLocation, logger: Logger = Logger(label: "ankang.store.postgres")) throws(StoreError) {
        self.location = location
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        do {
            switch location.tls {
            case .disable:
                tls = .disable
                connectionTLS = .disable
            case .prefer:
                tls = .prefer(.makeClientConfiguration())
                connectionTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require:
                tls = .require(.makeClientConfiguration())
                connectionTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError(.unavailable, "TLS: \(error)")
        }
        var configuration: PostgresClient.Configuration
        if let directory = location.unixSocketDirectory {
            let socket = "\(directory)/.s.PGSQL.\(location.port)"
            configuration = .init(unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
            connection = .init(unixSocketPath: socket, username: location.user, password: location.password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: tls)
            connection = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                               database: location.database, tls: connectionTLS)
        }
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(10)
        // The pool's own chatter stays below errors; failures reach the caller as thrown errors.
        var background = logger
        background.logLevel = .error
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Checks that the server answers (one direct connection, for a clear error), then runs `body`
    /// while the pool runs.
    func withRunningClient<T>(_ body: () async throws -> T) async throws -> T {
        do {
            let probe = try await PostgresConnection.connect(configuration: connection, id: 0, logger: logger)
            try await probe.close()
        } catch {
            throw StoreError(postgres: error, location: location)
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // Let the pool start before the first lease.
            await withCheckedContinuation { (started: CheckedContinuation<Void, Never>) in
                group.addTask {
                    started.resume()
                    await self.client.run()
                }
            }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    private func run<T: Sendable>(_ work: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await work()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(postgres: error, location: location)
        }
    }

    /// Runs `work` in a transaction, again on a deadlock or serialization failure (up to 5 times).
    private func transaction<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await client.withTransaction(logger: logger) { connection in try await work(connection) }
            } catch let error as PostgresTransactionError where attempt < 5 && Self.isRetryable(error.closureError ?? error.beginError ?? error.commitError) {
                logger.info("retrying transaction", metadata: ["attempt": "\(attempt)"])
                attempt += 1
            }
        }
    }

    private static func isRetryable(_ error: (any Error)?) -> Bool {
        guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    // MARK: - Migrations

    @discardableResult
    public func migrate() async throws(StoreError) -> [Int] {
        try await run {
            try await transaction { connection in
                // One migrator at a time across every server; released at commit.
                try await connection.query("SELECT pg_advisory_xact_lock(72365)", logger: self.logger)
                try await connection.query(PostgresQuery(unsafeSQL: Migrations.bookkeepingPostgres), logger: self.logger)
                var applied = Set<Int>()
                for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: self.logger).decode(Int.self) {
                    applied.insert(version)
                }
                try SQLiteStore.checkNotTooNew(applied)
                var done: [Int] = []
                for migration in Migrations.all where !applied.contains(migration.version) {
                    for statement in migration.postgres {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))", logger: self.logger)
                    done.append(migration.version)
                }
                return done
            }
        }
    }

    // MARK: - Recording

    /// A quarantine row: a refused file and how often it came in this batch.
    private struct QuarantinePayload: Encodable {
        var sha256: String
        var fileName: String?
        var size: Int
        var kind: String?
        var claimedId: String?
        var findingCodes: String
        var seen: String
        var attempts: Int
        var findingsJson: String
    }

    /// Rows as one JSON array with the column names as keys.
    private static func json<T: Encodable>(_ rows: [T]) throws -> String {
        try CompactJSONEncoder.encode(rows, snakeCaseKeys: true)
    }

    /// `FROM` the JSON rows in `$1` numbered `n`, joined with the arrays in `$2…` (same order): small
    /// columns travel as JSON, the large ones (bytes, documents) as binary arrays, never escaped.
    private static func recordset(_ columns: KeyValuePairs<String, String>, arrays: [(name: String, type: String)]) -> String {
        let typed = columns.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let names = columns.map(\.key).joined(separator: ", ")
        let arrayParameters = arrays.enumerated().map { "$\($0.offset + 2)::\($0.element.type)[]" }.joined(separator: ", ")
        let arrayNames = arrays.map(\.name).joined(separator: ", ")
        return """
            ROWS FROM (jsonb_to_recordset($1::text::jsonb) AS (\(typed))) WITH ORDINALITY AS x(\(names), n)
            JOIN unnest(\(arrayParameters)) WITH ORDINALITY AS b(\(arrayNames), n) ON b.n = x.n
            """
    }

    /// `INSERT INTO table (columns) SELECT columns FROM jsonb_to_recordset($1) AS x(column type, …) ORDER BY …`.
    private static func bulkInsert(_ table: String, _ columns: KeyValuePairs<String, String>, orderBy: String) -> String {
        let names = columns.map(\.key).joined(separator: ", ")
        let typed = columns.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(names)) SELECT \(names) FROM jsonb_to_recordset($1::text::jsonb) AS x(\(typed)) ORDER BY \(orderBy)"
    }

    private static let childInserts: [(table: String, sql: String)] = [
        ("item_results", bulkInsert("item_results", [
            "submission_id": "uuid", "code": "text", "category": "text", "result": "text", "deduction": "double precision", "note": "text",
        ], orderBy: "submission_id, code")),
        ("hazards", bulkInsert("hazards", [
            "submission_id": "uuid", "hazard_id": "text", "enterprise_key": "text", "origin": "text", "grade": "text", "nature": "text",
            "accident_type": "text", "checklist_item": "text", "category": "text", "location": "text", "description": "text",
            "found_date": "date", "deadline": "date", "responsible_person": "text",
        ], orderBy: "submission_id, hazard_id")),
        ("rectification_findings", bulkInsert("rectification_findings", [
            "submission_id": "uuid", "finding_id": "text", "hazard_submission_id": "uuid", "hazard_id": "text", "status": "text",
            "issued_date": "date", "plan_deadline": "date", "responsible_person": "text", "verifier": "text", "has_major_plan": "boolean",
        ], orderBy: "submission_id, finding_id")),
        ("verifications", bulkInsert("verifications", [
            "submission_id": "uuid", "ordinal": "integer", "finding_id": "text", "date": "date", "result": "text", "verifier": "text",
            "comment": "text",
        ], orderBy: "submission_id, ordinal")),
        ("violations", bulkInsert("violations", [
            "submission_id": "uuid", "ordinal": "integer", "type": "text", "count": "integer", "handled_on_site": "boolean",
            "description": "text",
        ], orderBy: "submission_id, ordinal")),
        ("activities", bulkInsert("activities", [
            "submission_id": "uuid", "ordinal": "integer", "code": "text", "date": "date", "participants": "integer", "title": "text",
        ], orderBy: "submission_id, ordinal")),
        ("accidents", bulkInsert("accidents", [
            "submission_id": "uuid", "accident_id": "text", "date": "date", "type": "text", "severity": "text", "level": "text",
            "persons": "integer", "description": "text",
        ], orderBy: "submission_id, accident_id")),
        ("notices", bulkInsert("notices", [
            "submission_id": "uuid", "enterprise_key": "text", "notice_no": "text", "kind": "text", "issued_date": "date",
            "reply_date": "date", "escalation_date": "date", "escalated_to": "text",
        ], orderBy: "submission_id")),
    ]

    private static let insertSubmissions = """
        INSERT INTO submissions (id, sha256, kind, schema_version, catalogue_version, profile_id, profile_version, score_total, grade,
            file_name, size, submitted_at, inspection_date, ingested_at, enterprise_key, enterprise_name, city, city_code,
            jurisdiction_level, jurisdiction_unit, jurisdiction_code, workshop, team, tier, industry, supersedes, warnings_json,
            score_json, raw)
        SELECT x.id, x.sha256, x.kind, x.schema_version, x.catalogue_version, x.profile_id, x.profile_version, x.score_total, x.grade,
            x.file_name, x.size, x.submitted_at, x.inspection_date, x.ingested_at, x.enterprise_key, x.enterprise_name, x.city,
            x.city_code, x.jurisdiction_level, x.jurisdiction_unit, x.jurisdiction_code, x.workshop, x.team, x.tier, x.industry, x.supersedes,
            x.warnings_json::jsonb, x.score_json::jsonb, b.raw
        FROM \(recordset([
            "id": "uuid", "sha256": "text", "kind": "text", "schema_version": "text", "catalogue_version": "text", "profile_id": "text",
            "profile_version": "text", "score_total": "double precision", "grade": "text", "file_name": "text", "size": "integer",
            "submitted_at": "timestamptz", "inspection_date": "date", "ingested_at": "timestamptz", "enterprise_key": "text",
            "enterprise_name": "text", "city": "text", "city_code": "text", "jurisdiction_level": "text", "jurisdiction_unit": "text",
            "jurisdiction_code": "text", "workshop": "text", "team": "text", "tier": "text", "industry": "text", "supersedes": "uuid",
            "warnings_json": "text", "score_json": "text",
        ], arrays: [("raw", "bytea")]))
        ORDER BY x.id
        ON CONFLICT (id) DO NOTHING
        RETURNING id, seq
        """

    private static let upsertEnterprises = """
        INSERT INTO enterprises (key, name, credit_code, org_code, reg_no, industry, city, city_code, jurisdiction_level,
            jurisdiction_unit, jurisdiction_code, above_scale, employees, as_of, last_submission_id)
        SELECT key, name, credit_code, org_code, reg_no, industry, city, city_code, jurisdiction_level,
            jurisdiction_unit, jurisdiction_code, above_scale, employees, as_of, last_submission_id
        FROM jsonb_to_recordset($1::text::jsonb) AS x(key text, name text, credit_code text, org_code text, reg_no text, industry text,
            city text, city_code text, jurisdiction_level text, jurisdiction_unit text, jurisdiction_code text, above_scale boolean,
            employees integer, as_of timestamptz, last_submission_id uuid)
        ORDER BY key
        ON CONFLICT (key) DO UPDATE SET name = excluded.name, credit_code = excluded.credit_code, org_code = excluded.org_code,
            reg_no = excluded.reg_no, industry = excluded.industry, city = excluded.city, city_code = excluded.city_code,
            jurisdiction_level = excluded.jurisdiction_level, jurisdiction_unit = excluded.jurisdiction_unit,
            jurisdiction_code = excluded.jurisdiction_code, above_scale = excluded.above_scale, employees = excluded.employees,
            as_of = excluded.as_of, last_submission_id = excluded.last_submission_id
        WHERE excluded.as_of > enterprises.as_of
           OR (excluded.as_of = enterprises.as_of AND excluded.last_submission_id::text > enterprises.last_submission_id::text)
        """

    private static let upsertQuarantine = """
        INSERT INTO quarantine (sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts,
            findings_json, raw)
        SELECT x.sha256, x.file_name, x.size, x.kind, x.claimed_id, x.finding_codes, x.seen, x.seen, x.attempts, x.findings_json::jsonb, b.raw
        FROM \(recordset([
            "sha256": "text", "file_name": "text", "size": "integer", "kind": "text", "claimed_id": "uuid", "finding_codes": "text",
            "seen": "timestamptz", "attempts": "integer", "findings_json": "text",
        ], arrays: [("raw", "bytea")]))
        ORDER BY x.sha256
        ON CONFLICT (sha256) DO UPDATE SET last_seen = excluded.last_seen, attempts = quarantine.attempts + excluded.attempts,
            finding_codes = excluded.finding_codes, findings_json = excluded.findings_json
        RETURNING sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts
        """

    private static let receiptColumns = "id, sha256, kind, enterprise_key, ingested_at, seq, supersedes, score_total, grade"

    /// The hazard keys `$1` (submission ids) and `$2` (hazard ids), as a relation `k(sid, hid)`.
    private static let hazardKeys = "SELECT sid::uuid, hid FROM unnest($1::text[], $2::text[]) AS k(sid, hid)"

    /// Recomputes the state of the hazards the submissions just written may change (``HazardState``). Each
    /// hazard is locked first (a transaction-scoped advisory lock, in key order), so two writers touching
    /// the same hazard recompute it one after the other, the second seeing the first's rows.
    private static func refreshHazardState(_ rows: [FactRows], connection: PostgresConnection, logger: Logger) async throws {
        var keys = Set(rows.flatMap(HazardState.keys(of:)))
        let superseded = rows.compactMap { $0.submission.supersedes.flatMap(UUID.init(uuidString:)) }
        if !superseded.isEmpty {
            let sql = HazardState.supersededKeys(.postgres).replacingOccurrences(of: "= $1", with: "= ANY($1::uuid[])")
            var binds = PostgresBindings()
            binds.append(superseded)
            for try await (id, hazard) in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                .decode((UUID, String).self) {
                keys.insert(HazardState.Key(submissionID: id.lowercased, hazardID: hazard))
            }
        }
        guard !keys.isEmpty else { return }
        let sorted = keys.sorted()
        func bindings() -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(sorted.map(\.submissionID))
            binds.append(sorted.map(\.hazardID))
            return binds
        }
        try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT pg_advisory_xact_lock(hashtext(sid || '/' || hid))
            FROM (SELECT sid, hid FROM unnest($1::text[], $2::text[]) AS k(sid, hid) ORDER BY sid, hid) ordered
            """, binds: bindings()), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: """
            DELETE FROM hazard_state WHERE (submission_id, hazard_id) IN (\(hazardKeys))
            """, binds: bindings()), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO hazard_state (\(HazardState.columns)) \(HazardState.select(.postgres, where: "(h.submission_id, h.hazard_id) IN (\(hazardKeys))"))
            """, binds: bindings()), logger: logger)
    }

    public func record(_ batch: [Intake], audit: @escaping @Sendable ([IngestOutcome]) -> [AuditEntry]) async throws(StoreError) -> [IngestOutcome] {
        let now = Timestamp.text(Date())
        // Flatten and encode outside the transaction; the first intake of each id is its candidate row.
        var rows: [Int: FactRows] = [:]
        var candidate: [UUID: Int] = [:]
        for (index, intake) in batch.enumerated() {
            guard case let .accepted(accepted) = intake else { continue }
            rows[index] = accepted.rows.ingested(at: now)
            if candidate[accepted.submission.id] == nil { candidate[accepted.submission.id] = index }
        }
        let candidates = candidate.values.sorted()
        let submissions: BulkRows
        do {
            submissions = BulkRows(
                json: try Self.json(candidates.map { rows[$0]!.submission }),
                bytes: candidates.map { index in
                    guard case let .accepted(accepted) = batch[index] else { preconditionFailure("a candidate is accepted") }
                    return ByteBuffer(bytes: accepted.bytes)
                })
        } catch {
            throw StoreError(.other, "cannot encode the batch: \(error)")
        }
        let frozenRows = rows
        let frozenCandidate = candidate
        let logger = logger
        let outcomes = try await run {
            try await transaction { connection in
                let outcomes = try await Self.write(batch, rows: frozenRows, candidate: frozenCandidate, submissions: submissions, now: now,
                                                    connection: connection, logger: logger)
                try await Self.append(audit(outcomes), connection: connection, logger: logger)
                return outcomes
            }
        }
        logger.debug("recorded batch", metadata: ["files": "\(batch.count)"])
        return outcomes
    }

    private static func write(
        _ batch: [Intake], rows: [Int: FactRows], candidate: [UUID: Int], submissions: BulkRows, now: String,
        connection: PostgresConnection, logger: Logger
    ) async throws -> [IngestOutcome] {
        var inserted: [UUID: Int64] = [:]
        if !candidate.isEmpty {
            var binds = PostgresBindings()
            binds.append(submissions.json)
            binds.append(submissions.bytes)
            let result = try await connection.query(PostgresQuery(unsafeSQL: insertSubmissions, binds: binds), logger: logger)
            for try await (id, seq) in result.decode((UUID, Int64).self) { inserted[id] = seq }
        }
        // Ids the constraint turned away: read what is stored under them (committed by now, or by this batch).
        var existing: [UUID: Receipt] = [:]
        let taken = candidate.keys.filter { inserted[$0] == nil }
        if !taken.isEmpty {
            let result = try await connection.query(
                "SELECT \(unescaped: receiptColumns) FROM submissions WHERE id = ANY(\(taken))", logger: logger)
            for try await row in result { let receipt = try Self.receipt(row); existing[receipt.submissionID] = receipt }
        }
        let insertedRows = rows.filter { index, row in
            guard let id = UUIDText.parse(row.submission.id) else { return false }
            return inserted[id] != nil && candidate[id] == index
        }.sorted { $0.key < $1.key }.map(\.value)
        if !insertedRows.isEmpty {
            for (table, sql) in childInserts {
                let json: String
                switch table {
                case "item_results": json = try Self.json(insertedRows.flatMap(\.items))
                case "hazards": json = try Self.json(insertedRows.flatMap(\.hazards))
                case "rectification_findings": json = try Self.json(insertedRows.flatMap(\.findings))
                case "verifications": json = try Self.json(insertedRows.flatMap(\.verifications))
                case "violations": json = try Self.json(insertedRows.flatMap(\.violations))
                case "activities": json = try Self.json(insertedRows.flatMap(\.activities))
                case "notices": json = try Self.json(insertedRows.flatMap(\.notices))
                default: json = try Self.json(insertedRows.flatMap(\.accidents))
                }
                guard json != "[]" else { continue }
                var binds = PostgresBindings()
                binds.append(json)
                try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            }
            // The latest identity per enterprise (one row per key: an upsert may touch a row only once).
            var latest: [String: EnterpriseRow] = [:]
            for row in insertedRows.map(\.enterprise) {
                if let current = latest[row.key], (current.asOf, current.lastSubmissionId) >= (row.asOf, row.lastSubmissionId) { continue }
                latest[row.key] = row
            }
            var binds = PostgresBindings()
            binds.append(try Self.json(latest.values.sorted { $0.key < $1.key }))
            try await connection.query(PostgresQuery(unsafeSQL: upsertEnterprises, binds: binds), logger: logger)
            try await refreshHazardState(insertedRows, connection: connection, logger: logger)
        }

        // Classify every intake; refused bytes (rejections and conflicts) go to the quarantine.
        enum Pending {
            case done(IngestOutcome)
            case quarantined(String)
            case conflict(Conflict)
        }
        var pending: [Pending] = []
        var refused: [String: (row: QuarantinePayload, bytes: [UInt8])] = [:]
        func refuse(_ file: RejectedFile) {
            if var known = refused[file.sha256] {
                known.row.attempts += 1
                refused[file.sha256] = known
                return
            }
            refused[file.sha256] = (QuarantinePayload(
                sha256: file.sha256, fileName: file.fileName, size: file.bytes.count, kind: file.kind?.rawValue,
                claimedId: file.claimedID?.lowercased, findingCodes: file.findingCodes.joined(separator: " "), seen: now, attempts: 1,
                findingsJson: file.findingsJSON), file.bytes)
        }
        for (index, intake) in batch.enumerated() {
            switch intake {
            case let .rejected(file):
                refuse(file)
                pending.append(.quarantined(file.sha256))
            case let .accepted(accepted):
                let id = accepted.submission.id
                let stored: Receipt
                if let seq = inserted[id], let first = candidate[id], let row = rows[first]?.submission {
                    stored = Receipt(
                        submissionID: id, sha256: row.sha256, kind: accepted.submission.kind, enterpriseKey: row.enterpriseKey,
                        ingestedAt: Timestamp.date(now)!, sequence: seq, supersedes: accepted.submission.supersedes,
                        scoreTotal: row.scoreTotal, grade: row.grade)
                    if first == index {
                        pending.append(.done(.accepted(stored)))
                        continue
                    }
                } else if let receipt = existing[id] {
                    stored = receipt
                } else {
                    throw StoreError(.other, "submission \(id.lowercased) neither inserted nor found")
                }
                if stored.sha256 == accepted.sha256 {
                    pending.append(.done(.duplicate(stored)))
                } else {
                    let conflict = Conflict(submissionID: id, storedSHA256: stored.sha256, offeredSHA256: accepted.sha256)
                    refuse(RejectedFile(conflict: conflict, rows: rows[index]!, bytes: accepted.bytes))
                    pending.append(.conflict(conflict))
                }
            }
        }
        var entries: [String: QuarantineEntry] = [:]
        if !refused.isEmpty {
            let sorted = refused.values.sorted { $0.row.sha256 < $1.row.sha256 }
            var binds = PostgresBindings()
            binds.append(try Self.json(sorted.map(\.row)))
            binds.append(sorted.map { ByteBuffer(bytes: $0.bytes) })
            let result = try await connection.query(PostgresQuery(unsafeSQL: upsertQuarantine, binds: binds), logger: logger)
            for try await row in result { let entry = try Self.quarantineEntry(row); entries[entry.sha256] = entry }
        }
        return try pending.map { item in
            switch item {
            case let .done(outcome): return outcome
            case let .conflict(conflict): return .conflict(conflict)
            case let .quarantined(sha256):
                guard let entry = entries[sha256] else { throw StoreError(.other, "quarantine entry \(sha256) missing after upsert") }
                return .rejected(entry)
            }
        }
    }

    /// A table's rows for one statement: JSON for the small columns, arrays for the large ones.
    private struct BulkRows: Sendable {
        var json: String
        var bytes: [ByteBuffer]
    }

    // MARK: - Reading

    public func receipt(for id: UUID) async throws(StoreError) -> Receipt? {
        try await run {
            let rows = try await client.query("SELECT \(unescaped: Self.receiptColumns) FROM submissions WHERE id = \(id)", logger: logger)
            for try await row in rows { return try Self.receipt(row) }
            return nil
        }
    }

    public func originalBytes(of id: UUID) async throws(StoreError) -> [UInt8]? {
        try await run {
            let rows = try await client.query("SELECT raw FROM submissions WHERE id = \(id)", logger: logger)
            for try await buffer in rows.decode(ByteBuffer.self) { return Array(buffer.readableBytesView) }
            return nil
        }
    }

    public func submissions(_ query: SubmissionQuery) async throws(StoreError) -> [SubmissionSummary] {
        try await run {
            var conditions: [String] = []
            var binds = PostgresBindings()
            func bind(_ condition: String, _ value: String) {
                binds.append(value)
                conditions.append(condition.replacingOccurrences(of: "?", with: "$\(binds.count)"))
            }
            if let key = query.enterpriseKey { bind("s.enterprise_key = ?", key) }
            if let unit = query.jurisdictionUnit { bind("s.jurisdiction_unit = ?", unit) }
            if let kind = query.kind { bind("s.kind = ?", kind.rawValue) }
            if let from = query.from { bind("s.inspection_date >= ?::date", from.isoString) }
            if let to = query.to { bind("s.inspection_date <= ?::date", to.isoString) }
            if !query.includeSuperseded { conditions.append("NOT EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)") }
            binds.append(query.limit)
            let sql = """
                SELECT s.id, s.sha256, s.kind, s.enterprise_key, s.ingested_at, s.seq, s.supersedes, s.score_total, s.grade,
                       s.inspection_date::text, s.enterprise_name, s.jurisdiction_unit,
                       (SELECT c.id FROM submissions c WHERE c.supersedes = s.id ORDER BY c.seq LIMIT 1) AS superseded_by
                FROM submissions s
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY s.inspection_date DESC, s.seq DESC
                LIMIT $\(binds.count)
                """
            var summaries: [SubmissionSummary] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
                let columns = row.makeRandomAccess()
                summaries.append(SubmissionSummary(
                    receipt: try Self.receipt(row), inspectionDate: try Self.civilDate(columns[9].decode(String.self)),
                    enterpriseName: try columns[10].decode(String.self), jurisdictionUnit: try columns[11].decode(String.self),
                    supersededBy: try columns[12].decode(UUID?.self)))
            }
            return summaries
        }
    }

    public func hazards(_ query: HazardQuery) async throws(StoreError) -> [HazardRecord] {
        try await run {
            var conditions: [String] = []
            var binds = PostgresBindings()
            if let key = query.enterpriseKey {
                binds.append(key)
                conditions.append("st.enterprise_key = $\(binds.count)")
            }
            if let from = query.from {
                binds.append(from.isoString)
                conditions.append("st.found_date >= $\(binds.count)::date")
            }
            if let to = query.to {
                binds.append(to.isoString)
                conditions.append("st.found_date <= $\(binds.count)::date")
            }
            let sql = """
                SELECT st.submission_id, st.hazard_id, st.enterprise_key, h.grade, h.nature, h.accident_type, h.checklist_item, h.category,
                       h.location, h.description, st.found_date::text, st.deadline::text, st.responsible_person, st.status, st.closed_date::text,
                       st.latest_rectification
                FROM hazard_state st JOIN hazards h ON h.submission_id = st.submission_id AND h.hazard_id = st.hazard_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY st.found_date, st.submission_id::text, st.hazard_id
                """
            var records: [HazardRecord] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
                let c = row.makeRandomAccess()
                records.append(HazardRecord(
                    submissionID: try c[0].decode(UUID.self), hazardID: try c[1].decode(String.self),
                    enterpriseKey: try c[2].decode(String.self), grade: try Self.value(c[3].decode(String.self)),
                    nature: try Self.value(c[4].decode(String.self)), accidentType: try Self.value(c[5].decode(String.self)),
                    checklistItem: try c[6].decode(String?.self), category: try c[7].decode(String?.self),
                    location: try c[8].decode(String.self), description: try c[9].decode(String.self),
                    foundOn: try Self.civilDate(c[10].decode(String.self)), deadline: try c[11].decode(String?.self).flatMap(CivilDate.init(iso:)),
                    responsiblePerson: try c[12].decode(String?.self), status: try Self.value(c[13].decode(String.self)),
                    closedOn: try c[14].decode(String?.self).flatMap(CivilDate.init(iso:)), latestRectification: try c[15].decode(UUID?.self)))
            }
            return records
        }
    }

    // MARK: - Accounts and audit

    public func addUser(_ account: UserAccount, tokenHash: String) async throws(StoreError) {
        let logger = logger
        try await run {
            try await transaction { connection in
                let taken = try await connection.query("SELECT COUNT(*) FROM users WHERE name = \(account.name)", logger: logger)
                for try await count in taken.decode(Int.self) where count > 0 { throw StoreError(.other, "user \(account.name) already exists") }
                let jurisdiction = account.jurisdiction.joined(separator: "/")
                try await connection.query("""
                    INSERT INTO users (name, role, jurisdiction, created_at) VALUES (\(account.name), \(account.role.rawValue), \(jurisdiction), \(account.createdAt))
                    """, logger: logger)
                try await connection.query("""
                    INSERT INTO api_tokens (token_hash, user_name, created_at) VALUES (\(tokenHash), \(account.name), \(account.createdAt))
                    """, logger: logger)
            }
        }
    }

    public func users() async throws(StoreError) -> [UserAccount] {
        try await run {
            var accounts: [UserAccount] = []
            let rows = try await client.query("SELECT name, role, jurisdiction, created_at, revoked_at FROM users ORDER BY name", logger: logger)
            for try await row in rows.decode((String, String, String, Date, Date?).self) { accounts.append(try Self.account(row)) }
            return accounts
        }
    }

    public func revokeUser(named name: String, at date: Date) async throws(StoreError) -> Bool {
        try await run {
            let rows = try await client.query(
                "UPDATE users SET revoked_at = \(date) WHERE name = \(name) AND revoked_at IS NULL RETURNING name", logger: logger)
            var revoked = false
            for try await _ in rows.decode(String.self) { revoked = true }
            return revoked
        }
    }

    public func user(tokenHash: String) async throws(StoreError) -> UserAccount? {
        try await run {
            let rows = try await client.query("""
                SELECT u.name, u.role, u.jurisdiction, u.created_at, u.revoked_at FROM api_tokens t JOIN users u ON u.name = t.user_name
                WHERE t.token_hash = \(tokenHash) AND u.revoked_at IS NULL
                """, logger: logger)
            for try await row in rows.decode((String, String, String, Date, Date?).self) { return try Self.account(row) }
            return nil
        }
    }

    public func setPassword(user name: String, hash: String?) async throws(StoreError) -> Bool {
        let logger = logger
        return try await run {
            try await transaction { connection in
                let rows = try await connection.query(
                    "UPDATE users SET password_hash = \(hash) WHERE name = \(name) AND revoked_at IS NULL RETURNING name", logger: logger)
                var updated = false
                for try await _ in rows.decode(String.self) { updated = true }
                guard updated else { return false }
                // A new password signs every browser of the user out.
                try await connection.query("DELETE FROM sessions WHERE user_name = \(name)", logger: logger)
                return true
            }
        }
    }

    public func credentials(user name: String) async throws(StoreError) -> Credentials? {
        try await run {
            let rows = try await client.query("""
                SELECT name, role, jurisdiction, created_at, revoked_at, password_hash FROM users WHERE name = \(name) AND revoked_at IS NULL
                """, logger: logger)
            for try await row in rows.decode((String, String, String, Date, Date?, String?).self) {
                return Credentials(account: try Self.account((row.0, row.1, row.2, row.3, row.4)), passwordHash: row.5)
            }
            return nil
        }
    }

    public func openSession(_ session: WebSession) async throws(StoreError) {
        _ = try await run {
            try await client.query("DELETE FROM sessions WHERE expires_at < \(session.createdAt)", logger: logger)
            try await client.query("""
                INSERT INTO sessions (token_hash, user_name, created_at, expires_at)
                VALUES (\(session.tokenHash), \(session.userName), \(session.createdAt), \(session.expiresAt))
                """, logger: logger)
        }
    }

    public func user(sessionHash: String, at date: Date) async throws(StoreError) -> UserAccount? {
        try await run {
            let rows = try await client.query("""
                SELECT u.name, u.role, u.jurisdiction, u.created_at, u.revoked_at FROM sessions s JOIN users u ON u.name = s.user_name
                WHERE s.token_hash = \(sessionHash) AND s.expires_at > \(date) AND u.revoked_at IS NULL
                """, logger: logger)
            for try await row in rows.decode((String, String, String, Date, Date?).self) { return try Self.account(row) }
            return nil
        }
    }

    public func closeSession(tokenHash: String) async throws(StoreError) {
        _ = try await run {
            try await client.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func audit(_ entries: [AuditEntry]) async throws(StoreError) {
        guard !entries.isEmpty else { return }
        let logger = logger
        try await run {
            try await client.withConnection { connection in try await Self.append(entries, connection: connection, logger: logger) }
        }
    }

    private static func append(_ entries: [AuditEntry], connection: PostgresConnection, logger: Logger) async throws {
        guard !entries.isEmpty else { return }
        try await connection.query("""
            INSERT INTO audit_log (at, user_name, action, subject, detail)
            SELECT at, NULLIF(user_name, ''), action, subject, detail
            FROM unnest(\(entries.map(\.at))::timestamptz[], \(entries.map { $0.user ?? "" })::text[], \(entries.map(\.action))::text[],
                        \(entries.map(\.subject))::text[], \(entries.map(\.detail))::text[]) AS x(at, user_name, action, subject, detail)
            """, logger: logger)
    }

    public func auditLog(limit: Int) async throws(StoreError) -> [AuditEntry] {
        try await run {
            var entries: [AuditEntry] = []
            let rows = try await client.query(
                "SELECT at, user_name, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT \(limit)", logger: logger)
            for try await (at, user, action, subject, detail) in rows.decode((Date, String?, String, String, String).self) {
                entries.append(AuditEntry(at: Timestamp.normalized(at), user: user, action: action, subject: subject, detail: detail))
            }
            return entries
        }
    }

    private static func account(_ row: (String, String, String, Date, Date?)) throws -> UserAccount {
        guard let role = UserRole(rawValue: row.1) else { throw StoreError(.corrupt, "unknown role \(row.1)") }
        return UserAccount(name: row.0, role: role, jurisdiction: row.2.split(separator: "/").map(String.init),
                           createdAt: Timestamp.normalized(row.3), revokedAt: row.4.map(Timestamp.normalized))
    }

    public func reportFacts(_ scope: ReportScope) async throws(StoreError) -> ReportFacts {
        try await run {
            try await ReportQueries(scope: scope, dialect: .postgres).facts(from: Reader(client: client, logger: logger))
        }
    }

    /// Runs report queries on the pool, decoding rows as they stream in.
    private struct Reader: ReportRowReader {
        let client: PostgresClient
        let logger: Logger

        func read<Fact: Sendable>(_ query: ReportQuery<Fact>) async throws -> [Fact] {
            var binds = PostgresBindings()
            for argument in query.arguments { binds.append(argument) }
            var facts: [Fact] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: query.sql, binds: binds), logger: logger) {
                facts.append(try query.decode(row.map { try $0.decode(String?.self) }))
            }
            return facts
        }
    }

    public func quarantine(limit: Int, rejectedFor user: String?) async throws(StoreError) -> [QuarantineEntry] {
        try await run {
            var binds = PostgresBindings()
            binds.append(user)
            binds.append(limit)
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts
                FROM quarantine q WHERE \(QuarantineSQL.refusedTo("$1"))
                ORDER BY last_seen DESC, sha256 LIMIT $2
                """, binds: binds), logger: logger)
            var entries: [QuarantineEntry] = []
            for try await row in rows { entries.append(try Self.quarantineEntry(row)) }
            return entries
        }
    }

    public func quarantinedFile(sha256: String, rejectedFor user: String?) async throws(StoreError) -> (entry: QuarantineEntry, findingsJSON: String)? {
        try await run {
            var binds = PostgresBindings()
            binds.append(user)
            binds.append(sha256)
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT sha256, file_name, size, kind, claimed_id, finding_codes, first_seen, last_seen, attempts, findings_json::text
                FROM quarantine q WHERE sha256 = $2 AND \(QuarantineSQL.refusedTo("$1"))
                """, binds: binds), logger: logger)
            for try await c in rows.decode((String, String?, Int, String?, UUID?, String, Date, Date, Int, String).self) {
                return (Self.quarantineEntry((c.0, c.1, c.2, c.3, c.4, c.5, c.6, c.7, c.8)), c.9)
            }
            return nil
        }
    }

    public func stats() async throws(StoreError) -> StoreStats {
        try await run {
            var tables: [TableCount] = []
            for table in Migrations.countedTables {
                let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)"), logger: logger)
                for try await count in rows.decode(Int.self) { tables.append(TableCount(table: table, rows: count)) }
            }
            var superseded = 0
            for try await count in try await client.query(
                "SELECT COUNT(*) FROM submissions s WHERE EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)", logger: logger
            ).decode(Int.self) { superseded = count }
            var byStatus: [String: Int] = [:]
            for try await (status, count) in try await client.query(
                "SELECT status, COUNT(*) FROM hazard_state GROUP BY status", logger: logger
            ).decode((String, Int).self) { byStatus[status] = count }
            var version = 0
            for try await latest in try await client.query("SELECT MAX(version) FROM schema_migrations", logger: logger).decode(Int?.self) {
                version = latest ?? 0
            }
            return StoreStats(tables: tables, supersededSubmissions: superseded, hazardsByStatus: byStatus, schemaVersion: version)
        }
    }

    /// PostgreSQL checks its own pages; this checks what only the log knows: every stored file still
    /// hashes to its recorded SHA-256, and every child row has its submission.
    public func integrityCheck() async throws(StoreError) -> [String] {
        try await run {
            var problems: [String] = []
            for try await id in try await client.query(
                "SELECT id FROM submissions WHERE encode(sha256(raw), 'hex') <> sha256", logger: logger
            ).decode(UUID.self) {
                problems.append("submission \(id.lowercased): stored bytes do not match their sha256")
            }
            for try await sha in try await client.query(
                "SELECT sha256 FROM quarantine WHERE encode(sha256(raw), 'hex') <> sha256", logger: logger
            ).decode(String.self) {
                problems.append("quarantine \(sha): stored bytes do not match their sha256")
            }
            for try await (id, hazard) in try await client.query(PostgresQuery(unsafeSQL: HazardState.staleRows(.postgres)), logger: logger)
                .decode((UUID, String).self) {
                problems.append("hazard_state: \(id.lowercased)/\(hazard) differs from the hazard_status view")
            }
            return problems
        }
    }

    // MARK: - Row decoding

    private static func receipt(_ row: PostgresRow) throws -> Receipt {
        let (id, sha256, kind, enterprise, ingestedAt, seq, supersedes, total, grade) = try row.decode(
            (UUID, String, String, String, Date, Int64, UUID?, Double?, String?).self)
        return Receipt(
            submissionID: id, sha256: sha256, kind: try value(kind), enterpriseKey: enterprise, ingestedAt: Timestamp.normalized(ingestedAt), sequence: seq,
            supersedes: supersedes, scoreTotal: total, grade: grade)
    }

    private static func quarantineEntry(_ row: PostgresRow) throws -> QuarantineEntry {
        quarantineEntry(try row.decode((String, String?, Int, String?, UUID?, String, Date, Date, Int).self))
    }

    private static func quarantineEntry(_ columns: (String, String?, Int, String?, UUID?, String, Date, Date, Int)) -> QuarantineEntry {
        let (sha256, fileName, size, kind, claimed, codes, firstSeen, lastSeen, attempts) = columns
        return QuarantineEntry(
            sha256: sha256, fileName: fileName, size: size, kind: kind.flatMap(DocumentKind.init(rawValue:)), claimedID: claimed,
            findingCodes: codes.split(separator: " ").map(String.init), firstSeen: Timestamp.normalized(firstSeen),
            lastSeen: Timestamp.normalized(lastSeen), attempts: attempts)
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
    /// Classifies a postgres-nio error by its SQLSTATE, or as a connection failure.
    init(postgres error: any Error, location: PostgresLocation) {
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                self.init(postgres: inner, location: location)
                return
            }
        }
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? PSQLError else {
            self.init(.unavailable, "\(location): \(error)")
            return
        }
        let message = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
        let detail = "\(location): \(message)"
        switch error.serverInfo?[.sqlState] {
        case "25006"?: self.init(.readOnly, detail)
        case "53100"?, "53200"?, "54000"?: self.init(.full, detail)
        case let state? where state.hasPrefix("08") || state.hasPrefix("28") || state == "3D000" || state.hasPrefix("57P"):
            self.init(.unavailable, detail)
        case nil where error.code == .connectionError || error.code == .serverClosedConnection || error.code == .uncleanShutdown:
            self.init(.unavailable, detail)
        default: self.init(.other, detail)
        }
    }
}
