"""Writing coded stories out: the SPEC's JSON (streamed), JSON Lines, or a table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from eventwire.model import SCHEMA, Story


def write_json(stories: Iterable[Story], out: TextIO, with_text: bool = False, explain: bool = False) -> None:
    """``{"schema": ..., "stories": [...]}``, written story by story rather than held in memory."""
    out.write(f'{{"schema": "{SCHEMA}", "stories": [')
    for n, story in enumerate(stories):
        out.write(",\n" if n else "\n")
        out.write(json.dumps(story.to_dict(with_text, explain), ensure_ascii=False))
    out.write("\n]}\n")


def write_jsonl(stories: Iterable[Story], out: TextIO, with_text: bool = False, explain: bool = False) -> None:
    """One story object per line (the items of the JSON form's ``stories``)."""
    for story in stories:
        out.write(json.dumps(story.to_dict(with_text, explain), ensure_ascii=False) + "\n")


def write_table(stories: Iterable[Story], out: TextIO, explain: bool = False) -> None:
    """One row per event, a heading per story: for reading in a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=max(100, Console(file=out).width), highlight=False)
    for story in stories:
        table = Table(title=f"{story.title or story.input} [{story.id}] {story.published or ''}",
                      title_justify="left", show_lines=False)
        for column in ("date", "type/mode", "source", "target", "status", "trigger"):
            table.add_column(column)
        for row in _rows(story):
            table.add_row(*row)
        if not story.events:
            table.caption = "no events coded"
        console.print(table)
        if explain:
            for event in story.events:
                for mention in event.mentions:
                    console.print(f"  {event.id}: {mention.explain}", soft_wrap=True)
            for line in story.unmatched:
                console.print(f"  not coded: {line}", soft_wrap=True)


def _rows(story: Story) -> Iterator[tuple[str, ...]]:
    for e in story.events:
        first = e.mentions[0].trigger.text if e.mentions else ""
        yield (
            e.date or "",
            f"{e.plover.type}/{e.plover.mode}" if e.plover.mode else e.plover.type,
            (e.source.code or e.source.text) if e.source else "",
            (e.target.code or e.target.text) if e.target else "",
            e.status,
            f"{first} (x{len(e.mentions)})" if len(e.mentions) > 1 else first,
        )
