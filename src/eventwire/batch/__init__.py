"""`eventwire batch --engine spark INPUT OUTPUT`: the same coding as `extract` and `ingest`, as an
Apache Spark job, for corpora beyond one machine.

INPUT is JSON Lines of stories (the SPEC's fields: id, title, text, published, url, source) or
Parquet with those columns; OUTPUT is a Parquet folder of events in the native layout (the
columns of ``export --layout native``, from the table of the event's columns, one row per
event). Each partition runs the ordinary read → nlp → code → merge functions; the spaCy model
and the lexicons load once per Python worker, which Spark reuses across tasks. The job runs with ``--master
local[*]`` or on any cluster through spark-submit (see the README).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.model import Story
from eventwire.store.columns import COLUMNS, for_files, row_of


def rows_of(story: Story) -> list[dict[str, Any]]:
    """A coded story's events as rows of the native layout (the table of the event's columns)."""
    return [for_files(row_of(story, event)) for event in story.events]


def code_records(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """JSON story records → coded → event rows; a bad record is skipped (and counted by the job)."""
    from eventwire.coder import Coder
    from eventwire.read.jsonl import story_from_record

    items = (story_from_record(f"record {n}", line) for n, line in enumerate(lines))
    for story in Coder().code(items):
        if isinstance(story, Story):
            yield from rows_of(story)


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
        schema = T.StructType([T.StructField(c.name, spark_types[c.file_type], True) for c in COLUMNS])
        names = [c.name for c in COLUMNS]
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
