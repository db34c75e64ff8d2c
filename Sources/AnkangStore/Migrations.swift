/// One versioned schema change, written once per database dialect.
///
/// The logical schema is the same in both: `submissions` (one row per accepted submission, the id unique
/// by constraint, the original bytes verbatim with their SHA-256, the model and the score as JSON),
/// the facts reports read (`enterprises`, `item_results`, `hazards`, `rectification_findings`,
/// `verifications`, `violations`, `activities`, `accidents`), the `quarantine` of refused files, and
/// two views that derive state at read time, so no write ever has to read first: `current_submissions`
/// (those no correction supersedes) and `hazard_status` (each hazard's status from its latest notice).
struct Migration: Sendable {
    /// Increasing from 1; recorded in `schema_migrations` when applied.
    let version: Int
    /// What it does.
    let name: String
    /// The SQLite statements.
    let sqlite: [String]
    /// The PostgreSQL statements.
    let postgres: [String]
}

enum Migrations {
    /// Every migration, in order. Append; never edit one that has shipped.
    static let all: [Migration] = [initialSchema, reportFacts, hazardState, accounts, webLogin, hazardFacts, assessmentScores, dropStoredModel,
                                    dropUnusedHazardIndexes]

    /// The latest version this program knows.
    static var latest: Int { all.last?.version ?? 0 }

    /// The bookkeeping table, created before anything else.
    static let bookkeepingSQLite = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """
    static let bookkeepingPostgres = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
        """

    /// The tables whose rows `stats()` counts, in schema order.
    static let countedTables = [
        "submissions", "enterprises", "item_results", "hazards", "rectification_findings", "verifications", "violations",
        "activities", "accidents", "notices", "quarantine",
    ]

