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

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?:\s*(?:[,|@-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
)
_LABEL = (
    r"(?:(?:published|updated|posted|last\s+updated|first\s+published|date|modified)"
    r"(?:\s+on)?\s*:?\s*)?"
)

_PATTERNS = [
    # 2016-12-23, 2016/12/23, 2016-12-23T10:00:00Z
    re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)"
               r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?", re.I),
    # Friday, 23 December, 2016 | 23rd Dec. 2016
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.I),
    # Friday, December 23, 2016 | Dec. 23rd 2016
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    # Friday 23/12/2016 | 23.12.2016 | 12-23-2016
    re.compile(_WEEKDAY + r"(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-]" + _YEAR, re.I),
    # December 2016 (month precision)
    re.compile(_MONTH + r",?\s+" + _YEAR, re.I),
]
_FULL = [re.compile(r"^\W*" + _LABEL + p.pattern + _TIME + r"\W*$", re.I) for p in _PATTERNS]


@dataclass(frozen=True, slots=True)
class ParsedDate:
    value: date
    precision: str  # "day" or "month"

    def iso(self) -> str:
        return self.value.isoformat()


def parse_date(text: str) -> ParsedDate | None:
    """Parse a string that consists of one date (and perhaps a label and time), else None."""
    text = text.strip()
    if not text or len(text) > 80:
        return None
    for pattern in _FULL:
        m = pattern.match(text)
        if m:
            parsed = _from_match(m)
            if parsed:
                return parsed
    return None


def _from_match(m: re.Match[str]) -> ParsedDate | None:
    groups = m.groupdict()
    year = int(groups["year"])
    weekday = WEEKDAYS.get((groups.get("weekday") or "").lower().rstrip("."))
    if groups.get("a"):
        return _numeric(int(groups["a"]), int(groups["b"]), year, weekday)
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
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
