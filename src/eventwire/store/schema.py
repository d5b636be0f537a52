"""The database schema, one for SQLite and PostgreSQL, through SQLAlchemy Core.

Stories, events, actors, mentions, places and removed spans are rows with keys. A story's rows
hang off its id and go with it (ON DELETE CASCADE), so replacing a changed story is one delete
and one insert, in one transaction. ``meta`` keeps the schema version, so the program can tell
an old database and migrate it. The events table's columns for the event's own values come from
the table of the event's columns (``columns``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from eventwire.store import columns

SCHEMA_VERSION = 1

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", String(128), primary_key=True),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("url", Text),
    Column("source", Text),
    Column("language", String(8)),
    Column("input", Text),
    Column("content_hash", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", String(128), index=True),  # the canonical story of its near-duplicate group
    Column("ingested_at", String(32), nullable=False),
)

story_bands = Table(  # MinHash LSH bands: stories sharing a band are near-duplicate candidates
    "story_bands", metadata,
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("hash", String(40), nullable=False),
    Index("story_bands_lookup", "band", "hash"),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(32)),
    Column("name", Text),
    Column("country", String(3), index=True),
    Column("sector", String(8)),
    UniqueConstraint("code", "name", name="actors_code_name"),
)

def _database_column(column: columns.Column) -> Column:
    """The events table's column for a column of the event's table: its type, size and index."""
    if column.type is str and column.size:
        kind: Any = String(column.size)
    else:
        kind = {str: Text, int: Integer, float: Float, list: Text}[column.type]
    return Column(column.storage, kind, index=column.indexed, nullable=not column.required)


_event_keys = [
    Column("id", String(160), primary_key=True),
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("canonical_key", String(40), nullable=False, index=True),  # what near-duplicate stories share
    Column("source_actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("target_actor_id", Integer, ForeignKey("actors.id"), index=True),
]
events = Table(
    "events", metadata, *_event_keys,
    *[_database_column(c) for c in columns.kept_in("events") if c.storage not in {k.name for k in _event_keys}],
)

# the two sides of an event, for reading: an event's source and target are both rows of ``actors``
source_actor = actors.alias("source_actor")
target_actor = actors.alias("target_actor")
TABLES = {"events": events, "source_actor": source_actor, "target_actor": target_actor, "stories": stories}


def kept(name: str) -> Any:
    """The database column that keeps the event's public column ``name`` ("source.code")."""
    table, _, field = columns.BY_NAME[name].sql.partition(".")
    return TABLES[table].c[field]


mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(160), ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("status", String(16), nullable=False),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(12), nullable=False),
    Column("name", Text),
    Column("country", String(3), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
)

removed = Table(
    "removed", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(12), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
