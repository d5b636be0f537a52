"""Geometry for the map, timeline and network pages, computed on the server so the pages are
plain SVG: no script, no tiles, nothing fetched.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from eventwire.web.worldmap import project

QUAD_COLOURS = {1: "#2b8cbe", 2: "#1a9850", 3: "#fdae61", 4: "#d73027", None: "#777777"}


@dataclass(slots=True)
class MapPoint:
    x: float
    y: float
    r: float
    colour: str
    label: str
    events: int
    quad_class: int | None


def map_points(places: list[dict[str, Any]]) -> list[MapPoint]:
    """A circle per event location, its area proportional to the number of events, coloured by
    the quad class most of its events have; the biggest are drawn first so small ones stay visible."""
    out = []
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = project(p["lat"], p["lon"])
        quad = p.get("quad_class")
        out.append(MapPoint(x, y, round(0.6 + 0.9 * math.sqrt(p["events"]), 2), QUAD_COLOURS.get(quad, "#777"),
                            f"{p['name'] or '?'} ({p['country'] or '?'}): {p['events']} events", p["events"], quad))
    return out


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass(slots=True)
class Timeline:
    width: float
    height: float
    axis_y: float
    bars: list[Bar]
    line: str  # SVG points of the mean Goldstein line
    ticks: list[tuple[float, str]]
    max_count: int


def timeline(series: list[dict[str, Any]], width: float = 900, height: float = 320) -> Timeline:
    """Cooperation (quad classes 1-2) stacked above the axis, conflict (3-4) below, per period, and
    the period's mean Goldstein score as a line (+10 at the top, -10 at the bottom)."""
    periods = sorted({r["period"] for r in series})
    by_period: dict[str, dict[Any, dict[str, Any]]] = {p: {} for p in periods}
    for r in series:
        by_period[r["period"]][r["group"]] = r
    up = {p: sum(by_period[p].get(q, {}).get("events", 0) for q in (1, 2)) for p in periods}
    down = {p: sum(by_period[p].get(q, {}).get("events", 0) for q in (3, 4)) for p in periods}
    peak = max([*up.values(), *down.values(), 1])
    axis = height / 2
    scale = (axis - 10) / peak
    step = width / max(len(periods), 1)
    bars, line, ticks = [], [], []
    for i, p in enumerate(periods):
        x = i * step + step * 0.1
        w = step * 0.8
        top = axis
        for q in (1, 2):
            n = by_period[p].get(q, {}).get("events", 0)
            if n:
                h = n * scale
                top -= h
                bars.append(Bar(round(x, 2), round(top, 2), round(w, 2), round(h, 2), QUAD_COLOURS[q],
                                f"{p}: {n} events of quad class {q}"))
        bottom = axis
        for q in (3, 4):
            n = by_period[p].get(q, {}).get("events", 0)
            if n:
                h = n * scale
                bars.append(Bar(round(x, 2), round(bottom, 2), round(w, 2), round(h, 2), QUAD_COLOURS[q],
                                f"{p}: {n} events of quad class {q}"))
                bottom += h
        total = sum(r["events"] for r in by_period[p].values() if r.get("mean_goldstein") is not None)
        if total:
            mean = sum(r["mean_goldstein"] * r["events"] for r in by_period[p].values()
                       if r.get("mean_goldstein") is not None) / total
            line.append(f"{x + w / 2:.1f},{axis - mean / 10 * (axis - 10):.1f}")
        if len(periods) <= 24 or i % math.ceil(len(periods) / 24) == 0:
            ticks.append((round(x + w / 2, 1), p))
    return Timeline(width, height, axis, bars, " ".join(line), ticks, peak)


@dataclass(slots=True)
class Node:
    key: str
    label: str
    x: float
    y: float
    r: float
    events: int


@dataclass(slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    label: str


def network(actors: list[dict[str, Any]], dyads: list[dict[str, Any]], size: float = 640,
            top: int = 20) -> tuple[list[Node], list[Edge]]:
    """The top actors on a circle, sized by their events, joined by their dyads: the line's width
    is the number of events, its colour the mean Goldstein score (red conflict, blue cooperation).
    Actors are one node per code ("RUS" and "Russia (RUS)" are one), named by their commonest name."""
    merged: dict[str, dict[str, Any]] = {}
    for a in actors:
        key = a["code"] or a["name"] or "?"
        m = merged.setdefault(key, {"code": a["code"], "events": 0, "names": {}})
        m["events"] += a["events"]
        if a["name"]:
            m["names"][a["name"]] = m["names"].get(a["name"], 0) + a["events"]
    chosen = sorted(merged.items(), key=lambda kv: -kv[1]["events"])[:top]
    centre, radius = size / 2, size / 2 - 70
    nodes: dict[str, Node] = {}
    peak = max([m["events"] for _, m in chosen] + [1])
    for i, (key, m) in enumerate(chosen):
        angle = 2 * math.pi * i / max(len(chosen), 1) - math.pi / 2
        name = max(m["names"], key=m["names"].get) if m["names"] else None
        label = f"{name} ({m['code']})" if name and m["code"] else name or key
        nodes[key] = Node(key, label, round(centre + radius * math.cos(angle), 1),
                          round(centre + radius * math.sin(angle), 1), round(4 + 10 * math.sqrt(m["events"] / peak), 1),
                          m["events"])
    pairs: dict[tuple[str, str], list[float]] = {}
    for d in dyads:
        a = _actor_label(d["source"])
        b = _actor_label(d["target"])
        if a in nodes and b in nodes and a != b:
            p = pairs.setdefault((a, b), [0, 0.0])
            p[0] += d["events"]
            p[1] += (d["mean_goldstein"] or 0.0) * d["events"]
    edges = []
    heaviest = max([n for n, _ in pairs.values()] + [1])
    for (a, b), (n, total) in sorted(pairs.items(), key=lambda kv: kv[1][0]):
        g = total / n
        colour = "#d73027" if g < -1 else "#2b8cbe" if g > 1 else "#999999"
        edges.append(Edge(nodes[a].x, nodes[a].y, nodes[b].x, nodes[b].y, round(1 + 5 * n / heaviest, 1), colour,
                          f"{nodes[a].label} → {nodes[b].label}: {n} events, mean Goldstein {g:+.1f}"))
    return list(nodes.values()), edges


def _actor_label(actor: dict[str, Any] | None) -> str:
    """A dyad's side as the network knows its actors: by code, else name."""
    return (actor or {}).get("code") or (actor or {}).get("name") or "?"
