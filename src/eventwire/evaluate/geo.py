"""`eventwire eval geo GOLD.xml`: toponym recall and precision, and resolution accuracy (share of
gold toponyms found and resolved within 161 km of the gold point; a missed one counts as wrong),
on the two XML layouts of the geoparsing corpora:

- LGL / TR-News: ``<article><text>…</text><toponyms><toponym><start/><end/><phrase/>
  <gaztag><lat/><lon/></gaztag></toponym>…``
- GeoVirus: ``<article><text>…</text><locations><location><name/><start/><end/><lat/><lon/>…``

Offsets index into the ``<text>`` element; where a corpus' offsets have drifted from its text, a
gold toponym is moved to the nearest place its phrase is written (``n_realigned`` counts them).
Gold toponyms without coordinates count for recall
and precision but not for distances.
"""

from __future__ import annotations

import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.code.geonames import distance_km
from eventwire.coder import Coder
from eventwire.model import Segment, Story


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    realigned: bool = False


def _float(element: ET.Element | None) -> float | None:
    if element is None or element.text is None or not element.text.strip():
        return None
    try:
        return float(element.text)
    except ValueError:
        return None


def load_articles(path: str | Path) -> list[tuple[str, list[GoldToponym]]]:
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text_el = article.find("text")
        if text_el is None or not text_el.text:
            continue
        gold = []
        for t in article.iter("toponym"):
            gaz = t.find("gaztag")
            lat = _float(gaz.find("lat")) if gaz is not None else _float(t.find("lat"))
            lon = _float(gaz.find("lon")) if gaz is not None else _float(t.find("lon"))
            gold.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                    (t.findtext("phrase") or "").strip(), lat, lon))
        for t in article.iter("location"):
            gold.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                    (t.findtext("name") or "").strip(), _float(t.find("lat")), _float(t.find("lon"))))
        articles.append((text_el.text, [_realigned(text_el.text, g) for g in gold]))
    return articles


def _realigned(text: str, g: GoldToponym, reach: int = 60) -> GoldToponym:
    """The gold toponym at the nearest place its phrase is written, when the corpus' offsets have
    drifted from its own text (TR-News' do by up to a few dozen characters, e.g. "Ontario" at the
    offsets of "'s largest ci"); left as it is when the phrase is not within ``reach``."""
    if not g.name or text[g.start : g.end] == g.name:
        return g
    lo = max(0, g.start - reach)
    hits = [m.start() + lo for m in re.finditer(re.escape(g.name), text[lo : g.end + reach])]
    if not hits:
        return g
    start = min(hits, key=lambda h: abs(h - g.start))
    return GoldToponym(start, start + len(g.name), g.name, g.lat, g.lon, realigned=True)


def _story(n: int, text: str) -> Story:
    """The whole article text, each line a paragraph: the geoparser is scored on all of it."""
    segments, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            segments.append(Segment(offset, offset + len(line)))
        offset += len(line) + 1
    return Story(text=text, input=f"article {n}", id=str(n), paragraphs=segments)


def evaluate(path: str | Path, coder: Coder | None = None) -> dict[str, Any]:
    coder = coder or Coder()
    started = time.perf_counter()
    articles = load_articles(path)
    stories = [_story(n, text) for n, (text, _) in enumerate(articles)]
    n_gold = n_found = n_close = n_with_point = 0
    n_system = n_system_right = 0
    errors: list[float] = []
    for (_, gold), story in zip(articles, coder.code(stories), strict=True):
        places = getattr(story, "places", [])
        n_system += len(places)
        n_system_right += sum(any(p.start < g.end and g.start < p.end for g in gold) for p in places)
        for g in gold:
            n_gold += 1
            hits = [p for p in places if p.start < g.end and g.start < p.end]
            n_found += bool(hits)
            if g.lat is None or g.lon is None:
                continue
            n_with_point += 1
            resolved = [p for p in hits if p.lat is not None and p.lon is not None]
            if resolved:
                error = min(distance_km(g.lat, g.lon, p.lat, p.lon) for p in resolved)
                errors.append(error)
                n_close += error <= 161
    return {
        "n_articles": len(articles),
        "n_toponyms": n_gold,
        "n_realigned": sum(g.realigned for _, gold in articles for g in gold),
        "recall": round(n_found / n_gold, 4) if n_gold else 0.0,
        "precision": round(n_system_right / n_system, 4) if n_system else 0.0,
        "acc_161km": round(n_close / n_with_point, 4) if n_with_point else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "seconds": round(time.perf_counter() - started, 2),
    }
