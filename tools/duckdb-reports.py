#!/usr/bin/env python3
"""The reference side of the report benchmark: the trend report's and a scorecard's aggregations in DuckDB.

    tools/duckdb-reports.py export DB.sqlite DIR     # the log's tables as Parquet files in DIR (once)
    tools/duckdb-reports.py trends DIR FROM TO ASOF  # the city-wide trend report's numbers, by month
    tools/duckdb-reports.py scorecard DIR KEY FROM TO ASOF

Each report command runs every query the corresponding Ankang report answers over a full scan of
the Parquet files (hazard status derived from findings and verifications, as the log's hazard_status
view does; volume by month with the year before, breakdowns, places, rectification performance, the
overdue and major lists, recurring items and three-month repeats, 三违, accidents, "1+3" coverage),
and prints how many result rows each produced and the time the queries took. Needs `pip install duckdb`.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

TABLES = {
    "submissions": "id, kind, enterprise_key, inspection_date, workshop, team, tier, score_total, grade, supersedes, seq",
    "enterprises": "key, name, industry, city, jurisdiction_unit, above_scale, employees",
    "hazards": "submission_id, hazard_id, enterprise_key, grade, nature, accident_type, category, found_date, deadline, responsible_person, description",
    "rectification_findings": "submission_id, finding_id, hazard_submission_id, hazard_id, status, issued_date, plan_deadline, responsible_person",
    "verifications": "submission_id, finding_id, date, result",
    "item_results": "submission_id, code, category, result",
    "violations": "submission_id, type, count",
    "accidents": "submission_id, accident_id, date, type, severity, persons",
    "activities": "submission_id, code, date, participants",
    "notices": "submission_id, enterprise_key, notice_no, issued_date, reply_date, escalation_date",
}


def export(database: str, folder: str) -> None:
    import duckdb
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for table, columns in TABLES.items():
        csv = out / f"{table}.csv"
        with open(csv, "w") as handle:
            subprocess.run(["sqlite3", "-csv", "-header", database, f"SELECT {columns} FROM {table}"], stdout=handle, check=True)
        con.execute(f"COPY (SELECT * FROM read_csv_auto('{csv}', header=true, all_varchar=false)) TO '{out / table}.parquet' (FORMAT parquet)")
        csv.unlink()
    print(f"exported {len(TABLES)} tables to {out}")


def setup(con, folder: str, asof: str) -> None:
    for table in TABLES:
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{folder}/{table}.parquet')")
    con.execute("CREATE VIEW current_submissions AS SELECT s.* FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM submissions c WHERE c.supersedes = s.id)")
    # Hazard status as the log's hazard_status view derives it: the latest current finding, the first passed follow-up.
    con.execute("""
        CREATE TEMP TABLE hazard_status AS
        WITH cur AS (SELECT id FROM current_submissions),
        latest AS (
            SELECT f.hazard_submission_id, f.hazard_id, f.status, f.plan_deadline, f.responsible_person,
                   ROW_NUMBER() OVER (PARTITION BY f.hazard_submission_id, f.hazard_id ORDER BY f.issued_date DESC, s.seq DESC, f.finding_id DESC) AS n
            FROM rectification_findings f JOIN submissions s ON s.id = f.submission_id WHERE f.submission_id IN (SELECT id FROM cur)),
        closing AS (
            SELECT f.hazard_submission_id, f.hazard_id, MIN(v.date) AS closed_date
            FROM rectification_findings f JOIN verifications v ON v.submission_id = f.submission_id AND v.finding_id = f.finding_id
            WHERE v.result = 'passed' AND f.submission_id IN (SELECT id FROM cur) GROUP BY ALL)
        SELECT h.*, COALESCE(l.plan_deadline, h.deadline) AS due, COALESCE(l.responsible_person, h.responsible_person) AS responsible,
               CASE WHEN c.closed_date IS NOT NULL THEN 'closed' ELSE COALESCE(l.status, 'open') END AS status, c.closed_date,
               s.workshop, s.team, e.jurisdiction_unit AS unit, e.industry, e.employees
        FROM hazards h JOIN submissions s ON s.id = h.submission_id JOIN enterprises e ON e.key = h.enterprise_key
        LEFT JOIN latest l ON l.hazard_submission_id = h.submission_id AND l.hazard_id = h.hazard_id AND l.n = 1
        LEFT JOIN closing c ON c.hazard_submission_id = h.submission_id AND c.hazard_id = h.hazard_id
        WHERE h.submission_id IN (SELECT id FROM cur)
        """)


def trends(folder: str, start: str, end: str, asof: str) -> None:
    import duckdb
    began = time.perf_counter()
    con = duckdb.connect()
    setup(con, folder, asof)
    p = {"start": start, "end": end, "asof": asof}
    due = "COALESCE(due, found_date + CASE grade WHEN 'major' THEN 30 ELSE 7 END)"
    queries = {
        "volume": f"""
            WITH months AS (SELECT range AS m FROM range(DATE '{start}', DATE '{end}' + 1, INTERVAL 1 MONTH))
            SELECT m,
              (SELECT COUNT(*) FROM hazard_status WHERE found_date >= m AND found_date < m + INTERVAL 1 MONTH) AS found,
              (SELECT COUNT(*) FROM hazard_status WHERE closed_date >= m AND closed_date < m + INTERVAL 1 MONTH) AS closed,
              (SELECT COUNT(*) FROM hazard_status WHERE found_date < m + INTERVAL 1 MONTH AND (closed_date IS NULL OR closed_date >= m + INTERVAL 1 MONTH)) AS open_end,
              (SELECT COUNT(*) FROM hazard_status WHERE found_date >= m - INTERVAL 1 YEAR AND found_date < m - INTERVAL 1 YEAR + INTERVAL 1 MONTH) AS found_ly,
              (SELECT COUNT(*) FROM hazard_status WHERE closed_date >= m - INTERVAL 1 YEAR AND closed_date < m - INTERVAL 1 YEAR + INTERVAL 1 MONTH) AS closed_ly,
              (SELECT COUNT(*) FROM hazard_status WHERE found_date < m - INTERVAL 1 YEAR + INTERVAL 1 MONTH AND (closed_date IS NULL OR closed_date >= m - INTERVAL 1 YEAR + INTERVAL 1 MONTH)) AS open_ly
            FROM months ORDER BY m""",
        "breakdowns": """
            SELECT 'grade' AS d, grade AS k, COUNT(*), COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof) FROM hazard_status WHERE found_date BETWEEN $start AND $end GROUP BY ALL
            UNION ALL SELECT 'nature', nature, COUNT(*), COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof) FROM hazard_status WHERE found_date BETWEEN $start AND $end GROUP BY ALL
            UNION ALL SELECT 'type', accident_type::text, COUNT(*), COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof) FROM hazard_status WHERE found_date BETWEEN $start AND $end GROUP BY ALL
            UNION ALL SELECT 'category', category, COUNT(*), COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof) FROM hazard_status WHERE found_date BETWEEN $start AND $end AND category IS NOT NULL GROUP BY ALL
            UNION ALL SELECT 'industry', left(industry, 1), COUNT(*), COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof) FROM hazard_status WHERE found_date BETWEEN $start AND $end GROUP BY ALL""",
        "units": """
            SELECT e.jurisdiction_unit, COUNT(DISTINCT e.key), SUM(e.employees) / COUNT(*) * COUNT(DISTINCT e.key) AS workers_approx,
              (SELECT COUNT(*) FROM hazard_status h WHERE h.unit = e.jurisdiction_unit AND h.found_date BETWEEN $start AND $end),
              (SELECT COUNT(*) FROM hazard_status h WHERE h.unit = e.jurisdiction_unit AND h.found_date <= $asof AND (h.closed_date IS NULL OR h.closed_date > $asof))
            FROM enterprises e GROUP BY e.jurisdiction_unit""",
        "enterprises": """
            SELECT e.key, e.name, e.employees, COUNT(*) FILTER (h.found_date BETWEEN $start AND $end) AS found,
                   COUNT(*) FILTER (h.grade = 'major' AND h.found_date BETWEEN $start AND $end) AS major,
                   COUNT(*) FILTER (h.found_date <= $asof AND (h.closed_date IS NULL OR h.closed_date > $asof)) AS open
            FROM enterprises e JOIN hazard_status h ON h.enterprise_key = e.key GROUP BY ALL ORDER BY found DESC""",
        "performance": f"""
            SELECT COUNT(*), COUNT(*) FILTER (closed_date <= $asof),
                   COUNT(*) FILTER ((closed_date IS NULL OR closed_date > $asof) AND {due} < $asof),
                   AVG(closed_date - found_date) FILTER (closed_date <= $asof), MEDIAN(closed_date - found_date) FILTER (closed_date <= $asof),
                   COUNT(*) FILTER (closed_date <= $asof AND closed_date <= {due} + 3)
            FROM hazard_status WHERE found_date BETWEEN $start AND $end""",
        "overdue": f"""
            SELECT enterprise_key, hazard_id, grade, description, found_date, {due} AS due, $asof::date - {due} AS days, responsible, status
            FROM hazard_status WHERE found_date <= $asof AND (closed_date IS NULL OR closed_date > $asof) AND {due} < $asof ORDER BY days DESC""",
        "majors": """
            SELECT h.* FROM hazard_status h WHERE grade = 'major' AND found_date <= $asof
              AND (found_date BETWEEN $start AND $end OR (found_date < $start AND (closed_date IS NULL OR closed_date > $start)))""",
        "recurring": """
            SELECT i.code, COUNT(*) AS failures, COUNT(DISTINCT s.enterprise_key) FROM item_results i JOIN current_submissions s ON s.id = i.submission_id
            WHERE i.result = 'nonCompliant' AND s.inspection_date BETWEEN $start AND $end GROUP BY ALL ORDER BY failures DESC LIMIT 10""",
        "repeats": """
            WITH f AS (SELECT DISTINCT s.enterprise_key, i.code, date_trunc('month', s.inspection_date) AS m FROM item_results i
                       JOIN current_submissions s ON s.id = i.submission_id WHERE i.result = 'nonCompliant' AND s.inspection_date BETWEEN $start AND $end),
            g AS (SELECT *, m - to_months(ROW_NUMBER() OVER (PARTITION BY enterprise_key, code ORDER BY m)::int) AS run FROM f)
            SELECT enterprise_key, code, COUNT(*) AS n FROM g GROUP BY enterprise_key, code, run HAVING COUNT(*) >= 3""",
        "violations": """
            SELECT v.type, SUM(v.count) FROM violations v JOIN current_submissions s ON s.id = v.submission_id
            WHERE s.inspection_date BETWEEN $start AND $end GROUP BY ALL""",
        "accidents": """
            SELECT type, severity, COUNT(*), SUM(persons) FROM (SELECT DISTINCT s.enterprise_key, a.accident_id, a.type, a.severity, a.persons
              FROM accidents a JOIN current_submissions s ON s.id = a.submission_id WHERE a.date BETWEEN $start AND $end) GROUP BY ALL""",
        "coverage": """
            WITH r AS (SELECT enterprise_key, tier, COALESCE(workshop, '') AS w, COALESCE(team, '') AS t, inspection_date AS d
                       FROM current_submissions WHERE kind = 'monitoringRecord' AND inspection_date BETWEEN $start AND $end),
            slots AS (SELECT enterprise_key, tier, w, t, CASE tier WHEN 'enterprise' THEN date_trunc('month', d) WHEN 'workshop' THEN date_trunc('week', d)
                             ELSE (CASE WHEN isodow(d) <= 5 THEN d END) END AS slot FROM r)
            SELECT tier, date_trunc('month', slot) AS m, COUNT(DISTINCT (enterprise_key, w, t)), COUNT(DISTINCT (enterprise_key, w, t, slot))
            FROM slots WHERE slot IS NOT NULL GROUP BY ALL""",
    }
    rows = {}
    for name, sql in queries.items():
        rows[name] = len(con.execute(sql, {k: v for k, v in p.items() if f"${k}" in sql}).fetchall())
    print(f"duckdb trends {start}..{end}: {time.perf_counter() - began:.3f} s; rows {rows}")


def scorecard(folder: str, key: str, start: str, end: str, asof: str) -> None:
    import duckdb
    began = time.perf_counter()
    con = duckdb.connect()
    setup(con, folder, asof)
    p = {"key": key, "start": start, "end": end, "asof": asof}
    queries = {
        "latest": """SELECT score_total, grade FROM current_submissions WHERE enterprise_key = $key AND kind = 'ankangCupAssessment'
                     AND inspection_date BETWEEN $start AND $end ORDER BY inspection_date DESC, seq DESC LIMIT 1""",
        "rank": """WITH l AS (SELECT s.enterprise_key, e.jurisdiction_unit AS u, s.score_total,
                              ROW_NUMBER() OVER (PARTITION BY s.enterprise_key ORDER BY s.inspection_date DESC, s.seq DESC) AS n
                              FROM current_submissions s JOIN enterprises e ON e.key = s.enterprise_key
                              WHERE s.kind = 'ankangCupAssessment' AND s.inspection_date BETWEEN $start AND $end)
                   SELECT 1 + COUNT(*) FILTER (score_total > (SELECT score_total FROM l WHERE enterprise_key = $key AND n = 1)) FROM l
                   WHERE n = 1 AND u = (SELECT jurisdiction_unit FROM enterprises WHERE key = $key)""",
        "hazards": """SELECT grade, COUNT(*) FILTER (closed_date IS NULL OR closed_date > $asof), COUNT(*) FILTER (found_date BETWEEN $start AND $end)
                      FROM hazard_status WHERE enterprise_key = $key AND found_date <= $asof GROUP BY ALL""",
        "monitoring": """SELECT tier, COUNT(*) FROM current_submissions WHERE enterprise_key = $key AND kind = 'monitoringRecord'
                         AND inspection_date BETWEEN $start AND $end GROUP BY ALL""",
        "activities": """SELECT COUNT(DISTINCT a.code) FROM activities a JOIN current_submissions s ON s.id = a.submission_id
                         WHERE s.enterprise_key = $key AND a.date BETWEEN $start AND $end""",
        "notices": """SELECT * FROM notices WHERE enterprise_key = $key AND issued_date <= $asof""",
    }
    rows = {}
    for name, sql in queries.items():
        rows[name] = len(con.execute(sql, {k: v for k, v in p.items() if f"${k}" in sql}).fetchall())
    print(f"duckdb scorecard {key} {start}..{end}: {time.perf_counter() - began:.3f} s; rows {rows}")


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"export": export, "trends": trends, "scorecard": scorecard}[command](*rest)
