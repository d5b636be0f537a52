"""`eventwire eval status SET.yaml`: per-status accuracy on sentences annotated with the expected
status of the event their trigger names (the shape of tests/data/status-set.yaml):

    - {text: "Russia denied that its forces attacked the hospital.", trigger: attacked,
       status: denied, attribution: RUS}

An item counts as right when a mention whose trigger is that word has that status; an item
whose trigger codes no event counts as wrong. Attribution, where given, is scored apart.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from eventwire.coder import Coder
from eventwire.model import STATUSES, Story


def load_items(path: str | Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a YAML list of {{text, trigger, status}} items")
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict) or not {"text", "trigger", "status"} <= set(item):
            raise ValueError(f"{path}: item {n} needs text, trigger and status")
        if item["status"] not in STATUSES:
            raise ValueError(f"{path}: item {n}: unknown status {item['status']!r}")
    return data


def evaluate(path: str | Path, coder: Coder | None = None) -> dict[str, Any]:
    coder = coder or Coder()
    started = time.perf_counter()
    items = load_items(path)
    stories = [Story.from_body(i["text"], input=f"{path}#{n}", id=str(n)) for n, i in enumerate(items, 1)]
    total, right = Counter(), Counter()
    attributed = attributed_right = 0
    details = []
    for item, story in zip(items, coder.code(stories), strict=True):
        want = item["status"]
        mentions = [(m, e) for e in getattr(story, "events", []) for m in e.mentions
                    if m.trigger.text.lower() == str(item["trigger"]).lower()]
        got = mentions[0][0].status if mentions else None
        total[want] += 1
        right[want] += got == want
        if item.get("attribution"):
            attributed += 1
            event = mentions[0][1] if mentions else None
            attributed_right += bool(event and event.attribution and event.attribution.country == item["attribution"])
        details.append({"text": item["text"], "trigger": item["trigger"], "want": want, "got": got})
    per_status = {s: {"accuracy": round(right[s] / total[s], 3), "n": total[s]} for s in STATUSES if total[s]}
    n = sum(total.values())
    return {
        "n": n,
        "accuracy": round(sum(right.values()) / n, 4) if n else 0.0,
        "per_status": per_status,
        "attribution_accuracy": round(attributed_right / attributed, 3) if attributed else None,
        "seconds": round(time.perf_counter() - started, 2),
        "details": details,
    }
