"""One pattern line of a verbs file: ``- [before] * [after] [CODE]``.

    - * (FOR {FINANCIAL AID})   [0231]   a prepositional phrase holding a noun phrase
    - &MILITARY * (TO BORDER)   [154]    a synset before the verb
    - $ * (AS &NEGOTIATOR) (WITH +) [045]  source and target markers
    - % &AIRCRAFT *             [062:062]  a compound actor; a paired code
    - * OFF (FROM ^)            [042]    a skipped noun phrase
    - SO IN_AND_*_OUT_AGAIN NOW [074]    '_': nothing may come between (TABARI's syntax)

A synset name may hold ``_`` (``&FIGHT_OF_WORDS``), so ``&FIGHT_CRIM`` is read as the longest
defined synset (``&FIGHT``) joined to the word ``CRIM``; a synset must be defined above its use.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from eventwire.dictionaries.lines import LineError
from eventwire.dictionaries.model import (
    MARKERS,
    EventCode,
    NounPhrase,
    Pattern,
    PatternElement,
    PrepositionalPhrase,
    Term,
    TermKind,
)

_TOKEN = re.compile(r"(?P<gap>[\s_]*)(?P<token>[{}()]|[^\s_{}()]+)")
_VERB = "*"


def read_pattern(text: str, comment: str, synsets: Collection[str], line: int) -> Pattern:
    """The pattern of a line's text after its ``-``; ``synsets`` are the names defined so far."""
    body, event_code = _split_code(text)
    tokens = _resolve_synsets(_tokens(body), synsets)
    elements = _Elements(tokens).read_all()
    verbs = [i for i, e in enumerate(elements) if isinstance(e, _VerbPosition)]
    if len(verbs) != 1:
        raise LineError("a pattern needs exactly one '*' for the verb" + (f", not {len(verbs)}" if verbs else ""))
    (at,) = verbs
    return Pattern(tuple(elements[:at]), tuple(elements[at + 1:]), elements[at].joined, event_code, comment, line)


def read_event_code(text: str) -> EventCode:
    """The code inside ``[...]``: no blanks, not empty."""
    code = text.strip()
    if not code or any(c.isspace() for c in code):
        raise LineError(f"not a code: [{text}]")
    return EventCode(code)


def _split_code(text: str) -> tuple[str, EventCode]:
    if text.count("[") > 1:
        raise LineError("a pattern has one [CODE], not several")
    if text.count("[") != 1 or text.count("]") != 1:
        raise LineError("a pattern needs one [CODE] at its end (a '#' starts a comment, even inside [...])")
    body, _, rest = text.partition("[")
    code, _, after = rest.partition("]")
    if after.strip():
        raise LineError(f"text after the code: {after.strip()!r}")
    return body, read_event_code(code)


def _tokens(body: str) -> list[tuple[str, bool]]:
    """(token, joined by '_' to the one before) for each word, marker or bracket."""
    return [(m["token"].upper(), "_" in m["gap"] and i > 0) for i, m in enumerate(_TOKEN.finditer(body))]


def _resolve_synsets(tokens: list[tuple[str, bool]], synsets: Collection[str]) -> list[tuple[str, bool]]:
    """Joins ``&FIGHT``, ``OF``, ``WORDS`` into ``&FIGHT_OF_WORDS`` when that synset is defined."""
    resolved, i = [], 0
    while i < len(tokens):
        token, joined = tokens[i]
        taken = 1
        if token.startswith("&"):
            name, taken = _longest_synset(tokens, i, synsets)
            token = "&" + name
        resolved.append((token, joined))
        i += taken
    return resolved


def _longest_synset(tokens: list[tuple[str, bool]], start: int, synsets: Collection[str]) -> tuple[str, int]:
    run = [tokens[start][0][1:]]
    for token, joined in tokens[start + 1:]:
        if not joined or token in "{}()":
            break
        run.append(token)
    for length in range(len(run), 0, -1):
        name = "_".join(run[:length])
        if name in synsets:
            return name, length
    raise LineError(f"the synset &{run[0]} is not defined above this pattern")


class _VerbPosition:
    """The ``*`` while the line is read; it becomes the split between before and after."""

    def __init__(self, joined: bool) -> None:
        self.joined = joined


class _Elements:
    """Reads the tokens of a pattern into its elements, phrases nested as the brackets say."""

    def __init__(self, tokens: list[tuple[str, bool]]) -> None:
        self.tokens = tokens
        self.at = 0

    def read_all(self) -> list[PatternElement | _VerbPosition]:
        elements: list[PatternElement | _VerbPosition] = []
        while self.at < len(self.tokens):
            token, joined = self._next()
            if token == _VERB:
                elements.append(_VerbPosition(joined))
            elif token == "{":
                elements.append(self._noun_phrase())
            elif token == "(":
                elements.append(self._prepositional_phrase())
            else:
                elements.append(_term(token, joined))
        return elements

    def _next(self) -> tuple[str, bool]:
        token = self.tokens[self.at]
        self.at += 1
        if token[0] in ")}":
            raise LineError(f"a '{token[0]}' that closes nothing")
        return token

    def _inner(self, closing: str) -> tuple[str, bool] | None:
        """The next token inside a bracket, or None at its ``closing`` bracket."""
        if self.at >= len(self.tokens):
            raise LineError(f"a bracket not closed with '{closing}'")
        if self.tokens[self.at][0] == closing:
            self.at += 1
            return None
        token = self._next()
        if token[0] in ("(", _VERB) or (token[0] == "{" and closing == "}"):
            raise LineError(f"a '{token[0]}' inside a bracketed phrase")
        return token

    def _noun_phrase(self) -> NounPhrase:
        terms = []
        while (token := self._inner("}")) is not None:
            terms.append(_term(*token))
        if not terms:
            raise LineError("an empty {} phrase")
        return NounPhrase(tuple(terms))

    def _prepositional_phrase(self) -> PrepositionalPhrase:
        first = self._inner(")")
        if first is None or first[0] == "{":
            raise LineError("a (...) phrase starts with its preposition")
        governed: list[Term | NounPhrase] = []
        while (token := self._inner(")")) is not None:
            governed.append(self._noun_phrase() if token[0] == "{" else _term(*token))
        return PrepositionalPhrase(_term(*first), tuple(governed))


def _term(token: str, joined: bool) -> Term:
    if token in MARKERS:
        return Term(MARKERS[token], token, joined)
    if token.startswith("&"):
        return Term(TermKind.SYNSET, token[1:], joined)
    if _VERB in token:
        raise LineError(f"a '*' inside the word {token!r}: the verb's '*' stands alone")
    return Term(TermKind.WORD, token, joined)
