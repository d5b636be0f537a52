"""`eventwire eval judged VERDICTS.jsonl CORPUS...`: the current coder scored against verdicts a
judge recorded on an earlier coder's events (docs/judging.md).

The articles the verdicts point into are coded again. Each event coded now is paired with the
judged event of the same article whose trigger is one of its mentions' (the first mention's
before others, then the one agreeing on most values). A field's verdict carries over only where
the value coded now is the one judged; a field whose value changed is to be judged again. An
event judged not to be an event at all keeps its verdicts whatever its values: no type of it is
right. The triple (type, source and target) is right when all three are, wrong when one is.

Precision is over the events coded now: right / (right + wrong), with a 95% Wilson interval;
unsure, n.a. and unjudged verdicts are counted apart. Judged events the coder no longer codes,
and events coded now that no verdict covers (in articles drawn whole), are listed by reference.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventwire.coder import Coder
from eventwire.judging.corpus import referenced_articles
from eventwire.judging.sample import reference
from eventwire.judging.verdicts import FIELDS, VERDICTS, JudgedEvent, read_verdicts, write_verdicts
from eventwire.model import Story

CHANGED = "changed"  # a field whose value is not the one judged: to judge again
SCORED = ("event", "type", "source", "target", "triple", "status", "location", "date")
CONFIDENCE_EDGES = (0.5, 0.6, 0.7, 0.8, 0.9)
Z_95 = 1.959964


@dataclass(slots=True)
class CodedNow:
    """An event the current coder codes in a judged article, with every mention's trigger."""

    event: JudgedEvent  # its reference and values, in the verdict file's shape (verdicts empty)
    triggers: list[tuple[int, int]]


@dataclass(slots=True)
class Pair:
    index: int  # the judged event's line in the verdict file, from 1
    judged: JudgedEvent
    now: CodedNow

    def verdicts(self) -> dict[str, str | None]:
        return carried(self.judged, self.now.event.coded)


# ---------------------------------------------------------------------------------------- pairing


def carried(judged: JudgedEvent, now: dict[str, Any]) -> dict[str, str | None]:
    """The verdicts that hold for the values coded now, ``CHANGED`` where a value is not the one
    judged, and the triple's, derived."""
    if judged.verdicts.get("event") == "wrong":
        verdicts = dict(judged.verdicts)
    else:
        verdicts = {f.name: judged.verdicts.get(f.name) if f.value(judged.coded) == f.value(now) else CHANGED
                    for f in FIELDS}
    return with_triple(verdicts)


def triple(verdicts: dict[str, str | None]) -> str | None:
    """Type, source and target together: wrong when one is, right when all are, else open."""
    parts = [verdicts.get(name) for name in ("type", "source", "target")]
    if verdicts.get("event") == "wrong" or "wrong" in parts:
        return "wrong"
    if all(part == "right" for part in parts):
        return "right"
    for undecided in (CHANGED, None, "unsure"):
        if undecided in parts:
            return undecided
    return "n.a."


def pair(judged: Sequence[JudgedEvent], coded: Iterable[CodedNow]) -> tuple[list[Pair], list[CodedNow]]:
    """Each event coded now with the judged event it continues, if any; and those with none."""
    by_trigger: dict[tuple[str, str, tuple[int, int]], list[int]] = {}
    for n, event in enumerate(judged):
        by_trigger.setdefault((*event.article_key, event.trigger), []).append(n)
    used: set[int] = set()
    pairs, unpaired = [], []
    for now in coded:
        key = now.event.article_key
        candidates = [n for trigger in now.triggers for n in by_trigger.get((*key, trigger), []) if n not in used]
        if not candidates:
            unpaired.append(now)
            continue
        best = max(candidates, key=lambda n: (judged[n].trigger == now.triggers[0], _agreement(judged[n], now), -n))
        used.add(best)
        pairs.append(Pair(best + 1, judged[best], now))
    return pairs, unpaired


def _agreement(judged: JudgedEvent, now: CodedNow) -> int:
    return sum(f.value(judged.coded) == f.value(now.event.coded) for f in FIELDS)


# ---------------------------------------------------------------------------------------- scoring


