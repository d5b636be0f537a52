"""Counts over the event database for the web app and the API: stories, one story whole, actors,
dyads, time series and places. All take the same ``Filters`` as ``query``; every value goes
through bound parameters.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select

from eventwire.store import Store
from eventwire.store import schema as s
from eventwire.store.columns import BY_NAME, nest, public
from eventwire.store.filters import Filters, contains
from eventwire.store.query import event as stored_event
from eventwire.store.query import events, select_events

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
INTERVALS = ("day", "week", "month")
SPLITS = ("cameo.quad_class", "plover.type")  # the columns a time series may be split by
INTERVALS_PATTERN = "^(" + "|".join(INTERVALS) + ")$"
SPLITS_PATTERN = "^(" + "|".join(re.escape(name) for name in SPLITS) + ")$"


def _filtered(f: Filters) -> Any:
    return select_events(f).subquery()


def count_events(store: Store, f: Filters) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(_filtered(f))).scalar_one()


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event (nested, with its mentions) and its story's particulars; None if there is no such event."""
    found = stored_event(store, event_id)
    if found is None:
        return None
    with store.engine.connect() as conn:
        story_row = conn.execute(select(s.stories.c.id, s.stories.c.title, s.stories.c.published, s.stories.c.url,
                                        s.stories.c.source, s.stories.c.duplicate_of).where(
            s.stories.c.id == found["story_id"])).first()
    found["story"] = dict(story_row._mapping) if story_row else None
    return found


def stories(store: Store, *, text: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Stories newest first with their number of events; ``text`` searches titles."""
    n_events = select(s.events.c.story_id, func.count().label("n_events")).group_by(s.events.c.story_id).subquery()
    query = select(s.stories.c.id, s.stories.c.title, s.stories.c.published, s.stories.c.url, s.stories.c.source,
                   s.stories.c.duplicate_of, func.coalesce(n_events.c.n_events, 0).label("n_events")).outerjoin(
        n_events, n_events.c.story_id == s.stories.c.id)
    if text:
        query = query.where(contains(s.stories.c.title, text))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = conn.execute(query.order_by(s.stories.c.published.desc(), s.stories.c.id).limit(limit).offset(offset))
        return total, [dict(r._mapping) for r in rows]


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story whole: its text, removed spans, places and events with their mentions."""
    with store.engine.connect() as conn:
        row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).first()
        if row is None:
            return None
        out = {k: v for k, v in row._mapping.items() if k != "minhash"}
        out["removed"] = [dict(r._mapping) for r in conn.execute(
            select(s.removed).where(s.removed.c.story_id == story_id).order_by(s.removed.c.start))]
        out["places"] = [dict(r._mapping) for r in conn.execute(
            select(s.places).where(s.places.c.story_id == story_id).order_by(s.places.c.start))]
    found = list(events(store, Filters(story=story_id)))
    found.sort(key=lambda e: min((m["start"] for m in e["mentions"]), default=0))
    out["events"] = found
    return out


