"""The event database: SQLite by default (WAL mode), PostgreSQL by URL, one schema.

``open_store(url)`` connects, creates the schema on a new database and migrates an old one;
``Store.write_story`` writes one coded story in one transaction, idempotently.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from eventwire.model import Actor, Story, actor_key
from eventwire.store import schema as s
from eventwire.store.columns import database_values

DEFAULT_DB = "eventwire.db"
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: stories with Jaccard similarity of 0.7 meet in a band 98.8% of the time
DUPLICATE_THRESHOLD = 0.7  # of word 5-grams: the same wire copy with a sentence or a few words changed
LOCK_TIMEOUT = 30.0  # seconds an SQLite writer waits for another's lock ($EVENTWIRE_LOCK_TIMEOUT)


class StoreError(Exception):
    """A database that cannot be used; the message says which and why."""


def database_url(db: str | None) -> str:
    """``--db`` as an SQLAlchemy URL: a path is an SQLite file, else a URL as given."""
    db = db or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgresql://") or db.startswith("postgres://"):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{db}"


@dataclass(slots=True)
class WriteResult:
    story_id: str
    action: str  # "inserted" | "replaced" | "unchanged"
    events: int


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------------ writing
    @contextmanager
    def _failing_clearly(self, doing: str) -> Iterator[None]:
        """A database that fails under us (disk full, locked, server gone) as one StoreError line;
        the transaction in hand is rolled back, so what was written before stays whole."""
        try:
            yield
        except DBAPIError as exc:
            cause = str(exc.orig or exc).strip().splitlines()
            raise StoreError(f"database {self.engine.url.render_as_string(hide_password=True)} failed "
                             f"while {doing}: {cause[0] if cause else type(exc).__name__}") from None

    def write_story(self, story: Story) -> WriteResult:
        """Insert or replace one coded story with all its rows, in one transaction."""
        with self._failing_clearly(f"writing {story.input}"):
            return self._write_story(story)

    def _write_story(self, story: Story) -> WriteResult:
        content = _content_hash(story)
        signature = _minhash(story.cleaned_text())
        with self.engine.begin() as conn:
            old = conn.execute(select(s.stories.c.content_hash).where(s.stories.c.id == story.id)).first()
            if old is not None and old.content_hash == content:
                return WriteResult(story.id, "unchanged", len(story.events))
            if old is not None:
                _delete_children(conn, story.id)
                conn.execute(delete(s.stories).where(s.stories.c.id == story.id))
            duplicate_of = _find_duplicate(conn, story.id, signature)
            conn.execute(insert(s.stories).values(
                id=story.id, title=story.title, published=story.published, url=story.url, source=story.source,
                language=story.language, input=story.input, content_hash=content, text=story.text,
                minhash=_pack(signature), duplicate_of=duplicate_of,
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute(insert(s.story_bands), [
                {"story_id": story.id, "band": band, "hash": value} for band, value in enumerate(_bands(signature))])
            self._write_rows(conn, story, duplicate_of or story.id)
        return WriteResult(story.id, "replaced" if old is not None else "inserted", len(story.events))

    def _write_rows(self, conn: Connection, story: Story, cluster: str) -> None:
        for e in story.events:
            source_id = _actor_id(conn, e.source)
            target_id = _actor_id(conn, e.target)
            kind = e.plover.type or e.cameo.code  # a user's own code has no PLOVER type
            key = hashlib.sha1("|".join([cluster, kind, actor_key(e.source), actor_key(e.target),
                                         e.date or ""]).encode()).hexdigest()
            conn.execute(insert(s.events).values(canonical_key=key, source_actor_id=source_id,
                                                  target_actor_id=target_id, **database_values(story, e)))
            if e.mentions:
                conn.execute(insert(s.mentions), [{
                    "event_id": e.id, "story_id": story.id, "sentence": m.sentence, "start": m.start, "end": m.end,
                    "trigger_text": m.trigger.text, "trigger_start": m.trigger.start, "trigger_end": m.trigger.end,
                    "status": m.status} for m in e.mentions])
        if story.places:
            conn.execute(insert(s.places), [{
                "story_id": story.id, "text": p.text, "start": p.start, "end": p.end, "kind": p.kind, "name": p.name,
                "country": p.country, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid} for p in story.places])
        if story.removed:
            conn.execute(insert(s.removed), [{"story_id": story.id, "kind": r.kind, "text": r.text,
                                              "start": r.start, "end": r.end} for r in story.removed])

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {table.name: conn.execute(select(_count()).select_from(table)).scalar_one()
                    for table in (s.stories, s.events, s.mentions, s.actors, s.places, s.removed)}

    def story_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {row.id for row in conn.execute(select(s.stories.c.id))}

    def is_unchanged(self, story: Story) -> bool:
        """Already stored with the same content: a resumed or repeated ingest skips it."""
        with self._failing_clearly(f"reading {story.input}"), self.engine.connect() as conn:
            row = conn.execute(select(s.stories.c.content_hash).where(s.stories.c.id == story.id)).first()
        return row is not None and row.content_hash == _content_hash(story)

    def close(self) -> None:
        self.engine.dispose()


def _count() -> Any:
    from sqlalchemy import func

    return func.count()


def _delete_children(conn: Connection, story_id: str) -> None:
    """Rows of a replaced story (SQLite enforces the cascade only with foreign keys on)."""
    for table in (s.mentions, s.events, s.places, s.removed, s.story_bands):
        conn.execute(delete(table).where(table.c.story_id == story_id))


def _actor_id(conn: Connection, actor: Actor | None) -> int | None:
    if actor is None or not (actor.code or actor.name):
        return None
    row = conn.execute(select(s.actors.c.id).where(
        (s.actors.c.code == actor.code) if actor.code is not None else s.actors.c.code.is_(None),
        (s.actors.c.name == actor.name) if actor.name is not None else s.actors.c.name.is_(None))).first()
    if row is not None:
        return row.id
    result = conn.execute(insert(s.actors).values(code=actor.code, name=actor.name, country=actor.country,
                                                  sector=actor.sector))
    return result.inserted_primary_key[0]


def _content_hash(story: Story) -> str:
    payload = json.dumps([story.text, story.title, story.published, story.url, story.source], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _minhash(text: str) -> list[int]:
    from datasketch import MinHash

    words = text.lower().split()
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch([sh.encode("utf-8") for sh in shingles])
    return [int(v) for v in m.hashvalues]


def _pack(signature: list[int]) -> bytes:
    return struct.pack(f"<{len(signature)}Q", *signature)


def _unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(blob) // 8}Q", blob))


def _bands(signature: list[int]) -> list[str]:
    rows = len(signature) // BANDS
    return [hashlib.sha1(_pack(signature[b * rows : (b + 1) * rows])).hexdigest() for b in range(BANDS)]


def _find_duplicate(conn: Connection, story_id: str, signature: list[int]) -> str | None:
    """The canonical story of an earlier near-duplicate (same wire copy, light edits), if any."""
    bands = _bands(signature)
    candidates: set[str] = set()
    for band, value in enumerate(bands):
        candidates.update(row.story_id for row in conn.execute(
            select(s.story_bands.c.story_id).where(s.story_bands.c.band == band, s.story_bands.c.hash == value)))
    candidates.discard(story_id)
    best: tuple[float, str] | None = None
    for cid in sorted(candidates):
        row = conn.execute(select(s.stories.c.minhash, s.stories.c.duplicate_of).where(s.stories.c.id == cid)).first()
        if row is None or row.minhash is None:
            continue
        other = _unpack(row.minhash)
        similarity = sum(a == b for a, b in zip(signature, other, strict=False)) / len(signature)
        if similarity >= DUPLICATE_THRESHOLD and (best is None or similarity > best[0]):
            best = (similarity, row.duplicate_of or cid)
    return best[1] if best else None


def open_store(db: str | None = None) -> Store:
    """Connect, creating or migrating the schema; SQLite files are put in WAL mode."""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except Exception as exc:  # a malformed URL or a missing driver
        raise StoreError(f"cannot use database {url!r}: {exc}") from None
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(_lock_timeout() * 1000)}")
            cursor.close()
    try:
        _migrate(engine)
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError(f"cannot open database {_safe(url)}: {type(exc).__name__}: {str(exc).splitlines()[0]}") \
            from None
    return Store(engine)


def _lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("EVENTWIRE_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


def _migrate(engine: Engine) -> None:
    s.metadata.create_all(engine)
    with engine.begin() as conn:
        row = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).first()
        if row is None:
            conn.execute(insert(s.meta).values(key="schema_version", value=str(s.SCHEMA_VERSION)))
        elif int(row.value) > s.SCHEMA_VERSION:
            raise StoreError(f"the database has schema version {row.value}, newer than this eventwire "
                             f"({s.SCHEMA_VERSION}): upgrade eventwire")
        elif int(row.value) < s.SCHEMA_VERSION:  # future migrations go here, one version at a time
            conn.execute(update(s.meta).where(s.meta.c.key == "schema_version").values(value=str(s.SCHEMA_VERSION)))
        conn.execute(text("SELECT 1"))


def write_all(store: Store, stories: Iterable[Story]) -> list[WriteResult]:
    return [store.write_story(story) for story in stories]
