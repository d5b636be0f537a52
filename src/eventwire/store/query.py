"""Reading events back, for `query`, `export` and the web app, through the table of filters
(``filters``). ``canonical=True`` collapses the events that
near-duplicate stories share into one row with ``num_articles`` and ``num_sources`` (the number
of stories and of distinct outlets that carry it), as GDELT's NumArticles/NumSources.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select

from eventwire.store import Store
from eventwire.store import schema as s
from eventwire.store.filters import Filters, contains, where

__all__ = ["SORTABLE", "Filters", "contains", "events", "mentions_of", "select_events"]

SourceActor = s.source_actor
TargetActor = s.target_actor

COLUMNS = [
    s.events.c.id, s.events.c.story_id, s.events.c.date, s.events.c.date_precision,
    s.events.c.plover_type, s.events.c.plover_mode, s.events.c.plover_context,
    s.events.c.cameo_code, s.events.c.cameo_root, s.events.c.quad_class, s.events.c.goldstein,
    SourceActor.c.code.label("source_code"), SourceActor.c.name.label("source_name"),
    SourceActor.c.country.label("source_country"), SourceActor.c.sector.label("source_sector"),
    s.events.c.source_text,
    TargetActor.c.code.label("target_code"), TargetActor.c.name.label("target_name"),
    TargetActor.c.country.label("target_country"), TargetActor.c.sector.label("target_sector"),
    s.events.c.target_text,
    s.events.c.location_name, s.events.c.location_country, s.events.c.location_lat, s.events.c.location_lon,
    s.events.c.location_geonameid,
    s.events.c.attribution_text, s.events.c.attribution_country, s.events.c.attribution_sector,
    s.events.c.status, s.events.c.confidence, s.events.c.canonical_key,
    s.stories.c.title.label("story_title"), s.stories.c.url.label("story_url"),
    s.stories.c.source.label("story_source"), s.stories.c.published.label("story_published"),
]


SORTABLE = ("date", "goldstein", "quad_class", "plover_type", "cameo_code", "source_code", "target_code", "status",
            "location_name", "story_published")


def select_events(f: Filters) -> Select:
    joined = s.events.join(s.stories, s.stories.c.id == s.events.c.story_id).outerjoin(
        SourceActor, SourceActor.c.id == s.events.c.source_actor_id).outerjoin(
        TargetActor, TargetActor.c.id == s.events.c.target_actor_id)
    return select(*COLUMNS).select_from(joined).where(*where(f))


def events(store: Store, f: Filters, *, canonical: bool = False, limit: int | None = None,
           offset: int = 0, sort: str = "-date") -> Iterator[dict[str, Any]]:
    """Events as flat rows, newest first or by ``sort`` (a column of ``SORTABLE``, ``-`` before
    it for descending); with ``canonical``, one row per event that near-duplicate stories
    share, with its article and source counts."""
    descending, key = sort.startswith("-"), sort.lstrip("-")
    if key not in SORTABLE:
        raise ValueError(f"cannot sort by {key!r}: choose one of {', '.join(SORTABLE)}")
    query = select_events(f)
    if canonical:
        inner = query.subquery()
        counts = select(
            inner.c.canonical_key,
            func.count(func.distinct(inner.c.story_id)).label("num_articles"),
            func.count(func.distinct(func.coalesce(inner.c.story_source, inner.c.story_id))).label("num_sources"),
            func.min(inner.c.id).label("first_id"),
        ).group_by(inner.c.canonical_key).subquery()
        query = select(inner, counts.c.num_articles, counts.c.num_sources).join(
            counts, counts.c.first_id == inner.c.id)
    column = query.selected_columns[key]
    order = [column.desc().nulls_last() if descending else column.asc().nulls_last(), query.selected_columns.id]
    query = query.order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            yield dict(row._mapping)


def mentions_of(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    if not event_ids:
        return out
    with store.engine.connect() as conn:
        for start in range(0, len(event_ids), 500):
            chunk = event_ids[start : start + 500]
            rows = conn.execute(select(s.mentions).where(s.mentions.c.event_id.in_(chunk)).order_by(
                s.mentions.c.event_id, s.mentions.c.start))
            for row in rows:
                out.setdefault(row.event_id, []).append(dict(row._mapping))
    return out
