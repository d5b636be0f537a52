"""The issues format (``*Issue*.txt``): phrases and the issue they signal, in category blocks.

    <ISSUE CATEGORY="ID_ATROCITY" TYPE="ALL">   a category block, closed by </ISSUE>
    n:massacre [ID_ATROCITY]                    n: the noun and its plural
    ethnic v:purge [ID_ATROCITY]                v: the verb's regular forms
    al+zarqawi network [NAMED_TERROR_GROUP]     +: the two words with a blank, or a hyphen
    ~Saturday Night massacre                    an ignore phrase (~ or ~~, no code): it cancels
                                                the issues of its sentence

An expansion applies to the blank-delimited word it starts; words are upper-cased.
"""

from __future__ import annotations

import itertools
import re

from eventwire.dictionaries.forms import regular_plural, regular_verb_forms
from eventwire.dictionaries.lines import FileReading, LineError, bracketed, read_text
from eventwire.dictionaries.model import Dictionaries, IssuePhrase, Words

_OPEN_CATEGORY = re.compile(r'<ISSUE\s+CATEGORY\s*=\s*"(?P<name>[^"]*)"[^<>]*>', re.IGNORECASE)
_CLOSE_CATEGORY = re.compile(r"</ISSUE\s*>", re.IGNORECASE)
_EXPANSIONS = {"N": lambda word: (word, regular_plural(word)), "V": regular_verb_forms}


def read_issues(text: str, file: str = "<issues>") -> Dictionaries:
    """The issue phrases (and ignore phrases) of an issues file, and the problems of its lines."""
    return read_text(text, file, _IssueReader)


class _IssueReader:
    def __init__(self, reading: FileReading) -> None:
        self.reading = reading
        self.phrases: list[IssuePhrase] = []
        self.category: str | None = None
        self.opened_at = 0

    def close(self) -> dict[str, tuple[IssuePhrase, ...]]:
        if self.category is not None:
            self.reading.problem(self.opened_at, f'the category "{self.category}" is never closed with </ISSUE>')
        return {"issues": tuple(self.phrases)}

    def read_line(self, number: int, content: str, comment: str) -> None:
        opened = _OPEN_CATEGORY.fullmatch(content)
        if opened:
            self._open(number, opened["name"])
        elif _CLOSE_CATEGORY.fullmatch(content):
            self._close()
        elif content.startswith("<"):
            raise LineError('expected <ISSUE CATEGORY="NAME" ...> or </ISSUE>')
        else:
            self.phrases.append(self._phrase(number, content))

    def _open(self, number: int, name: str) -> None:
        previous, self.category, self.opened_at = self.category, name, number
        if previous is not None:
            raise LineError(f'a category opened inside "{previous}", which is not closed: "{name}" is used from here')

    def _close(self) -> None:
        if self.category is None:
            raise LineError("a </ISSUE> with no category open")
        self.category = None

    def _phrase(self, number: int, content: str) -> IssuePhrase:
        ignore = content[: len(content) - len(content.lstrip("~"))]
        phrase, codes = bracketed(content[len(ignore):])
        if len(ignore) > 2:
            raise LineError("an ignore phrase begins with '~' or '~~'")
        if ignore and codes:
            raise LineError("an ignore phrase ('~') takes no code")
        if not ignore and not codes:
            raise LineError("no [CODE]: an issue phrase needs one (an ignore phrase begins with '~')")
        if len(codes) > 1:
            raise LineError(f"{len(codes)} codes: an issue phrase has one")
        code = codes[0] if codes else None
        if code is not None and (not code or " " in code):
            raise LineError(f"not an issue code: [{code}]")
        return IssuePhrase(phrase.strip(), _variants(phrase), code, ignore, self.category, self.reading.file, number)


def _variants(phrase: str) -> tuple[Words, ...]:
    """Every word sequence the phrase's expansions give, in order."""
    tokens = phrase.upper().split()
    if not tokens:
        raise LineError("no phrase")
    per_token = [_token_variants(token) for token in tokens]
    return tuple(tuple(w for part in chosen for w in part) for chosen in itertools.product(*per_token))


def _token_variants(token: str) -> list[Words]:
    """``PRE+N:SCHOOL`` → (PRE, SCHOOL), (PRE-SCHOOL), (PRE, SCHOOLS), (PRE-SCHOOLS)."""
    parts = token.split("+")
    if not all(parts):
        raise LineError(f"a '+' must join two words: {token!r}")
    choices = [_expanded(part) for part in parts]
    variants: list[Words] = []
    for chosen in itertools.product(*choices):
        variants.append(chosen)
        if len(chosen) > 1:
            variants.append(("-".join(chosen),))
    return variants


def _expanded(part: str) -> tuple[str, ...]:
    kind, colon, word = part.partition(":")
    if not colon or not word:
        return (part,)
    if kind not in _EXPANSIONS:
        raise LineError(f"an unknown expansion {kind.lower()}: (there are n: and v:)")
    return _EXPANSIONS[kind](word)
