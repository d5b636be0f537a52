"""Showing a judged event with the text around it, to a judge who is a person (text with marks) or
a program (JSON), and reading a person's answer at the prompt."""

from __future__ import annotations

import re
from typing import Any

from eventwire.judging.verdicts import FIELD_NAMES, SHORT_VERDICTS, JudgedEvent, read_assignments
from eventwire.model import Story

# where one sentence of the article ends, for showing its neighbours (the event's own sentence is the
# parser's, from the verdict file)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*\n\s*")
MARKS = {"trigger": ("«", "»"), "source": ("[S: ", "]"), "target": ("[T: ", "]"), "location": ("[L: ", "]")}
ANSWER_HELP = (f"answer with one letter a field, in the order {' '.join(FIELD_NAMES)} (r right, w wrong, "
               "u unsure, n n.a.), e.g. rrwrrrr; or FIELD=VERDICT ... (type=w source=r); x: not an event at all "
               "(type wrong, the rest n.a.); s: skip; q: quit")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The article cut into sentences, roughly: only to show an event's neighbours."""
    spans, start = [], 0
    for found in _SENTENCE_BREAK.finditer(text):
        if text[start:found.start()].strip():
            spans.append((start, found.start()))
        start = found.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def neighbours(text: str, sentence: tuple[int, int], n: int) -> tuple[list[str], list[str]]:
    """The ``n`` sentences before the event's sentence and the ``n`` after it."""
    spans = sentence_spans(text)
    before = [text[s:e] for s, e in spans if e <= sentence[0]][-n:] if n else []
    after = [text[s:e] for s, e in spans if s >= sentence[1]][:n]
    return before, after


def _spans(judged: JudgedEvent) -> dict[str, tuple[int, int]]:
    """The marked spans of an event: its trigger, actors and location, where the text has them."""
    spans = {"trigger": judged.trigger}
    for name in ("source", "target", "location"):
        value = judged.coded.get(name) or {}
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            spans[name] = (value["start"], value["end"])
    return spans


def marked_sentence(text: str, judged: JudgedEvent) -> str:
    """The event's sentence with its trigger «marked», and [S: source], [T: target], [L: location]
    where they stand in it (a span overlapping one marked before is left unmarked)."""
    start, end = judged.sentence
    inside = sorted((s, e, name) for name, (s, e) in _spans(judged).items() if start <= s < e <= end)
    pieces, at = [], start
    for s, e, name in inside:
        if s < at:
            continue
        opening, closing = MARKS[name]
        pieces += [text[at:s], opening, text[s:e], closing]
        at = e
    return "".join([*pieces, text[at:end]])


def event_view(index: int, judged: JudgedEvent, story: Story, context: int = 2) -> dict[str, Any]:
    """Everything a judge reads of one event, as a plain object (what ``judge show --format json``
    prints): the reference, the text, each coded value beside the words it came from."""
    text = story.text
    before, after = neighbours(text, judged.sentence, context)
    coded = dict(judged.coded)
    for name, (s, e) in _spans(judged).items():
        if name != "trigger":
            coded[name] = {**coded[name], "text": text[s:e]}
    return {
        "index": index, "corpus": judged.corpus, "article": judged.article, "title": story.title,
        "published": story.published,
        "trigger": {"text": text[judged.trigger[0]:judged.trigger[1]], "start": judged.trigger[0],
                    "end": judged.trigger[1]},
        "sentence": {"text": text[judged.sentence[0]:judged.sentence[1]], "start": judged.sentence[0],
                     "end": judged.sentence[1]},
        "marked": marked_sentence(text, judged), "before": before, "after": after, "coded": coded,
        "verdicts": {name: judged.verdicts.get(name) for name in FIELD_NAMES}, "pending": judged.pending(),
        "note": judged.note,
    }


def render(view: dict[str, Any], total: int) -> str:
    """An event for a person: where it is, the text around it with its sentence marked, each field."""
    coded = view["coded"]
    lines = [f"#{view['index']} of {total}   {view['corpus']} article {view['article']}   "
             f"published {view['published'] or '?'}", f"title: {view['title'] or '-'}", ""]
    lines += [f"   {s}" for s in view["before"]]
    lines += [f">> {view['marked']}"]
    lines += [f"   {s}" for s in view["after"]]
    lines += ["", *(f"{name:<9} {_shown(name, view)}" + _verdict_of(view, name) for name in FIELD_NAMES),
              f"{'confidence':<9} {coded.get('confidence')}"]
    if view["note"]:
        lines.append(f"note      {view['note']}")
    return "\n".join(lines)


def _shown(name: str, view: dict[str, Any]) -> str:
    coded = view["coded"]
    if name == "event":
        return f"trigger «{view['trigger']['text']}»"
    if name == "type":
        mode = f" / {coded['mode']}" if coded.get("mode") else ""
        cameo = f"   (CAMEO {coded['cameo']})" if coded.get("cameo") else ""
        return f"{coded.get('type')}{mode}{cameo}"
    if name in ("source", "target"):
        actor = coded.get(name)
        return f"{actor.get('code') or '(no code)'}   {actor.get('text', '')}" if actor else "(none)"
    if name == "location":
        place = coded.get("location")
        if not place:
            return "(none)"
        words = f"   from {place['text']!r}" if place.get("text") else ""
        return f"{place.get('name')} ({place.get('country') or '?'}, geonameid {place.get('geonameid')}){words}"
    if name == "date":
        return f"{coded.get('date')} ({coded.get('date_precision')})"
    return str(coded.get(name))


def _verdict_of(view: dict[str, Any], name: str) -> str:
    verdict = view["verdicts"].get(name)
    return f"   → {verdict}" if verdict else ""


def read_answer(line: str) -> dict[str, str] | str:
    """A person's answer at the prompt: verdicts by field, or one of the commands s (skip), q (quit),
    ? (help). Raises ValueError, saying what to type, for anything else."""
    answer = line.strip()
    if answer.lower() in ("s", "q", "?"):
        return answer.lower()
    if answer.lower() == "x":
        return {"event": "wrong"}
    letters = answer.lower().replace(" ", "")
    if "=" not in answer and len(letters) == len(FIELD_NAMES) and set(letters) <= set(SHORT_VERDICTS):
        return {name: SHORT_VERDICTS[letter] for name, letter in zip(FIELD_NAMES, letters, strict=True)}
    if "=" in answer:
        return read_assignments(answer.split())
    raise ValueError(ANSWER_HELP)
