"""Absolute dates in the shapes news uses, parsed without a heavy date library.

``parse_date`` accepts a string that *is* a date (a dateline, a JSONL field, an HTML meta value),
possibly with a weekday, a time, a time zone and a "Published:"/"Updated:" label around it.
Numeric day/month order is decided by the values, then by a weekday if one is given, then
day-first (the commoner order in international news).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventwire.lexicons import Lexicons

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ZONE = r"(?:Z|[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?)"
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
# a time after the date ("Dec 13, 2016 4:55 PM ET", "2016-12-19 05:35 CT"), or only its zone
# ("12 December 2016 GMT")
_TIME = r"(?:\s*(?:[,|@-]|at)?\s*" + _CLOCK + r"\s*" + _ZONE + r"?|\s+" + _ZONE + r")?"
# a time before the date, as some outlets write their stamps ("9:55 AM ET, Sun January 4, 2015")
_LEADING_TIME = r"(?:" + _CLOCK + r"\s*" + _ZONE + r"?\s*[,|-]?\s*)?"


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words of dates from dates.yaml, and the patterns of absolute dates made from them."""

    months: dict[str, int]  # "dec" → 12
    weekdays: dict[str, int]  # "fri" → 4 (Monday is 0)
    lists: dict[str, frozenset[str]]  # the relative-date word lists, by name
    patterns: tuple[re.Pattern[str], ...]  # whole-string date patterns

    def words(self, name: str) -> frozenset[str]:
        return self.lists[name]


def build_date_words(lexicons: Lexicons) -> DateWords:
    data = lexicons.load("dates") or {}
    months = _numbered(data.get("months") or [], 1)
    weekdays = _numbered(data.get("weekdays") or [], 0)
    lists = {key: lexicons.words("dates", key) for key in data if key not in ("months", "weekdays")}
    return DateWords(months, weekdays, lists, _patterns(months, weekdays, data.get("publication_labels") or []))


def date_words(lexicons: Lexicons | None = None) -> DateWords:
    """The date words of these lexicons (the packaged ones by default), built once per set."""
    return (lexicons or Lexicons.packaged()).derived("date-words", build_date_words)


def _numbered(entries: list[str], first: int) -> dict[str, int]:
    return {name.lower(): n for n, names in enumerate(entries, first) for name in names.split()}


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _patterns(months: dict[str, int], weekdays: dict[str, int], labels: list[str]) -> tuple[re.Pattern[str], ...]:
    month = r"(?P<month>" + _alternatives(months) + r")\.?"
    weekday = r"(?:(?P<weekday>" + _alternatives(weekdays) + r")\.?,?\s+)?"
    label = r"(?:(?:" + _alternatives(labels) + r")(?:\s+on)?\s*:?\s*)?"
    patterns = [
        # 2016-12-23, 2016/12/23, 2016-12-23T10:00:00Z, 2009-03-25 00:26:04.358077-05
        r"(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
        # 2016 Oct 10
        _YEAR + r"\s+" + month + r"\s+" + _DAY,
        # Friday, 23 December, 2016 | 23rd Dec. 2016
        weekday + _DAY + r"\s+(?:of\s+)?" + month + r",?\s+" + _YEAR,
        # Friday, December 23, 2016 | Dec. 23rd 2016
        weekday + month + r"\s+" + _DAY + r",?\s+" + _YEAR,
        # Friday 23/12/2016 | 23.12.2016 | 12-23-2016
        weekday + r"(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-]" + _YEAR,
        # December 2016 (month precision)
        month + r",?\s+" + _YEAR,
    ]
    return tuple(re.compile(r"^\W*" + _LEADING_TIME + label + p + _TIME + r"\W*$", re.I) for p in patterns)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: date
    precision: str  # "day" or "month"

    def iso(self) -> str:
        return self.value.isoformat()


def parse_date(text: str, words: DateWords | None = None) -> ParsedDate | None:
    """Parse a string that consists of one date (and perhaps a label and time), else None."""
    text = text.strip()
    if not text or len(text) > 80:
        return None
    words = words or date_words()
    for pattern in words.patterns:
        m = pattern.match(text)
        if m:
            parsed = _from_match(m, words)
            if parsed:
                return parsed
    return None


def _from_match(m: re.Match[str], words: DateWords) -> ParsedDate | None:
    groups = m.groupdict()
    year = int(groups["year"])
    weekday = words.weekdays.get((groups.get("weekday") or "").lower().rstrip("."))
    if groups.get("a"):
        return _numeric(int(groups["a"]), int(groups["b"]), year, weekday)
    month = int(groups["mnum"]) if groups.get("mnum") else words.months[groups["month"].lower().rstrip(".")]
    if groups.get("day") is None:
        return _make(year, month, 1, "month")
    return _make(year, month, int(groups["day"]), "day")


def _numeric(a: int, b: int, year: int, weekday: int | None) -> ParsedDate | None:
    day_first = _make(year, b, a, "day")
    month_first = _make(year, a, b, "day")
    candidates = [c for c in (day_first, month_first) if c is not None]
    if weekday is not None:
        matching = [c for c in candidates if c.value.weekday() == weekday]
        if matching:
            return matching[0]
    return candidates[0] if candidates else None


def _make(year: int, month: int, day: int, precision: str) -> ParsedDate | None:
    try:
        return ParsedDate(date(year, month, day), precision)
    except ValueError:
        return None