    static let initialSchema = Migration(
        version: 1, name: "inspection log",
        sqlite: [
            """
            CREATE TABLE submissions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                sha256 TEXT NOT NULL,
                kind TEXT NOT NULL,
                schema_version TEXT NOT NULL,
                catalogue_version TEXT NOT NULL,
                profile_id TEXT,
                profile_version TEXT,
                score_total REAL,
                grade TEXT,
                file_name TEXT,
                size INTEGER NOT NULL,
                submitted_at TEXT NOT NULL,
                inspection_date TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                enterprise_key TEXT NOT NULL,
                enterprise_name TEXT NOT NULL,
                city TEXT NOT NULL,
                city_code TEXT,
                jurisdiction_level TEXT NOT NULL,
                jurisdiction_unit TEXT NOT NULL,
                jurisdiction_code TEXT,
                workshop TEXT,
                team TEXT,
                industry TEXT NOT NULL,
                supersedes TEXT,
                warnings_json TEXT NOT NULL,
                score_json TEXT,
                model_json TEXT NOT NULL,
                raw BLOB NOT NULL)
            """,
            "CREATE INDEX submissions_enterprise ON submissions(enterprise_key, inspection_date)",
            "CREATE INDEX submissions_inspection_date ON submissions(inspection_date)",
            "CREATE INDEX submissions_jurisdiction ON submissions(jurisdiction_unit, inspection_date)",
            "CREATE INDEX submissions_supersedes ON submissions(supersedes) WHERE supersedes IS NOT NULL",
            """
            CREATE TABLE enterprises (
                key TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                credit_code TEXT,
                org_code TEXT,
                reg_no TEXT,
                industry TEXT NOT NULL,
                city TEXT NOT NULL,
                city_code TEXT,
                jurisdiction_level TEXT NOT NULL,
                jurisdiction_unit TEXT NOT NULL,
                jurisdiction_code TEXT,
                above_scale INTEGER NOT NULL,
                employees INTEGER NOT NULL,
                as_of TEXT NOT NULL,
                last_submission_id TEXT NOT NULL)
            """,
            "CREATE INDEX enterprises_jurisdiction ON enterprises(jurisdiction_unit)",
            """
            CREATE TABLE item_results (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                code TEXT NOT NULL,
                category TEXT NOT NULL,
                result TEXT NOT NULL,
                deduction REAL NOT NULL,
                note TEXT,
                PRIMARY KEY (submission_id, code))
            """,
            """
            CREATE TABLE hazards (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                hazard_id TEXT NOT NULL,
                enterprise_key TEXT NOT NULL,
                origin TEXT NOT NULL,
                grade TEXT NOT NULL,
                nature TEXT NOT NULL,
                accident_type TEXT NOT NULL,
                checklist_item TEXT,
                category TEXT,
                location TEXT NOT NULL,
                description TEXT NOT NULL,
                found_date TEXT NOT NULL,
                deadline TEXT,
                responsible_person TEXT,
                PRIMARY KEY (submission_id, hazard_id))
            """,
            "CREATE INDEX hazards_enterprise ON hazards(enterprise_key, found_date)",
            "CREATE INDEX hazards_found_date ON hazards(found_date)",
            """
            CREATE TABLE rectification_findings (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                finding_id TEXT NOT NULL,
                hazard_submission_id TEXT NOT NULL,
                hazard_id TEXT NOT NULL,
                status TEXT NOT NULL,
                issued_date TEXT NOT NULL,
                plan_deadline TEXT NOT NULL,
                responsible_person TEXT NOT NULL,
                verifier TEXT NOT NULL,
                has_major_plan INTEGER NOT NULL,
                PRIMARY KEY (submission_id, finding_id))
            """,
            "CREATE INDEX rectification_findings_hazard ON rectification_findings(hazard_submission_id, hazard_id, issued_date)",
            """
            CREATE TABLE verifications (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                ordinal INTEGER NOT NULL,
                finding_id TEXT NOT NULL,
                date TEXT NOT NULL,
                result TEXT NOT NULL,
                verifier TEXT NOT NULL,
                comment TEXT,
                PRIMARY KEY (submission_id, ordinal))
            """,
            "CREATE INDEX verifications_finding ON verifications(submission_id, finding_id)",
            """
            CREATE TABLE violations (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                ordinal INTEGER NOT NULL,
                type TEXT NOT NULL,
                count INTEGER NOT NULL,
                handled_on_site INTEGER NOT NULL,
                description TEXT NOT NULL,
                PRIMARY KEY (submission_id, ordinal))
            """,
            """
            CREATE TABLE activities (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                ordinal INTEGER NOT NULL,
                code TEXT NOT NULL,
                date TEXT NOT NULL,
                participants INTEGER NOT NULL,
                title TEXT,
                PRIMARY KEY (submission_id, ordinal))
            """,
            """
            CREATE TABLE accidents (
                submission_id TEXT NOT NULL REFERENCES submissions(id),
                accident_id TEXT NOT NULL,
                date TEXT NOT NULL,
                type TEXT NOT NULL,
                severity TEXT NOT NULL,
                level TEXT NOT NULL,
                persons INTEGER NOT NULL,
                description TEXT NOT NULL,
                PRIMARY KEY (submission_id, accident_id))
            """,
            """
            CREATE TABLE quarantine (
                sha256 TEXT PRIMARY KEY,
                file_name TEXT,
                size INTEGER NOT NULL,
                kind TEXT,
                claimed_id TEXT,
                finding_codes TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                findings_json TEXT NOT NULL,
                raw BLOB NOT NULL)
            """,
            "CREATE INDEX quarantine_last_seen ON quarantine(last_seen)",
            currentSubmissionsView,
            """
            CREATE VIEW hazard_status AS
            SELECT h.submission_id, h.hazard_id, h.enterprise_key, h.origin, h.grade, h.nature, h.accident_type, h.checklist_item,
                   h.category, h.location, h.description, h.found_date,
                   COALESCE(f.plan_deadline, h.deadline) AS deadline,
                   COALESCE(f.responsible_person, h.responsible_person) AS responsible_person,
                   CASE WHEN h.closed_date IS NOT NULL THEN 'closed' ELSE COALESCE(f.status, 'open') END AS status,
                   h.closed_date,
                   f.submission_id AS latest_rectification
            FROM (
                SELECT hz.*,
                    (SELECT lf.rowid FROM rectification_findings lf JOIN submissions ls ON ls.id = lf.submission_id
                     WHERE lf.hazard_submission_id = hz.submission_id AND lf.hazard_id = hz.hazard_id
                       AND NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = lf.submission_id)
                     ORDER BY lf.issued_date DESC, ls.seq DESC, lf.finding_id DESC LIMIT 1) AS latest_finding,
                    (SELECT MIN(v.date) FROM rectification_findings vf
                     JOIN verifications v ON v.submission_id = vf.submission_id AND v.finding_id = vf.finding_id
                     WHERE vf.hazard_submission_id = hz.submission_id AND vf.hazard_id = hz.hazard_id AND v.result = 'passed'
                       AND NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = vf.submission_id)) AS closed_date
                FROM hazards hz
                WHERE NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = hz.submission_id)
            ) h
            LEFT JOIN rectification_findings f ON f.rowid = h.latest_finding
            """,
        ],
        postgres: [
            """
            CREATE TABLE submissions (
                id uuid PRIMARY KEY,
                seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                sha256 text NOT NULL,
                kind text NOT NULL,
                schema_version text NOT NULL,
                catalogue_version text NOT NULL,
                profile_id text,
                profile_version text,
                score_total double precision,
                grade text,
                file_name text,
                size integer NOT NULL,
                submitted_at timestamptz NOT NULL,
                inspection_date date NOT NULL,
                ingested_at timestamptz NOT NULL,
                enterprise_key text NOT NULL,
                enterprise_name text NOT NULL,
                city text NOT NULL,
                city_code text,
                jurisdiction_level text NOT NULL,
                jurisdiction_unit text NOT NULL,
                jurisdiction_code text,
                workshop text,
                team text,
                industry text NOT NULL,
                supersedes uuid,
                warnings_json jsonb NOT NULL,
                score_json jsonb,
                model_json jsonb NOT NULL,
                raw bytea NOT NULL)
            """,
            "CREATE INDEX submissions_enterprise ON submissions(enterprise_key, inspection_date)",
            "CREATE INDEX submissions_inspection_date ON submissions(inspection_date)",
            "CREATE INDEX submissions_jurisdiction ON submissions(jurisdiction_unit, inspection_date)",
            "CREATE INDEX submissions_supersedes ON submissions(supersedes) WHERE supersedes IS NOT NULL",
            """
            CREATE TABLE enterprises (
                key text PRIMARY KEY,
                name text NOT NULL,
                credit_code text,
                org_code text,
                reg_no text,
                industry text NOT NULL,
                city text NOT NULL,
                city_code text,
                jurisdiction_level text NOT NULL,
                jurisdiction_unit text NOT NULL,
                jurisdiction_code text,
                above_scale boolean NOT NULL,
                employees integer NOT NULL,
                as_of timestamptz NOT NULL,
                last_submission_id uuid NOT NULL)
            """,
            "CREATE INDEX enterprises_jurisdiction ON enterprises(jurisdiction_unit)",
            """
            CREATE TABLE item_results (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                code text NOT NULL,
                category text NOT NULL,
                result text NOT NULL,
                deduction double precision NOT NULL,
                note text,
                PRIMARY KEY (submission_id, code))
            """,
            """
            CREATE TABLE hazards (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                hazard_id text NOT NULL,
                enterprise_key text NOT NULL,
                origin text NOT NULL,
                grade text NOT NULL,
                nature text NOT NULL,
                accident_type text NOT NULL,
                checklist_item text,
                category text,
                location text NOT NULL,
                description text NOT NULL,
                found_date date NOT NULL,
                deadline date,
                responsible_person text,
                PRIMARY KEY (submission_id, hazard_id))
            """,
            "CREATE INDEX hazards_enterprise ON hazards(enterprise_key, found_date)",
            "CREATE INDEX hazards_found_date ON hazards(found_date)",
            """
            CREATE TABLE rectification_findings (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                finding_id text NOT NULL,
                hazard_submission_id uuid NOT NULL,
                hazard_id text NOT NULL,
                status text NOT NULL,
                issued_date date NOT NULL,
                plan_deadline date NOT NULL,
                responsible_person text NOT NULL,
                verifier text NOT NULL,
                has_major_plan boolean NOT NULL,
                PRIMARY KEY (submission_id, finding_id))
            """,
            "CREATE INDEX rectification_findings_hazard ON rectification_findings(hazard_submission_id, hazard_id, issued_date)",
            """
            CREATE TABLE verifications (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                ordinal integer NOT NULL,
                finding_id text NOT NULL,
                date date NOT NULL,
                result text NOT NULL,
                verifier text NOT NULL,
                comment text,
                PRIMARY KEY (submission_id, ordinal))
            """,
            "CREATE INDEX verifications_finding ON verifications(submission_id, finding_id)",
            """
            CREATE TABLE violations (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                ordinal integer NOT NULL,
                type text NOT NULL,
                count integer NOT NULL,
                handled_on_site boolean NOT NULL,
                description text NOT NULL,
                PRIMARY KEY (submission_id, ordinal))
            """,
            """
            CREATE TABLE activities (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                ordinal integer NOT NULL,
                code text NOT NULL,
                date date NOT NULL,
                participants integer NOT NULL,
                title text,
                PRIMARY KEY (submission_id, ordinal))
            """,
            """
            CREATE TABLE accidents (
                submission_id uuid NOT NULL REFERENCES submissions(id),
                accident_id text NOT NULL,
                date date NOT NULL,
                type text NOT NULL,
                severity text NOT NULL,
                level text NOT NULL,
                persons integer NOT NULL,
                description text NOT NULL,
                PRIMARY KEY (submission_id, accident_id))
            """,
            """
            CREATE TABLE quarantine (
                sha256 text PRIMARY KEY,
                file_name text,
                size integer NOT NULL,
                kind text,
                claimed_id uuid,
                finding_codes text NOT NULL,
                first_seen timestamptz NOT NULL,
                last_seen timestamptz NOT NULL,
                attempts integer NOT NULL,
                findings_json jsonb NOT NULL,
                raw bytea NOT NULL)
            """,
            "CREATE INDEX quarantine_last_seen ON quarantine(last_seen)",
            currentSubmissionsView,
            """
            CREATE VIEW hazard_status AS
            SELECT h.submission_id, h.hazard_id, h.enterprise_key, h.origin, h.grade, h.nature, h.accident_type, h.checklist_item,
                   h.category, h.location, h.description, h.found_date,
                   COALESCE(f.plan_deadline, h.deadline) AS deadline,
                   COALESCE(f.responsible_person, h.responsible_person) AS responsible_person,
                   CASE WHEN c.closed_date IS NOT NULL THEN 'closed' ELSE COALESCE(f.status, 'open') END AS status,
                   c.closed_date,
                   f.submission_id AS latest_rectification
            FROM hazards h
            LEFT JOIN LATERAL (
                SELECT lf.* FROM rectification_findings lf JOIN submissions ls ON ls.id = lf.submission_id
                WHERE lf.hazard_submission_id = h.submission_id AND lf.hazard_id = h.hazard_id
                  AND NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = lf.submission_id)
                ORDER BY lf.issued_date DESC, ls.seq DESC, lf.finding_id DESC LIMIT 1) f ON true
            LEFT JOIN LATERAL (
                SELECT MIN(v.date) AS closed_date FROM rectification_findings vf
                JOIN verifications v ON v.submission_id = vf.submission_id AND v.finding_id = vf.finding_id
                WHERE vf.hazard_submission_id = h.submission_id AND vf.hazard_id = h.hazard_id AND v.result = 'passed'
                  AND NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = vf.submission_id)) c ON true
            WHERE NOT EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = h.submission_id)
            """,
        ])

