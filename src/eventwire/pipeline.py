"""parse → code, in order and in batches, in one process or several: how a ``Coder`` codes a
stream of stories.

No story may hang the run: each one's parsing and coding stop after ``time_limit`` seconds, and
a story that times out or breaks the parser becomes a ``Rejected`` in its place, like an input
that could not be read, while the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from eventwire.deadline import TIME_LIMIT, StoryTimeout, time_limit, timeout_reason
from eventwire.model import Rejected, Story

if TYPE_CHECKING:
    from eventwire.coder import Coder

CHUNK = 64  # stories held in memory at once between reading and coding


def code_stories(items: Iterable[Story | Rejected], coder: Coder, chunk: int = CHUNK, workers: int = 1,
                 time_limit: float | None = TIME_LIMIT) -> Iterator[Story | Rejected]:
    """Code every Story in the stream; rejections pass through in their places. With
    ``workers`` > 1, chunks are coded in that many processes (forked from this one, so each
    has the coder's model and knowledge already loaded) and come back in order."""
    if workers > 1:
        yield from _code_in_processes(items, coder, chunk, workers, time_limit)
        return
    coder.check()  # the model and knowledge load now, not inside the first story's time limit
    for batch in _chunks(items, chunk):
        yield from _code_chunk(batch, coder, time_limit)


def _code_chunk(items: list[Story | Rejected], coder: Coder, limit: float | None) -> list[Story | Rejected]:
    docs = _parse_all([s for s in items if isinstance(s, Story)], coder, limit)
    out: list[Story | Rejected] = []
    for item in items:
        if isinstance(item, Story):
            doc = docs[id(item)]
            item = doc if isinstance(doc, Rejected) else _code_one(item, doc, coder, limit)
        out.append(item)
    return out


def _parse_all(stories: list[Story], coder: Coder, limit: float | None) -> dict[int, object]:
    """Each story's Doc (or why it has none), parsed as one batch; when the batch runs out of
    time or fails, story by story, so that only the story at fault is lost."""
    if len(stories) > 1:
        try:
            with time_limit(limit):
                return {id(s): doc for s, doc in coder.parse(stories)}
        except (StoryTimeout, Exception):  # out of time, or the parser failed on one story: find which
            pass
    docs: dict[int, object] = {}
    for story in stories:
        try:
            with time_limit(limit):
                ((_, docs[id(story)]),) = coder.parse([story])
        except StoryTimeout:
            docs[id(story)] = Rejected(story.input, timeout_reason(limit, "parse"))
        except Exception as exc:
            docs[id(story)] = Rejected(story.input, f"the parser failed ({type(exc).__name__}: {exc})")
    return docs


def _code_one(story: Story, doc: object, coder: Coder, limit: float | None) -> Story | Rejected:
    try:
        with time_limit(limit):
            return coder.code_doc(story, doc)
    except StoryTimeout:
        return Rejected(story.input, timeout_reason(limit, "code"))
    except Exception as exc:  # one story's bug must not lose the others
        return Rejected(story.input, f"internal error while coding ({type(exc).__name__}: {exc}); "
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


_worker_coder: list[Coder] = []  # in a worker process: the coder it was forked with


def _code_in_processes(items: Iterable[Story | Rejected], coder: Coder, chunk: int, workers: int,
                       limit: float | None) -> Iterator[Story | Rejected]:
    import multiprocessing

    coder.check()  # the model and knowledge load before the fork, not once per worker
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_adopt, initargs=(coder,)) as pool:
        for coded in pool.imap(partial(_code_in_worker, limit=limit), _chunks(items, max(1, chunk // 2))):
            yield from coded


def _adopt(coder: Coder) -> None:
    """In a forked worker (its arguments inherited, not pickled): the coder to use."""
    _worker_coder[:] = [coder]


def _code_in_worker(items: list[Story | Rejected], limit: float | None) -> list[Story | Rejected]:
    return _code_chunk(items, _worker_coder[0], limit)
