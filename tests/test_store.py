"""The event database, against a real SQLite file and a real PostgreSQL server (started by
.ci/run; set EVENTWIRE_TEST_PG to a postgresql:// URL to run those here)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from support import ROOT, counts, jsonl, story_corpus

from eventwire.model import Rejected, Story
from eventwire.read import read_inputs
from eventwire.store import open_store
from eventwire.store import schema as s
from eventwire.store.query import Filters, events

STORIES = [
    ("kenya-1", "Police fire tear gas in Nairobi", "2024-06-25",
     "Kenyan police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. Opposition leaders "
     "condemned the police and demanded an inquiry into the violence."),
    ("eu-1", "EU sanctions Russia", "2024-06-24",
     "The European Union imposed new sanctions on Russia on Monday. Moscow condemned the measures and "
     "threatened to retaliate against European companies, the Russian foreign ministry said."),
    ("sudan-1", "Clashes near El Geneina", "2024-05-17",
     "Sudanese troops clashed with rebels near El Geneina on Thursday. The rebels denied that they had attacked "
     "the town of Kutum."),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    url = os.environ.get("EVENTWIRE_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL here: .ci/run starts one and sets EVENTWIRE_TEST_PG")
    store = open_store(url)
    s.metadata.drop_all(store.engine)
    store.close()
    yield url


def ingest(cli, db, *paths):
    result = cli("ingest", *map(str, paths), "--db", db, "--no-progress")
    return result


def test_ingest_is_idempotent(cli, db, tmp_path):
    corpus = tmp_path / "stories.jsonl"
    jsonl(corpus, STORIES)
    first = ingest(cli, db, corpus)
    assert first.code == 0, first.err
    assert "coded and written: 3 (3 new, 0 replaced)" in first.err
    before = counts(db)
    assert before["stories"] == 3 and before["events"] > 3 and before["mentions"] >= before["events"]
    second = ingest(cli, db, corpus)
    assert "unchanged, skipped: 3" in second.err and "coded and written: 0" in second.err
    assert counts(db) == before


def test_a_changed_story_replaces_its_events(cli, db, tmp_path):
    corpus = tmp_path / "stories.jsonl"
    jsonl(corpus, STORIES)
    ingest(cli, db, corpus)
    changed = [(*STORIES[0][:3], "Kenyan police arrested three opposition leaders in Nairobi on Tuesday.")]
    jsonl(corpus, changed)
    result = ingest(cli, db, corpus)
    assert "(0 new, 1 replaced)" in result.err
    store = open_store(db)
    rows = list(events(store, Filters(story="kenya-1")))
    store.close()
    assert [r["plover"]["type"] for r in rows] == ["COERCE"]
    assert counts(db)["stories"] == 3


def test_schema_version_is_kept(db, tmp_path):
    store = open_store(db)
    with store.engine.connect() as conn:
        assert conn.execute(s.meta.select()).first().value == str(s.SCHEMA_VERSION)
    store.close()


def test_rejected_inputs_are_summarised_and_the_rest_written(cli, db, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    jsonl(corpus / "a.jsonl", STORIES[:1])
    (corpus / "empty.txt").write_text("")
    (corpus / "b.jsonl").write_text('{"id": "x", "text": \n')
    result = ingest(cli, db, corpus)
    assert result.code == 1
    assert "rejected: 2" in result.err and "1 × empty input" in result.err and "1 × not JSON" in result.err
    assert counts(db)["stories"] == 1


def test_kill_during_ingest_leaves_whole_stories_and_a_resumed_run_completes(db, tmp_path):
    folder = story_corpus(tmp_path, 40)
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", db, "--no-progress"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    written = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            written = counts(db)["stories"]
        except Exception:  # the schema may not exist yet
            written = 0
        if written >= 5:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed: use a larger corpus"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(db)
    with store.engine.connect() as conn:
        stories = conn.execute(s.stories.select()).fetchall()
        for story in stories:  # every story that is in is wholly in: its events and their mentions
            n_events = conn.execute(s.events.select().where(s.events.c.story_id == story.id)).fetchall()
            assert n_events, story.id
            for event in n_events:
                assert conn.execute(s.mentions.select().where(s.mentions.c.event_id == event.id)).fetchall()
    store.close()
    assert 5 <= len(stories) < 40
    resumed = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", db, "--no-progress"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"unchanged, skipped: {len(stories)}" in resumed.stderr
    after = counts(db)
    assert after["stories"] == 40
    fresh = tmp_path / "fresh.db"
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", str(fresh), "--no-progress"],
                   cwd=ROOT, env=env, capture_output=True, timeout=300, check=True)
    assert after == counts(str(fresh))  # no duplicates: the same rows as one uninterrupted run


def test_near_duplicate_stories_collapse_into_one_canonical_event(cli, db, tmp_path):
    text = ("Kenyan police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. The opposition "
            "condemned the police and said it would hold more rallies across the country next week. Thousands of "
            "young people marched through the centre of the capital to demand that the government withdraw a "
            "finance bill that raises taxes on bread, fuel and mobile money. Shops in the business district "
            "stayed closed for most of the day and several roads into the city were blocked by burning tyres, "
            "according to local television, while riot police guarded the approaches to parliament.")
    edited = text.replace("witnesses said", "witnesses told reporters") + " Parliament will vote on Thursday."
    other = "Ugandan troops clashed with rebels near the border with Congo on Tuesday, officials said."
    corpus = tmp_path / "wire.jsonl"
    with open(corpus, "w") as out:
        for sid, body, outlet in (("a", text, "Daily One"), ("b", edited, "Daily Two"), ("c", other, "Daily One")):
            out.write(json.dumps({"id": sid, "text": body, "published": "2024-06-26", "source": outlet}) + "\n")
    ingest(cli, db, corpus)
    store = open_store(db)
    per_story = list(events(store, Filters(plover_type=["PROTEST"])))
    canonical = list(events(store, Filters(plover_type=["PROTEST"]), canonical=True))
    with store.engine.connect() as conn:
        dup = {row.id: row.duplicate_of for row in conn.execute(s.stories.select())}
    store.close()
    assert dup == {"a": None, "b": "a", "c": None}
    assert sorted(r["story_id"] for r in per_story) == ["a", "b"]  # each story's own events stay
    (shared,) = canonical
    assert shared["num_articles"] == 2 and shared["num_sources"] == 2


@pytest.fixture
def filled(cli, db, tmp_path):
    corpus = tmp_path / "stories.jsonl"
    jsonl(corpus, STORIES)
    ingest(cli, db, corpus)
    return db


@pytest.mark.parametrize(("filters", "expect"), [
    (Filters(since="2024-06-01"), {"kenya-1", "eu-1"}),
    (Filters(until="2024-06-01"), {"sudan-1"}),
    (Filters(actor=["IGOEU"]), {"eu-1"}),
    (Filters(actor=["European Union"]), {"eu-1"}),
    (Filters(country=["SDN"]), {"sudan-1"}),
    (Filters(source=["KEN"]), {"kenya-1"}),
    (Filters(target=["RUS"]), {"eu-1"}),
    (Filters(dyad=("RUS", "IGOEU")), {"eu-1"}),
    (Filters(plover_type=["SANCTION"]), {"eu-1"}),
    (Filters(cameo_root=["19"]), {"sudan-1"}),
    (Filters(status=["denied"]), {"sudan-1"}),
    (Filters(place=["Nairobi"]), {"kenya-1"}),
    (Filters(location_country=["SDN"]), {"sudan-1"}),
    (Filters(text="tear gas"), {"kenya-1"}),
    (Filters(text="100%' OR '1'='1"), set()),  # bound parameters: an injection string is just text
    (Filters(actor=["x' OR 1=1 --"]), set()),
    (Filters(story="eu-1"), {"eu-1"}),
])
def test_every_filter(filled, filters, expect):
    store = open_store(filled)
    found = {r["story_id"] for r in events(store, filters)}
    store.close()
    assert found == expect


def test_query_command_states_its_statuses(cli, filled):
    table = cli("query", "--db", filled)
    assert "(all statuses)" in table.out
    report = cli("query", "--db", filled, "--status", "denied", "--format", "json").json()
    assert report["statuses"] == ["denied"] and all(e["status"] == "denied" for e in report["events"])
    rows = list(csv.DictReader(cli("query", "--db", filled, "--type", "SANCTION", "--format", "csv").out.splitlines()))
    assert rows and all(r["plover.type"] == "SANCTION" for r in rows)
    bad = cli("query", "--db", filled, "--since", "last year")
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err


@pytest.mark.parametrize("layout", ["native", "gdelt", "polecat"])
@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_every_export_layout_reads_back(cli, filled, tmp_path, layout, fmt):
    out = tmp_path / f"events.{fmt}"
    result = cli("export", "--db", filled, "--format", fmt, "--layout", layout, str(out))
    assert result.code == 0, result.err
    if fmt == "csv":
        rows = list(csv.DictReader(out.open()))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.open()]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    store = open_store(filled)
    n_events = store.counts()["events"]
    store.close()
    assert len(rows) == n_events
    key = {"native": "id", "gdelt": "GLOBALEVENTID", "polecat": "event_id"}[layout]
    assert {str(r[key]).split("-")[0] for r in rows} >= {"kenya", "eu", "sudan"}
    if layout == "gdelt":
        sanction = next(r for r in rows if str(r["EventRootCode"]) == "16")
        assert sanction["Actor1Code"] == "IGOEU" and sanction["Actor2CountryCode"] == "RUS"
        assert int(sanction["SQLDATE"]) == 20240624
    if layout == "polecat":
        assert {r["event_type"] for r in rows} >= {"SANCTION", "FIGHT"}
    if layout == "native" and fmt == "jsonl":
        assert all(r["mentions"] and r["mentions"][0]["trigger"]["text"] for r in rows)


def test_a_bad_database_url_is_one_clear_line(cli, tmp_path):
    result = cli("query", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.code == 1
    assert len(result.err_lines) == 1 and "cannot open database" in result.err


def test_stories_read_for_ingest_are_the_reader_s():
    items = list(read_inputs([str(ROOT / "samples")]))
    assert all(isinstance(i, Story) for i in items) and not any(isinstance(i, Rejected) for i in items)
