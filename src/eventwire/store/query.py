"""Reading events back: filters shared by `query`, `export` and (later) the web app.

Every value goes through bound parameters. ``canonical=True`` collapses the events that
near-duplicate stories share into one row with ``num_articles`` and ``num_sources`` (the number
of stories and of distinct outlets that carry it), as GDELT's NumArticles/NumSources.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from eventwire.model import STATUSES
from eventwire.store import Store
from eventwire.store import schema as s

SourceActor = aliased(s.actors, name="source_actor")
TargetActor = aliased(s.actors, name="target_actor")

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


@dataclass(slots=True)
class Filters:
    since: str | None = None
    until: str | None = None
    actor: list[str] = field(default_factory=list)  # a code, code prefix or name, on either side
    country: list[str] = field(default_factory=list)  # either side
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    dyad: tuple[str, str] | None = None  # (A, B): A acts on B or B on A
    plover_type: list[str] = field(default_factory=list)
    cameo_root: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)  # empty: every status
    place: list[str] = field(default_factory=list)  # location name
    location_country: list[str] = field(default_factory=list)
    text: str | None = None  # words in a mention's sentence
    story: str | None = None

    def statuses(self) -> list[str]:
        return self.status or list(STATUSES)

    def describe_statuses(self) -> str:
        return "all statuses" if not self.status else "statuses " + ", ".join(self.status)


def _literal(text: str) -> str:
    """``text`` for a LIKE pattern with ``escape="\\"``: its wildcards taken as themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_match(actor: Any, value: str) -> Any:
    value = value.strip()
    upper = value.upper()
    return or_(actor.c.code == upper, actor.c.code.like(_literal(upper) + "%", escape="\\"), actor.c.country == upper,
               func.lower(actor.c.name) == value.lower())


def contains(column: Any, words: str) -> Any:
    """Case-blind substring match, with LIKE's wildcards in ``words`` taken literally."""
    return func.lower(column).like("%" + _literal(words.lower()) + "%", escape="\\")


SORTABLE = ("date", "goldstein", "quad_class", "plover_type", "cameo_code", "source_code", "target_code", "status",
            "location_name", "story_published")


def _where(f: Filters) -> list[Any]:
    clauses: list[Any] = []
    if f.since:
        clauses.append(s.events.c.date >= f.since)
    if f.until:
        clauses.append(s.events.c.date <= f.until)
    for value in f.actor:
        clauses.append(or_(_actor_match(SourceActor, value), _actor_match(TargetActor, value)))
    for value in f.country:
        clauses.append(or_(SourceActor.c.country == value.upper(), TargetActor.c.country == value.upper()))
    for value in f.source:
        clauses.append(_actor_match(SourceActor, value))
    for value in f.target:
        clauses.append(_actor_match(TargetActor, value))
    if f.dyad:
        a, b = f.dyad
        clauses.append(or_(and_(_actor_match(SourceActor, a), _actor_match(TargetActor, b)),
                           and_(_actor_match(SourceActor, b), _actor_match(TargetActor, a))))
    if f.plover_type:
        clauses.append(s.events.c.plover_type.in_([t.upper() for t in f.plover_type]))
    if f.cameo_root:
        clauses.append(s.events.c.cameo_root.in_([r.zfill(2) for r in f.cameo_root]))
    if f.status:
        clauses.append(s.events.c.status.in_(f.status))
    if f.place:
        clauses.append(or_(*[func.lower(s.events.c.location_name) == p.lower() for p in f.place]))
    if f.location_country:
        clauses.append(s.events.c.location_country.in_([c.upper() for c in f.location_country]))
    if f.text:
        words = select(s.mentions.c.event_id).where(contains(s.mentions.c.sentence, f.text))
        clauses.append(s.events.c.id.in_(words))
    if f.story:
        clauses.append(s.events.c.story_id == f.story)
    return clauses


def select_events(f: Filters) -> Select:
    joined = s.events.join(s.stories, s.stories.c.id == s.events.c.story_id).outerjoin(
        SourceActor, SourceActor.c.id == s.events.c.source_actor_id).outerjoin(
        TargetActor, TargetActor.c.id == s.events.c.target_actor_id)
    return select(*COLUMNS).select_from(joined).where(*_where(f))


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
