"""A folder of dictionaries: each file's format told by its name, all read into one set."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from pathlib import Path

from eventwire.dictionaries.actors import read_actors
from eventwire.dictionaries.agents import read_agents
from eventwire.dictionaries.discards import read_discards
from eventwire.dictionaries.issues import read_issues
from eventwire.dictionaries.model import Dictionaries, DictionaryProblem
from eventwire.dictionaries.verbs import read_verbs
from eventwire.lexicons import LexiconError

Reader = Callable[[str, str], Dictionaries]

# file name patterns (matched without regard to case) → reader; the first that matches is used
READERS: tuple[tuple[tuple[str, ...], Reader], ...] = (
    (("*actors*.txt",), read_actors),
    (("*agents*.txt",), read_agents),
    (("*verbs*.txt", "cameo*.txt"), read_verbs),
    (("*discards*.txt",), read_discards),
    (("*issue*.txt",), read_issues),
)
NAMES = "*actors*.txt, *agents*.txt, *verbs*.txt or CAMEO*.txt, *discards*.txt, *Issue*.txt"


def reader_for(path: str | Path) -> Reader | None:
    """The reader of a dictionary file, told by its name; None for a name of no format."""
    name = Path(path).name.lower()
    return next((read for patterns, read in READERS
                 if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)), None)


def read_file(path: str | Path, *, strict: bool = False) -> Dictionaries:
    """One dictionary file, its format told by its name (``strict``: as for ``read_dictionaries``)."""
    read = reader_for(path)
    if read is None:
        raise LexiconError(f"{path}: not a dictionary file name (expected {NAMES})")
    return _checked(read(_text(Path(path)), str(path)), strict)


def read_dictionaries(folder: str | Path, *, strict: bool = False) -> Dictionaries:
    """Every dictionary file of a folder, in name order, as one set with all their problems.

    ``strict``: the first problem raises a ``LexiconError`` naming its file and line. A ``.txt``
    file whose name says no format is a problem too, so that no file is left unread in silence."""
    folder = Path(folder)
    if not folder.is_dir():
        raise LexiconError(f"{folder}: dictionary folder not found")
    found = Dictionaries()
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt"):
        found += _read_or_say(path)
    if not found.files:
        raise LexiconError(f"{folder}: no dictionary files (expected names like {NAMES})")
    return _checked(found, strict)


def _checked(found: Dictionaries, strict: bool) -> Dictionaries:
    if strict and found.problems:
        raise LexiconError(f"{found.problems[0]} ({len(found.problems)} problems in all)")
    return found


def _read_or_say(path: Path) -> Dictionaries:
    if reader_for(path) is None:
        unread = DictionaryProblem(str(path), None, f"not read: the name matches none of {NAMES}")
        return Dictionaries(problems=(unread,))
    return read_file(path)


def _text(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 become U+FFFD, which the line reader reports."""
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read: {exc.strerror}") from None
