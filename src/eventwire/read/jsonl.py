"""JSON Lines: one story object per line, ``{"id", "title", "text", "published", "url", "source"}``.

A bad line is rejected by its line number; the lines around it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.model import Rejected, Story
from eventwire.read.story import ReadOptions, decode, normalise_published, story_from_text

_OPTIONAL_TEXT_FIELDS = ("title", "published", "url", "source")


def read_jsonl(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Story | Rejected]:
    for lineno, raw in enumerate(stream, 1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        if len(raw) > options.max_bytes:
            yield Rejected(where, f"line too large for one story ({len(raw) / 1e6:.1f} MB; "
                                  f"the limit is {options.max_bytes / 1e6:.1f} MB, raise it with --max-bytes)")
            continue
        line = decode(where, raw, options.encoding)
        if isinstance(line, Rejected):
            yield line
            continue
        yield story_from_record(where, line, options)


def story_from_record(where: str, line: str, options: ReadOptions | None = None) -> Story | Rejected:
    """One JSONL line as a Story, or a rejection saying what is wrong with it."""
    options = options or ReadOptions()
    try:
        record = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        return Rejected(where, f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Rejected(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        got = "no 'text' field" if text is None else f"'text' is {type(text).__name__}"
        return Rejected(where, f"a story needs a 'text' string ({got})")
    for field in _OPTIONAL_TEXT_FIELDS:
        if record.get(field) is not None and not isinstance(record[field], str):
            return Rejected(where, f"'{field}' must be a string or null, got {type(record[field]).__name__}")
    story_id = record.get("id")
    if story_id is not None and (isinstance(story_id, bool) or not isinstance(story_id, str | int)):
        return Rejected(where, f"'id' must be a string or a number, got {type(story_id).__name__}")
    return story_from_text(
        where,
        text,
        title_from_first_line=False,
        title=record.get("title") or None,
        published=normalise_published(record.get("published"), options.lexicons),
        url=record.get("url"),
        source=record.get("source"),
        story_id=str(story_id) if story_id is not None and str(story_id) else None,
        lexicons=options.lexicons,
    )
