"""Drawing a sample of coded events to judge: seeded, by event or by whole article.

A sample is a verdict file whose verdicts are empty; the same corpus, coder and seed draw the same
sample. Drawn by article (``whole_articles``), every event of each drawn article is in it, so that
a later coder's new events in those articles can be told apart from events never drawn.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.judging.corpus import corpus_and_position
from eventwire.judging.verdicts import JudgedEvent, empty_verdicts
from eventwire.model import Actor, Event, Story


def coded_values(event: Event) -> dict[str, Any]:
    """The values of an event that are judged, by reference: codes, names of the gazetteer, offsets."""
    location = event.location
    return {
        "type": event.plover.type, "mode": event.plover.mode, "cameo": event.cameo.code if event.cameo else None,
        "source": _actor(event.source), "target": _actor(event.target), "status": event.status,
        "location": None if location is None else {
            "geonameid": location.geonameid, "name": location.name, "country": location.country,
            "start": location.start, "end": location.end},
        "date": event.date, "date_precision": event.date_precision, "confidence": round(event.confidence, 3),
    }


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"code": actor.code, "country": actor.country, "sector": actor.sector,
            "start": actor.start, "end": actor.end}


def reference(story: Story, event: Event, drawn: str = "event") -> JudgedEvent:
    """A line of a verdict file for one coded event, its verdicts empty. The event is known by its
    first mention (its trigger and sentence)."""
    corpus, position = corpus_and_position(story.input)
    mention = event.mentions[0]
    return JudgedEvent(corpus, story.id, position, (mention.trigger.start, mention.trigger.end),
                       (mention.start, mention.end), coded_values(event), empty_verdicts(), drawn)


def draw(stories: Sequence[Story], n: int, seed: int, whole_articles: bool = False) -> list[JudgedEvent]:
    """``n`` events of the coded ``stories`` drawn with ``random.Random(seed)``, in corpus order; with
    ``whole_articles``, articles drawn in turn until their events number ``n`` or more."""
    rng = random.Random(seed)
    if whole_articles:
        order = list(range(len(stories)))
        rng.shuffle(order)
        chosen, count = set(), 0
        for index in order:
            if count >= n:
                break
            chosen.add(index)
            count += len(stories[index].events)
        return [reference(stories[i], e, "article") for i in sorted(chosen) for e in stories[i].events]
    every = events_of(stories)
    picked = sorted(rng.sample(range(len(every)), min(n, len(every))))
    return [reference(*every[i]) for i in picked]


def events_of(stories: Iterable[Story]) -> list[tuple[Story, Event]]:
    """Every coded event with its story, in corpus order."""
    return [(story, event) for story in stories for event in story.events]