    /// Submissions no correction supersedes (the same text in both dialects).
    static let currentSubmissionsView = """
        CREATE VIEW current_submissions AS
        SELECT s.* FROM submissions s
        WHERE NOT EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)
        """

    /// What the reports read beyond version 1: each monitoring record's tier (backfilled from the unit it
    /// names, which is how the rules tie the two), and the rectification notices with their reply and
    /// escalation (backfilled from the stored model).
    static let reportFacts = Migration(version: 2, name: "report facts", sqlite: reportFactsSchema(.sqlite), postgres: reportFactsSchema(.postgres))

    private static func reportFactsSchema(_ dialect: SQLDialect) -> [String] {
        let (text, date, uuid) = (dialect.textType, dialect.dateType, dialect.uuidType)
        // The stored model's notice fields: json_extract in SQLite, the ->> operators in PostgreSQL.
        func field(_ path: String, date isDate: Bool = false) -> String {
            switch dialect {
            case .sqlite: return "json_extract(model_json, '$.body.document.\(path)')"
            case .postgres:
                let keys = ["body", "document"] + path.split(separator: ".").map(String.init)
                let access = "model_json->" + keys.dropLast().map { "'\($0)'" }.joined(separator: "->") + "->>'\(keys.last!)'"
                return isDate ? "(\(access))::date" : access
            }
        }
        return [
            "ALTER TABLE submissions ADD COLUMN tier \(text)",
            """
            UPDATE submissions SET tier = CASE WHEN team IS NOT NULL THEN 'team' WHEN workshop IS NOT NULL THEN 'workshop' ELSE 'enterprise' END
            WHERE kind = 'monitoringRecord'
            """,
            "DROP VIEW current_submissions",
            currentSubmissionsView,
            "CREATE INDEX submissions_kind_date ON submissions(kind, inspection_date)",
            """
            CREATE TABLE notices (
                submission_id \(uuid) PRIMARY KEY REFERENCES submissions(id),
                enterprise_key \(text) NOT NULL,
                notice_no \(text) NOT NULL,
                kind \(text) NOT NULL,
                issued_date \(date) NOT NULL,
                reply_date \(date),
                escalation_date \(date),
                escalated_to \(text))
            """,
            "CREATE INDEX notices_enterprise ON notices(enterprise_key, issued_date)",
            """
            INSERT INTO notices (submission_id, enterprise_key, notice_no, kind, issued_date, reply_date, escalation_date, escalated_to)
            SELECT id, enterprise_key, \(field("noticeNo")), \(field("noticeKind")), inspection_date, \(field("enterpriseReply.date", date: true)),
                   \(field("escalation.date", date: true)), \(field("escalation.to"))
            FROM submissions WHERE kind = 'hazardRectification'
            """,
        ]
    }

