"""The server under load: concurrent readers on 127.0.0.1 while an ingest writes to the same database.

    python bench/load.py [--clients 50] [--seconds 30] [--pg postgresql://...]

For SQLite (a new WAL file in a temporary folder) and, when ``--pg`` names a throwaway database,
PostgreSQL, it
  1. ingests the bundled demo stories (samples/), so that there is something to read;
  2. starts `eventwire serve` on a free port of 127.0.0.1 and `eventwire ingest` of a few hundred
     stories this script writes (new ones on every run, so the writer really writes);
  3. runs ``--clients`` concurrent clients for ``--seconds``, each asking in turn for the API's
     lists and filters, a story, and the HTML pages (events, map, timeline, network);
and prints requests/s, latency percentiles (p50, p90, p99, max) and the number of errors (any
answer other than 200, or no answer). It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTWIRE = [sys.executable, "-m", "eventwire"]

PATHS = [
    "/api/events?per_page=50",
    "/api/events?type=PROTEST&sort=-date",
    "/api/events?status=denied&status=alleged",
    "/api/events?actor=KEN&since=2020-01-01",
    "/api/events?text=police&per_page=20",
    "/api/events?canonical=true",
    "/api/actors?limit=20",
    "/api/dyads",
    "/api/places",
    "/api/timeseries?interval=week",
    "/api/stories",
    "/events",
    "/events?type=ACCUSE",
    "/map",
    "/timeline",
    "/network",
]

COUNTRIES = [("Kenya", "Kenyan", "Nairobi"), ("Uganda", "Ugandan", "Kampala"), ("Sudan", "Sudanese", "Khartoum"),
             ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Nigeria", "Nigerian", "Abuja"), ("Mali", "Malian", "Bamako")]


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` short wire stories written by this script, unique to this run."""
    run = time.strftime("%H%M%S")
    lines = []
    for i in range(n):
        a, a_adj, a_city = COUNTRIES[i % len(COUNTRIES)]
        b, b_adj, _ = COUNTRIES[(i * 5 + 1) % len(COUNTRIES)]
        text = (f"{a_adj} police fired tear gas at protesters in {a_city} on Monday, witnesses said (run {run}, "
                f"story {i}). The government of {a} accused {b} of supporting rebels near the border. "
                f"{b_adj} officials denied the charge and said they would send a delegation to {a_city} "
                f"for talks next week. Rebels attacked a village and killed {i % 9 + 2} civilians.")
        lines.append(json.dumps({"id": f"load-{run}-{i}", "title": f"Load story {i}", "published":
                                 f"2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "text": text}))
    path = folder / f"load-{run}.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([*EVENTWIRE, "serve", "--db", db, "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/stories", timeout=2).read()
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


async def clients(base: str, n: int, seconds: float) -> tuple[list[tuple[str, float]], list[str]]:
    import httpx

    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        story_ids = [s["id"] for s in (await http.get("/api/stories?per_page=20")).json()["stories"]]
        paths = PATHS + [f"/api/stories/{sid}" for sid in story_ids[:4]] + [f"/stories/{sid}" for sid in story_ids[:2]]

        async def one(k: int) -> None:
            i = k
            while time.perf_counter() < stop:
                path = paths[i % len(paths)]
                i += n
                started = time.perf_counter()
                try:
                    response = await http.get(path)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {path}")
                latencies.append((path.split("?")[0], time.perf_counter() - started))

        await asyncio.gather(*(one(k) for k in range(n)))
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def count_stories(db: str) -> int:
    from eventwire.store import open_store

    store = open_store(db)
    try:
        return store.counts()["stories"]
    finally:
        store.close()


def run(label: str, db: str, folder: Path, n_clients: int, seconds: float, n_stories: int) -> None:
    subprocess.run([*EVENTWIRE, "ingest", str(ROOT / "samples"), "--db", db, "--no-progress"], cwd=ROOT,
                   check=True, capture_output=True)
    corpus = write_corpus(folder, n_stories)
    server, base = start_server(db)
    before = count_stories(db)
    writer = subprocess.Popen([*EVENTWIRE, "ingest", str(corpus), "--db", db, "--no-progress"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)  # the writer has loaded its model and is writing
        started = time.perf_counter()
        latencies, errors = asyncio.run(clients(base, n_clients, seconds))
        elapsed = time.perf_counter() - started
        written = count_stories(db) - before
    finally:
        writer.terminate()
        writer_err = writer.communicate(timeout=60)[1]
        server.terminate()
        server.wait(timeout=30)
    ms = [v * 1000 for _, v in latencies]
    by_path: dict[str, list[float]] = {}
    for path, v in latencies:
        by_path.setdefault(path if not path.startswith("/api/stories/") and not path.startswith("/stories/")
                           else path.rsplit("/", 1)[0] + "/{id}", []).append(v * 1000)
    print(f"\n{label}: {n_clients} clients for {seconds:.0f} s while an ingest writes")
    print(f"  requests: {len(ms)} ({len(ms) / elapsed:.1f}/s), errors: {len(errors)}")
    print(f"  latency ms: p50 {percentile(ms, 50):.0f}, p90 {percentile(ms, 90):.0f}, p99 {percentile(ms, 99):.0f}, "
          f"max {max(ms):.0f}, mean {statistics.fmean(ms):.0f}")
    slowest = sorted(by_path.items(), key=lambda kv: -statistics.median(kv[1]))[:4]
    print("  slowest medians: " + ", ".join(f"{p} {statistics.median(v):.0f} ms" for p, v in slowest))
    print(f"  stories written by the concurrent ingest during the run: {written}")
    for line in sorted(set(errors))[:10]:
        print(f"  error: {line}")
    if "Traceback" in (writer_err or ""):
        print("  the writer failed:\n" + writer_err[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--stories", type=int, default=600, help="stories the concurrent ingest writes")
    parser.add_argument("--pg", metavar="URL", help="also a throwaway PostgreSQL database (its tables are reused)")
    args = parser.parse_args()
    print(f"eventwire load bench, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp:
        folder = Path(tmp)
        run("SQLite (WAL)", str(folder / "load.db"), folder, args.clients, args.seconds, args.stories)
        if args.pg:
            run("PostgreSQL", args.pg, folder, args.clients, args.seconds, args.stories)


if __name__ == "__main__":
    main()
