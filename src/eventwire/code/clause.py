"""The records the coding steps pass along: one ``Clause`` per trigger, and the story's context.

A ``Clause`` starts as a trigger in a sentence and is filled in by the steps in order (its sense,
its CAMEO code, its arguments, its status, date and place); a step that finds the trigger codes
nothing stops it, with the reason shown by ``--explain``. The ``CodingContext`` is what the steps
share within one story: the parse, the story's actors (read once), the knowledge, and which
tokens a governing verb has already absorbed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.code.actors import StoryActors
from eventwire.code.status import Cues
from eventwire.code.triggers import CameoEntry, Sense, TriggerLexicon
from eventwire.lexicons import WordLists
from eventwire.model import Actor, Attribution, Location
from eventwire.read.dates import DateWords


@dataclass(slots=True)
class Clause:
    """One trigger and what the steps have found out about it."""

    trigger: Token
    sentence: Span
    lemma: str  # the lexicon key the trigger was found under
    senses: list[Sense]
    nominal: bool  # a noun trigger ("talks", "the attack")
    anchor: Token  # the verb whose clause carries tense, negation and attribution
    # the verb by which a noun event happens or is seen ("clashes erupted", "observed 10 explosions"):
    # its clause says when and where, and its subject is not the event's actor
    happening: Token | None = None
    sense: Sense | None = None
    code: str | None = None  # the CAMEO code, once chosen
    complement: Token | None = None  # the action a governing verb absorbed ("agreed to [withdraw]")
    complement_targets: list[Actor] | None = None
    between: list[Actor] = field(default_factory=list)  # the other sides of "clashes between A and B"
    marked_target: tuple[list[Actor], str] | None = None  # the target a user's pattern marks with "+"
    sources: list[Actor] = field(default_factory=list)
    source_path: str = ""
    targets: list[Actor] = field(default_factory=list)
    target_path: str = ""
    status: str = "asserted"
    attribution: Attribution | None = None
    date: str | None = None
    date_precision: str = "unknown"
    location: Location | None = None
    stopped: bool = False
    reason: str | None = None  # why it codes nothing, for --explain (None: nothing worth saying)

    def stop(self, reason: str | None = None) -> None:
        self.stopped = True
        self.reason = reason

    @property
    def path(self) -> str:
        return f"{self.source_path}; {self.target_path}"


@dataclass(slots=True)
class Unmatched:
    """A word that looked like a trigger and coded nothing, with the reason."""

    token: Token
    reason: str


@dataclass(slots=True)
class CodingContext:
    """What the steps share within one story."""

    doc: Doc
    actors: StoryActors
    triggers: TriggerLexicon
    grammar: WordLists
    cues: Cues
    dates: DateWords
    published: str | None
    topic_story: str | None = None  # the title's topic (sports, entertainment): its places are teams, venues
    consumed: set[int] = field(default_factory=set)  # tokens a governing verb has absorbed
    unmatched: list[Unmatched] = field(default_factory=list)

    def entry(self, code: str) -> CameoEntry:
        return self.triggers.entry(code)
