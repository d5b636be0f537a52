"""A verdict file: one judged event a line (JSON Lines) of references into a corpus, never its text.

Each line names the corpus file and the article, the event's trigger and sentence by offsets into
the article's text, the values the coder gave the event, and the judge's verdict on each field::

    {"corpus": "TR-News.xml", "article": "1040001", "position": 1, "drawn": "article",
     "trigger": [28, 32], "sentence": [0, 254],
     "coded": {"type": "FIGHT", "mode": "firearms", "cameo": "193",
               "source": {"code": "TURCOP", "start": 0, "end": 19}, "target": {...}, "status": "asserted",
               "location": {"geonameid": 298795, "name": "Turkey", "country": "TUR", "start": 56, "end": 62},
               "date": "2016-12-19", "date_precision": "day", "confidence": 0.85},
     "verdicts": {"event": "right", "type": "wrong", "source": "right", ...},
     "note": "one-sided killing: ASSAULT", "judge": "ana", "judged_on": "2026-12-02"}

The text stays where it is (../shared); a judged sample can be kept, shared and re-scored without
copying a word of the dataset (docs/judging.md). A location's name is the gazetteer's, not the text's.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERDICTS = ("right", "wrong", "unsure", "n.a.")
SHORT_VERDICTS = {"r": "right", "w": "wrong", "u": "unsure", "n": "n.a."}
DRAWN = ("event", "article")


@dataclass(frozen=True, slots=True)
class Field:
    """A field the judge gives a verdict on: what the question is, and which coded value the verdict
    is about (a verdict carries over to a later coder only where that value is the same)."""

    name: str
    question: str
    value: Callable[[dict[str, Any]], Any]


def _actor_value(side: str) -> Callable[[dict[str, Any]], Any]:
    """An actor is judged by its code (country and sector); one with no code by its words' place."""

    def value(coded: dict[str, Any]) -> Any:
        actor = coded.get(side)
        if not actor:
            return None
        return actor.get("code") or (actor.get("start"), actor.get("end"))

    return value


def _location_value(coded: dict[str, Any]) -> Any:
    location = coded.get("location")
    if not location:
        return None
    return location.get("geonameid") or location.get("name")


# the one table of judged fields: the judging protocol, `judge show`, `judge set` and `eval judged` read it
FIELDS = (
    Field("event", "is this a political event a careful coder would record at all (not sport, business, "
                   "a metaphor, a private life)?", lambda coded: True),  # about the trigger alone
    Field("type", "the PLOVER type, and the mode where one is given", lambda c: (c.get("type"), c.get("mode"))),
    Field("source", "the actor: the right one, its country and sector; none where the text names none "
                    "(an agentless passive)", _actor_value("source")),
    Field("target", "the recipient: the right one, its country and sector; none where the text names none",
          _actor_value("target")),
    Field("status", "asserted, reported, alleged, hypothetical, planned, negated or denied, as the text has it",
          lambda c: c.get("status")),
    Field("location", "where the event happened, at the precision the text allows", _location_value),
    Field("date", "when the event happened, at the precision the text allows", lambda c: c.get("date")),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
_LINE_KEYS = ("corpus", "article", "position", "drawn", "trigger", "sentence", "coded", "verdicts", "note",
              "judge", "judged_on")


class JudgingError(ValueError):
    """A verdict file, or the corpus it points into, that cannot be used as it is: the message says
    where and what to do."""


class VerdictFileError(JudgingError):
    """A verdict file that cannot be used as it is: the message names the file and line."""


@dataclass(slots=True)
class JudgedEvent:
    """One line of a verdict file: an event coded from an article, and the verdicts on its fields."""

    corpus: str  # the corpus file's name (TR-News.xml), looked up among the paths a command is given
    article: str  # the article's id: the XML's docid, the JSON Lines id, else eventwire's story id
    position: int | None  # the article's place in its file (XML article or JSON Lines line), from 1
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    coded: dict[str, Any]
    verdicts: dict[str, str | None] = field(default_factory=dict)
    drawn: str = "event"  # "article": every event of its article is in the sample
    note: str | None = None
    judge: str | None = None
    judged_on: str | None = None

    @property
    def article_key(self) -> tuple[str, str]:
        return (self.corpus, self.article)

    def pending(self) -> list[str]:
        """The fields not judged yet."""
        return [name for name in FIELD_NAMES if self.verdicts.get(name) is None]

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "article": self.article, "position": self.position, "drawn": self.drawn,
                "trigger": list(self.trigger), "sentence": list(self.sentence), "coded": self.coded,
                "verdicts": {name: self.verdicts.get(name) for name in FIELD_NAMES},
                "note": self.note, "judge": self.judge, "judged_on": self.judged_on}


def empty_verdicts() -> dict[str, str | None]:
    return dict.fromkeys(FIELD_NAMES)


