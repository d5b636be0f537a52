"""`eventwire eval acled NOTES.jsonl`: event type, actor1's country, date and place against ACLED
event notes (JSON Lines, one ACLED record a line, as in ../shared/datasets/acled-notes).

Each record's ``text_clean`` (else ``text``) is coded as a one-story body published on the
record's ``date``; a record with no text is kept and codes nothing, so that the denominators stay
those of the file. Only records with a ``plover_type_derived`` are scored (``n_scored``); every
figure but ``n`` is over them, and a figure whose gold field a record lacks (actor1's country,
a point) is over the scored records that have it (``n_actor1_country``, ``n_with_point``).
A record is right when any of its coded events is:

- type: of the gold PLOVER type, where ASSAULT and FIGHT count as one, because ACLED's "Armed
  clash" and "Attack" are violent conflict that eventwire splits into conventional military
  force (FIGHT) and one-sided or unconventional violence (ASSAULT) and the derived gold is
  always ASSAULT (``type_equivalences`` in the report);
- actor1 country: from a source actor of ``actor1_country_derived`` (the first three letters of
  the actor's code when it has no country, as in ``eval plover``); ACLED writes Romania ROM, its
  own code, which is read as ISO's ROU;
- source and type: both at once, in one event;
- location: the nearest located event within 25 km, and within 161 km, of ACLED's point;
- date: dated the gold ``date``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from eventwire.code.geonames import distance_km
from eventwire.coder import Coder
from eventwire.evaluate.plover import actor_country
from eventwire.model import Event, Story

TYPE_EQUIVALENCES = [["ASSAULT", "FIGHT"]]
_CANONICAL_TYPE = {ptype: group[0] for group in TYPE_EQUIVALENCES for ptype in group}
ACLED_COUNTRIES = {"ROM": "ROU"}  # ACLED's own codes that differ from ISO 3166
RADII_KM = (25, 161)
FITS = ("good", "approximate")


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file; a line that is not a JSON object is named, since a
    silently dropped line would change every denominator."""
    records = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {number}: {exc}") from None
            if not isinstance(record, dict):
                raise ValueError(f"line {number}: expected an ACLED record (a JSON object)")
            records.append(record)
    return records


def note_text(record: dict[str, Any]) -> str:
    """The note without ACLED's trailing size tag when the file has that field."""
    text = record.get("text_clean")
    return str(text if text is not None else record.get("text") or "")


def gold_country(record: dict[str, Any]) -> str | None:
    country = record.get("actor1_country_derived")
    return ACLED_COUNTRIES.get(country, country) if country else None


def same_type(gold: str, coded: str) -> bool:
    return _CANONICAL_TYPE.get(gold, gold) == _CANONICAL_TYPE.get(coded, coded)


def nearest_km(record: dict[str, Any], events: list[Event]) -> float | None:
    """The distance from ACLED's point to the nearest located event; None when either is missing."""
    lat, lon = record.get("latitude"), record.get("longitude")
    if lat is None or lon is None:
        return None
    distances = [distance_km(lat, lon, e.location.lat, e.location.lon) for e in events
                 if e.location is not None and e.location.lat is not None and e.location.lon is not None]
    return min(distances) if distances else None


def judge(record: dict[str, Any], events: list[Event]) -> dict[str, bool | None]:
    """Whether a record's coded events are right on each figure; None where its gold says nothing."""
    want_type, want_country = record.get("plover_type_derived"), gold_country(record)
    has_point = record.get("latitude") is not None and record.get("longitude") is not None
    distance = nearest_km(record, events)
    ok: dict[str, bool | None] = {
        "type": any(same_type(want_type, e.plover.type) for e in events) if want_type else None,
        "actor1_country": any(actor_country(e.source) == want_country for e in events) if want_country else None,
        "source_and_type": any(same_type(want_type, e.plover.type) and actor_country(e.source) == want_country
                               for e in events) if want_type and want_country else None,
        "date": any(e.date == record.get("date") for e in events),
    }
    for radius in RADII_KM:
        ok[f"location_{radius}km"] = (distance is not None and distance <= radius) if has_point else None
    return ok


