#!/usr/bin/env python3
"""Upload load test: POST every file of a folder once to a running `ankang serve`, over C concurrent
keep-alive connections, and report throughput, latency percentiles and errors as JSON.

    tools/load-upload.py URL TOKEN DIR [--connections 64]

URL is the server's base (http://127.0.0.1:8080); each file goes to URL/api/v1/submissions with
`Authorization: Bearer TOKEN`. A 2xx or a 422 for a file the corpus manifest marks invalid counts as
expected; anything else (or a connection error) is an error. Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import http.client
import json
import queue
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlparse


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("token")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    target = urlparse(args.url)
    manifest = {}
    if (args.folder / "manifest.tsv").exists():
        for line in (args.folder / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 3:
                manifest[parts[0]] = parts[2]
    files = sorted(p for p in args.folder.iterdir() if p.suffix == ".xml")
    bodies = [(p.name, p.read_bytes()) for p in files]
    work: queue.Queue = queue.Queue()
    for item in bodies:
        work.put(item)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        while True:
            try:
                name, body = work.get_nowait()
            except queue.Empty:
                break
            started = time.perf_counter()
            try:
                connection.request("POST", "/api/v1/submissions", body=body, headers={
                    "Content-Type": "application/xml", "Authorization": f"Bearer {args.token}", "X-File-Name": name})
                response = connection.getresponse()
                response.read()
                status = response.status
            except Exception as error:  # a broken connection: count it and reconnect
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
                with lock:
                    errors.append(f"{name}: {error}")
                continue
            elapsed = time.perf_counter() - started
            expected = 200 <= status < 300 or (status == 422 and manifest.get(name) == "invalid")
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
                if not expected:
                    errors.append(f"{name}: HTTP {status}")
        connection.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    print(json.dumps({
        "files": len(bodies), "connections": args.connections, "seconds": round(wall, 3),
        "filesPerSecond": round(len(bodies) / wall, 1), "p50ms": round(percentile(0.50), 1), "p99ms": round(percentile(0.99), 1),
        "maxms": round(latencies[-1] * 1000, 1) if latencies else 0, "meanms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0,
        "statuses": {str(k): v for k, v in sorted(statuses.items())}, "errors": len(errors), "firstErrors": errors[:5],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
