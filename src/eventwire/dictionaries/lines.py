"""What every dictionary format shares: which lines carry content, how a phrase splits into words,
and how a line that cannot be read becomes a problem while the reading goes on.

Comments: ``#`` (and TABARI's ``;``) to the end of the line; a line starting ``<!`` opens an
XML-style comment that runs to the line holding ``-->`` (the PETR.Validate files use both).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from eventwire.dictionaries.model import Dictionaries, DictionaryProblem, Words

_COMMENT = re.compile(r"[#;]")
_WORD_BREAK = re.compile(r"[\s_]+")
_BRACKETED = re.compile(r"\s*\[([^\[\]]*)\]")
_LOST_CHARACTER = "\ufffd"


class LineError(ValueError):
    """A line that cannot be read; the message says why, for the person editing the file."""


def cut_comment(text: str) -> tuple[str, str]:
    """The content of a line and its comment (without the comment sign)."""
    found = _COMMENT.search(text)
    return (text, "") if found is None else (text[: found.start()], text[found.end():].strip())


def words_of(phrase: str) -> Words:
    """``AFGHAN_ARMY`` or ``AFGHAN ARMY`` → ("AFGHAN", "ARMY"): blanks and ``_`` both part words."""
    return tuple(w for w in _WORD_BREAK.split(phrase.upper()) if w)


def open_joints(phrase: str) -> frozenset[int]:
    """The places between a phrase's words written with blanks alone (``k``: between its words ``k``
    and ``k + 1``), where other words may come between in the text, as the format says ("ITHILEN
    TELEVISION": "Ithilen state-run television"); words joined by ``_`` are consecutive."""
    separators = _WORD_BREAK.findall(phrase.strip().strip("_").strip())
    return frozenset(k for k, separator in enumerate(separators) if "_" not in separator)


def bracketed(text: str) -> tuple[str, list[str]]:
    """The text before the first ``[`` and the contents of the ``[...]`` groups that follow it;
    anything else after the first ``[`` is an error."""
    start = text.find("[")
    if start < 0:
        if "]" in text:
            raise LineError("a ']' with no '[' before it")
        return text, []
    groups, position = [], start
    for found in _BRACKETED.finditer(text, start):
        if found.start() != position:
            break
        groups.append(found.group(1).strip())
        position = found.end()
    if text[position:].strip():
        raise LineError(f"cannot read {text[start:].strip()!r}: expected only [...] groups after the phrase")
    return text[:start], groups


class FileReading:
    """One file being read: its name, the problems found so far, and the lines worth reading."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.problems: list[DictionaryProblem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(DictionaryProblem(self.file, line, message))

    def found(self) -> tuple[DictionaryProblem, ...]:
        """The problems in line order (some are only known when a record closes)."""
        return tuple(sorted(self.problems, key=lambda p: p.line or 0))

    def lines(self) -> Iterator[tuple[int, str, str]]:
        """(number, content, comment) of each line with content, numbered from 1, stripped."""
        opened_at = None
        for number, raw in enumerate(self.text.split("\n"), 1):
            if opened_at is None and raw.lstrip().startswith("<!"):
                opened_at = number
            if opened_at is not None:
                if "-->" in raw:
                    opened_at = None
                continue
            content, comment = cut_comment(raw)
            content = content.strip()
            if not content:
                continue
            if _LOST_CHARACTER in content:
                self.problem(number, "a character was lost here (U+FFFD): not UTF-8, or broken before it was")
                continue
            yield number, content, comment
        if opened_at is not None:
            self.problem(opened_at, "a '<!' comment that is never closed with '-->': the rest of the file is unread")

    def each_line(self, read: Callable[[int, str, str], None]) -> None:
        """Calls ``read`` on each line; a line it cannot read is a problem, and the reading goes on."""
        for number, content, comment in self.lines():
            try:
                read(number, content, comment)
            except LineError as exc:
                self.problem(number, str(exc))


class FormatReader(Protocol):
    """What a format's reader does: read each line, then give what it read, by part of the set."""

    def read_line(self, number: int, content: str, comment: str) -> None: ...

    def close(self) -> dict[str, Any]: ...


def read_text(text: str, file: str, make_reader: Callable[[FileReading], FormatReader]) -> Dictionaries:
    """A file's text read by one format's reader: what it read, and every problem of its lines."""
    reading = FileReading(text, file)
    reader = make_reader(reading)
    reading.each_line(reader.read_line)
    return Dictionaries(**reader.close(), problems=reading.found(), files=(file,))
