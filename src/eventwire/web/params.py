"""Query parameters shared by the API and the pages, so a page's URL is also an API query.

The event filters are the store's table of filters (``eventwire.store.filters``): one query
parameter each, documented by its help, parsed and checked as the command line does. Empty values
(what an HTML form sends for a field left blank) mean "no filter".
"""

from __future__ import annotations

import inspect
import re
from typing import Annotated, Any

from fastapi import HTTPException, Query

from eventwire.store.columns import SORTABLE
from eventwire.store.filters import FILTERS, Filter, Filters

MOST_VALUES = 50  # values of one repeated filter that a request may give
SORT = "^-?(" + "|".join(re.escape(name) for name in SORTABLE) + ")$"


def _parameter(f: Filter) -> inspect.Parameter:
    """The filter as a query parameter: a list when it repeats, one text otherwise."""
    description = f.explained + (", as 'A,B'" if f.pair else "")
    if f.repeats:
        annotation: Any = Annotated[list[str], Query(description=description)]
        default: Any = []
    else:
        annotation = Annotated[str | None, Query(description=description)]
        default = None
    return inspect.Parameter(f.param, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


def _given(f: Filter, value: Any) -> list[str]:
    if f.repeats:
        return value[:MOST_VALUES]
    if f.pair and value:
        return value.split(",")
    return [value] if value else []


def event_filters(**params: Any) -> Filters:
    """The filters of a request; FastAPI reads their parameters off the signature set below."""
    values = {}
    for f in FILTERS:
        try:
            values[f.key] = f.parse(_given(f, params[f.param]))
        except ValueError as exc:
            raise HTTPException(422, f"{f.param}: {exc}") from None
    return Filters(**values)


event_filters.__signature__ = inspect.Signature([_parameter(f) for f in FILTERS],  # type: ignore[attr-defined]
                                                return_annotation=Filters)

Page = Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Sort = Annotated[str, Query(pattern=SORT, description="a column (" + ", ".join(SORTABLE) + "), '-' before it for "
                                                      "descending")]
Limit = Annotated[int, Query(ge=1, le=1000)]
