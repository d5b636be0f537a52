"""The database schema, one for SQLite and PostgreSQL, through SQLAlchemy Core.

Stories, events, actors, mentions, places and removed spans are rows with keys. A story's rows
hang off its id and go with it (ON DELETE CASCADE), so replacing a changed story is one delete
and one insert, in one transaction. ``meta`` keeps the schema version, so the program can tell
an old database and migrate it.
"""

from __future__ import annotations

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

events = Table(
    "events", metadata,
    Column("id", String(160), primary_key=True),
    Column("story_id", String(128), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("canonical_key", String(40), nullable=False, index=True),
    Column("date", String(10), index=True),
    Column("date_precision", String(8)),
    Column("plover_type", String(16), nullable=False, index=True),
    Column("plover_mode", String(32)),
    Column("plover_context", Text),
    Column("cameo_code", String(4)),
    Column("cameo_root", String(2), index=True),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("source_actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("target_actor_id", Integer, ForeignKey("actors.id"), index=True),
    Column("target_text", Text),
    Column("target_start", Integer),
    Column("target_end", Integer),
    Column("location_name", Text),
    Column("location_country", String(3), index=True),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonameid", Integer),
    Column("location_start", Integer),
    Column("location_end", Integer),
    Column("attribution_text", Text),
    Column("attribution_country", String(3)),
    Column("attribution_sector", String(8)),
    Column("status", String(16), nullable=False, index=True),
    Column("confidence", Float),
)

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
