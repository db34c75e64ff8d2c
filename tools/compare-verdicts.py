#!/usr/bin/env python3
"""Compare ankang's verdicts with xmllint's (the reference XSD validator) on every file of a corpus.

    tools/compare-verdicts.py DIR [--ankang PATH] [--schemas DIR] [--xmllint PATH] [--jobs N]

1. xmllint: the files are grouped by document type from their root element, and each group is
   validated by one `xmllint --noout --schema schemas/<schema> FILES...` run. A file whose root is
   not one of the three submission roots (or that has no readable root) is invalid for both tools.
2. ankang: one `ankang validate --format json DIR` run.
3. Schema-level agreement, on EVERY file: xmllint says valid ⇔ ankang reports no error whose code
   is outside the ANK-SEM family (semantic rules run only on schema-valid files, so ANK-SEM errors
   are what ankang may add beyond the XSD; --policy-code CODE adds a code to that allowance).
4. If DIR/manifest.tsv exists (tools/gen-corpus.py writes it): ankang's full verdict must equal the
   expected one, an invalid file must carry the expected code, a valid file must be read as the
   expected kind, and xmllint must reject exactly the files whose expected code is not ANK-SEM-*.

Prints counts and every disagreement; exit 0 when everything agrees, 1 on any disagreement,
2 when a tool cannot be run. Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {
    "ankangCupAssessment": "ankang-cup-assessment-1.xsd",
    "monitoringRecord": "monitoring-record-1.xsd",
    "hazardRectification": "hazard-rectification-1.xsd",
}
SUBMISSION_NS = "urn:ankang:inspection:1"
# xmllint's command line is split so that no run exceeds this many files (ARG_MAX safety).
CHUNK = 2000

PROLOG = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S)
START_TAG = re.compile(rb"\s*<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s/>]")


def root_name(path: Path) -> str | None:
    """The local name of the root element, read from the start of the file (no full parse)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16384)
    except OSError:
        return None
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be"
        head = head[2:len(head) - len(head) % 2].decode(codec, "replace").encode("utf-8")
    position = 0
    while match := PROLOG.match(head, position):
        position = match.end()
    match = START_TAG.match(head, position)
    return match.group(1).decode("ascii", "replace") if match else None


