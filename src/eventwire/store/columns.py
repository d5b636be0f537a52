"""The event's flat columns, one table: each column's public name (its dotted path in the SPEC's
event JSON, ``source.code``), the name the database keeps it under (``source_code``), its type,
what it means, and how its value is read from the data model when a story is written.

Everything that shows an event as a row reads this table: the store's writer and schema, the
query's selected and sortable columns, ``export --layout native`` (CSV, Parquet, JSON Lines), the
web CSV and the API, ``query --format csv`` and the Spark job's Parquet. So a user sees one set of
names, and only this table maps them to the database's. Nested JSON is the same names split at
the dots (``nest``). No SQL here: ``schema`` turns the table into the database's columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from eventwire.model import Event, Story

Read = Callable[[Story, Event], Any]
FILE_TYPES = {str: "string", int: "long", float: "double", list: "string"}  # Parquet's and Spark's names


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column of an event."""

    name: str  # public: the dotted path in the SPEC's event JSON ("source.code")
    storage: str  # its name in the database's event rows ("source_code")
    type: type  # str, int, float, or list (JSON in flat files, ";"-joined in the events table)
    description: str
    read: Read  # its value in a coded story, for writing it
    sql: str = ""  # "table.column" that keeps it (events, source_actor, target_actor, stories); "" if not one
    size: int | None = None  # the longest text its database column holds (None: any length)
    indexed: bool = False
    required: bool = False  # never null
    sortable: bool = False  # a view may be sorted by it

    @property
    def table(self) -> str:
        """The table (or actors' alias) that keeps it; "" for mentions and the canonical counts."""
        return self.sql.partition(".")[0]

    @property
    def file_type(self) -> str:
        """Its type in Parquet and Spark: string, long or double."""
        return FILE_TYPES[self.type]

    def to_database(self, value: Any) -> Any:
        """The value as the database keeps it: a list as one ";"-joined text."""
        return ";".join(value) if self.type is list and value is not None else value

    def from_database(self, value: Any) -> Any:
        """The value as the database gave it, in its public form: a ";"-joined text as a list."""
        if self.type is list and not isinstance(value, list):
            return [part for part in (value or "").split(";") if part]
        return value

    def for_files(self, value: Any) -> Any:
        """The value in a CSV or Parquet cell: a list as JSON, numbers as their type."""
        if value is None:
            return None
        if self.type is list:
            return json.dumps(value, ensure_ascii=False)
        return self.type(value)


def _path(name: str) -> Read:
    """Read the column's own dotted path off the event (``source.code`` is event.source.code);
    None where a part is absent (an event with no target)."""
    parts = name.split(".")

    def read(_story: Story, event: Event) -> Any:
        value: Any = event
        for part in parts:
            if value is None:
                return None
            value = getattr(value, part)
        return value

    return read


def _kept(name: str, storage: str, kind: type, description: str, **options: Any) -> Column:
    """A column of the events table, read off the event by its own path."""
    return Column(name, storage, kind, description, _path(name), sql=f"events.{storage}", **options)


def _actor(side: str, who: str) -> list[Column]:
    """The source's or target's columns: its words and their offsets are the event's, who it is
    (name, country, sector, code) is a row of the actors table."""
    def words(field: str, kind: type, description: str) -> Column:
        return _kept(f"{side}.{field}", f"{side}_{field}", kind, description)

    def actor(field: str, description: str, **options: Any) -> Column:
        return Column(f"{side}.{field}", f"{side}_{field}", str, description, _path(f"{side}.{field}"),
                      sql=f"{side}_actor.{field}", **options)

    return [
        words("text", str, f"the words naming the {who}"),
        words("start", int, "where those words start: a character offset into the story text"),
        words("end", int, "where those words end"),
        actor("name", f"the {side}'s name, when the gazetteer knows it"),
        actor("country", f"the {side}'s country (ISO 3166 alpha-3)"),
        actor("sector", f"the {side}'s sector (GOV, MIL, REB, ...)"),
        actor("code", f"the {side}'s PLOVER actor code: country and sector, or a code of its own",
              sortable=True),
    ]


def _story(field: str, description: str, **options: Any) -> Column:
    return Column(f"story_{field}", f"story_{field}", str, description,
                  lambda story, _event: getattr(story, field), sql=f"stories.{field}", **options)


def _one(_story: Story, _event: Event) -> int:
    return 1  # a coded story's own event is carried by that one story, from its one source


