"""Mentions to events: one event per story per (type, source, target, date), every mention kept.

Mentions that say something happened (asserted, reported, alleged) merge with each other, but
not with mentions that it might happen, is planned, or did not happen: an approval that "it is
not clear whether" Russia will give is not the same event as an approval given.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.code.status import rank
from eventwire.model import Actor, Attribution, Cameo, Event, Location, Mention, Plover, actor_key


@dataclass(slots=True)
class CodedMention:
    """A mention with everything the merge needs: what, who, when, where, on whose word."""

    plover: Plover
    cameo_code: str
    cameo: Cameo
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str
    location: Location | None
    status: str
    attribution: Attribution | None
    mention: Mention
    confidence: float


_REAL = frozenset({"asserted", "reported", "alleged"})


def merge(story_id: str, mentions: list[CodedMention]) -> list[Event]:
    events: dict[tuple[str, ...], Event] = {}
    best_rank: dict[tuple[str, ...], int] = {}
    for m in mentions:
        # what happened and what only might, was planned or did not happen are kept apart
        factual = "real" if m.status in _REAL else m.status
        key = (m.plover.type or m.cameo_code, actor_key(m.source), actor_key(m.target), m.date or "", factual)
        event = events.get(key)
        if event is None:
            event = Event(id="", plover=m.plover, cameo=m.cameo, source=m.source, target=m.target, date=m.date,
                          date_precision=m.date_precision, location=m.location, attribution=m.attribution,
                          status=m.status, mentions=[], confidence=m.confidence)
            events[key] = event
            best_rank[key] = rank(m.status)
        elif rank(m.status) < best_rank[key]:
            event.status, event.attribution, best_rank[key] = m.status, m.attribution, rank(m.status)
        elif event.attribution is None and m.attribution is not None and rank(m.status) == best_rank[key]:
            event.attribution = m.attribution
        if event.location is None and m.location is not None:
            event.location = m.location
        event.confidence = max(event.confidence, m.confidence)
        if all(x.trigger.start != m.mention.trigger.start for x in event.mentions):
            event.mentions.append(m.mention)
    ordered = sorted(events.values(), key=lambda e: e.mentions[0].trigger.start)
    for n, event in enumerate(ordered, 1):
        event.id = f"{story_id}-{n}"
        if len(event.mentions) > 1:
            event.confidence = min(1.0, event.confidence + 0.05 * (len(event.mentions) - 1))
    return ordered
