"""A time limit for one story's work, so that no input can hang a run.

It works by SIGALRM, so only in a process's main thread (the CLI, its ``--workers`` processes,
Spark's Python workers); in any other thread it does nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

TIME_LIMIT = 60.0  # seconds for one story's extraction, parse or coding; a news story needs well under one


class StoryTimeout(BaseException):
    """A story took longer than the time limit. Not an ``Exception``, so that a library's broad
    ``except Exception`` cannot swallow it and go on."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``StoryTimeout`` in the block once ``seconds`` have passed (no limit if None or 0)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise StoryTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_reason(seconds: float | None, step: str) -> str:
    return f"took longer than {seconds:g} s to {step} (the per-story time limit; raise it with --time-limit)"
