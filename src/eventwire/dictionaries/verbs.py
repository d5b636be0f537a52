"""The verbs format (``CAMEO.2.0.txt``, ``*.verbs.txt``): synsets, verb families and their
patterns, and transformations, in the order the file gives them.

    &CURRENCY                      a synset: its '+' lines are phrases (a final '_' on the label
    +DOLLAR                        or on a phrase: no plural is made)
    --- ACCELERATE [---] ---       a family header: its primary verb and code ([---]: none)
    SPEED {SPEEDING SPEEDS SPED}   a verb and its irregular forms
    ASK [020]                      a verb with its own code
    +CORDON_OFF {+CORDONED_OFF}    a verb of several words; '+' marks the verb among them
    - * AID [070]  # RUSH          a pattern (see patterns.py)
    ~ a (b . ATTACK) SAY = a b 112 a transformation

A ``+`` line belongs to the synset or the family opened last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.dictionaries.forms import plural_phrase
from eventwire.dictionaries.lines import FileReading, LineError, bracketed, read_text, words_of
from eventwire.dictionaries.model import (
    NULL_EVENT_CODE,
    Dictionaries,
    EventCode,
    Pattern,
    Synset,
    SynsetMember,
    Transformation,
    Verb,
    VerbFamily,
    VerbWords,
)
from eventwire.dictionaries.patterns import read_event_code, read_pattern

_VERB = re.compile(r"(?P<words>[^{}\[\]]+?)\s*(?:\{(?P<forms>[^{}\[\]]*)\})?\s*(?:\[(?P<code>[^\[\]{}]*)\])?")
_SYNSET_NAME = re.compile(r"[^\s&\[\]{}()]+")
_TRANSFORMATION = re.compile(r"~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+([^\s)]+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)")
_FORM_BREAK = re.compile(r"[\s,]+")


def read_verbs(text: str, file: str = "<verbs>") -> Dictionaries:
    """The verb families, synsets and transformations of a verbs file, and the problems of its lines."""
    return read_text(text, file, _VerbReader)


@dataclass
class _OpenFamily:
    primary: str
    event_code: EventCode
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    broken: bool = False  # its header could not be read: its lines are left out with it


@dataclass
class _OpenSynset:
    name: str
    makes_plurals: bool
    line: int
    members: list[SynsetMember] = field(default_factory=list)


class _VerbReader:
    def __init__(self, reading: FileReading) -> None:
        self.reading = reading
        self.families: list[VerbFamily] = []
        self.synsets: dict[str, Synset] = {}
        self.transformations: list[Transformation] = []
        self.open: _OpenFamily | _OpenSynset | None = None

    def read_line(self, number: int, content: str, comment: str) -> None:
        if content.startswith("---"):
            self._open_family(number, content[3:])
        elif content.startswith("-"):
            self._family("a pattern").patterns.append(
                read_pattern(content[1:], comment, self.synsets.keys(), number))
        elif content.startswith("&"):
            self._open_synset(number, content)
        elif content.startswith("~"):
            self.transformations.append(_transformation(content, self.reading.file, number))
        elif content.startswith("+") and isinstance(self.open, _OpenSynset):
            self.open.members.append(self._member(content[1:], number))
        else:
            self._family("a verb").verbs.append(_verb(content, number))

    def _family(self, what: str) -> _OpenFamily:
        if isinstance(self.open, _OpenFamily):
            return self.open
        if isinstance(self.open, _OpenSynset):
            raise LineError(f"{what} in the synset &{self.open.name}: a synset's lines begin with '+', "
                            "and a family begins with '--- NAME [CODE] ---'")
        raise LineError(f"{what} before any '--- NAME [CODE] ---' family header")

    def _open_family(self, number: int, header: str) -> None:
        self._end_block()
        self.open = family = _OpenFamily("", NULL_EVENT_CODE, number, broken=True)
        name, codes = bracketed(header.rstrip("- \t"))  # '--- DISGRACE [110]--- ---' too
        family.primary = " ".join(words_of(name))
        if not family.primary:
            raise LineError("a family header with no verb: expected '--- NAME [CODE] ---'")
        family.event_code = read_event_code(codes[0]) if codes else NULL_EVENT_CODE
        family.broken = False
        if len(codes) > 1:
            raise LineError(f"a family header with {len(codes)} codes: [{codes[0]}] is used")

    def _open_synset(self, number: int, content: str) -> None:
        self._end_block()
        label, *rest = content.upper().split()
        name = label[1:]
        self.open = _OpenSynset(name.removesuffix("_"), not name.endswith("_"), number)
        if not _SYNSET_NAME.fullmatch(name) or rest:
            raise LineError(f"a synset label is '&NAME' alone on its line: its phrases are read as {label}'s")
        if self.open.name in self.synsets:
            raise LineError(f"the synset &{self.open.name} is defined again (first on line "
                            f"{self.synsets[self.open.name].line}): this one is used from here on")

    def _member(self, phrase: str, number: int) -> SynsetMember:
        synset = self.open
        assert isinstance(synset, _OpenSynset)
        if any(c in phrase for c in "[]{}"):
            raise LineError("a synset's phrase holds only words")
        words = words_of(phrase)
        if not words:
            raise LineError("an empty synset phrase")
        if words[0].startswith("&"):
            return self._nested_member(words, number)
        plural = plural_phrase(words) if synset.makes_plurals and not phrase.rstrip().endswith("_") else None
        return SynsetMember(words, plural, False, number)

    def _nested_member(self, words: tuple[str, ...], number: int) -> SynsetMember:
        name = "_".join(words)[1:]
        if name not in self.synsets:
            raise LineError(f"the synset &{name} is not defined above")
        return SynsetMember((name,), None, True, number)

    def close(self) -> dict[str, tuple]:
        self._end_block()
        return {"verbs": tuple(self.families), "synsets": tuple(self.synsets.values()),
                "transformations": tuple(self.transformations)}

    def _end_block(self) -> None:
        """Ends the open family or synset, if any."""
        block, self.open = self.open, None
        file = self.reading.file
        if isinstance(block, _OpenSynset):
            if not block.members:
                self.reading.problem(block.line, f"the synset &{block.name} has no '+' phrases")
            self.synsets[block.name] = Synset(block.name, tuple(block.members), file, block.line)
        elif isinstance(block, _OpenFamily) and not block.broken:
            if not block.verbs:
                self.reading.problem(block.line, f"the family {block.primary} has no verbs")
            self.families.append(VerbFamily(block.primary, block.event_code, tuple(block.verbs),
                                            tuple(block.patterns), file, block.line))


def _verb(content: str, number: int) -> Verb:
    found = _VERB.fullmatch(content)
    if found is None:
        raise LineError("expected a verb line: VERB {IRREGULAR FORMS} [CODE]")
    forms = found["forms"]
    irregular = None if forms is None else tuple(_verb_words(f) for f in _FORM_BREAK.split(forms.strip()) if f)
    code = None if found["code"] is None else read_event_code(found["code"])
    return Verb(_verb_words(found["words"]), irregular, code, number)


def _verb_words(text: str) -> VerbWords:
    """``WIRE_+TAP`` → (WIRE, TAP) with the verb at 1; a verb with no '+' is its first word."""
    words = words_of(text)
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1 or any(w == "+" for w in words) or not words:
        raise LineError(f"cannot read the verb {text.strip()!r}: one '+' goes before the verb among its words")
    return VerbWords(tuple(w.removeprefix("+") for w in words), marked[0] if marked else 0)


def _transformation(content: str, file: str, number: int) -> Transformation:
    found = _TRANSFORMATION.fullmatch(content)
    if found is None:
        raise LineError("expected a transformation: ~ a (b c VERB) VERB = a b CODE")
    return Transformation(*(part.upper() if part.isalpha() and len(part) > 1 else part for part in found.groups()),
                          file, number)
