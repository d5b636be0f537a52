"""`eventwire export`: events as CSV, Parquet or JSON Lines, in eventwire's own layout or in
the column layouts of GDELT 2.0 and POLECAT, so existing analysis code can read them.

Each layout is a function from a stored event row to a flat (or, for native JSON Lines,
nested) record. The columns of each are listed in the README.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.store import Store
from eventwire.store.query import Filters, events, mentions_of

FORMATS = ("csv", "parquet", "jsonl")
LAYOUTS = ("native", "gdelt", "polecat")


def native(row: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The SPEC's event, with the story it came from."""
    def actor(side: str) -> dict[str, Any] | None:
        if row[f"{side}_code"] is None and row[f"{side}_text"] is None:
            return None
        return {"text": row[f"{side}_text"], "name": row[f"{side}_name"], "country": row[f"{side}_country"],
                "sector": row[f"{side}_sector"], "code": row[f"{side}_code"]}

    return {
        "id": row["id"], "story_id": row["story_id"], "date": row["date"], "date_precision": row["date_precision"],
        "source": actor("source"), "target": actor("target"),
        "plover": {"type": row["plover_type"], "mode": row["plover_mode"],
                   "context": [c for c in (row["plover_context"] or "").split(";") if c]},
        "cameo": {"code": row["cameo_code"], "root": row["cameo_root"], "quad_class": row["quad_class"],
                  "goldstein": row["goldstein"]} if row["cameo_code"] else None,
        "location": {"name": row["location_name"], "country": row["location_country"], "lat": row["location_lat"],
                     "lon": row["location_lon"], "geonameid": row["location_geonameid"]}
        if row["location_name"] else None,
        "attribution": {"text": row["attribution_text"], "country": row["attribution_country"],
                        "sector": row["attribution_sector"]} if row["attribution_text"] else None,
        "status": row["status"],
        "mentions": [{"sentence": m["sentence"], "start": m["start"], "end": m["end"], "status": m["status"],
                      "trigger": {"text": m["trigger_text"], "start": m["trigger_start"], "end": m["trigger_end"]}}
                     for m in mentions],
        "confidence": row["confidence"],
        "num_articles": row.get("num_articles", 1), "num_sources": row.get("num_sources", 1),
    }


