"""What the TABARI/PETRARCH dictionaries say, as read: one frozen record per entry, each with the
file and line it came from, so that a later stage (a compiled cache, a conflict check, the coder)
can name its source. Words are upper case, as PETRARCH matches them; a phrase is a tuple of words.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date

Words = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DictionaryProblem:
    """A line that could not be read (or a file-level problem when ``line`` is None)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line is not None else f"{self.file}: {self.message}"


# --- actors -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorRole:
    """A code an actor holds between two dates, both included (``[USAGOV 450703-470121]``); an
    open end (``[AFGGOV <331108]``, ``[HOBELI >20130119]``) is None."""

    actor_code: str
    start: date | None
    end: date | None
    line: int

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor: its primary name, its ``+`` synonyms, the code it has when no dated role covers
    the day (None when none is given, which codes nothing, as ``---`` does), and its dated roles
    in file order (the first that covers the day wins); ``open_joints``: for each of its names,
    where other words may come between its words (see ``lines.open_joints``)."""

    name: Words
    synonyms: tuple[Words, ...]
    default_code: str | None
    roles: tuple[ActorRole, ...]
    file: str
    line: int
    open_joints: tuple[frozenset[int], ...] = ()

    @property
    def names(self) -> tuple[Words, ...]:
        return (self.name, *self.synonyms)

    def code_on(self, day: date) -> str | None:
        return next((r.actor_code for r in self.roles if r.covers(day)), self.default_code)


# --- agents -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A generic agent (``POLICE {} [~COP]``): its words, its plural (the one given in ``{...}``, the
    regular one when none is given, None for ``{}``, a substituted ``!PERSON!`` or a phrase ending
    in ``_``), and its code, which goes after an actor's code (``~COP``) or before it (``NGO~``)."""

    words: Words
    plural: Words | None
    agent_code: str
    before_actor: bool
    file: str
    line: int
    open_joints: frozenset[int] = frozenset()  # where other words may come between (``lines.open_joints``)

    def combined_with(self, actor_code: str) -> str:
        return self.agent_code + actor_code if self.before_actor else actor_code + self.agent_code


# --- verbs --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventCode:
    """An event code as written in brackets. ``190`` codes the event source → target; a pair
    ``042:043`` also codes the reversed event (target → source) with the second code, and ``:173``
    codes only the reversed one (TABARI's paired codes); ``---`` is the null code (no event)."""

    text: str

    @property
    def forward(self) -> str | None:
        return _real_code(self.text.partition(":")[0])

    @property
    def reverse(self) -> str | None:
        return _real_code(self.text.partition(":")[2])


def _real_code(text: str) -> str | None:
    return text if text and text != "---" else None


NULL_EVENT_CODE = EventCode("---")


@dataclass(frozen=True, slots=True)
class VerbWords:
    """A verb as written: its words and which one is the verb (``+`` marks it: ``WIRE_+TAP``)."""

    words: Words
    verb_index: int = 0

    @property
    def verb(self) -> str:
        return self.words[self.verb_index]


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb of a family. ``irregular_forms`` are the forms given in ``{...}``; None when there
    are none, so that the regular forms are meant. ``event_code`` is its own code, if it has one."""

    written: VerbWords
    irregular_forms: tuple[VerbWords, ...] | None
    event_code: EventCode | None
    line: int


class TermKind(enum.Enum):
    """What one position of a pattern stands for."""

    WORD = "word"
    SYNSET = "&"  # any phrase of a synset
    SOURCE = "$"  # the event's source is here
    TARGET = "+"  # the event's target is here
    COMPOUND = "%"  # a compound actor, source and target at once ('Israel and Syria met')
    SKIP = "^"  # a noun phrase skipped over


MARKERS = {kind.value: kind for kind in (TermKind.SOURCE, TermKind.TARGET, TermKind.COMPOUND, TermKind.SKIP)}


@dataclass(frozen=True, slots=True)
class Term:
    """A word, a synset (``text`` is its name, without ``&``) or a marker (``text`` is the marker).
    ``joined``: written with ``_`` after what comes before it, so nothing may come between."""

    kind: TermKind
    text: str
    joined: bool = False


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """``{FINANCIAL AID}``: words that belong together; the last is the head."""

    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class PrepositionalPhrase:
    """``(FOR {FINANCIAL AID})``: a preposition and what it governs (possibly nothing: ``(TO)``)."""

    preposition: Term
    object: tuple[Term | NounPhrase, ...]


PatternElement = Term | NounPhrase | PrepositionalPhrase


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern line (``- &MILITARY * (TO BORDER) [154] # RUSH``): what comes before and after
    the verb (``*``), the code, and the comment, which names the verb it was written for.
    ``verb_joined``: the verb directly follows the term before it (``IN_*``)."""

    before: tuple[PatternElement, ...]
    after: tuple[PatternElement, ...]
    verb_joined: bool
    event_code: EventCode
    comment: str
    line: int

    def terms(self) -> Iterator[Term]:
        """Every term, in order, inside phrases too."""
        for element in (*self.before, *self.after):
            yield from _terms_of(element)

    @property
    def prepositions(self) -> tuple[PrepositionalPhrase, ...]:
        return tuple(e for e in (*self.before, *self.after) if isinstance(e, PrepositionalPhrase))

    @property
    def synsets(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.terms() if t.kind is TermKind.SYNSET)

    @property
    def markers(self) -> tuple[TermKind, ...]:
        return tuple(t.kind for t in self.terms() if t.kind.value in MARKERS)


