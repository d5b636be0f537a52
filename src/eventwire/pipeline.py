"""read → nlp → code, in order and in batches: the path every command that codes stories takes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.code import code_story
from eventwire.model import Rejected, Story
from eventwire.nlp import parse

CHUNK = 64  # stories held in memory at once between reading and coding


def code_stories(items: Iterable[Story | Rejected], chunk: int = CHUNK,
                 workers: int = 1) -> Iterator[Story | Rejected]:
    """Code every Story in the stream; rejections pass through in their places. With
    ``workers`` > 1, chunks are coded in that many processes (each loads the model once) and
    come back in order."""
    if workers > 1:
        yield from _code_in_processes(items, chunk, workers)
        return
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


def _chunks(items: Iterable[Story | Rejected], size: int) -> Iterator[list[Story | Rejected]]:
    buffer: list[Story | Rejected] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield buffer
            buffer = []
    if buffer:
        yield buffer


def _code_list(items: list[Story | Rejected]) -> list[Story | Rejected]:
    return list(_code_chunk(items))


def _code_in_processes(items: Iterable[Story | Rejected], chunk: int, workers: int) -> Iterator[Story | Rejected]:
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for coded in pool.imap(_code_list, _chunks(items, max(1, chunk // 2))):
            yield from coded