def wilson(right: int, n: int) -> list[float] | None:
    """The 95% Wilson score interval of a share (sound at small n and near 0 or 1)."""
    if not n:
        return None
    share, z2 = right / n, Z_95 * Z_95
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = Z_95 * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]


def tally(verdicts: Iterable[str | None]) -> dict[str, Any]:
    """Counts of each verdict and the precision right / (right + wrong) with its interval."""
    counts = Counter(verdicts)
    right, wrong = counts["right"], counts["wrong"]
    return {"precision": round(right / (right + wrong), 4) if right + wrong else None,
            "interval_95": wilson(right, right + wrong), "right": right, "wrong": wrong,
            "unsure": counts["unsure"], "n.a.": counts["n.a."], "to_judge": counts[CHANGED],
            "not_judged": counts[None]}


def precision(verdict_sets: Sequence[dict[str, str | None]]) -> dict[str, dict[str, Any]]:
    return {name: tally(v.get(name) for v in verdict_sets) for name in SCORED}


def reliability(pairs: Sequence[Pair]) -> list[dict[str, Any]]:
    """Confidence (as coded now) in buckets against the share of events of the right type, and of
    the right triple, among those judged right or wrong: a calibrated coder's rows read alike."""
    rows = []
    edges = (0.0, *CONFIDENCE_EDGES, 1.0001)
    for low, high in itertools.pairwise(edges):
        inside = [p for p in pairs if low <= (p.now.event.coded.get("confidence") or 0.0) < high]
        verdicts = [p.verdicts() for p in inside]
        types = [v["type"] for v in verdicts if v["type"] in ("right", "wrong")]
        triples = [v["triple"] for v in verdicts if v["triple"] in ("right", "wrong")]
        if not inside:
            continue
        rows.append({
            "confidence": f"{low:.2f}-{min(high, 1.0):.2f}", "n": len(inside),
            "mean_confidence": round(sum(p.now.event.coded.get("confidence") or 0 for p in inside) / len(inside), 3),
            "type_right": _share(types), "n_type": len(types), "triple_right": _share(triples),
            "n_triple": len(triples)})
    return rows


def _share(verdicts: list[str]) -> float | None:
    return round(verdicts.count("right") / len(verdicts), 4) if verdicts else None


# ---------------------------------------------------------------------------------------- listing


def _shown(name: str, coded: dict[str, Any]) -> Any:
    """A field's coded value as a reader wants it in a list."""
    if name == "type":
        return "/".join(part for part in (coded.get("type"), coded.get("mode")) if part) or None
    if name in ("source", "target"):
        return (coded.get(name) or {}).get("code")
    if name == "location":
        place = coded.get("location")
        return place and f"{place.get('name')} ({place.get('geonameid')})"
    return coded.get(name)


def listed(event: JudgedEvent, index: int | None = None) -> dict[str, Any]:
    """An event by reference, with its coded values, as the lists of the report give it."""
    out: dict[str, Any] = {"index": index} if index is not None else {}
    out.update({"corpus": event.corpus, "article": event.article, "trigger": list(event.trigger)})
    out.update({name: _shown(name, event.coded) for name in ("type", "source", "target", "status", "location",
                                                             "date")})
    return out


def changed_fields(item: Pair) -> dict[str, dict[str, Any]]:
    verdicts = item.verdicts()
    return {f.name: {"judged": _shown(f.name, item.judged.coded), "now": _shown(f.name, item.now.event.coded),
                     "verdict": item.judged.verdicts.get(f.name)}
            for f in FIELDS if verdicts[f.name] == CHANGED}


# ---------------------------------------------------------------------------------------- the report