def gdelt(row: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The GDELT 2.0 event table's columns that eventwire has a value for."""
    day = date.fromisoformat(row["date"]) if row["date"] else None
    return {
        "GLOBALEVENTID": row["id"],
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
        "Actor1Code": row["source_code"], "Actor1Name": row["source_name"] or row["source_text"],
        "Actor1CountryCode": row["source_country"], "Actor1Type1Code": row["source_sector"],
        "Actor2Code": row["target_code"], "Actor2Name": row["target_name"] or row["target_text"],
        "Actor2CountryCode": row["target_country"], "Actor2Type1Code": row["target_sector"],
        "IsRootEvent": 1,
        "EventCode": row["cameo_code"], "EventBaseCode": (row["cameo_code"] or "")[:3] or None,
        "EventRootCode": row["cameo_root"], "QuadClass": row["quad_class"], "GoldsteinScale": row["goldstein"],
        "NumMentions": len(mentions), "NumSources": row.get("num_sources", 1),
        "NumArticles": row.get("num_articles", 1),
        "ActionGeo_FullName": row["location_name"], "ActionGeo_CountryCode": row["location_country"],
        "ActionGeo_Lat": row["location_lat"], "ActionGeo_Long": row["location_lon"],
        "ActionGeo_FeatureID": row["location_geonameid"],
        "DATEADDED": int(day.strftime("%Y%m%d")) if day else None,
        "SOURCEURL": row["story_url"],
    }


def polecat(row: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The POLECAT/PLOVER record's fields, with eventwire's status and attribution added."""
    return {
        "event_id": row["id"], "story_id": row["story_id"], "story_date": row["story_published"],
        "event_date": row["date"], "event_type": row["plover_type"], "event_mode": row["plover_mode"],
        "contexts": row["plover_context"] or None,
        "actor": row["source_name"] or row["source_text"], "actor_country": row["source_country"],
        "actor_sector": row["source_sector"], "actor_code": row["source_code"],
        "recipient": row["target_name"] or row["target_text"], "recipient_country": row["target_country"],
        "recipient_sector": row["target_sector"], "recipient_code": row["target_code"],
        "location": row["location_name"], "location_country": row["location_country"],
        "latitude": row["location_lat"], "longitude": row["location_lon"], "geonameid": row["location_geonameid"],
        "event_text": mentions[0]["trigger_text"] if mentions else None,
        "sentence": mentions[0]["sentence"] if mentions else None,
        "publisher": row["story_source"], "url": row["story_url"],
        "status": row["status"], "attribution": row["attribution_text"],
    }


LAYOUT_FUNCTIONS: dict[str, Callable[[dict[str, Any], list[dict[str, Any]]], dict[str, Any]]] = {
    "native": native, "gdelt": gdelt, "polecat": polecat}


def records(store: Store, filters: Filters, layout: str, canonical: bool = False) -> Iterator[dict[str, Any]]:
    build = LAYOUT_FUNCTIONS[layout]
    batch: list[dict[str, Any]] = []
    for row in events(store, filters, canonical=canonical):
        batch.append(row)
        if len(batch) >= 1000:
            yield from _with_mentions(store, batch, build)
            batch = []
    yield from _with_mentions(store, batch, build)


def _with_mentions(store: Store, rows: list[dict[str, Any]], build: Callable) -> Iterator[dict[str, Any]]:
    found = mentions_of(store, [r["id"] for r in rows])
    for row in rows:
        yield build(row, found.get(row["id"], []))


_NESTED = {"source": ("text", "name", "country", "sector", "code"), "target": ("text", "name", "country", "sector",
                                                                        "code"),
           "cameo": ("code", "root", "quad_class", "goldstein"),
           "location": ("name", "country", "lat", "lon", "geonameid"), "attribution": ("text", "country", "sector")}


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested native records as flat columns: source.code, plover.type, ... (mentions as JSON);
    an absent actor, place or attribution gives empty columns, so every row has the same ones."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if value is None and not prefix and key in _NESTED:
            value = dict.fromkeys(_NESTED[key])
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def write(path: Path, fmt: str, rows: Iterable[dict[str, Any]], layout: str) -> int:
    """Write rows to ``path`` in ``fmt``; returns how many. Files are written whole or not at all."""
    tmp = path.with_name(path.name + ".partial")
    count = 0
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    else:
        flat = [flatten(r) if layout == "native" else r for r in rows]
        count = len(flat)
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as out:
                columns = list(flat[0]) if flat else list(_empty_columns(layout))
                writer = csv.DictWriter(out, fieldnames=columns)
                writer.writeheader()
                writer.writerows(flat)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            columns = list(flat[0]) if flat else list(_empty_columns(layout))
            table = pa.Table.from_pylist(flat) if flat else pa.table({c: pa.array([], pa.string()) for c in columns})
            pq.write_table(table, tmp)
    tmp.replace(path)
    return count


def _empty_columns(layout: str) -> list[str]:
    """The header of an export with no rows."""
    sample = {k: None for k in ("id", "story_id", "date", "date_precision", "plover_type", "plover_mode",
                                "plover_context", "cameo_code", "cameo_root", "quad_class", "goldstein",
                                "source_code", "source_name", "source_country", "source_sector", "source_text",
                                "target_code", "target_name", "target_country", "target_sector", "target_text",
                                "location_name", "location_country", "location_lat", "location_lon",
                                "location_geonameid", "attribution_text", "attribution_country",
                                "attribution_sector", "status", "confidence", "story_url", "story_source",
                                "story_published")}
    record = LAYOUT_FUNCTIONS[layout](sample, [])
    return list(flatten(record)) if layout == "native" else list(record)