# ---------------------------------------------------------------------------------------- reading


def read_verdicts(path: str | Path) -> list[JudgedEvent]:
    """The judged events of a verdict file, in order; a line that is not one is an error naming the
    file and line, since a line dropped quietly would change every figure."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise VerdictFileError(f"{path}: cannot read: {exc}") from None
    events = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                events.append(_judged_event(json.loads(line)))
            except json.JSONDecodeError as exc:
                raise VerdictFileError(f"{path}:{number}: not JSON ({exc.msg} at column {exc.colno})") from None
            except ValueError as exc:
                raise VerdictFileError(f"{path}:{number}: {exc}") from None
    return events


def _judged_event(record: Any) -> JudgedEvent:
    if not isinstance(record, dict):
        raise ValueError("expected a judged event (a JSON object)")
    unknown = sorted(set(record) - set(_LINE_KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (the keys are {', '.join(_LINE_KEYS)})")
    for key in ("corpus", "article"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise ValueError(f"{key!r} must be a non-empty string")
    position = record.get("position")
    if position is not None and (isinstance(position, bool) or not isinstance(position, int)):
        raise ValueError("'position' must be a whole number or null")
    drawn = record.get("drawn", "event")
    if drawn not in DRAWN:
        raise ValueError(f"'drawn' must be one of {', '.join(DRAWN)}, not {drawn!r}")
    if not isinstance(record.get("coded"), dict):
        raise ValueError("'coded' must be an object of the coded values")
    for key in ("note", "judge", "judged_on"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ValueError(f"{key!r} must be a string or null")
    return JudgedEvent(record["corpus"], record["article"], position, _span(record, "trigger"),
                       _span(record, "sentence"), record["coded"], _verdicts(record.get("verdicts")), drawn,
                       record.get("note"), record.get("judge"), record.get("judged_on"))


def _span(record: dict[str, Any], key: str) -> tuple[int, int]:
    span = record.get(key)
    if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(n, int) and not isinstance(n, bool)
                                                                 for n in span) or not 0 <= span[0] <= span[1]):
        raise ValueError(f"{key!r} must be [start, end], two character offsets")
    return (span[0], span[1])


def _verdicts(given: Any) -> dict[str, str | None]:
    if given is None:
        return empty_verdicts()
    if not isinstance(given, dict):
        raise ValueError("'verdicts' must be an object of field: verdict")
    verdicts = empty_verdicts()
    for name, verdict in given.items():
        if name not in FIELD_NAMES:
            raise ValueError(f"unknown field {name!r} in 'verdicts' (the fields are {', '.join(FIELD_NAMES)})")
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(f"verdict {verdict!r} for {name} (the verdicts are {', '.join(VERDICTS)}, or null)")
        verdicts[name] = verdict
    return verdicts


# ---------------------------------------------------------------------------------------- writing


def write_verdicts(path: str | Path, events: Iterable[JudgedEvent]) -> None:
    """Write the file whole through a temporary file beside it, so that a judge's work is never
    left half written by a crash or a full disk."""
    path = Path(path)
    mode = _file_mode(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            for event in events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(path: Path) -> int:
    """The permissions the file has, or a new file gets (a temporary file is private to its owner)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ---------------------------------------------------------------------------------------- judging


def read_verdict(text: str) -> str:
    """A verdict as typed: the word or its first letter (r, w, u, n)."""
    verdict = SHORT_VERDICTS.get(text.strip().lower(), text.strip().lower())
    if verdict in ("na", "n/a"):
        verdict = "n.a."
    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {text!r}: give one of {', '.join(VERDICTS)} (or r, w, u, n)")
    return verdict


def read_assignments(assignments: Iterable[str]) -> dict[str, str]:
    """``["type=right", "source=w"]`` as {field: verdict}; an unknown field or verdict is an error
    naming the valid ones."""
    given = {}
    for assignment in assignments:
        name, equals, verdict = assignment.partition("=")
        if not equals:
            raise ValueError(f"{assignment!r} is not FIELD=VERDICT (e.g. type=right)")
        if name.strip() not in FIELD_NAMES:
            raise ValueError(f"unknown field {name.strip()!r}: the fields are {', '.join(FIELD_NAMES)}")
        given[name.strip()] = read_verdict(verdict)
    return given


def judge_event(event: JudgedEvent, given: dict[str, str], *, judge: str | None, today: str,
                note: str | None = None) -> None:
    """Record verdicts on one event. An event judged not to be one (``event=wrong``) has no right
    type and nothing else to judge: its type is wrong and its other fields n.a., unless given."""
    if given.get("event") == "wrong":
        given = {**{name: "n.a." for name in FIELD_NAMES}, "type": "wrong", **given}
    event.verdicts.update(given)
    if note is not None:
        event.note = note or None
    event.judge = judge
    event.judged_on = today
