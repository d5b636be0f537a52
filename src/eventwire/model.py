"""The one vocabulary every stage speaks: stories, spans, actors, events.

Every offset is a character offset into the story's original text (``Story.text``), so that a
viewer can highlight evidence in what the user gave us, whatever cleaning happened in between.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "eventwire/1"

REMOVED_KINDS = ("caption", "boilerplate", "repeat", "metadata")
STATUSES = ("asserted", "reported", "alleged", "hypothetical", "planned", "negated", "denied")
PLACE_KINDS = ("literal", "adjectival")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")


@dataclass(slots=True)
class Segment:
    """A stretch of the original text that is story body (a paragraph)."""

    start: int
    end: int


@dataclass(slots=True)
class Removed:
    """Text set aside by cleaning, kept so users can see what was not coded and why."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    kind: str = "literal"
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class Actor:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass(slots=True)
class Plover:
    type: str | None  # None for a code of a user's dictionary that CAMEO lacks
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Attribution:
    text: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """One place in the text that reports an event: the evidence an analyst can check."""

    sentence: str
    start: int
    end: int
    trigger: Trigger
    status: str = "asserted"  # this mention's own status; the event takes the surest
    explain: str | None = None  # lexicon sense and parse path, shown with --explain

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end,
                               "trigger": asdict(self.trigger), "status": self.status}
        if explain:
            out["explain"] = self.explain
        return out


@dataclass(slots=True)
class Event:
    id: str
    plover: Plover
    cameo: Cameo | None
    source: Actor | None
    target: Actor | None
    date: str | None = None
    date_precision: str = "unknown"
    location: Location | None = None
    attribution: Attribution | None = None
    status: str = "asserted"
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.5

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": _opt(self.source),
            "target": _opt(self.target),
            "plover": asdict(self.plover),
            "cameo": _opt(self.cameo),
            "location": _opt(self.location),
            "attribution": _opt(self.attribution),
            "status": self.status,
            "mentions": [m.to_dict(explain) for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Story:
    """A news story as read: its original text, metadata, body paragraphs and removed spans.

    ``input`` names where it came from (file, file:line, file#record) for error messages.
    """

    text: str
    input: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    paragraphs: list[Segment] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # why words were not coded, for --explain

    @classmethod
    def from_body(cls, text: str, *, input: str = "<text>", id: str = "", published: str | None = None,
                  title: str | None = None) -> Story:
        """A story whose whole text is body, as made by hand (tests, gold sentences, the library's
        ``code_text``): one paragraph per block between blank lines, nothing set aside."""
        paragraphs, start = [], 0
        for block in text.split("\n\n"):
            stripped = block.strip()
            if stripped:
                lead = block.index(stripped[0])
                paragraphs.append(Segment(start + lead, start + lead + len(stripped)))
            start += len(block) + 2
        return cls(text=text, input=input, id=id, title=title, published=published,
                   paragraphs=paragraphs or [Segment(0, len(text))])

    def cleaned_text(self) -> str:
        """The body as coded: kept paragraphs, one blank line apart."""
        return "\n\n".join(self.text[p.start : p.end] for p in self.paragraphs)

    def to_dict(self, with_text: bool = False, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "removed": [asdict(r) for r in self.removed],
            "places": [asdict(p) for p in self.places],
            "events": [e.to_dict(explain) for e in self.events],
        }
        if with_text:
            out["text"] = self.text
        if explain:
            out["unmatched"] = self.unmatched
        return out


@dataclass(slots=True)
class Rejected:
    """An input that could not be read as a story, and the one-line reason why."""

    input: str
    reason: str

    def message(self) -> str:
        return f"{self.input}: {self.reason}"


def actor_key(actor: Actor | None) -> str:
    """What tells one actor from another when events are merged in a story and matched across
    near-duplicate stories: its code, else its name, else its words; "" for no actor."""
    if actor is None:
        return ""
    return actor.code or actor.name or actor.text.lower()


def _opt(value: Any) -> dict[str, Any] | None:
    return None if value is None else asdict(value)
