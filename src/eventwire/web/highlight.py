"""The story page's text: the original cut into runs, each run marked with what covers it (an
event's trigger, source, target or place, or a span the cleaner set aside). Runs carry plain
text; the template escapes it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

ROLES = ("trigger", "source", "target", "place", "removed")


@dataclass(slots=True)
class Run:
    text: str
    roles: list[str] = field(default_factory=list)  # CSS classes, from ROLES
    events: list[int] = field(default_factory=list)  # the numbers of the events the run belongs to

    @property
    def css(self) -> str:
        return " ".join(f"hl-{r}" for r in self.roles)


def spans_of(story: dict[str, Any]) -> list[tuple[int, int, str, int | None]]:
    """(start, end, role, event number) for every highlighted span of a stored story (its events
    in the SPEC's JSON)."""
    spans: list[tuple[int, int, str, int | None]] = []
    for number, e in enumerate(story["events"], start=1):
        for m in e["mentions"]:
            spans.append((m["trigger"]["start"], m["trigger"]["end"], "trigger", number))
        for role, key in (("source", "source"), ("target", "target"), ("place", "location")):
            start, end = (e[key] or {}).get("start"), (e[key] or {}).get("end")
            if start is not None and end is not None:
                spans.append((start, end, role, number))
    for r in story["removed"]:
        spans.append((r["start"], r["end"], "removed", None))
    return spans


def runs(text: str, spans: list[tuple[int, int, str, int | None]]) -> list[Run]:
    """The text cut at every span edge; each piece lists the roles and events covering it."""
    edges = {0, len(text)}
    valid = [(s, e, role, n) for s, e, role, n in spans if 0 <= s < e <= len(text)]
    for s, e, _, _ in valid:
        edges.update((s, e))
    cuts = sorted(edges)
    out: list[Run] = []
    for a, b in itertools.pairwise(cuts):
        covering = [(role, n) for s, e, role, n in valid if s <= a and b <= e]
        roles = sorted({role for role, _ in covering}, key=ROLES.index)
        events = sorted({n for _, n in covering if n is not None})
        if out and out[-1].roles == roles and out[-1].events == events:
            out[-1].text += text[a:b]
        else:
            out.append(Run(text[a:b], roles, events))
    return out
