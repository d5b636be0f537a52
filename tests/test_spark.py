"""`eventwire batch --engine spark`: Spark in local mode on a small corpus written by this project;
its Parquet must hold exactly the events `extract` gives for the same stories, row for row and
column for column what `export --layout native --format parquet` writes of them once ingested."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest
from support import run_subprocess
from web_support import STORIES

from eventwire.store.columns import NAMES

pytestmark = pytest.mark.skipif(shutil.which("java") is None,
                                reason="Spark needs Java (.ci/run installs default-jre-headless)")


def _key(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_spark_job_writes_what_extract_codes(tmp_path, form):
    corpus = tmp_path / "stories.jsonl"
    records = [*STORIES, {"id": "broken", "text": 42}]  # a bad record is skipped, not fatal
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    source = corpus
    if form == "parquet":
        import pyarrow as pa

        source = tmp_path / "stories.parquet"
        pq.write_table(pa.Table.from_pylist([{k: str(v) for k, v in r.items()} for r in STORIES]), source)
    out = tmp_path / "events"
    result = run_subprocess("batch", "--engine", "spark", "--master", "local[2]", str(source), str(out), timeout=600)
    assert result.code == 0, result.err[-3000:]

    spark_table = pq.read_table(out)
    database = tmp_path / "events.db"
    assert run_subprocess("ingest", str(corpus), "--db", str(database), "--no-progress").code == 1  # the bad record
    exported = tmp_path / "exported.parquet"
    assert run_subprocess("export", "--db", str(database), "--format", "parquet", str(exported)).code == 0
    export_table = pq.read_table(exported)
    assert spark_table.column_names == export_table.column_names == list(NAMES)
    assert spark_table.schema == export_table.schema
    spark_rows = spark_table.to_pylist()
    assert sorted(map(_key, spark_rows)) == sorted(map(_key, export_table.to_pylist()))

    extracted = run_subprocess("extract", str(corpus), "--format", "jsonl")
    expected = [event["id"] for line in extracted.out.splitlines() for event in json.loads(line)["events"]]
    assert len(expected) >= 8
    assert sorted(r["id"] for r in spark_rows) == sorted(expected)
    assert {r["story_id"] for r in spark_rows} == {s["id"] for s in STORIES}
    assert "events written: " + str(len(expected)) in result.err
