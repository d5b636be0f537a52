"""The REST API under ``/api``: reading is open, writing needs the token."""

from __future__ import annotations

import hmac
import json
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request

from eventwire.model import Rejected, Story
from eventwire.store import Store, stats
from eventwire.store.filters import Filters
from eventwire.store.query import events
from eventwire.web.params import Limit, Page, PerPage, Sort, event_filters

MAX_UPLOAD = 5_000_000  # bytes of story in one POST /api/stories
MULTIPART_OVERHEAD = 64_000  # room for a form's boundaries and part headers around the file
_coding = threading.Lock()  # one story coded at a time per server: the parser is the cost anyway

router = APIRouter(prefix="/api")


def store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store)]
FiltersDep = Annotated[Filters, Depends(event_filters)]


@router.get("/events", summary="Events matching the filters, a page at a time, in the SPEC's JSON")
def list_events(db: StoreDep, f: FiltersDep, page: Page = 1, per_page: PerPage = 50, sort: Sort = "-date",
                canonical: Annotated[bool, Query(description="one row per event shared by near-duplicate "
                                                             "stories")] = False) -> dict[str, Any]:
    rows = list(events(db, f, canonical=canonical, limit=per_page, offset=(page - 1) * per_page, sort=sort))
    return {"total": stats.count_events(db, f), "page": page, "per_page": per_page, "sort": sort,
            "statuses": f.describe_statuses(), "events": rows}


@router.get("/events/{event_id}", summary="One event with its mentions and its story")
def one_event(db: StoreDep, event_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    found = stats.event(db, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


@router.get("/stories", summary="Stories, newest first, with their number of events")
def list_stories(db: StoreDep, page: Page = 1, per_page: PerPage = 50,
                 q: Annotated[str | None, Query(max_length=200, description="words in the title")] = None
                 ) -> dict[str, Any]:
    total, rows = stats.stories(db, text=q, limit=per_page, offset=(page - 1) * per_page)
    return {"total": total, "page": page, "per_page": per_page, "stories": rows}


@router.get("/stories/{story_id}", summary="A story whole: text, removed spans, places, events")
def one_story(db: StoreDep, story_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    found = stats.story(db, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found


@router.get("/actors", summary="Actors by their number of events, as source and as target")
def list_actors(db: StoreDep, f: FiltersDep, limit: Limit = 50) -> dict[str, Any]:
    return {"statuses": f.describe_statuses(), "actors": stats.actors(db, f, limit)}


@router.get("/dyads", summary="Source-target pairs by their number of events, with mean Goldstein")
def list_dyads(db: StoreDep, f: FiltersDep, limit: Limit = 50) -> dict[str, Any]:
    return {"statuses": f.describe_statuses(), "dyads": stats.dyads(db, f, limit)}


@router.get("/timeseries", summary="Counts and mean Goldstein per day, week or month")
def time_series(db: StoreDep, f: FiltersDep,
                interval: Annotated[str, Query(pattern=stats.INTERVALS_PATTERN)] = "month",
                split: Annotated[str, Query(pattern=stats.SPLITS_PATTERN,
                                            description="the column to split by")] = "cameo.quad_class"
                ) -> dict[str, Any]:
    return {"statuses": f.describe_statuses(), "interval": interval, "split": split,
            "series": stats.timeseries(db, f, interval, split)}


@router.get("/places", summary="Event locations with their number of events by quad class")
def list_places(db: StoreDep, f: FiltersDep, limit: Limit = 500) -> dict[str, Any]:
    return {"statuses": f.describe_statuses(), "places": stats.places(db, f, limit)}


def require_token(request: Request,
                  authorization: Annotated[str | None, Header(description="Bearer <EVENTWIRE_TOKEN>")] = None) -> None:
    """Writing needs the server's token; with no token set, writing is off."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writing is disabled: start the server with EVENTWIRE_TOKEN set")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is needed: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


STORY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["text"],
                "properties": {k: {"type": "string"} for k in ("id", "title", "text", "published", "url", "source")},
            }},
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            }},
        },
    }
}


@router.post("/stories", status_code=201, dependencies=[Depends(require_token)], openapi_extra=STORY_BODY,
             summary="Code a story and store it (JSON in the SPEC's JSONL fields, or a file upload)")
async def post_story(request: Request, db: StoreDep) -> dict[str, Any]:
    from eventwire.read import read_bytes
    from eventwire.read.jsonl import story_from_record

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    items: list[Story | Rejected]
    if kind == "multipart/form-data":
        form = await _capped_form(request)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "send the story as a file field named 'file'")
        data = await upload.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise HTTPException(413, f"the file is over {MAX_UPLOAD} bytes")
        items = list(read_bytes(upload.filename or "upload", data))
    elif kind == "application/json":
        body = await _capped_body(request)
        try:
            record = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(422, "the body is not JSON") from None
        if not isinstance(record, dict):
            raise HTTPException(422, "send one JSON object with at least 'text'")
        items = [story_from_record("request body", json.dumps(record))]
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    rejected = [{"input": r.input, "reason": r.reason} for r in items if isinstance(r, Rejected)]
    stories = [s for s in items if isinstance(s, Story)]
    if not stories:
        raise HTTPException(422, "; ".join(f"{r['input']}: {r['reason']}" for r in rejected) or "no story")
    from starlette.concurrency import run_in_threadpool

    written = await run_in_threadpool(_code_and_store, db, stories, request.app.state)
    return {"stories": written, "rejected": rejected}


def _code_and_store(db: Store, stories: list[Story], state: Any) -> list[dict[str, Any]]:
    with _coding:  # the coder (and its parser) is made on the first upload, not when the server starts
        if getattr(state, "coder", None) is None:
            from eventwire.coder import Coder

            state.coder = Coder()
        coded = [s for s in state.coder.code(stories) if isinstance(s, Story)]
    out = []
    for story in coded:
        result = db.write_story(story)
        out.append({"id": result.story_id, "action": result.action, "events": result.events})
    return out


async def _capped_body(request: Request, limit: int = MAX_UPLOAD) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit``: by its declared length, or,
    when it is sent in chunks with no length, while it is read (never spooled whole first)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _capped_form(request: Request) -> Any:
    """A multipart form parsed from a capped body (Starlette's own ``request.form()`` would first
    spool a body of any size to disk)."""
    from starlette.formparsers import MultiPartException, MultiPartParser

    body = await _capped_body(request, MAX_UPLOAD + MULTIPART_OVERHEAD)

    async def whole() -> Any:
        yield body

    try:
        return await MultiPartParser(request.headers, whole(), max_files=1, max_fields=10).parse()
    except MultiPartException as exc:
        raise HTTPException(422, f"the form could not be read: {exc.message}") from None