def actors(store: Store, f: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Actors by the number of events they take part in, as source or as target."""
    inner = _filtered(f)
    totals: dict[tuple, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for side in ("source", "target"):
            cols = [inner.c[f"{side}_{k}"] for k in ("code", "name", "country", "sector")]
            query = select(*cols, func.count().label("n")).where(
                or_(cols[0].is_not(None), cols[1].is_not(None))).group_by(*cols)
            for row in conn.execute(query):
                key = tuple(row[:4])
                entry = totals.setdefault(key, {"code": key[0], "name": key[1], "country": key[2],
                                                "sector": key[3], "as_source": 0, "as_target": 0})
                entry[f"as_{side}"] += row.n
    ranked = sorted(totals.values(), key=lambda a: (-(a["as_source"] + a["as_target"]), a["code"] or "",
                                                    a["name"] or ""))
    for a in ranked:
        a["events"] = a["as_source"] + a["as_target"]
    return ranked[:limit]


def dyads(store: Store, f: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Source → target pairs by the number of events, with their mean Goldstein score; each side
    as in the SPEC's JSON (``source.code`` under ``source``)."""
    inner = _filtered(f)
    query = select(inner.c.source_code, inner.c.source_name, inner.c.target_code, inner.c.target_name,
                   func.count().label("events"), func.avg(inner.c.goldstein).label("mean_goldstein")).where(
        and_(or_(inner.c.source_code.is_not(None), inner.c.source_name.is_not(None)),
             or_(inner.c.target_code.is_not(None), inner.c.target_name.is_not(None)))).group_by(
        inner.c.source_code, inner.c.source_name, inner.c.target_code, inner.c.target_name).order_by(
        func.count().desc(), inner.c.source_code, inner.c.target_code).limit(limit)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    for r in rows:
        r["mean_goldstein"] = None if r["mean_goldstein"] is None else round(float(r["mean_goldstein"]), 2)
    return [nest(public(r)) for r in rows]


def period(day: str, interval: str) -> str:
    """The bucket a date falls in: the day, its ISO week's Monday, or its month."""
    if interval == "month":
        return day[:7]
    if interval == "week":
        d = date.fromisoformat(day)
        return date.fromordinal(d.toordinal() - d.weekday()).isoformat()
    return day


def timeseries(store: Store, f: Filters, interval: str = "month", split: str = "quad_class") -> list[dict[str, Any]]:
    """Counts and mean Goldstein per period, split by quad class or PLOVER type."""
    if interval not in INTERVALS or split not in SPLITS:
        raise ValueError(f"interval must be one of {INTERVALS} and split one of {SPLITS}")
    inner = _filtered(f)
    group = inner.c[BY_NAME[split].storage]
    query = select(inner.c.date, group.label("group"), func.count().label("n"),
                   func.sum(inner.c.goldstein).label("goldstein_sum"),
                   func.count(inner.c.goldstein).label("goldstein_n")).where(
        inner.c.date.is_not(None)).group_by(inner.c.date, group)
    buckets: dict[tuple[str, Any], list[float]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            try:
                key = (period(row.date, interval), row.group)
            except ValueError:  # a malformed date in an old row
                continue
            b = buckets.setdefault(key, [0, 0.0, 0])
            b[0] += row.n
            b[1] += float(row.goldstein_sum or 0)
            b[2] += row.goldstein_n
    return [{"period": p, "group": g, "events": n, "mean_goldstein": round(gs / gn, 2) if gn else None}
            for (p, g), (n, gs, gn) in sorted(buckets.items(), key=lambda kv: (kv[0][0], str(kv[0][1])))]


def places(store: Store, f: Filters, limit: int = 500) -> list[dict[str, Any]]:
    """Event locations with their number of events, split by quad class."""
    inner = _filtered(f)
    query = select(inner.c.location_name, inner.c.location_country, inner.c.location_lat, inner.c.location_lon,
                   inner.c.quad_class, func.count().label("n")).where(
        inner.c.location_lat.is_not(None), inner.c.location_lon.is_not(None)).group_by(
        inner.c.location_name, inner.c.location_country, inner.c.location_lat, inner.c.location_lon,
        inner.c.quad_class)
    out: dict[tuple, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            key = (row.location_name, row.location_country, row.location_lat, row.location_lon)
            entry = out.setdefault(key, {"name": key[0], "country": key[1], "lat": key[2], "lon": key[3],
                                         "events": 0, "by_quad_class": {}})
            entry["events"] += row.n
            if row.quad_class is not None:
                entry["by_quad_class"][str(row.quad_class)] = row.n
    ranked = sorted(out.values(), key=lambda p: (-p["events"], p["name"] or ""))
    for p in ranked:
        quads = p["by_quad_class"]
        p["quad_class"] = int(max(quads, key=lambda q: (quads[q], -int(q)))) if quads else None
    return ranked[:limit]

