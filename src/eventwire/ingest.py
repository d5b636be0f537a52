"""`eventwire ingest`: read → code → store, with a progress bar and a closing summary.

Stories already stored with the same content are skipped before they are parsed, so a repeated
run changes nothing and a run killed half-way picks up where it stopped: every story is written
in one transaction, so it is either wholly in the database or not at all.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.coder import Coder
from eventwire.deadline import TIME_LIMIT
from eventwire.model import Rejected, Story
from eventwire.store import Store, StoreError


@dataclass(slots=True)
class Summary:
    read: int = 0
    unchanged: int = 0
    inserted: int = 0
    replaced: int = 0
    rejected: Counter = field(default_factory=Counter)
    events: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        coded = self.inserted + self.replaced
        out = [f"stories read: {self.read + sum(self.rejected.values())}",
               f"coded and written: {coded} ({self.inserted} new, {self.replaced} replaced)",
               f"unchanged, skipped: {self.unchanged}",
               f"rejected: {sum(self.rejected.values())}"]
        out += [f"  {n} × {reason}" for reason, n in self.rejected.most_common()]
        rate = coded / self.seconds if self.seconds else 0.0
        out.append(f"events written: {self.events}")
        out.append(f"time: {self.seconds:.1f} s ({rate:.1f} stories/s)")
        return out


def reason_kind(reason: str) -> str:
    """ "not English (only 2% ...)" → "not English": rejections grouped for the summary."""
    return re.split(r" \(|;|:", reason, maxsplit=1)[0].strip()


def ingest(store: Store, items: Iterable[Story | Rejected], coder: Coder | None = None, workers: int = 1,
           progress: bool = True, time_limit: float | None = TIME_LIMIT) -> Summary:
    """Code and write every story. If the database fails under it (disk full, locked, server
    gone), it stops with a StoreError saying so: what was written is whole, and the same run
    again goes on from there."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    coder = coder or Coder()
    summary = Summary()
    started = time.perf_counter()

    def fresh(stream: Iterable[Story | Rejected]) -> Iterator[Story | Rejected]:
        for item in stream:
            if isinstance(item, Story):
                summary.read += 1
                if store.is_unchanged(item):
                    summary.unchanged += 1
                    continue
            yield item

    console = Console(file=sys.stderr)
    columns = [SpinnerColumn(), TextColumn("{task.completed} stories"), BarColumn(bar_width=None),
               TextColumn("{task.fields[rate]:.1f} stories/s"), TextColumn("{task.fields[events]} events"),
               TimeElapsedColumn()]
    try:
        with Progress(*columns, console=console, disable=not progress, transient=False) as bar:
            task = bar.add_task("ingest", total=None, rate=0.0, events=0)
            for item in coder.code(fresh(items), workers=workers, time_limit=time_limit):
                if isinstance(item, Rejected):
                    summary.rejected[reason_kind(item.reason)] += 1
                    console.print(f"eventwire: skipped {item.message()}", highlight=False, markup=False,
                                  soft_wrap=True)  # one line, however long
                    continue
                result = store.write_story(item)
                if result.action == "inserted":
                    summary.inserted += 1
                elif result.action == "replaced":
                    summary.replaced += 1
                else:
                    summary.unchanged += 1
                summary.events += result.events
                elapsed = time.perf_counter() - started
                bar.update(task, advance=1, events=summary.events,
                           rate=(summary.inserted + summary.replaced) / elapsed if elapsed else 0.0)
    except StoreError as exc:
        written = summary.inserted + summary.replaced
        raise StoreError(f"{exc}. The {written} stories written before it are whole: run the same command "
                         "again to go on from there") from None
    summary.seconds = time.perf_counter() - started
    return summary
