"""TABARI's reading of a pattern of words (``- SAID WOULD * NOW``, ``- + * FROM $``): its words
in the sentence in the order written, those before ``*`` before the verb, read back from it, and
those after it in the verb's own phrase; words may come between unless ``_`` joins them. A
user's dictionaries are read this way, as their authors wrote them for TABARI and PETRARCH; the
shipped Phoenix patterns keep their reading on the parse (``senses._pattern_fits``).

An element is ``(kind, phrases, joined)``: kind ``word`` (a word or a synset: its phrases,
each a tuple of words), or a marker: ``$`` the source, ``+`` the target, ``%`` a compound actor
(source and target at once), ``^`` a noun phrase skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

Element = tuple[str, tuple[tuple[str, ...], ...] | None, bool]
Sequence = tuple[tuple[Element, ...], tuple[Element, ...], bool]  # before, after, the verb joined to before

_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})


@dataclass(frozen=True, slots=True)
class SequenceMatch:
    """Where a pattern's markers fell: the tokens of its source, target and compound actor."""

    source: Token | None = None
    target: Token | None = None
    compound: Token | None = None


def match(sequence: Sequence, verb: Token, names_actor: Callable[[Token], bool] | None = None) -> SequenceMatch | None:
    """The pattern's match around ``verb``, or None when its words are not all there; ``$`` and
    ``+`` mark actors (``names_actor``), as in TABARI: "- + HOSTING * TABASKI ^ $" skips "next
    week" for the $ of "with Eriador next week at Cirith Ungol"."""
    before, after, verb_joined = sequence
    sentence = verb.sent
    found: dict[str, Token] = {}
    # before the verb: the last element nearest it, read backwards over the sentence
    left = [t for t in sentence if t.i < verb.i][::-1]
    if not _match_run(list(reversed(before)), left, verb_joined, found, backwards=True, verb=verb.i,
                      names_actor=names_actor):
        return None
    right = [t for t in verb.subtree if t.i > verb.i]
    first_joined = bool(after) and after[0][2]
    if not _match_run(list(after), right, first_joined, found, backwards=False, verb=verb.i,
                      names_actor=names_actor):
        return None
    return SequenceMatch(found.get("$"), found.get("+"), found.get("%"))


def _match_run(elements: list[Element], tokens: list[Token], joined_first: bool, found: dict[str, Token], *,
               backwards: bool, verb: int, names_actor: Callable[[Token], bool] | None = None) -> bool:
    """Matches the elements in order over ``tokens`` (nearest the verb first), greedily taking
    the nearest place each fits; ``joined`` elements must follow the one before directly."""
    at = 0  # index into tokens of the next token free to match
    last = verb  # the token last matched; the verb itself at first
    for n, (kind, phrases, joined) in enumerate(elements):
        # joined: this element touches the previous one (in reading order); backwards the flag
        # sits on the element nearer the verb, i.e. the previous one read
        adjacent = joined_first if n == 0 else (elements[n - 1][2] if backwards else joined)
        placed = False
        for i in range(at, len(tokens)):
            if adjacent and tokens[i].i != last + (-1 if backwards else 1):
                break
            width = _fits(kind, phrases, tokens, i, backwards, names_actor)
            if width:
                if kind in ("$", "+", "%") and kind not in found:
                    found[kind] = tokens[i]
                at = i + width
                last = tokens[at - 1].i
                placed = True
                break
            if adjacent:
                break
        if not placed:
            return False
    return True


def _fits(kind: str, phrases: tuple[tuple[str, ...], ...] | None, tokens: list[Token], i: int,
          backwards: bool, names_actor: Callable[[Token], bool] | None = None) -> int:
    """How many tokens from ``i`` the element takes (0: it does not fit there)."""
    if kind == "%":  # a compound: one of coordinated nouns ("Israel and Syria")
        token = tokens[i]
        return int(token.pos_ in _NOUNS and (token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)))
    if kind != "word":
        actor_needed = kind in ("$", "+") and names_actor is not None
        return 1 if tokens[i].pos_ in _NOUNS and (not actor_needed or names_actor(tokens[i])) else 0
    for phrase in phrases or ():
        words = phrase[::-1] if backwards else phrase
        if i + len(words) <= len(tokens) and all(
                _same(tokens[i + k], w) and (k == 0 or abs(tokens[i + k].i - tokens[i + k - 1].i) == 1)
                for k, w in enumerate(words)):
            return len(words)
    return 0


def _same(token: Token, word: str) -> bool:
    """The word as written: PETRARCH does not stem a pattern's words ("- * RESOLUTION" is not "a
    set of resolutions"); a synset lists its plurals itself."""
    return token.lower_ == word
