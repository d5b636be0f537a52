"""`eventwire batch --engine spark INPUT OUTPUT`: the same coding as `extract` and `ingest`, as an
Apache Spark job, for corpora beyond one machine.

INPUT is JSON Lines of stories (the SPEC's fields: id, title, text, published, url, source) or
Parquet with those columns; OUTPUT is a Parquet folder of events in the native layout (the
columns of ``export --layout native``, one row per event, with ``story_id``). Each partition
runs the ordinary read → nlp → code → merge functions; the spaCy model and the lexicons load
once per Python worker, which Spark reuses across tasks. The job runs with ``--master
local[*]`` or on any cluster through spark-submit (see the README).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from eventwire.model import Actor, Attribution, Cameo, Event, Location, Mention, Plover, Story, Trigger
from eventwire.store.export import flatten


def _full_event() -> Event:
    """An event with every field set: its flattened keys are the layout's columns."""
    actor = Actor(text="x", start=0, end=1, name="x", country="x", sector="x", code="x")
    return Event(id="x", plover=Plover("x", "x", ["x"]), cameo=Cameo("x", "x", 1, 1.0), source=actor, target=actor,
                 date="x", date_precision="x", location=Location("x", "x", 1.0, 1.0, 1, 0, 1),
                 attribution=Attribution("x", "x", "x"), status="x",
                 mentions=[Mention("x", 0, 1, Trigger("x", 0, 1), "x")], confidence=1.0)


def _record(story_id: str, event: dict[str, Any]) -> dict[str, Any]:
    return {"story_id": story_id, **event}


@cache
def columns() -> tuple[tuple[str, str], ...]:
    """(name, type) of the layout, type being string, long or double; worked out once."""
    kinds = {bool: "long", int: "long", float: "double"}
    return tuple((name, kinds.get(type(value), "string"))
                 for name, value in flatten(_record("x", _full_event().to_dict())).items())


def rows_of(story_id: str, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events (as in the SPEC's JSON) as flat rows of the layout; absent parts give nulls."""
    cast = {"string": str, "long": int, "double": float}
    layout = [(name, cast[kind]) for name, kind in columns()]
    for event in events:
        flat = flatten(_record(story_id, event))
        yield {name: None if flat.get(name) is None else to(flat[name]) for name, to in layout}


def code_records(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """JSON story records → coded → event rows; a bad record is skipped (and counted by the job)."""
    from eventwire.coder import Coder
    from eventwire.read.jsonl import story_from_record

    items = (story_from_record(f"record {n}", line) for n, line in enumerate(lines))
    for story in Coder().code(items):
        if isinstance(story, Story):
            yield from rows_of(story.id, (e.to_dict() for e in story.events))


def run_spark(source: str, output: str, master: str | None = None) -> tuple[int, int]:
    """Run the job; returns (stories read, events written)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this Python, with eventwire
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T

    builder = SparkSession.builder.appName("eventwire batch")
    if master:
        builder = builder.master(master)
    spark = builder.config("spark.ui.enabled", "false").config("spark.python.worker.reuse", "true").getOrCreate()
    try:
        if _is_parquet(source):
            lines = spark.read.parquet(source).toJSON()
        else:
            lines = spark.read.text(source).rdd.map(lambda row: row.value).filter(lambda line: line.strip() != "")
        lines = lines.cache()
        stories = lines.count()
        spark_types = {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType()}
        schema = T.StructType([T.StructField(name, spark_types[kind], True) for name, kind in columns()])
        names = [name for name, _ in columns()]
        rows = lines.mapPartitions(lambda part: (tuple(r[n] for n in names) for r in code_records(part)))
        frame = spark.createDataFrame(rows, schema)
        frame.write.mode("overwrite").parquet(output)
        events = spark.read.parquet(output).count()
        return stories, events
    finally:
        spark.stop()


def _is_parquet(path: str) -> bool:
    if path.endswith(".parquet"):
        return True
    if os.path.isdir(path):
        return any(name.endswith(".parquet") for name in os.listdir(path))
    return False


def main(argv: list[str] | None = None) -> int:
    """For spark-submit: ``spark-submit .../eventwire/batch/__init__.py INPUT OUTPUT``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: spark-submit eventwire/batch/__init__.py INPUT OUTPUT", file=sys.stderr)
        return 2
    stories, events = run_spark(args[0], args[1])
    print(f"stories read: {stories}\nevents written: {events}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
