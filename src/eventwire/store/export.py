"""`eventwire export`: events as CSV, Parquet or JSON Lines, in eventwire's own layout or in
the column layouts of GDELT 2.0 and POLECAT, so existing analysis code can read them.

The native layout is the table of the event's columns (``columns``): its names in CSV and
Parquet, the SPEC's nested event in JSON Lines. GDELT's and POLECAT's are foreign layouts,
declared as mappings from their column names to the table's names (or to a function of the row,
where a value is worked out). The columns of each are listed in the README.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.store import columns

FORMATS = ("csv", "parquet", "jsonl")
Row = dict[str, Any]
Mapping = dict[str, str | Callable[[Row], Any]]  # a layout's column → a public column, or how to work it out


def _day(row: Row) -> date | None:
    return date.fromisoformat(row["date"]) if row["date"] else None


def _day_as(pattern: str) -> Callable[[Row], int | None]:
    """The event's date as a number GDELT's way (20240624 for "%Y%m%d")."""
    return lambda row: int(day.strftime(pattern)) if (day := _day(row)) else None


def _fraction_of_year(row: Row) -> float | None:
    day = _day(row)
    return round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None


def _named(side: str) -> Callable[[Row], str | None]:
    """The actor's name, else the words that name it."""
    return lambda row: row[f"{side}.name"] or row[f"{side}.text"]


def _first_mention(part: Callable[[dict[str, Any]], Any]) -> Callable[[Row], Any]:
    return lambda row: part(row["mentions"][0]) if row["mentions"] else None


GDELT: Mapping = {  # the GDELT 2.0 event table's columns that eventwire has a value for
    "GLOBALEVENTID": "id",
    "SQLDATE": _day_as("%Y%m%d"), "MonthYear": _day_as("%Y%m"),
    "Year": lambda row: day.year if (day := _day(row)) else None,
    "FractionDate": _fraction_of_year,
    "Actor1Code": "source.code", "Actor1Name": _named("source"),
    "Actor1CountryCode": "source.country", "Actor1Type1Code": "source.sector",
    "Actor2Code": "target.code", "Actor2Name": _named("target"),
    "Actor2CountryCode": "target.country", "Actor2Type1Code": "target.sector",
    "IsRootEvent": lambda row: 1,
    "EventCode": "cameo.code", "EventBaseCode": lambda row: (row["cameo.code"] or "")[:3] or None,
    "EventRootCode": "cameo.root", "QuadClass": "cameo.quad_class", "GoldsteinScale": "cameo.goldstein",
    "NumMentions": lambda row: len(row["mentions"]), "NumSources": "num_sources", "NumArticles": "num_articles",
    "ActionGeo_FullName": "location.name", "ActionGeo_CountryCode": "location.country",
    "ActionGeo_Lat": "location.lat", "ActionGeo_Long": "location.lon", "ActionGeo_FeatureID": "location.geonameid",
    "DATEADDED": _day_as("%Y%m%d"),
    "SOURCEURL": "story_url",
}

POLECAT: Mapping = {  # the POLECAT/PLOVER record's fields, with eventwire's status and attribution
    "event_id": "id", "story_id": "story_id", "story_date": "story_published", "event_date": "date",
    "event_type": "plover.type", "event_mode": "plover.mode",
    "contexts": lambda row: ";".join(row["plover.context"]) or None,
    "actor": _named("source"), "actor_country": "source.country", "actor_sector": "source.sector",
    "actor_code": "source.code",
    "recipient": _named("target"), "recipient_country": "target.country", "recipient_sector": "target.sector",
    "recipient_code": "target.code",
    "location": "location.name", "location_country": "location.country", "latitude": "location.lat",
    "longitude": "location.lon", "geonameid": "location.geonameid",
    "event_text": _first_mention(lambda m: m["trigger"]["text"]), "sentence": _first_mention(lambda m: m["sentence"]),
    "publisher": "story_source", "url": "story_url",
    "status": "status", "attribution": "attribution.text",
}


def mapped(mapping: Mapping) -> Callable[[Row], Row]:
    """A public row in a foreign layout, by its declared mapping."""
    def build(row: Row) -> Row:
        return {name: row[source] if isinstance(source, str) else source(row) for name, source in mapping.items()}

    return build


@dataclass(frozen=True, slots=True)
class Layout:
    """How a public row is written: its columns, its flat row (CSV, Parquet), its JSON record."""

    header: tuple[str, ...]
    flat: Callable[[Row], Row]
    record: Callable[[Row], Row]
    typed: bool  # Parquet types come from the table of columns (else from the values)


LAYOUTS: dict[str, Layout] = {
    "native": Layout(columns.NAMES, columns.for_files, columns.nest, typed=True),
    "gdelt": Layout(tuple(GDELT), mapped(GDELT), mapped(GDELT), typed=False),
    "polecat": Layout(tuple(POLECAT), mapped(POLECAT), mapped(POLECAT), typed=False),
}


def csv_lines(rows: Iterable[Row], header: Iterable[str]) -> Iterator[str]:
    """CSV text a line at a time, the header first (also when there are no rows), so a file or a
    download is written as the rows are read."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(header))
    writer.writeheader()
    yield _taken(buffer)
    for row in rows:
        writer.writerow(row)
        yield _taken(buffer)


def _taken(buffer: io.StringIO) -> str:
    """What the buffer holds, leaving it empty."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def write(path: Path, fmt: str, rows: Iterable[Row], layout: str) -> int:
    """Write public rows (``query.rows``) to ``path`` in ``fmt`` and ``layout``; returns how many.
    Files are written whole or not at all."""
    chosen = LAYOUTS[layout]
    tmp = path.with_name(path.name + ".partial")
    count = 0
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(chosen.record(row), ensure_ascii=False) + "\n")
                count += 1
    elif fmt == "csv":
        def counted() -> Iterator[Row]:
            nonlocal count
            for row in rows:
                count += 1
                yield chosen.flat(row)

        with tmp.open("w", encoding="utf-8", newline="") as out:
            out.writelines(csv_lines(counted(), chosen.header))
    else:
        flat = [chosen.flat(row) for row in rows]
        count = len(flat)
        _write_parquet(tmp, flat, chosen)
    tmp.replace(path)
    return count


def parquet_schema() -> Any:
    """The native layout's Parquet types, from the table of columns (the Spark job's too)."""
    import pyarrow as pa

    types = {"string": pa.string(), "long": pa.int64(), "double": pa.float64()}
    return pa.schema([(c.name, types[c.file_type]) for c in columns.COLUMNS])


def _write_parquet(path: Path, flat: list[Row], layout: Layout) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if layout.typed:
        table = pa.Table.from_pylist(flat, schema=parquet_schema())
    elif flat:
        table = pa.Table.from_pylist(flat)
    else:
        table = pa.table({name: pa.array([], pa.string()) for name in layout.header})
    pq.write_table(table, path)
