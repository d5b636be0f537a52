"""The actors format (``*.actors.txt``): records of a primary phrase, ``+`` synonyms and dated roles.

    AFGHANISTAN_  [AFG]                 a primary phrase and its default code
    +AFGHAN_                            a synonym
    MOHAMMAD_ZAHIR_SHAH_                a primary phrase with no default code ...
        [AFGELI 320101-331108]          ... and its roles: a range (both ends included),
        [AFGGOV <331108]                before a date, or
        [AFGELI >730717]                after one; [CODE] alone is the default code

Codes may also follow the primary phrase (``NAME_ [IGOUNO 000101-080801] [---]``, as the
International file has them). Dates are YYMMDD (00-30 → 20YY, else 19YY, as PETRARCH reads them)
or YYYYMMDD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from eventwire.dictionaries.lines import FileReading, LineError, bracketed, open_joints, read_text, words_of
from eventwire.dictionaries.model import ActorEntry, ActorRole, Dictionaries, Words

_DATE = re.compile(r"\d{6}|\d{8}")


def read_actors(text: str, file: str = "<actors>") -> Dictionaries:
    """The actor entries of an actors file, and the problems of its lines."""
    return read_text(text, file, _ActorReader)


@dataclass
class _OpenEntry:
    """The entry being read, until the next primary phrase."""

    name: Words
    line: int
    synonyms: list[Words] = field(default_factory=list)
    default_code: str | None = None
    roles: list[ActorRole] = field(default_factory=list)
    broken: bool = False  # its primary line could not be read: the record is left out
    joints: list[frozenset[int]] = field(default_factory=list)  # each name's open joints, in order


class _ActorReader:
    def __init__(self, reading: FileReading) -> None:
        self.reading = reading
        self.entries: list[ActorEntry] = []
        self.open: _OpenEntry | None = None

    def read_line(self, number: int, content: str, comment: str) -> None:
        if content.startswith("["):
            self._add_codes(self._entry_for("a role"), number, bracketed(content)[1])
        elif content.startswith("+"):
            self._read_synonym(content[1:])
        else:
            self._read_primary(number, content)

    def _entry_for(self, what: str) -> _OpenEntry:
        if self.open is None:
            raise LineError(f"{what} before any actor's primary phrase")
        return self.open

    def _read_synonym(self, content: str) -> None:
        entry = self._entry_for("a synonym")
        phrase, codes = bracketed(content)
        if codes:
            raise LineError("a '+' synonym takes no code: put codes on the primary phrase or on a role line")
        entry.synonyms.append(_phrase(phrase))
        entry.joints.append(open_joints(phrase))

    def _read_primary(self, number: int, content: str) -> None:
        self.finish()
        self.open = _OpenEntry((), number, broken=True)
        try:
            phrase, codes = bracketed(content)
            self.open.name = _phrase(phrase)
            self.open.joints.append(open_joints(phrase))
            self._add_codes(self.open, number, codes)
        except LineError as exc:
            raise LineError(f"{exc}; the record is left out") from None
        self.open.broken = False

    @staticmethod
    def _add_codes(entry: _OpenEntry, number: int, codes: list[str]) -> None:
        for text in codes:
            code, role = _code_or_role(text, number)
            if role is not None:
                entry.roles.append(role)
            elif entry.default_code in (None, code):
                entry.default_code = code
            else:
                raise LineError(f"a second undated code [{code}]: [{entry.default_code}] is already the default")

    def close(self) -> dict[str, tuple[ActorEntry, ...]]:
        self.finish()
        return {"actors": tuple(self.entries)}

    def finish(self) -> None:
        """Closes the open entry, if any; one with no code at all is most likely a synonym that
        lost its '+' (IVO_JOSIPOVIC_ above PRESIDENT_JOSIPOVIC_ above the roles), so it is said."""
        entry, self.open = self.open, None
        if entry is None or entry.broken:
            return
        if entry.default_code is None and not entry.roles:
            self.reading.problem(entry.line, "an actor with no code and no roles: a synonym missing its '+'?")
        self.entries.append(ActorEntry(entry.name, tuple(entry.synonyms), entry.default_code,
                                       tuple(entry.roles), self.reading.file, entry.line, tuple(entry.joints)))


def _phrase(text: str) -> Words:
    words = words_of(text)
    if not words:
        raise LineError("no phrase")
    return words


def _code_or_role(text: str, number: int) -> tuple[str, ActorRole | None]:
    """``AFG`` → (code, None); ``AFGGOV 331108-730717`` → (code, its role)."""
    code, _, restriction = text.partition(" ")
    if not code:
        raise LineError("an empty [] code")
    restriction = "".join(restriction.split())
    if not restriction:
        return code, None
    start, end = _date_range(restriction)
    return code, ActorRole(code, start, end, number)


def _date_range(text: str) -> tuple[date | None, date | None]:
    if text.startswith("<"):
        return None, _date(text[1:])
    if text.startswith(">"):
        return _date(text[1:]), None
    first, dash, last = text.partition("-")
    if not dash:
        raise LineError(f"a date restriction {text!r} needs '<' (before), '>' (after) or a range 'date-date'")
    start, end = _date(first), _date(last)
    if end < start:
        raise LineError(f"the range {text!r} ends before it starts")
    return start, end


@cache  # the same few thousand dates recur across tens of thousands of roles
def _date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise LineError(f"not a date (YYMMDD or YYYYMMDD): {text!r}")
    year = int(text[:-4])
    if len(text) == 6:
        year += 2000 if year <= 30 else 1900
    try:
        return date(year, int(text[-4:-2]), int(text[-2:]))
    except ValueError:
        raise LineError(f"no such day: {text!r}") from None
