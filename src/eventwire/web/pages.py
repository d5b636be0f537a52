"""The HTML pages, rendered on the server: events table, stories, story, map, timeline, network.

Filters live in the URL, so a view can be shared; the pages need no script. Jinja2 escapes
every value (story text included).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.templating import Jinja2Templates

from eventwire.lexicons import Lexicons
from eventwire.model import STATUSES
from eventwire.store import stats
from eventwire.store.columns import NAMES, SORTABLE, for_files
from eventwire.store.export import csv_lines
from eventwire.store.filters import Filters
from eventwire.store.query import events
from eventwire.store.query import rows as event_rows
from eventwire.web import charts, worldmap
from eventwire.web.api import FiltersDep, StoreDep
from eventwire.web.highlight import runs, spans_of
from eventwire.web.params import Page, PerPage, Sort

templates = Jinja2Templates(directory=str(FilePath(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)
CSV_LIMIT = 100_000


@cache
def plover_types() -> tuple[str, ...]:
    """The PLOVER types the CAMEO table codes to, in the order of their codes (cooperation first),
    so the type list offers every type an event can have."""
    codes = Lexicons.packaged().load("cameo")["codes"]
    return tuple(dict.fromkeys(codes[code][0] for code in sorted(codes) if codes[code][0]))


def _query(request: Request, **changes: Any) -> str:
    """The page's own query string with some parameters changed (None removes one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and v != ""]
    for k, v in changes.items():
        if v is not None:
            items.append((k, str(v)))
    return urlencode(items)


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context.update(request=request, query=lambda **c: _query(request, **c), statuses=STATUSES,
                   plover_types=plover_types(), intervals=stats.INTERVALS, params=request.query_params,
                   quad_names=stats.QUAD_NAMES, quad_colours=charts.QUAD_COLOURS)
    return templates.TemplateResponse(request, name, context)


def _filter_note(f: Filters) -> str:
    statuses = f"Counting {f.describe_statuses()}" + ("" if f.status else f" ({_alike(STATUSES)} alike)")
    others = f.describe()
    return f"{statuses}; {others}" if others else statuses


def _alike(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1]


@router.get("/", response_class=HTMLResponse)
@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, db: StoreDep, f: FiltersDep, page: Page = 1, per_page: PerPage = 50,
                sort: Sort = "-date") -> HTMLResponse:
    rows = list(events(db, f, limit=per_page, offset=(page - 1) * per_page, sort=sort))
    total = stats.count_events(db, f)
    pages = max(1, -(-total // per_page))
    return _render(request, "events.html", rows=rows, total=total, page=page, pages=pages, per_page=per_page,
                   sort=sort, sortable=SORTABLE, note=_filter_note(f), title="Events")


@router.get("/events.csv")
def events_csv(db: StoreDep, f: FiltersDep, sort: Sort = "-date") -> StreamingResponse:
    """The current view's events, all pages of it (up to 100,000 rows), as CSV: the columns of
    ``export --layout native``."""
    found = event_rows(db, f, limit=CSV_LIMIT, sort=sort)
    return StreamingResponse(csv_lines(map(for_files, found), NAMES), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="eventwire-events.csv"'})


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, db: StoreDep, page: Page = 1, per_page: PerPage = 50,
                 q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    total, rows = stats.stories(db, text=q or None, limit=per_page, offset=(page - 1) * per_page)
    return _render(request, "stories.html", rows=rows, total=total, page=page,
                   pages=max(1, -(-total // per_page)), title="Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, db: StoreDep, story_id: Annotated[str, Path(max_length=300)]) -> HTMLResponse:
    story = stats.story(db, story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    pieces = runs(story["text"], spans_of(story))
    return _render(request, "story.html", story=story, runs=pieces, title=story["title"] or story["id"])


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, db: StoreDep, f: FiltersDep) -> HTMLResponse:
    places = stats.places(db, f, limit=2000)
    return _render(request, "map.html", countries=worldmap.countries(), points=charts.map_points(places),
                   places=places[:30], note=_filter_note(f), title="Map")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, db: StoreDep, f: FiltersDep,
                  interval: Annotated[str, Query(pattern=stats.INTERVALS_PATTERN)] = "month") -> HTMLResponse:
    series = stats.timeseries(db, f, interval, "cameo.quad_class")
    return _render(request, "timeline.html", chart=charts.timeline(series), series=series, interval=interval,
                   note=_filter_note(f), title="Timeline")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, db: StoreDep, f: FiltersDep,
                 top: Annotated[int, Query(ge=2, le=60)] = 20) -> HTMLResponse:
    actors = stats.actors(db, f, limit=top)
    dyads = stats.dyads(db, f, limit=500)
    nodes, edges = charts.network(actors, dyads, top=top)
    return _render(request, "network.html", nodes=nodes, edges=edges, actors=actors, note=_filter_note(f),
                   title="Network")


def page_error(request: Request, status: int, message: str) -> HTMLResponse:
    response = _render(request, "error.html", message=message, status=status, title="Error")
    response.status_code = status
    return response


__all__ = ["page_error", "router"]
