"""The event filters, one table: each filter's key (its field of ``Filters``), its command-line
flag and help, whether it repeats, its parameter on the web pages and the API, how a view names it,
and the SQL condition it builds. ``query``, ``export``, the pages and the API all read this table,
so a filter takes the same values and finds the same rows everywhere. Every value goes through
bound parameters, and LIKE's wildcards in a value are taken literally.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select

from eventwire.model import STATUSES
from eventwire.store import schema as s
from eventwire.store.schema import kept

LONGEST_VALUE = 200  # characters of one filter value


@dataclass(slots=True)
class Filters:
    """The values of the filters of one view; empty ones filter nothing."""

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

    def describe(self) -> str:
        """The filters set, in words ("type SANCTION; in Nairobi"), but the statuses: every view
        states those already (``describe_statuses``)."""
        return "; ".join(f.describe(getattr(self, f.key)) for f in FILTERS
                         if f.key != "status" and getattr(self, f.key))


def _literal(text: str) -> str:
    """``text`` for a LIKE pattern with ``escape="\\"``: its wildcards taken as themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, words: str) -> Any:
    """Case-blind substring match, with LIKE's wildcards in ``words`` taken literally."""
    return func.lower(column).like("%" + _literal(words.lower()) + "%", escape="\\")


def _actor_is(side: str, value: str) -> Any:
    """The ``side``'s actor is ``value``: its code, a code prefix, its country or its name."""
    value = value.strip()
    upper = value.upper()
    code = kept(f"{side}.code")
    return or_(code == upper, code.like(_literal(upper) + "%", escape="\\"), kept(f"{side}.country") == upper,
               func.lower(kept(f"{side}.name")) == value.lower())


def _either_side(value: str) -> Any:
    return or_(_actor_is("source", value), _actor_is("target", value))


def _between(pair: tuple[str, str]) -> Any:
    a, b = pair
    return or_(and_(_actor_is("source", a), _actor_is("target", b)),
               and_(_actor_is("source", b), _actor_is("target", a)))


def _in_a_sentence(words: str) -> Any:
    return kept("id").in_(select(s.mentions.c.event_id).where(contains(s.mentions.c.sentence, words)))


def _a_date(text: str) -> str | None:
    return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else f"takes a date as YYYY-MM-DD, not {text!r}"


def _a_cameo_root(text: str) -> str | None:
    return None if re.fullmatch(r"\d{1,2}", text) else f"takes a CAMEO root, a number from 01 to 20, not {text!r}"


def _anything(_text: str) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Filter:
    """One filter: where a user gives it, what it means, and the SQL it builds."""

    key: str  # its field of Filters
    flag: str  # the command line's option
    param: str  # the query parameter of the web pages and the API
    help: str  # one line, for --help and the API's documentation
    human: str  # how a view names it with its value: "type {}"
    match: Callable[[Any], Any]  # one value → the SQL condition it builds
    repeats: bool = True  # takes several values (a list in Filters)
    every: bool = False  # several values: events matching all of them (else any of them)
    check: Callable[[str], str | None] = _anything  # what is wrong with a value, said so the user can fix it
    choices: tuple[str, ...] = ()
    metavar: str | tuple[str, str] | None = None
    pair: bool = False  # its value is two actors, A and B (--dyad A B; dyad=A,B)

    @property
    def explained(self) -> str:
        """Its help and how several values combine, for --help and the API's documentation."""
        if not self.repeats:
            return self.help
        return f"{self.help}; repeated: events with {'all' if self.every else 'any'} of them"

    def condition(self, value: Any) -> Any:
        """The SQL condition for this filter's value in Filters; None when it is not set."""
        values = value if self.repeats else [value] if value else []
        if not values:
            return None
        conditions = [self.match(v) for v in values]
        if len(conditions) == 1:
            return conditions[0]
        return and_(*conditions) if self.every else or_(*conditions)

    def parse(self, texts: Iterable[str]) -> Any:
        """The value for Filters of what a user gave (blank values dropped); ValueError saying
        what to give instead when a value will not do."""
        values = [t.strip() for t in texts if t and t.strip()]
        for text in values:
            problem = self._problem(text)
            if problem:
                raise ValueError(problem)
        if self.pair:
            if not values:
                return None
            if len(values) != 2:
                raise ValueError("takes two actors, A and B (in a URL: 'RUS,UKR')")
            return values[0], values[1]
        return values if self.repeats else (values[0] if values else None)

    def _problem(self, text: str) -> str | None:
        if len(text) > LONGEST_VALUE:
            return f"takes values of at most {LONGEST_VALUE} characters"
        if self.choices and text not in self.choices:
            return f"takes one of {', '.join(self.choices)}, not {text!r}"
        return self.check(text)

    def describe(self, value: Any) -> str:
        if self.pair:
            return self.human.format(*value)
        values = value if self.repeats else [value]
        return self.human.format((" and " if self.every else " or ").join(values))


FILTERS: tuple[Filter, ...] = (
    Filter("since", "--since", "since", "events on or after this date", "from {}", lambda day: kept("date") >= day,
           repeats=False, check=_a_date, metavar="YYYY-MM-DD"),
    Filter("until", "--until", "until", "events on or before this date", "until {}", lambda day: kept("date") <= day,
           repeats=False, check=_a_date, metavar="YYYY-MM-DD"),
    Filter("actor", "--actor", "actor", "an actor code, code prefix, country or name, either side", "actor {}",
           _either_side, every=True),
    Filter("country", "--country", "country", "a country (ISO alpha-3) on either side", "country {}",
           lambda c: or_(kept("source.country") == c.upper(), kept("target.country") == c.upper()), every=True),
    Filter("source", "--source", "source", "the source actor (code, prefix, country or name)", "source {}",
           lambda actor: _actor_is("source", actor), every=True),
    Filter("target", "--target", "target", "the target actor (code, prefix, country or name)", "target {}",
           lambda actor: _actor_is("target", actor), every=True),
    Filter("dyad", "--dyad", "dyad", "events between actors A and B, either way", "between {} and {}", _between,
           repeats=False, metavar=("A", "B"), pair=True),
    Filter("plover_type", "--type", "type", "a PLOVER event type", "type {}",
           lambda t: kept("plover.type") == t.upper()),
    Filter("cameo_root", "--cameo-root", "cameo_root", "a CAMEO root code (01-20)", "CAMEO root {}",
           lambda root: kept("cameo.root") == root.zfill(2), check=_a_cameo_root),
    Filter("status", "--status", "status", "a status (default: all of them)", "status {}",
           lambda status: kept("status") == status, choices=STATUSES),
    Filter("place", "--place", "place", "the event's location, by name", "in {}",
           lambda name: func.lower(kept("location.name")) == name.lower()),
    Filter("location_country", "--location-country", "location_country", "the country of the event's location",
           "located in {}", lambda c: kept("location.country") == c.upper()),
    Filter("text", "--text", "text", "words in one of the event's sentences", "words '{}'", _in_a_sentence,
           repeats=False),
    Filter("story", "--story", "story", "events of one story, by id", "story {}", lambda sid: kept("story_id") == sid,
           repeats=False),
)
BY_KEY: dict[str, Filter] = {f.key: f for f in FILTERS}


def where(filters: Filters) -> list[Any]:
    """The SQL conditions of every filter set in ``filters`` (all must hold)."""
    conditions = (f.condition(getattr(filters, f.key)) for f in FILTERS)
    return [c for c in conditions if c is not None]
