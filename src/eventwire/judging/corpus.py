"""Finding the articles a verdict file points into, in the corpus files a command is given.

A verdict names its corpus by file name (``TR-News.xml``) and its article by id and position; the
text is read again from the corpus each time, so that no copy of it is ever kept beside the verdicts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.judging.verdicts import JudgingError
from eventwire.model import Rejected, Story

if TYPE_CHECKING:
    from eventwire.coder import Coder
    from eventwire.judging.verdicts import JudgedEvent

# a story's input is its file, then "#n" for the n-th XML article or WARC record, ":n" for a JSON Lines line
_INPUT = re.compile(r"(?P<file>.+?)(?:[#:](?P<position>\d+))?")


class CorpusError(JudgingError):
    """A corpus that is not where the verdicts say, or no longer holds their articles."""


def corpus_and_position(story_input: str) -> tuple[str, int | None]:
    """The corpus file name and the story's place in it, from a story's ``input``."""
    found = _INPUT.fullmatch(story_input)
    if found is None:  # an empty input name: never made by the readers
        return story_input, None
    position = found.group("position")
    return os.path.basename(found.group("file")), int(position) if position else None


def corpus_files(paths: Sequence[str | Path]) -> dict[str, Path]:
    """Every file under ``paths`` (files, or folders read recursively) by its name; two files of one
    name would make a verdict's reference ambiguous, so that is an error."""
    found: dict[str, Path] = {}
    for file in _files(paths):
        if file.name in found and found[file.name] != file:
            raise CorpusError(f"two corpus files are named {file.name}: {found[file.name]} and {file}; "
                              "give only the one the verdicts were drawn from")
        found[file.name] = file
    return found


def _files(paths: Sequence[str | Path]) -> Iterator[Path]:
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (Path(root) / name for name in sorted(names) if not name.startswith("."))
        elif path.is_file():
            yield path
        else:
            raise CorpusError(f"{path}: no such file or folder")


def referenced_articles(judged: Iterable[JudgedEvent], paths: Sequence[str | Path],
                        coder: Coder) -> dict[tuple[str, str], Story]:
    """The articles the judged events point into, read (not coded) from the corpus files under
    ``paths``, by (corpus, article id); an article whose id changed is found by its position."""
    judged = list(judged)
    files = corpus_files(paths)
    wanted: dict[str, list[JudgedEvent]] = {}
    for event in judged:
        wanted.setdefault(event.corpus, []).append(event)
    missing = sorted(set(wanted) - set(files))
    if missing:
        raise CorpusError(f"the verdicts point into {', '.join(missing)}, not under "
                          f"{', '.join(map(str, paths)) or 'any path given'}: give the corpus files or their "
                          f"folder (e.g. ../shared/datasets/geoparsing/)")
    articles: dict[tuple[str, str], Story] = {}
    for name, events in wanted.items():
        by_id, by_position = _stories_of(files[name], coder)
        for event in events:
            story = by_id.get(event.article) or by_position.get(event.position)
            if story is None:
                raise CorpusError(f"{files[name]} has no article {event.article!r} (nor one at position "
                                  f"{event.position}): is it the corpus the verdicts were drawn from?")
            articles[event.article_key] = story
    return articles


def _stories_of(path: Path, coder: Coder) -> tuple[dict[str, Story], dict[int | None, Story]]:
    by_id: dict[str, Story] = {}
    by_position: dict[int | None, Story] = {}
    for story in coder.read([str(path)]):
        if isinstance(story, Rejected):
            continue
        by_id[story.id] = story
        by_position[corpus_and_position(story.input)[1]] = story
    return by_id, by_position