    /// Each current hazard's derived state, kept up to date at write time (``HazardState``) so that reads do
    /// not evaluate the `hazard_status` view, which stays the definition: `db check` compares the two. And
    /// a covering index of assessment scores by date.
    static let hazardState = Migration(
        version: 3, name: "hazard state", sqlite: HazardState.schema(.sqlite), postgres: HazardState.schema(.postgres))

    /// Users of the service, their API tokens (SHA-256 of the token, never the token), and the append-only audit log.
    static let accounts = Migration(
        version: 4, name: "accounts and audit log", sqlite: AccountsSchema.statements(.sqlite), postgres: AccountsSchema.statements(.postgres))

    static let hazardFacts = Migration(
        version: 6, name: "hazard facts in hazard_state", sqlite: HazardState.facts(.sqlite), postgres: HazardState.facts(.postgres))

    static let webLogin = Migration(
        version: 5, name: "passwords and web sessions", sqlite: AccountsSchema.webLogin(.sqlite), postgres: AccountsSchema.webLogin(.postgres))

    /// Each enterprise's assessment scores by date, as a partial covering index: a scorecard ranks the
    /// enterprise among the enterprises of its unit and its industry by looking up each of them here
    /// (a few rows each) instead of scanning every assessment of the period.
    static let assessmentScores: Migration = {
        let statement = """
            CREATE INDEX submissions_assessments ON submissions(enterprise_key, inspection_date, kind, score_total, seq, id)
            WHERE kind = 'ankangCupAssessment' AND score_total IS NOT NULL
            """
        return Migration(version: 7, name: "assessment scores by enterprise", sqlite: [statement], postgres: [statement])
    }()

    /// The typed model of each submission (`model_json`) is no longer stored: nothing read it (the raw bytes
    /// are the record, and reports read the fact tables), and it was a third of each submission row and the
    /// largest JSON encoding at intake. The view over the table is made again without it.
    static let dropStoredModel: Migration = {
        let statements = ["DROP VIEW current_submissions", "ALTER TABLE submissions DROP COLUMN model_json", currentSubmissionsView]
        return Migration(version: 8, name: "no stored model JSON", sqlite: statements, postgres: statements)
    }()

    /// The `hazards` indexes by enterprise and by date went unused once reads moved to `hazard_state` (migration 6),
    /// which has the same two indexes; `hazards` is only read by its key now. Each cost 15 random index inserts
    /// per submission (a monitoring record finds about 15 hazards), and the date index dirtied most of its pages
    /// in every commit.
    static let dropUnusedHazardIndexes: Migration = {
        let statements = ["DROP INDEX hazards_enterprise", "DROP INDEX hazards_found_date"]
        return Migration(version: 9, name: "no unused hazard indexes", sqlite: statements, postgres: statements)
    }()
}
