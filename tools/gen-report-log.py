#!/usr/bin/env python3
"""Generate a large inspection log straight into an Ankang SQLite database, for the report benchmark.

    tools/gen-report-log.py --db PATH [--submissions 1000000] [--enterprises 5000] [--years 2011-2015] [--seed 1]

The database must exist and be migrated (`ankang db migrate --db sqlite:PATH`). The rows follow the
schema and the meaning `ankang ingest` gives them (submissions, enterprises, item results, hazards,
rectification findings and verifications linked to earlier hazards, violations, activities,
accidents, notices), with realistic proportions: 70 % "1+3" monitoring records (a few hazards and
observations each), 20 % rectification notices following up earlier hazards of the same enterprise
(most verified, some late, some escalated), 10 % 安康杯 assessments (58 item results, a score).

What differs from ingested data, on purpose: ingesting a million XML files would take the better part
of an hour, so the rows are written directly. The `raw` column holds a short placeholder instead of the
original XML (no report reads it), and every assessment carries
the same explained score (score_json) with its own total and grade. The report queries read exactly
the columns an ingested log has.

Deterministic: the same arguments give the same rows. Python 3.11, standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import uuid

UNITS = [("township", n) for n in ["临泽镇", "卸甲镇", "汤庄镇", "三垛镇", "界首镇", "周山镇", "车逻镇", "送桥镇", "甘垛镇", "龙虬镇", "马棚镇"]] + \
        [("park", "市经济开发区"), ("park", "城南经济新区"), ("system", "建筑系统"), ("system", "交通运输系统")]
INDUSTRIES = ["C1810", "C2614", "C3130", "C3311", "C3411", "C3483", "C3824", "C3831", "C2927", "E4790", "G5430", "C1371", "C2110"]
GRADES = ["general"] * 19 + ["major"]
NATURES = ["unsafeCondition"] * 5 + ["unsafeAct"] * 3 + ["managementDefect"] * 2
ACCIDENT_TYPES = ["03"] * 6 + ["05"] * 4 + ["08"] * 4 + ["09"] * 3 + ["01"] * 3 + ["04"] * 2 + ["17", "19", "20", "02"]
CATEGORIES = "ABCDEFGHIJKL"
ITEMS = [f"{c}{n}" for c in CATEGORIES for n in range(1, 6)][:58]
VIOLATIONS = ["unlawfulCommand", "unsafeOperation", "disciplineBreach"]
TIERS = ["enterprise"] * 18 + ["workshop"] * 34 + ["team"] * 48


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--submissions", type=int, default=1_000_000)
    parser.add_argument("--enterprises", type=int, default=5000)
    parser.add_argument("--years", default="2011-2015")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    first_year, last_year = (int(y) for y in args.years.split("-"))
    rng = random.Random(args.seed)
    start = dt.date(first_year, 1, 1)
    days = (dt.date(last_year, 12, 31) - start).days + 1

    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    (version,) = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    if version is None or version < 2:
        raise SystemExit("gen-report-log: migrate the database first (ankang db migrate)")
    if db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]:
        raise SystemExit("gen-report-log: the database is not empty")
    template = json.loads(SCORE_TEMPLATE)

    enterprises = []
    for index in range(args.enterprises):
        level, unit = UNITS[index % len(UNITS)] if index < len(UNITS) else rng.choice(UNITS)
        key = f"9132108{index:07d}{rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY')}{rng.randint(0, 9)}X"[:18]
        employees = max(8, int(rng.lognormvariate(4.6, 1.0)))
        workshops = [f"{w}车间" for w in ["一", "二", "三", "四", "五"][: rng.randint(1, 4)]]
        teams = {w: [f"{w}{t}班" for t in ["甲", "乙", "丙"][: rng.randint(1, 3)]] for w in workshops}
        enterprises.append(dict(key=key, name=f"高邮市{index:04d}号企业有限公司", industry=rng.choice(INDUSTRIES), level=level, unit=unit,
                                above=1 if employees >= 100 or rng.random() < 0.3 else 0, employees=employees,
                                workshops=workshops, teams=teams, hazards=[]))
    db.executemany("""INSERT INTO enterprises (key, name, credit_code, org_code, reg_no, industry, city, city_code, jurisdiction_level,
                      jurisdiction_unit, jurisdiction_code, above_scale, employees, as_of, last_submission_id)
                      VALUES (?, ?, ?, NULL, NULL, ?, '高邮市', '321084', ?, ?, NULL, ?, ?, '2016-01-01T00:00:00.000Z', '')""",
                   [(e["key"], e["name"], e["key"], e["industry"], e["level"], e["unit"], e["above"], e["employees"]) for e in enterprises])

    # Submissions in date order, so rectifications can follow up hazards found before them.
    dates = sorted(rng.randrange(days) for _ in range(args.submissions))
    submissions, items, hazards, findings, verifications, violations, activities, accidents, notices = ([] for _ in range(9))
    seq = 0

    def flush() -> None:
        db.executemany("""INSERT INTO submissions (seq, id, sha256, kind, schema_version, catalogue_version, profile_id, profile_version,
                          score_total, grade, file_name, size, submitted_at, inspection_date, ingested_at, enterprise_key, enterprise_name,
                          city, city_code, jurisdiction_level, jurisdiction_unit, jurisdiction_code, workshop, team, tier, industry, supersedes,
                          warnings_json, score_json, raw)
                          VALUES (?, ?, ?, ?, '1.0', ?, ?, ?, ?, ?, NULL, 64, ?, ?, ?, ?, ?, '高邮市', '321084', ?, ?, NULL, ?, ?, ?, ?, NULL,
                                  '[]', ?, ?)""", submissions)
        db.executemany("INSERT INTO item_results VALUES (?, ?, ?, ?, ?, NULL)", items)
        db.executemany("INSERT INTO hazards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '生产现场', '生成的隐患描述', ?, ?, ?)", hazards)
        db.executemany("INSERT INTO rectification_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, '工会主席', ?)", findings)
        db.executemany("INSERT INTO verifications VALUES (?, ?, ?, ?, ?, '复查人', NULL)", verifications)
        db.executemany("INSERT INTO violations VALUES (?, ?, ?, ?, ?, '生成的违章描述')", violations)
        db.executemany("INSERT INTO activities VALUES (?, ?, ?, ?, ?, NULL)", activities)
        db.executemany("INSERT INTO accidents VALUES (?, ?, ?, ?, ?, ?, ?, '生成的事故描述')", accidents)
        db.executemany("INSERT INTO notices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", notices)
        for rows in (submissions, items, hazards, findings, verifications, violations, activities, accidents, notices):
            rows.clear()
        db.commit()

    for offset in dates:
        seq += 1
        day = start + dt.timedelta(days=offset)
        iso = day.isoformat()
        ent = rng.choice(enterprises)
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        kind = rng.choices(["monitoringRecord", "hazardRectification", "ankangCupAssessment"], weights=[70, 20, 10])[0]
        catalogue = "2011" if day.year == 2011 else "2012"
        workshop = team = tier = None
        profile = version = total = grade = score_json = None
        if kind == "monitoringRecord":
            tier = rng.choice(TIERS)
            if tier != "enterprise":
                workshop = rng.choice(ent["workshops"])
                if tier == "team":
                    team = rng.choice(ent["teams"][workshop])
            for n in range(rng.choices([0, 1, 2, 3], weights=[35, 35, 20, 10])[0]):
                grade_ = rng.choice(GRADES)
                item = rng.choice(ITEMS)
                deadline = day + dt.timedelta(days=30 if grade_ == "major" else rng.choice([3, 7, 7, 14]))
                hazard_id = f"H-{n + 1:02d}"
                hazards.append((sid, hazard_id, ent["key"], kind, grade_, rng.choice(NATURES), rng.choice(ACCIDENT_TYPES), item, item[0],
                                iso, deadline.isoformat(), None))
                ent["hazards"].append((sid, hazard_id, day, grade_))
            observed = rng.sample(ITEMS, 6)
            for code in observed:
                result = rng.choices(["compliant", "partial", "nonCompliant", "notApplicable"], weights=[80, 10, 7, 3])[0]
                items.append((sid, code, code[0], result, 0.0 if result == "compliant" else 1.0))
            for n in range(rng.choices([0, 1, 2], weights=[75, 20, 5])[0]):
                violations.append((sid, n, rng.choice(VIOLATIONS), rng.randint(1, 3), rng.randint(0, 1)))
        elif kind == "hazardRectification":
            open_ = [h for h in ent["hazards"] if h[2] <= day][-3:]
            notice_no = f"工劳〔{day.year}〕{seq % 1000:03d}号"
            escalation = day + dt.timedelta(days=20) if rng.random() < 0.03 else None
            replied = (day + dt.timedelta(days=rng.randint(3, 20))).isoformat() if rng.random() < 0.7 else None
            notices.append((sid, ent["key"], notice_no, rng.choice(["unionRectificationProposal", "internalRectificationNotice"]), iso,
                            replied, escalation.isoformat() if escalation else None, "市总工会" if escalation else None))
            if not open_:  # a notice with its own finding
                grade_ = rng.choice(GRADES)
                hazards.append((sid, "F-01", ent["key"], kind, grade_, rng.choice(NATURES), rng.choice(ACCIDENT_TYPES), None, None, iso,
                                (day + dt.timedelta(days=14)).isoformat(), "安全科长"))
                open_ = [(sid, "F-01", day, grade_)]
            for n, (hazard_submission, hazard_id, _, grade_) in enumerate(open_):
                finding = f"F-{n + 1:02d}"
                deadline = day + dt.timedelta(days=30 if grade_ == "major" else 14)
                outcome = rng.random()
                status = "closed" if outcome < 0.6 else "inProgress" if outcome < 0.85 else "awaitingVerification"
                findings.append((sid, finding, hazard_submission, hazard_id, status, iso, deadline.isoformat(), "安全科长",
                                 1 if grade_ == "major" else 0))
                if status == "closed":
                    checked = deadline + dt.timedelta(days=rng.randint(-10, 8))
                    verifications.append((sid, n, finding, max(day, checked).isoformat(), "passed" if rng.random() < 0.9 else "failed"))
        else:
            profile, version = "city-ankang-cup-2011", "2011.1"
            total = round(min(100.0, max(40.0, rng.gauss(84, 8))), 1)
            grade = "winnerCandidate" if total >= 90 else "meets" if total >= 85 else "mostlyMeets" if total >= 80 else "belowStandard"
            template["total"] = total
            template["grade"]["code"] = grade
            template["submissionId"] = sid.upper()
            template["enterprise"] = ent["name"]
            template["asOf"] = iso
            score_json = json.dumps(template, ensure_ascii=False, separators=(",", ":"))
            for code in ITEMS:
                result = rng.choices(["compliant", "partial", "nonCompliant", "notApplicable"], weights=[75, 14, 6, 5])[0]
                items.append((sid, code, code[0], result, 0.0 if result == "compliant" else 1.0))
            for n, code in enumerate(rng.sample([f"TA{i:02d}" for i in range(1, 11)], rng.randint(3, 10))):
                activities.append((sid, n, code, iso, rng.randint(10, 400)))
            if rng.random() < 0.05:
                severity = rng.choices(["minor", "serious", "fatal"], weights=[85, 12, 3])[0]
                accidents.append((sid, f"A-{seq}", (day - dt.timedelta(days=rng.randint(0, 200))).isoformat(), rng.choice(ACCIDENT_TYPES),
                                  severity, "ordinary", rng.randint(1, 2)))
        submissions.append((seq, sid, f"{seq:064x}", kind, catalogue, profile, version, total, grade, f"{iso}T02:00:00.000Z", iso,
                            f"{iso}T03:00:00.000Z", ent["key"], ent["name"], ent["level"], ent["unit"], workshop, team, tier, ent["industry"],
                            score_json, b"<generated by tools/gen-report-log.py/>"))
        if len(submissions) >= 20_000:
            flush()
    flush()
    db.execute("ANALYZE")
    db.commit()
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ["submissions", "hazards", "item_results", "verifications"]}
    print(f"gen-report-log: {counts}")


# The explained score every generated assessment carries (its total, grade, id, enterprise and date replaced).
SCORE_TEMPLATE = """{"profileId":"city-ankang-cup-2011","profileVersion":"2011.1","catalogueVersion":"2012","submissionId":"","enterprise":"","asOf":"2012-01-01","total":0,"rawTotal":84.0,"baseScore":84.0,"categories":[{"code":"ORG","name":{"zh":"组织领导","en":"Organisation and leadership"},"weight":12,"effectiveWeight":12,"applicable":true,"earnedItemPoints":11,"maxItemPoints":12,"ratePercent":91.7,"points":11,"minimumRatePercent":80,"gatePassed":true,"openMajorHazardItems":[]},{"code":"MGMT","name":{"zh":"安全管理","en":"Safety management"},"weight":35,"effectiveWeight":35,"applicable":true,"earnedItemPoints":60,"maxItemPoints":71,"ratePercent":84.5,"points":29.6,"minimumRatePercent":80,"gatePassed":true,"openMajorHazardItems":[]},{"code":"PROT","name":{"zh":"劳动保护与职业健康","en":"Labour protection and occupational health"},"weight":25,"effectiveWeight":25,"applicable":true,"earnedItemPoints":27,"maxItemPoints":32,"ratePercent":84.4,"points":21.1,"minimumRatePercent":80,"gatePassed":true,"openMajorHazardItems":[]},{"code":"BASE","name":{"zh":"基层组织安全生产建设","en":"Grassroots safety building"},"weight":15,"effectiveWeight":15,"applicable":true,"earnedItemPoints":16,"maxItemPoints":20,"ratePercent":80,"points":12,"minimumRatePercent":80,"gatePassed":true,"openMajorHazardItems":[]},{"code":"MASS","name":{"zh":"群众监督参与","en":"Mass supervision and participation"},"weight":13,"effectiveWeight":13,"applicable":true,"earnedItemPoints":10.5,"maxItemPoints":12,"ratePercent":87.5,"points":11.4,"minimumRatePercent":80,"gatePassed":true,"openMajorHazardItems":[]}],"overdueDeduction":0,"bonus":{"claimed":0,"granted":0,"cap":4},"gates":[],"vetoes":[],"eligible":true,"grade":{"code":"meets","label":{"zh":"达标","en":"Meets the standard"}},"eligibleAwards":[],"explanation":[]}"""

if __name__ == "__main__":
    main()
