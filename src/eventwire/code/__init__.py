"""Coding: from a parsed story to events (who did what to whom, when, where, on whose word).

One story's flow: its actors are read once (``StoryActors``), its toponyms found and resolved,
then each sentence's triggers go through the steps of ``eventwire.code.steps`` as ``Clause``
records, and the mentions they give are merged into events (``eventwire.code.merge``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from eventwire.code import steps
from eventwire.code.actors import StoryActors
from eventwire.code.clause import Clause, CodingContext
from eventwire.code.knowledge import Knowledge
from eventwire.code.merge import CodedMention, MergeWords, merge
from eventwire.code.places import as_places, find_toponyms, places_by_token, story_geography, story_location
from eventwire.code.political import title_words, topic_of
from eventwire.code.reference import StoryFrame, reference
from eventwire.code.syntax import doc_text, hyphen_start
from eventwire.code.triggers import CameoEntry
from eventwire.model import Actor, Mention, Story, Trigger
from eventwire.nlp import joined

__all__ = ["Knowledge", "code_story"]


def code_story(story: Story, doc: Doc, knowledge: Knowledge) -> Story:
    """Fill ``story.events`` and ``story.places`` (and, for --explain, what was not coded) from its parse."""
    clues = knowledge.gazetteer.match(doc)
    toponyms = find_toponyms(doc, clues, knowledge.places)
    actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar, knowledge.triggers.names_an_event,
                         story.published, clues=clues, geography=story_geography(toponyms))
    ctx = CodingContext(doc=doc, actors=actors, triggers=knowledge.triggers, grammar=knowledge.grammar,
                        cues=knowledge.cues, dates=knowledge.dates, published=story.published)
    ctx.topic_story = topic_of(title_words(story.title), ctx)
    fallback = story_location(doc, toponyms)
    chain = steps.chain(steps.locate(knowledge.places, places_by_token(toponyms), fallback))
    frame = StoryFrame.of(doc, toponyms, fallback, story.published)
    mentions = []
    discarded = _discarded(doc, knowledge.dictionaries.discards)
    for sentence in doc.sents:
        if "story" in discarded or sentence.start in discarded:
            continue
        for clause in steps.triggers(sentence, ctx):
            if steps.run(clause, ctx, chain):
                clues = reference(clause, frame, knowledge.grammar, knowledge.dates)
                mentions.extend(replace(m, reference=clues) for m in _mentions(clause, ctx))
    story.events = merge(story.id, mentions, MergeWords(knowledge.grammar.violent_types))
    story.places = as_places(doc, toponyms)
    anchor_to_original_text(story)
    story.unmatched = [f"{u.token.text} ({u.token.idx}): {u.reason}" for u in ctx.unmatched]
    return story


def _discarded(doc: Doc, discards: tuple[tuple, ...]) -> set[int | str]:
    """The sentences (their first tokens) a discard phrase of a user's dictionaries names, and
    "story" when a whole-story one (``+TYPHOON``) is found: sport and weather are not coded. The
    last word may run on ("baseballs") unless written with a final ``_``. The shipped Phoenix
    discards are not applied: on open news they drop far more real events than sport."""
    out: set[int | str] = set()
    own = [d for d in discards if not d[4]]
    lowers = [t.lower_ for t in doc] if own else []  # the words once, not a span per token and phrase
    for words, whole_story, stem, _where, _shipped in own:
        n = len(words)
        for i in range(len(lowers) - n + 1):
            last = lowers[i + n - 1]
            if lowers[i : i + n - 1] == list(words[:-1]) and (
                    last == words[-1] or (stem and last.startswith(words[-1]))):
                out.add("story" if whole_story else doc[i].sent.start)
    return out


def _mentions(clause: Clause, ctx: CodingContext) -> list[CodedMention]:
    out = _coded(clause, ctx, ctx.entry(clause.code), steps.pairs(clause))
    reverse = clause.sense.reverse if clause.sense is not None else None
    if reverse and clause.code == clause.sense.cameo:  # a user's paired code: the target acts on the source too
        out += _coded(clause, ctx, ctx.entry(reverse),
                      [(t, s) for s, t in steps.pairs(clause) if s is not None and t is not None])
    return out


def _coded(clause: Clause, ctx: CodingContext, entry: CameoEntry,
           pairs: list[tuple[Actor | None, Actor | None]]) -> list[CodedMention]:
    out = []
    for source, target in pairs:
        out.append(CodedMention(
            plover=entry.plover(), cameo_code=entry.code, cameo=entry.cameo(), source=source, target=target,
            date=clause.date, date_precision=clause.date_precision, location=clause.location,
            status=clause.status, attribution=clause.attribution,
            mention=_mention(clause, entry, _origins(ctx, source=source, target=target)),
            confidence=_confidence(clause, source, target)))
    return out


def _origins(ctx: CodingContext, **actors: Actor | None) -> str:
    """Which dictionary lines named the actors ("; source: Phoenix.Countries.actors.txt:1234 Haider
    Al-Abadi → IRQGOV"), for --explain; nothing for what the lexicons named."""
    out = []
    for role, actor in actors.items():
        if actor is None or actor.end <= actor.start:
            continue
        span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        seen = set()
        for token in span or ():
            clue = ctx.actors.clue(token)
            if clue is not None and clue.where and clue.where not in seen:
                seen.add(clue.where)
                out.append(f"{role}: {clue.where} {clue.name} → {clue.code or clue.country or clue.sector}")
    return "".join(f"; {o}" for o in out)


def _mention(clause: Clause, entry: CameoEntry, origins: str = "") -> Mention:
    sentence = clause.sentence
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start = sentence.start_char + lead
    trigger = clause.trigger
    first = hyphen_start(trigger) or trigger  # "sit-in", not its "in"
    return Mention(
        sentence=stripped, start=start, end=start + len(stripped), status=clause.status,
        trigger=Trigger(doc_text(trigger.doc)[first.idx : trigger.idx + len(trigger.text)], first.idx,
                        trigger.idx + len(trigger.text)),
        explain=f"trigger {trigger.text!r} ({trigger.lemma_}, {trigger.dep_}) → {clause.sense.where} → "
                f"CAMEO {entry.code} {entry.description}; {clause.path}{origins}",
    )


def _confidence(clause: Clause, source: Actor | None, target: Actor | None) -> float:
    sense = clause.sense
    score = 0.4
    score += 0.2 if source is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.1 if sense.objects or sense.preps or sense.particles else 0.0
    score += 0.05 if source is not None and source.country else 0.0
    return min(score, 0.95)


def anchor_to_original_text(story: Story) -> None:
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
