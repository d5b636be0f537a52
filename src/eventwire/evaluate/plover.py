"""`eventwire eval plover GOLD.json`: event type, source and target country against PLOVER
gold-standard records (a JSON list of records with "text", "event", "source", "target").

A record counts as right when one of the events coded from its sentence matches. Gold types
from older PLOVER drafts are read as today's: DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are
ACCUSE. Actor countries compare on the first three letters of the code, so IGO, NGO and IMG
(international organisations and armed groups) compare too; old CAMEO country codes that differ
from ISO 3166 (JAP) are read as ISO.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.coder import Coder
from eventwire.model import Actor, Event, Story

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
OLD_COUNTRIES = {"JAP": "JPN", "ITL": "ITA"}
SKIP_TYPES = {"DOCUMENT"}


def load_records(path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of records")
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") not in SKIP_TYPES]


def gold_type(record: dict[str, Any]) -> str:
    event = str(record["event"]).upper()
    return OLD_TYPES.get(event, event)


def gold_countries(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for actor in actors:
        code = str(actor.get("code") or "").upper()[:3] if isinstance(actor, dict) else ""
        if code:
            out.add(OLD_COUNTRIES.get(code, code))
    return out


def actor_country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country:
        return actor.country
    return (actor.code or "")[:3] or None


def _matches(countries: set[str], actor: Actor | None) -> bool:
    return actor_country(actor) in countries if countries else actor is None


def score(records: list[dict[str, Any]], coded: list[list[Event]]) -> dict[str, Any]:
    n = len(records)
    hits = Counter()
    tp, fp, fn = Counter(), Counter(), Counter()
    details = []
    for record, events in zip(records, coded, strict=True):
        want = gold_type(record)
        sources, targets = gold_countries(record.get("source")), gold_countries(record.get("target"))
        type_ok = any(e.plover.type == want for e in events)
        source_ok = any(_matches(sources, e.source) for e in events)
        target_ok = any(_matches(targets, e.target) for e in events)
        triple_ok = any(e.plover.type == want and _matches(sources, e.source) and _matches(targets, e.target)
                        for e in events)
        hits.update({"type": type_ok, "source": source_ok, "target": target_ok, "triple": triple_ok})
        predicted = {e.plover.type for e in events}
        for ptype in predicted:
            (tp if ptype == want else fp)[ptype] += 1
        if want not in predicted:
            fn[want] += 1
        details.append({
            "id": record.get("id"), "gold": [want, sorted(sources), sorted(targets)],
            "coded": [[e.plover.type, actor_country(e.source), actor_country(e.target)] for e in events],
            "ok": {"type": type_ok, "source": source_ok, "target": target_ok, "triple": triple_ok},
            "text": record["text"],
        })
    per_type = {}
    for ptype in sorted(set(tp) | set(fp) | set(fn)):
        precision = tp[ptype] / (tp[ptype] + fp[ptype]) if tp[ptype] + fp[ptype] else 0.0
        recall = tp[ptype] / (tp[ptype] + fn[ptype]) if tp[ptype] + fn[ptype] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[ptype] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                           "support": tp[ptype] + fn[ptype]}
    return {
        "n": n,
        "event_type_accuracy": round(hits["type"] / n, 4) if n else 0.0,
        "source_country_accuracy": round(hits["source"] / n, 4) if n else 0.0,
        "target_country_accuracy": round(hits["target"] / n, 4) if n else 0.0,
        "triple_accuracy": round(hits["triple"] / n, 4) if n else 0.0,
        "per_type": per_type,
        "details": details,
    }


def evaluate(path: str | Path, coder: Coder | None = None) -> dict[str, Any]:
    """Code every gold sentence as a one-paragraph story and score the events."""
    coder = coder or Coder()
    started = time.perf_counter()
    records = load_records(path)
    stories = [Story.from_body(r["text"], input=f"{path}#{r.get('id', n)}", id=str(r.get("id", n)))
               for n, r in enumerate(records)]
    coded = [s.events if isinstance(s, Story) else [] for s in coder.code(stories)]
    result = score(records, coded)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
