"""read → nlp → code, in order and in batches: the path every command that codes stories takes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.code import code_story
from eventwire.model import Rejected, Story
from eventwire.nlp import parse

CHUNK = 64  # stories held in memory at once between reading and coding


def code_stories(items: Iterable[Story | Rejected], chunk: int = CHUNK) -> Iterator[Story | Rejected]:
    """Code every Story in the stream; rejections pass through in their places."""
    buffer: list[Story | Rejected] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= chunk:
            yield from _code_chunk(buffer)
            buffer = []
    yield from _code_chunk(buffer)


def _code_chunk(items: list[Story | Rejected]) -> Iterator[Story | Rejected]:
    parsed = parse(s for s in items if isinstance(s, Story))
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        story, doc = next(parsed)
        try:
            yield code_story(story, doc)
        except Exception as exc:  # one story's bug must not lose the others
            yield Rejected(story.input, f"internal error while coding ({type(exc).__name__}: {exc}); "
                                        "please report it with this story")
