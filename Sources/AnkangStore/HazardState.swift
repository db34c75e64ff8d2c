/// The `hazard_state` table: each current hazard's status, deadline, closing date and escalation, as the
/// `hazard_status` view derives them, stored so that reports read a table instead of evaluating the view.
///
/// Kept up to date in the transaction that records a submission: the hazards it finds, the hazards its
/// findings follow up, and, for a correction, those of the submission it supersedes are recomputed from the
/// view (deleted, then inserted again if still current). A submission can only change the state of those
/// hazards, so the table always equals the view; `integrityCheck()` verifies it.
enum HazardState {
    /// Migration 3: the table, its indexes, its rows computed from the view; and a covering index of
    /// assessment scores by date (a scorecard ranks its enterprise among its peers without reading the
    /// wide submission rows).
    static func schema(_ dialect: SQLDialect) -> [String] {
        let (text, date, uuid, flag) = (dialect.textType, dialect.dateType, dialect.uuidType, dialect.flagType)
        return [
            """
            CREATE TABLE hazard_state (
                submission_id \(uuid) NOT NULL,
                hazard_id \(text) NOT NULL,
                enterprise_key \(text) NOT NULL,
                found_date \(date) NOT NULL,
                deadline \(date),
                responsible_person \(text),
                status \(text) NOT NULL,
                closed_date \(date),
                latest_rectification \(uuid),
                escalated \(flag) NOT NULL,
                PRIMARY KEY (submission_id, hazard_id))
            """,
            "CREATE INDEX hazard_state_found ON hazard_state(found_date)",
            "CREATE INDEX hazard_state_enterprise ON hazard_state(enterprise_key, found_date)",
            "INSERT INTO hazard_state \(status(dialect, where: "true"))",
            "CREATE INDEX submissions_scores ON submissions(kind, inspection_date, enterprise_key, score_total, seq, id)",
        ]
    }

    /// Migration 6: the hazard's own facts and its submission's workshop and team copied into each row, so a
    /// report reads one table (joining the hazards and the wide submission rows cost a random read each).
    /// And a partial covering index of failed checklist items, the only item results reports read.
    static func facts(_ dialect: SQLDialect) -> [String] {
        copiedColumns.map { "ALTER TABLE hazard_state ADD COLUMN \($0) \(dialect.textType)" } + [
            "DELETE FROM hazard_state",
            "INSERT INTO hazard_state (\(columns)) \(select(dialect, where: "true"))",
            "CREATE INDEX item_results_failed ON item_results(submission_id, code, category, result) WHERE result = 'nonCompliant'",
        ]
    }

    /// The columns copied from `hazards` (alias `hz`) and `submissions` (alias `s`) by migration 6.
    static let copiedColumns = ["workshop", "team", "grade", "nature", "accident_type", "checklist_item", "category", "location", "description"]

    /// The columns of `hazard_state`, in order.
    static let columns = """
        submission_id, hazard_id, enterprise_key, found_date, deadline, responsible_person, status, closed_date, latest_rectification, escalated, \
        \(copiedColumns.joined(separator: ", "))
        """

    /// `SELECT` of the rows of the hazards matching `condition` (on the view's alias `h`): their state from the
    /// view, their facts from `hazards` and their submission.
    static func select(_ dialect: SQLDialect, where condition: String) -> String {
        """
        SELECT st.*, s.workshop, s.team, hz.grade, hz.nature, hz.accident_type, hz.checklist_item, hz.category, hz.location, hz.description
        FROM (\(status(dialect, where: condition))) st
        JOIN hazards hz ON hz.submission_id = st.submission_id AND hz.hazard_id = st.hazard_id
        JOIN submissions s ON s.id = st.submission_id
        """
    }

    /// `SELECT` of the state of the hazards matching `condition` (on the view's alias `h`), from the view: the
    /// ten columns of migration 3.
    private static func status(_ dialect: SQLDialect, where condition: String) -> String {
        let supersededNotice = "EXISTS (SELECT 1 FROM submissions x WHERE x.supersedes = f.submission_id)"
        return """
            SELECT h.submission_id, h.hazard_id, h.enterprise_key, h.found_date, h.deadline, h.responsible_person, h.status, h.closed_date,
                   h.latest_rectification,
                   EXISTS (SELECT 1 FROM rectification_findings f JOIN notices n ON n.submission_id = f.submission_id
                           WHERE f.hazard_submission_id = h.submission_id AND f.hazard_id = h.hazard_id AND n.escalation_date IS NOT NULL
                             AND NOT \(supersededNotice)) AS escalated
            FROM hazard_status h WHERE \(condition)
            """
    }

    /// Whether a finding follows up any hazard of a submission or a correction supersedes it (placeholders:
    /// the submission id, twice). When neither holds, each of its hazards' state is the hazard itself —
    /// open, its own deadline and responsible person, nothing closed or escalated — as ``insertOpenSQLite``
    /// writes it.
    static let ownHazardsReferencedSQLite = """
        SELECT EXISTS (SELECT 1 FROM rectification_findings WHERE hazard_submission_id = ?1)
            OR EXISTS (SELECT 1 FROM submissions WHERE supersedes = ?2)
        """

    /// Inserts the state of an open hazard that nothing follows up, from its facts: submission id, hazard id,
    /// enterprise, found date, deadline, responsible person, workshop, team, then the copied hazard columns.
    /// `OR FAIL` spares SQLite the statement journal (see `SQLiteStore.refreshHazardState`).
    static let insertOpenSQLite = """
        INSERT OR FAIL INTO hazard_state (\(columns))
        VALUES (?, ?, ?, ?, ?, ?, 'open', NULL, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The hazards a submission's rows may change: its own, and those its findings follow up.
    static func keys(of rows: FactRows) -> [Key] { ownKeys(of: rows) + followedUpKeys(of: rows) }

    /// The hazards a submission finds.
    static func ownKeys(of rows: FactRows) -> [Key] { rows.hazards.map { Key(submissionID: $0.submissionId, hazardID: $0.hazardId) } }

    /// The hazards a submission's findings follow up.
    static func followedUpKeys(of rows: FactRows) -> [Key] {
        rows.findings.map { Key(submissionID: $0.hazardSubmissionId, hazardID: $0.hazardId) }
    }

    /// The hazards of a superseded submission and those its findings followed up, as a query with one
    /// placeholder (the superseded id) repeated twice.
    static func supersededKeys(_ dialect: SQLDialect) -> String {
        let id = dialect == .sqlite ? "?" : "$1"
        return """
            SELECT submission_id, hazard_id FROM hazards WHERE submission_id = \(id)
            UNION SELECT hazard_submission_id, hazard_id FROM rectification_findings WHERE submission_id = \(id)
            """
    }

    /// Rows where the table and the view disagree (either way), as (submission id, hazard id) pairs.
    static func staleRows(_ dialect: SQLDialect) -> String {
        let view = select(dialect, where: "true")
        let table = "SELECT \(columns) FROM hazard_state"
        return """
            SELECT submission_id, hazard_id FROM (\(view) EXCEPT \(table)) a
            UNION SELECT submission_id, hazard_id FROM (\(table) EXCEPT \(view)) b
            """
    }

    /// A hazard's identity: the submission that found it and its id there.
    struct Key: Hashable, Comparable, Sendable {
        var submissionID: String
        var hazardID: String

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.submissionID, lhs.hazardID) < (rhs.submissionID, rhs.hazardID) }
    }
}