def _terms_of(element: PatternElement) -> Iterator[Term]:
    if isinstance(element, Term):
        yield element
    elif isinstance(element, NounPhrase):
        yield from element.terms
    else:
        yield element.preposition
        for part in element.object:
            yield from _terms_of(part)


@dataclass(frozen=True, slots=True)
class VerbFamily:
    """A block of the verbs file (``--- ACCELERATE [---] ---``): its primary verb and code (the
    code of every verb and pattern that has none of its own), its verbs and its patterns."""

    primary: str
    event_code: EventCode
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class SynsetMember:
    """One ``+`` line of a synset: a phrase and its regular plural (None when the phrase or the
    synset's label ends with ``_``), or another synset (``+&TIETYPES``: ``words`` is its name)."""

    words: Words
    plural: Words | None
    nested: bool
    line: int


@dataclass(frozen=True, slots=True)
class Synset:
    """``&WEAPON`` and its phrases: what a pattern's ``&WEAPON`` matches."""

    name: str
    members: tuple[SynsetMember, ...]
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (b . ATTACK) SAY = a b 112``: 'A says B attacked' codes as A accusing B. Actors are
    letters, ``.`` (not specified) or ``_`` (not present); a verb ``Q`` is any verb."""

    speaker: str
    inner_source: str
    inner_target: str
    inner_verb: str
    verb: str
    source: str
    target: str
    result: str
    file: str
    line: int


# --- discards and issues ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase whose sentence (or, with ``+``, whole story) is not coded. ``stem``: the last word
    may run on (``BASEBALL`` matches 'baseballs'); False when written with a final ``_``."""

    words: Words
    whole_story: bool
    stem: bool
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class IssuePhrase:
    """A line of the issues file: ``n:massacre [ID_ATROCITY]``, or an ignore phrase (``~`` or
    ``~~``, no code) whose presence cancels the sentence's issues. ``variants`` are the word
    sequences its expansions give (``n:`` singular and plural, ``v:`` verb forms, ``+`` a blank
    or a hyphen); ``category`` is that of the ``<ISSUE CATEGORY=...>`` block around it."""

    written: str
    variants: tuple[Words, ...]
    issue_code: str | None
    ignore: str
    category: str | None
    file: str
    line: int


# --- the whole set ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dictionaries:
    """What a folder of dictionaries (or one file) says, and every problem found reading it."""

    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    verbs: tuple[VerbFamily, ...] = ()
    synsets: tuple[Synset, ...] = ()
    transformations: tuple[Transformation, ...] = ()
    discards: tuple[Discard, ...] = ()
    issues: tuple[IssuePhrase, ...] = ()
    problems: tuple[DictionaryProblem, ...] = ()
    files: tuple[str, ...] = ()

    def __add__(self, other: Dictionaries) -> Dictionaries:
        return Dictionaries(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def counts(self) -> dict[str, int]:
        """How much was read, by kind, for summaries."""
        families = self.verbs
        return {
            "files": len(self.files),
            "actors": len(self.actors),
            "actor names": sum(1 + len(a.synonyms) for a in self.actors),
            "roles": sum(len(a.roles) for a in self.actors),
            "agents": len(self.agents),
            "verb families": len(families),
            "verbs": sum(len(f.verbs) for f in families),
            "patterns": sum(len(f.patterns) for f in families),
            "synsets": len(self.synsets),
            "transformations": len(self.transformations),
            "discards": len(self.discards),
            "issues": len(self.issues),
            "problems": len(self.problems),
        }

