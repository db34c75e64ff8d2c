#!/usr/bin/env python3
"""Which tables and indexes an SQLite write-ahead log's pages belong to: reads the frames of the log's
current generation (those with the header's salt), maps each page number to its b-tree with SQLite's
`dbstat` table, and prints frames per b-tree, per commit.

    tools/wal-pages.py DB        (DB-wal must exist: copy both files of a live or killed database first)

Works on copies in a temporary folder, so the database and its log are left as they are. Python 3.11,
standard library only (Debian's sqlite3 module has dbstat).
"""
from __future__ import annotations

import collections
import shutil
import sqlite3
import struct
import sys
import tempfile
from pathlib import Path


def main() -> None:
    database = Path(sys.argv[1])
    log = database.with_name(database.name + "-wal").read_bytes()
    _, _, page_size, _, salt1, salt2, _, _ = struct.unpack(">8I", log[:32])
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite"
        shutil.copyfile(database, copy)
        Path(folder, "copy.sqlite-wal").write_bytes(log)
        connection = sqlite3.connect(copy)
        owner = dict(connection.execute("SELECT pageno, name FROM dbstat"))
        connection.close()
    frames = commits = 0
    per_tree: collections.Counter[str] = collections.Counter()
    offset = 32
    while offset + 24 + page_size <= len(log):
        page, size_after_commit, frame_salt1, frame_salt2 = struct.unpack(">4I", log[offset:offset + 16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break
        frames += 1
        commits += size_after_commit != 0
        per_tree[owner.get(page, "?")] += 1
        offset += 24 + page_size
    print(f"page size {page_size}, {frames} frames, {commits} commits, {frames / max(commits, 1):.0f} frames per commit")
    for name, count in per_tree.most_common():
        print(f"{count:8d} {count / frames * 100:5.1f} % {count / max(commits, 1):7.1f} per commit  {name}")


if __name__ == "__main__":
    main()
