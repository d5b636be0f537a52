"""Coding: from a parsed story to events (who did what to whom, when, where, on whose word)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.code.actors import context_for
from eventwire.code.clauses import ClauseCoder, Found
from eventwire.code.dates import event_date
from eventwire.code.merge import CodedMention, merge
from eventwire.code.places import as_places, event_location, find_toponyms, places_by_token, story_location
from eventwire.code.status import status_of
from eventwire.code.triggers import trigger_lexicon
from eventwire.model import Mention, Story, Trigger
from eventwire.nlp import joined


def code_story(story: Story, doc: Doc) -> Story:
    """Fill ``story.events`` (and the explanation of what was not coded) from its parse."""
    ctx = context_for(doc)
    toponyms = find_toponyms(doc, ctx)
    fallback = story_location(doc, toponyms)
    by_token = places_by_token(toponyms)
    coder = ClauseCoder(doc, ctx, trigger_lexicon())
    mentions = []
    for found in coder.run():
        status, attribution = status_of(found.trigger, found.anchor, ctx)
        mention = _mention(found)
        mention.status = status
        when, precision = event_date(found.anchor, found.sentence, story.published)
        mentions.append(CodedMention(
            plover=found.entry.plover(), cameo_code=found.entry.code, cameo=found.entry.cameo(),
            source=found.source, target=found.target,
            date=when, date_precision=precision,
            location=event_location(found.anchor, by_token, fallback, found.entry.plover_type),
            status=status, attribution=attribution,
            mention=mention, confidence=_confidence(found),
        ))
    story.events = merge(story.id, mentions)
    story.places = as_places(doc, toponyms)
    _true_to_original(story)
    story.unmatched = [f"{u.token.text} ({u.token.idx}): {u.reason}" for u in coder.unmatched]
    return story


def _true_to_original(story: Story) -> None:
    """Offsets trimmed of white space (a span may begin on a stray space token) and texts re-read
    from the original there, with line breaks as spaces, as the parser saw them."""
    text = story.text

    def trim(start: int, end: int) -> tuple[int, int]:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    for span in [*story.places, *(a for e in story.events for a in (e.source, e.target) if a is not None),
                 *(m.trigger for e in story.events for m in e.mentions)]:
        span.start, span.end = trim(span.start, span.end)
        span.text = joined(text[span.start : span.end])
    for mention in (m for e in story.events for m in e.mentions):
        mention.start, mention.end = trim(mention.start, mention.end)
        mention.sentence = joined(text[mention.start : mention.end])


def _mention(found: Found) -> Mention:
    sentence = found.sentence
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    trigger = found.trigger
    return Mention(
        sentence=stripped, start=start, end=start + len(stripped),
        trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
        explain=f"trigger {trigger.text!r} ({trigger.lemma_}, {trigger.dep_}) → {found.sense.where} → "
                f"CAMEO {found.entry.code} {found.entry.description}; {found.path}",
    )


def _confidence(found: Found) -> float:
    score = 0.4
    score += 0.2 if found.source is not None else 0.0
    score += 0.2 if found.target is not None else 0.0
    score += 0.1 if found.sense.objects or found.sense.preps or found.sense.particles else 0.0
    score += 0.05 if found.source is not None and found.source.country else 0.0
    return min(score, 0.95)