def score(judged: Sequence[JudgedEvent], coded: Sequence[CodedNow]) -> dict[str, Any]:
    """The report on the current coder's events (``coded``, in the judged articles) against the
    verdicts recorded on an earlier coder's (``judged``)."""
    pairs, unpaired = pair(judged, coded)
    whole = {event.article_key for event in judged if event.drawn == "article"}
    paired = {p.index for p in pairs}
    gone = [(n, event) for n, event in enumerate(judged, 1) if n not in paired]
    new = [now for now in unpaired if now.event.article_key in whole]
    changed = [p for p in pairs if CHANGED in p.verdicts().values()]
    as_judged = [with_triple(event.verdicts) for event in judged]
    return {
        "n_judged_events": len(judged),
        "n_fully_judged": sum(not event.pending() for event in judged),
        "n_articles": len({event.article_key for event in judged}),
        "n_coded_now": len(coded),
        "n_paired": len(pairs),
        "precision": precision([p.verdicts() for p in pairs]),
        "as_judged": {name: {k: v for k, v in figures.items() if k != "to_judge"}
                      for name, figures in precision(as_judged).items()},
        "no_longer_coded": _gone(gone),
        "newly_coded": {"n": len(new), "events": [listed(now.event) for now in new]},
        "changed": {"n": len(changed), "events": [{**listed(p.now.event, p.index), "fields": changed_fields(p)}
                                                  for p in changed]},
        "not_in_sample": len(unpaired) - len(new),
        "reliability": reliability(pairs),
    }


def with_triple(verdicts: dict[str, str | None]) -> dict[str, str | None]:
    return {**verdicts, "triple": triple(verdicts)}


def _gone(gone: list[tuple[int, JudgedEvent]]) -> dict[str, Any]:
    """Judged events no longer coded: how many, their verdicts, and which."""
    verdicts = [with_triple(event.verdicts) for _, event in gone]
    return {"n": len(gone), **{name: _counts(v.get(name) for v in verdicts) for name in ("event", "type", "triple")},
            "events": [listed(event, n) for n, event in gone]}


def _counts(verdicts: Iterable[str | None]) -> dict[str, int]:
    counts = Counter(verdicts)
    return {verdict or "not_judged": counts[verdict] for verdict in (*VERDICTS, None) if counts[verdict]}


def coded_now(articles: dict[tuple[str, str], Story], coder: Coder) -> list[CodedNow]:
    """Every event the coder codes now in the judged articles, referenced as the verdicts reference
    them (an article found by its position keeps the id the verdicts gave it)."""
    keys = {id(story): key for key, story in articles.items()}
    found = []
    for story in coder.code(list(articles.values())):
        if not isinstance(story, Story):
            raise ValueError(f"cannot code {story.message()}")
        corpus, article = keys[id(story)]
        for event in story.events:
            now = reference(story, event)
            now.corpus, now.article = corpus, article
            found.append(CodedNow(now, [(m.trigger.start, m.trigger.end) for m in event.mentions]))
    return found


def next_sample(judged: Sequence[JudgedEvent], coded: Sequence[CodedNow]) -> list[JudgedEvent]:
    """A verdict file for the current coder: its events in the judged articles (all of them where
    the article was drawn whole), with the verdicts that carry over and the rest empty, to judge
    next with ``judge show``."""
    pairs, _ = pair(judged, coded)
    whole = {event.article_key for event in judged if event.drawn == "article"}
    by_now = {id(p.now): p for p in pairs}
    out = []
    for now in coded:
        item = by_now.get(id(now))
        if item is None and now.event.article_key not in whole:
            continue
        drawn = "article" if now.event.article_key in whole else "event"
        if item is None:
            out.append(replace(now.event, drawn=drawn))
            continue
        verdicts = item.verdicts()
        out.append(replace(now.event, drawn=drawn, note=item.judged.note, judge=item.judged.judge,
                           judged_on=item.judged.judged_on,
                           verdicts={f.name: None if verdicts[f.name] == CHANGED else verdicts[f.name]
                                     for f in FIELDS}))
    return out


def evaluate(path: str | Path, coder: Coder | None = None, corpora: Sequence[str | Path] = (),
             write_next: str | Path | None = None) -> dict[str, Any]:
    """Code the judged articles again and score the events against the verdicts."""
    coder = coder or Coder()
    started = time.perf_counter()
    judged = read_verdicts(path)
    coded = coded_now(referenced_articles(judged, corpora, coder), coder)
    result = {"verdicts": str(path), **score(judged, coded)}
    if write_next:
        write_verdicts(write_next, next_sample(judged, coded))
        result["next_sample"] = str(write_next)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