def run_xmllint(xmllint: str, schemas: Path, groups: dict[str, list[Path]]) -> tuple[dict[Path, bool], dict[Path, list[str]]]:
    verdicts: dict[Path, bool] = {}
    messages: dict[Path, list[str]] = collections.defaultdict(list)
    for root, files in groups.items():
        schema = schemas / SCHEMAS[root]
        for start in range(0, len(files), CHUNK):
            chunk = files[start:start + CHUNK]
            result = subprocess.run([xmllint, "--noout", "--schema", str(schema), *map(str, chunk)],
                                    capture_output=True, text=True, errors="replace")
            if result.returncode not in (0, 1, 3, 4) and "validates" not in result.stderr:
                sys.exit(f"compare-verdicts: xmllint failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
            by_name = {str(f): f for f in chunk}
            for line in result.stderr.splitlines():
                if line.endswith(" validates") and line[:-10] in by_name:
                    verdicts[by_name[line[:-10]]] = True
                elif line.endswith(" fails to validate") and line[:-18] in by_name:
                    verdicts[by_name[line[:-18]]] = False
                else:
                    for name, f in by_name.items():
                        if line.startswith(name + ":"):
                            messages[f].append(line[len(name) + 1:].strip())
                            break
            for f in chunk:
                verdicts.setdefault(f, False)  # not well-formed: xmllint reports the parse error only
    return verdicts, messages


def run_ankang(ankang: str, directory: Path, jobs: int | None) -> dict[str, dict]:
    command = [ankang, "validate", "--format", "json", str(directory)]
    if jobs:
        command += ["--jobs", str(jobs)]
    result = subprocess.run(command, capture_output=True)
    if result.returncode not in (0, 1):
        sys.exit(f"compare-verdicts: `{' '.join(command)}` exited {result.returncode}:\n"
                 f"{result.stderr.decode('utf-8', 'replace')[-2000:]}")
    try:
        document = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        sys.exit(f"compare-verdicts: ankang printed no JSON ({error}):\n{result.stdout[:500]!r}")
    reports = {}
    for entry in document["files"]:
        path = Path(entry["path"])
        if not path.is_absolute():
            path = Path.cwd() / path
        try:
            key = str(path.resolve().relative_to(directory.resolve()))
        except ValueError:
            key = path.name
        reports[key] = entry
    summary = document.get("summary", {})
    invalid = sum(1 for r in reports.values() if not r["valid"])
    if summary and summary.get("invalid") != invalid:
        sys.exit(f"compare-verdicts: ankang's summary says {summary.get('invalid')} invalid, its files list {invalid}")
    if (result.returncode == 1) != (invalid > 0):
        sys.exit(f"compare-verdicts: ankang exited {result.returncode} with {invalid} invalid files")
    return reports


def read_manifest(directory: Path) -> dict[str, dict] | None:
    path = directory / "manifest.tsv"
    if not path.exists():
        return None
    rows = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    for line in lines[1:]:
        if line.strip():
            fields = dict(zip(header, line.split("\t")))
            rows[fields["file"]] = fields
    return rows


def describe(entry: dict | None) -> str:
    if entry is None:
        return "no report"
    shown = [f"{d['severity']} {d['code']}" + (f" line {d['line']}" if d.get("line") else "") + f": {d['en']}"
             for d in entry["diagnostics"]]
    return "; ".join(shown[:3]) + (f"; … {len(shown) - 3} more" if len(shown) > 3 else "") if shown else "no findings"


def main() -> int:
    parser = argparse.ArgumentParser(description="Check that ankang agrees with xmllint (and the corpus manifest) on every file.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--ankang", default=str(ROOT / ".build" / "debug" / "ankang"), help="ankang binary (default .build/debug/ankang)")
    parser.add_argument("--schemas", type=Path, default=ROOT / "schemas", help="schema folder (default schemas/)")
    parser.add_argument("--xmllint", default=shutil.which("xmllint") or "xmllint", help="xmllint binary")
    parser.add_argument("--jobs", type=int, help="passed to ankang validate --jobs")
    parser.add_argument("--max-shown", type=int, default=50, help="most disagreements printed per category")
    parser.add_argument("--policy-code", action="append", default=[], metavar="CODE",
                        help="an ankang code that refuses by policy what the XSD allows (e.g. ANK-ENC-001 for an encoding "
                             "ankang does not accept); like ANK-SEM codes, it does not count against schema-level agreement. "
                             "Repeatable; none by default")
    args = parser.parse_args()

    directory = args.directory
    if not directory.is_dir():
        print(f"compare-verdicts: {directory} is not a directory", file=sys.stderr)
        return 2
    for tool in (args.ankang, args.xmllint):
        if not (os.path.isfile(tool) and os.access(tool, os.X_OK)) and shutil.which(tool) is None:
            print(f"compare-verdicts: cannot run {tool}", file=sys.stderr)
            return 2

    # Same file set as `ankang validate DIR`: *.xml, recursively, hidden entries skipped.
    files = sorted(p for p in directory.rglob("*")
                   if p.suffix.lower() == ".xml" and p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(directory).parts))
    keys = {p: str(p.relative_to(directory)) for p in files}
    roots = {p: root_name(p) for p in files}
    groups: dict[str, list[Path]] = collections.defaultdict(list)
    for p in files:
        if roots[p] in SCHEMAS:
            groups[roots[p]].append(p)

    xmllint_valid, xmllint_messages = run_xmllint(args.xmllint, args.schemas, groups)
    for p in files:
        xmllint_valid.setdefault(p, False)  # unknown or unreadable root: invalid for both
    reports = run_ankang(args.ankang, directory, args.jobs)
    manifest = read_manifest(directory)

    problems: dict[str, list[str]] = collections.defaultdict(list)
    counts = collections.Counter()
    warnings = collections.Counter()
    for p in files:
        key = keys[p]
        entry = reports.get(key)
        if entry is None:
            problems["missing from ankang's report"].append(key)
            continue
        errors = [d for d in entry["diagnostics"] if d["severity"] == "error"]
        for d in entry["diagnostics"]:
            if d["severity"] == "warning":
                warnings[d["code"]] += 1
        ankang_schema_ok = not any(not d["code"].startswith("ANK-SEM-") and d["code"] not in args.policy_code for d in errors)
        counts["files"] += 1
        counts["xmllint valid" if xmllint_valid[p] else "xmllint invalid"] += 1
        counts["ankang valid" if entry["valid"] else "ankang invalid"] += 1
        if entry["valid"] != (not errors):
            problems["ankang's valid flag contradicts its findings"].append(f"{key}: valid={entry['valid']}, {describe(entry)}")
        if xmllint_valid[p] != ankang_schema_ok:
            why = "; ".join(xmllint_messages.get(p, [])[:2]) or ("validates" if xmllint_valid[p] else f"root {roots[p]!r}")
            problems["schema-level verdicts differ (xmllint vs ankang)"].append(
                f"{key}: xmllint {'valid' if xmllint_valid[p] else 'invalid'} ({why}) | ankang {describe(entry)}")
        else:
            counts["schema-level agreement"] += 1
        if manifest is not None:
            row = manifest.get(p.name if key not in manifest else key)
            if row is None:
                problems["not in manifest.tsv"].append(key)
                continue
            expected_valid = row["expected"] == "valid"
            codes = {d["code"] for d in errors}
            ok = True
            if entry["valid"] != expected_valid:
                ok = False
                problems["ankang verdict differs from manifest"].append(
                    f"{key}: expected {row['expected']} ({row['defect']}, {row['code']}) | ankang {describe(entry)}")
            elif not expected_valid and row["code"] not in codes:
                ok = False
                problems["expected code not reported"].append(f"{key}: {row['defect']} expects {row['code']} | ankang {describe(entry)}")
            if expected_valid and entry.get("kind") != row["kind"]:
                ok = False
                problems["kind differs from manifest"].append(f"{key}: expected {row['kind']}, ankang {entry.get('kind')}")
            xmllint_expected = expected_valid or row["code"].startswith("ANK-SEM-")
            if xmllint_valid[p] != xmllint_expected:
                ok = False
                problems["xmllint verdict differs from manifest (generator bug?)"].append(
                    f"{key}: {row['defect']} → xmllint {'valid' if xmllint_valid[p] else 'invalid'}: "
                    + ("; ".join(xmllint_messages.get(p, [])[:2]) or "-"))
            counts["manifest agreement" if ok else "manifest disagreement"] += 1
            counts[f"expected {row['expected']}"] += 1
    if manifest is not None:
        for name in sorted(set(manifest) - {keys[p] for p in files} - {p.name for p in files}):
            problems["in manifest.tsv but missing"].append(name)

    kinds = collections.Counter(roots[p] or "?" for p in files)
    print(f"compare-verdicts: {counts['files']} files in {directory}")
    print("  by root:       " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"  xmllint:       {counts['xmllint valid']} valid, {counts['xmllint invalid']} invalid "
          f"({len(groups)} schema group(s), {sum(len(g) for g in groups.values())} files validated)")
    print(f"  ankang:        {counts['ankang valid']} valid, {counts['ankang invalid']} invalid"
          + (f", warnings: {dict(sorted(warnings.items()))}" if warnings else ", no warnings"))
    print(f"  schema level:  {counts['schema-level agreement']}/{counts['files']} agree")
    if manifest is not None:
        print(f"  manifest:      {counts['manifest agreement']}/{counts['files']} agree "
              f"(expected {counts['expected valid']} valid, {counts['expected invalid']} invalid)")
    else:
        print("  manifest:      none (no manifest.tsv)")
    total = sum(len(v) for v in problems.values())
    for category, lines in problems.items():
        print(f"\nDISAGREEMENT — {category}: {len(lines)}")
        for line in lines[:args.max_shown]:
            print(f"  {line}")
        if len(lines) > args.max_shown:
            print(f"  … {len(lines) - args.max_shown} more")
    print(f"\n{'OK: no disagreements' if total == 0 else f'FAILED: {total} disagreement(s)'}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
