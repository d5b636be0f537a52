"""Query parameters shared by the API and the pages, so a page's URL is also an API query.

Empty values (what an HTML form sends for a field left blank) mean "no filter".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query

from eventwire.model import STATUSES
from eventwire.store.query import SORTABLE, Filters

DATE = r"^(\d{4}-\d{2}-\d{2})?$"
SORT = "^-?(" + "|".join(SORTABLE) + ")$"


def _clean(values: list[str]) -> list[str]:
    return [v.strip() for v in values if v and v.strip()][:50]


def event_filters(
    since: Annotated[str | None, Query(pattern=DATE, description="events on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="events on or before this date (YYYY-MM-DD)")] = None,
    actor: Annotated[list[str], Query(description="code, code prefix, country or name, either side")] = [],  # noqa: B006
    country: Annotated[list[str], Query(description="ISO alpha-3 country on either side")] = [],  # noqa: B006
    source: Annotated[list[str], Query(description="the source actor")] = [],  # noqa: B006
    target: Annotated[list[str], Query(description="the target actor")] = [],  # noqa: B006
    dyad: Annotated[str | None, Query(max_length=200, description="'A,B': events between A and B, either way")] = None,
    type: Annotated[list[str], Query(description="PLOVER event type")] = [],  # noqa: B006
    cameo_root: Annotated[list[str], Query(description="CAMEO root code, 01-20")] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="asserted, reported, alleged, hypothetical, planned, negated, "
                                                   "denied; none given: every status")] = [],  # noqa: B006
    place: Annotated[list[str], Query(description="the event's location, by name")] = [],  # noqa: B006
    location_country: Annotated[list[str], Query(description="the country of the event's location")] = [],  # noqa: B006
    text: Annotated[str | None, Query(max_length=200, description="words in one of the event's sentences")] = None,
    story: Annotated[str | None, Query(max_length=200, description="events of one story, by id")] = None,
) -> Filters:
    for name, values in (("actor", actor), ("country", country), ("source", source), ("target", target),
                         ("type", type), ("cameo_root", cameo_root), ("place", place),
                         ("location_country", location_country)):
        if any(len(v) > 200 for v in values):
            raise HTTPException(422, f"{name}: a value is longer than 200 characters")
    statuses = _clean(status)
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise HTTPException(422, f"status: unknown {unknown[0]!r}; choose from {', '.join(STATUSES)}")
    roots = _clean(cameo_root)
    if any(not r.isdigit() or len(r) > 2 for r in roots):
        raise HTTPException(422, "cameo_root: a CAMEO root is a number from 01 to 20")
    pair = None
    if dyad and dyad.strip():
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise HTTPException(422, "dyad: give two actors separated by a comma, as 'RUS,UKR'")
        pair = (parts[0], parts[1])
    return Filters(since=since or None, until=until or None, actor=_clean(actor), country=_clean(country),
                   source=_clean(source), target=_clean(target), dyad=pair, plover_type=_clean(type),
                   cameo_root=roots, status=statuses, place=_clean(place),
                   location_country=_clean(location_country), text=(text or "").strip() or None,
                   story=(story or "").strip() or None)


Page = Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Sort = Annotated[str, Query(pattern=SORT, description="a column, '-' before it for descending")]
Limit = Annotated[int, Query(ge=1, le=1000)]