def _share(judgments: list[bool | None]) -> float | None:
    """The share right among the judgments that apply; None when none does (not a zero)."""
    applying = [j for j in judgments if j is not None]
    return round(sum(applying) / len(applying), 4) if applying else None


def _coded(event: Event) -> dict[str, Any]:
    location = event.location
    return {"type": event.plover.type, "mode": event.plover.mode,
            "source": event.source and event.source.code, "source_country": event.source and event.source.country,
            "target": event.target and event.target.code, "target_country": event.target and event.target.country,
            "date": event.date, "location": location and location.name,
            "location_country": location and location.country, "lat": location and location.lat,
            "lon": location and location.lon,
            "trigger": event.mentions[0].trigger.text if event.mentions else None}


def _gold(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("plover_type_derived", "plover_fit", "sub_event_type", "actor1", "actor1_country_derived", "actor2",
            "date", "location", "latitude", "longitude")
    return {key: record.get(key) for key in keys}


def score(records: list[dict[str, Any]], coded: list[list[Event]]) -> dict[str, Any]:
    """The report on records and the events coded from each, in order."""
    scored: list[tuple[dict[str, Any], list[Event], dict[str, bool | None]]] = []
    details = []
    for record, events in zip(records, coded, strict=True):
        ok = judge(record, events)
        distance = nearest_km(record, events)
        if record.get("plover_type_derived"):
            scored.append((record, events, ok))
        details.append({"id": record.get("id"), "scored": bool(record.get("plover_type_derived")),
                        "gold": _gold(record), "coded": [_coded(e) for e in events], "ok": ok,
                        "nearest_km": None if distance is None else round(distance, 1),
                        "text": note_text(record)})
    n_scored = len(scored)

    def share(figure: str, among: list = scored) -> float | None:
        return _share([ok[figure] for _, _, ok in among])

    per_type: dict[str, dict[str, Any]] = {}
    for ptype in sorted({r["plover_type_derived"] for r, _, _ in scored}):
        of_type = [s for s in scored if s[0]["plover_type_derived"] == ptype]
        per_type[ptype] = {"n": len(of_type), "recall": share("type", of_type)}
    by_fit = {}
    for fit in FITS:
        of_fit = [s for s in scored if s[0].get("plover_fit") == fit]
        by_fit[fit] = {"n": len(of_fit), "event_type_accuracy": share("type", of_fit)}
    return {
        "n": len(records),
        "n_scored": n_scored,
        "n_actor1_country": sum(ok["actor1_country"] is not None for _, _, ok in scored),
        "n_with_point": sum(ok[f"location_{RADII_KM[0]}km"] is not None for _, _, ok in scored),
        "type_equivalences": TYPE_EQUIVALENCES,
        "event_type_accuracy": share("type"),
        "actor1_country_accuracy": share("actor1_country"),
        "source_and_type_accuracy": share("source_and_type"),
        **{f"location_accuracy_{radius}km": share(f"location_{radius}km") for radius in RADII_KM},
        "date_accuracy": share("date"),
        "events_per_record": round(sum(len(events) for _, events, _ in scored) / n_scored, 3) if n_scored else None,
        "no_event_share": _share([not events for _, events, _ in scored]),
        "per_type": per_type,
        "by_fit": by_fit,
        "details": details,
    }


def evaluate(path: str | Path, coder: Coder | None = None) -> dict[str, Any]:
    """Code every note as a one-story body published on its ACLED date and score the events."""
    coder = coder or Coder()
    started = time.perf_counter()
    records = load_records(path)
    with_text = [n for n, r in enumerate(records) if note_text(r).strip()]
    stories = [Story.from_body(note_text(records[n]), input=f"{path}#{records[n].get('id', n)}",
                               id=str(records[n].get("id", n)), published=records[n].get("date"))
               for n in with_text]
    coded: list[list[Event]] = [[] for _ in records]
    for n, story in zip(with_text, coder.code(stories), strict=True):
        coded[n] = story.events if isinstance(story, Story) else []
    result = score(records, coded)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result
