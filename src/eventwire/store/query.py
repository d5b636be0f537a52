"""Reading events back, for `query`, `export`, the web pages and the API: the filters of
``filters``, the columns of ``columns``.

``rows`` gives public rows (the table's names, lists as lists) and ``events`` the same events as
the SPEC's nested JSON. ``canonical=True`` collapses the events that near-duplicate stories share
into one row with ``num_articles`` and ``num_sources`` (the number of stories and of distinct
outlets that carry it), as GDELT's NumArticles/NumSources.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Integer, Select, func, literal, select
from sqlalchemy.engine import Connection

from eventwire.model import Mention, Trigger
from eventwire.store import Store
from eventwire.store import schema as s
from eventwire.store.columns import BY_NAME, COLUMNS, SORTABLE, nest, row_from_database
from eventwire.store.filters import Filters, where

__all__ = ["SORTABLE", "Filters", "event", "events", "rows", "select_events"]

BATCH = 500  # events whose mentions are read in one query (bound parameters: SQLite allows 999)
SELECTED = [s.kept(c.name).label(c.storage) for c in COLUMNS if c.sql] + [s.events.c.canonical_key]


def select_events(f: Filters) -> Select:
    """The filtered events with the columns the database keeps, under their storage names."""
    joined = s.events.join(s.stories, s.stories.c.id == s.events.c.story_id).outerjoin(
        s.source_actor, s.source_actor.c.id == s.events.c.source_actor_id).outerjoin(
        s.target_actor, s.target_actor.c.id == s.events.c.target_actor_id)
    return select(*SELECTED).select_from(joined).where(*where(f))


def _counted(query: Select, canonical: bool) -> Select:
    """With ``canonical``, one row per event that near-duplicate stories share, with its counts;
    else each story's own event, carried by that one story."""
    if not canonical:
        return query.add_columns(literal(1, Integer).label("num_articles"), literal(1, Integer).label("num_sources"))
    inner = query.subquery()
    counts = select(
        inner.c.canonical_key,
        func.count(func.distinct(inner.c.story_id)).label("num_articles"),
        func.count(func.distinct(func.coalesce(inner.c.story_source, inner.c.story_id))).label("num_sources"),
        func.min(inner.c.id).label("first_id"),
    ).group_by(inner.c.canonical_key).subquery()
    return select(inner, counts.c.num_articles, counts.c.num_sources).join(counts, counts.c.first_id == inner.c.id)


def _sorted(query: Select, sort: str) -> Select:
    descending, name = sort.startswith("-"), sort.lstrip("-")
    if name not in SORTABLE:
        raise ValueError(f"cannot sort by {name!r}: choose one of {', '.join(SORTABLE)}")
    column = query.selected_columns[BY_NAME[name].storage]
    return query.order_by(column.desc().nulls_last() if descending else column.asc().nulls_last(),
                          query.selected_columns.id)


def rows(store: Store, f: Filters, *, canonical: bool = False, limit: int | None = None, offset: int = 0,
         sort: str = "-date") -> Iterator[dict[str, Any]]:
    """Events as public rows, newest first or by ``sort`` (a column of ``SORTABLE``, ``-`` before
    it for descending), each with its mentions."""
    query = _sorted(_counted(select_events(f), canonical), sort).offset(offset)
    yield from _read(store, query if limit is None else query.limit(limit))


def events(store: Store, f: Filters, **options: Any) -> Iterator[dict[str, Any]]:
    """The events of ``rows`` as the SPEC's nested JSON, with their story and counts."""
    return (nest(row) for row in rows(store, f, **options))


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event as nested JSON; None if there is no such event."""
    query = _counted(select_events(Filters()).where(s.events.c.id == event_id), canonical=False)
    return next((nest(row) for row in _read(store, query)), None)


def _read(store: Store, query: Select) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        result = conn.execute(query)
        while batch := [dict(row._mapping) for row in result.fetchmany(BATCH)]:
            mentions = _mentions(conn, [stored["id"] for stored in batch])
            for stored in batch:
                yield row_from_database({**stored, "mentions": mentions.get(stored["id"], [])})


def _mentions(conn: Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each event's mentions in the SPEC's shape, in the order of the text."""
    out: dict[str, list[dict[str, Any]]] = {}
    found = conn.execute(select(s.mentions).where(s.mentions.c.event_id.in_(event_ids)).order_by(
        s.mentions.c.event_id, s.mentions.c.start)) if event_ids else []
    for m in found:
        mention = Mention(m.sentence, m.start, m.end, Trigger(m.trigger_text, m.trigger_start, m.trigger_end), m.status)
        out.setdefault(m.event_id, []).append(mention.to_dict())
    return out
