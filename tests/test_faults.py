"""Faults under a running ingest: a full disk, a locked SQLite file, a PostgreSQL server stopped
mid-run. Each must end in one clear line and exit 1, leave only whole stories, and be resumable by
running the same command again. (SIGKILL during ingest is in test_store.py.)"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from support import ROOT, counts, story_corpus

from eventwire.store import open_store
from eventwire.store import schema as s

ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}


def ingest_command(folder: Path, db: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", db, "--no-progress"]


def only_whole_stories(db: str) -> int:
    """Every stored story has its events, and every event its mentions; returns the story count."""
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            stories = conn.execute(s.stories.select()).fetchall()
            for story in stories:
                events = conn.execute(s.events.select().where(s.events.c.story_id == story.id)).fetchall()
                assert events, story.id
                for event in events:
                    assert conn.execute(s.mentions.select().where(s.mentions.c.event_id == event.id)).fetchall()
                assert conn.execute(s.story_bands.select().where(s.story_bands.c.story_id == story.id)).fetchall()
        return len(stories)
    finally:
        store.close()


def one_clear_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("eventwire: ") and "skipped" not in line]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    for word in words:
        assert word in lines[0], lines[0]
    assert "run the same command again" in lines[0]
    return lines[0]


def resume_and_compare(folder: Path, db: str, n: int, tmp_path: Path) -> None:
    resumed = subprocess.run(ingest_command(folder, db), cwd=ROOT, env=ENV, capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    after = counts(db)
    assert after["stories"] == n
    fresh = str(tmp_path / "fresh.db")
    subprocess.run(ingest_command(folder, fresh), cwd=ROOT, env=ENV, capture_output=True, timeout=300, check=True)
    assert after == counts(fresh)  # the same rows as one run that nothing interrupted


def test_a_full_disk_stops_ingest_with_one_line_and_a_rerun_completes(tmp_path, coder):
    coder.place_index  # noqa: B018 - the place cache is built now, not by the limited process below
    folder = story_corpus(tmp_path, 30)
    db = str(tmp_path / "events.db")
    open_store(db).close()  # the schema is written; the stories will not all fit
    limit = 300 * 1024  # bytes any file the process writes may reach, as `ulimit -f` sets

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))  # Python ignores SIGXFSZ: writes get EFBIG

    full = subprocess.run(ingest_command(folder, db), cwd=ROOT, env=ENV, capture_output=True, text=True,
                          timeout=300, preexec_fn=small_disk)
    assert full.returncode == 1, full.stderr
    one_clear_line(full.stderr, "failed while writing", "stories.jsonl:")
    written = only_whole_stories(db)
    assert 0 < written < 30
    assert f"The {written} stories written before it are whole" in full.stderr
    resume_and_compare(folder, db, 30, tmp_path)


def test_a_locked_database_stops_ingest_with_one_line_and_a_rerun_completes(tmp_path):
    folder = story_corpus(tmp_path, 6)
    db = str(tmp_path / "events.db")
    open_store(db).close()  # the schema exists; now another program holds the write lock
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        locked = subprocess.run(ingest_command(folder, db), cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env={**ENV, "EVENTWIRE_LOCK_TIMEOUT": "1"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.returncode == 1, locked.stderr
    one_clear_line(locked.stderr, "locked", "The 0 stories written before it are whole")
    assert only_whole_stories(db) == 0
    resume_and_compare(folder, db, 6, tmp_path)


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


@pytest.fixture
def own_postgres():
    """A PostgreSQL server of this test's own, which it may stop and start (needs root and the
    Debian postgresql package, as .ci/run installs)."""
    pgbin = _postgres_bin()
    if pgbin is None or os.geteuid() != 0 or shutil.which("su") is None:
        pytest.skip("needs root and Debian's postgresql package (.ci/run installs it)")
    data = Path(tempfile.mkdtemp(prefix="eventwire-pg-fault-"))
    shutil.chown(data, "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    def as_postgres(command: str) -> None:
        subprocess.run(["su", "postgres", "-c", command], check=True, capture_output=True, timeout=120)

    as_postgres(f"{pgbin}/initdb -D {data} -A trust -U postgres")
    start = f"{pgbin}/pg_ctl -D {data} -o '-c listen_addresses=127.0.0.1 -p {port} -k /tmp' -l {data}/log -w start"
    as_postgres(start)
    as_postgres(f"{pgbin}/createdb -h 127.0.0.1 -p {port} faults")
    server = {"url": f"postgresql://postgres@127.0.0.1:{port}/faults",
              "stop": lambda: as_postgres(f"{pgbin}/pg_ctl -D {data} -m immediate -w stop"),
              "start": lambda: as_postgres(start)}
    yield server
    subprocess.run(["su", "postgres", "-c", f"{pgbin}/pg_ctl -D {data} -m immediate stop"], capture_output=True)
    shutil.rmtree(data, ignore_errors=True)


def test_postgresql_stopped_mid_ingest_gives_one_line_and_a_rerun_completes(own_postgres, tmp_path):
    folder = story_corpus(tmp_path, 40)
    db = own_postgres["url"]
    proc = subprocess.Popen(ingest_command(folder, db), cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            if counts(db)["stories"] >= 5:
                break
        except Exception:  # the schema may not exist yet
            pass
    assert proc.poll() is None, "the ingest ended before the server could be stopped: use a larger corpus"
    own_postgres["stop"]()
    stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 1, stderr
    one_clear_line(stderr, "failed while")
    own_postgres["start"]()
    written = only_whole_stories(db)
    assert 5 <= written < 40
    resume_and_compare(folder, db, 40, tmp_path)