COLUMNS: tuple[Column, ...] = (
    _kept("id", "id", str, "the event: its story's id, '-', and its number in the story", required=True),
    Column("story_id", "story_id", str, "the story it was coded from", lambda story, _event: story.id,
           sql="events.story_id", required=True),
    _kept("date", "date", str, "when it happened (YYYY-MM-DD), else the story's publication date",
          size=10, indexed=True, sortable=True),
    _kept("date_precision", "date_precision", str, "how exact the date is: day, week, month, year or unknown",
          size=8),
    *_actor("source", "source (who acts)"),
    *_actor("target", "target (who is acted on)"),
    _kept("plover.type", "plover_type", str,
          "the PLOVER event type (AGREE, PROTEST, ...); empty for a code of a user's own dictionaries that CAMEO lacks",
          size=16, indexed=True, sortable=True),
    _kept("plover.mode", "plover_mode", str, "the PLOVER mode of that type", size=32),
    _kept("plover.context", "plover_context", list, "the PLOVER contexts (a list: JSON in flat files)"),
    _kept("cameo.code", "cameo_code", str, "the CAMEO event code", size=4, sortable=True),
    _kept("cameo.root", "cameo_root", str, "the CAMEO root code, 01-20", size=2, indexed=True),
    _kept("cameo.quad_class", "quad_class", int, "1 verbal cooperation, 2 material cooperation, "
          "3 verbal conflict, 4 material conflict", sortable=True),
    _kept("cameo.goldstein", "goldstein", float, "the CAMEO code's Goldstein score, -10 (conflict) to +10",
          sortable=True),
    _kept("location.name", "location_name", str, "where it happened: the place's name", sortable=True),
    _kept("location.country", "location_country", str, "the place's country (ISO 3166 alpha-3)", size=3,
          indexed=True),
    _kept("location.lat", "location_lat", float, "the place's latitude"),
    _kept("location.lon", "location_lon", float, "the place's longitude"),
    _kept("location.geonameid", "location_geonameid", int, "the place's GeoNames id"),
    _kept("location.start", "location_start", int, "where the place is named: a character offset into the story "
          "text (none for the story's own place)"),
    _kept("location.end", "location_end", int, "where that name ends"),
    _kept("attribution.text", "attribution_text", str, "on whose word: who says so, for a reported event"),
    _kept("attribution.country", "attribution_country", str, "their country (ISO 3166 alpha-3)", size=3),
    _kept("attribution.sector", "attribution_sector", str, "their sector", size=8),
    _kept("status", "status", str, "asserted, reported, alleged, hypothetical, planned, negated or denied",
          size=16, indexed=True, required=True, sortable=True),
    Column("mentions", "mentions", list, "every place in the text that reports it: sentence, offsets, trigger "
           "and status (a list: JSON in flat files)", lambda _story, event: [m.to_dict() for m in event.mentions]),
    Column("confidence", "confidence", float, "how sure the coding is, 0 to 1",
           lambda _story, event: round(event.confidence, 3), sql="events.confidence"),
    Column("num_articles", "num_articles", int, "the stories that carry it: more than 1 only for a canonical "
           "event (--canonical)", _one),
    Column("num_sources", "num_sources", int, "the distinct outlets that carry it: more than 1 only for a "
           "canonical event", _one),
    _story("title", "the story's title"),
    _story("published", "the story's publication date", sortable=True),
    _story("url", "the story's address"),
    _story("source", "the outlet that published the story"),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
BY_STORAGE: dict[str, Column] = {c.storage: c for c in COLUMNS}
SORTABLE: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.sortable)


def kept_in(table: str) -> list[Column]:
    """The columns that ``table`` keeps (events, source_actor, target_actor, stories)."""
    return [c for c in COLUMNS if c.table == table]


def database_values(story: Story, event: Event) -> dict[str, Any]:
    """The event's own values for its row of the events table, by storage name."""
    return {c.storage: c.to_database(c.read(story, event)) for c in kept_in("events")}


def row_of(story: Story, event: Event) -> dict[str, Any]:
    """A coded event as a public row (public names, lists as lists), read off the data model."""
    return {c.name: c.read(story, event) for c in COLUMNS}


def row_from_database(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A stored event (storage names, with its ``mentions``) as a public row."""
    return {c.name: c.from_database(stored.get(c.storage)) for c in COLUMNS}


def public(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Some stored columns under their public names (a count or a total passes as it is)."""
    return {BY_STORAGE[k].name if k in BY_STORAGE else k: v for k, v in stored.items()}


def for_files(row: Mapping[str, Any]) -> dict[str, Any]:
    """A public row as a CSV or Parquet row: every column, in the table's order, lists as JSON."""
    return {c.name: c.for_files(row.get(c.name)) for c in COLUMNS}


def nest(row: Mapping[str, Any]) -> dict[str, Any]:
    """Public names as the SPEC's nested JSON: ``source.code`` under ``source``; a part with no
    value at all (no target, no place) is null, as in the SPEC."""
    out: dict[str, Any] = {}
    for name, value in row.items():
        part, dot, field = name.partition(".")
        if dot:
            out.setdefault(part, {})[field] = value
        else:
            out[name] = value
    for key, value in out.items():
        if isinstance(value, dict) and all(v is None for v in value.values()):
            out[key] = None
    return out
