"""Reading inputs into ``Story`` objects: files, folders, stdin; text, HTML, JSON Lines, WARC.

The format is told from the content (the extension is only a tie-breaker). Every input that
cannot be read becomes a ``Rejected`` with a one-line reason, in its place in the stream, and
reading goes on with the next input.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventwire.model import Rejected, Story
from eventwire.read.detect import HEAD_BYTES, detect
from eventwire.read.story import ReadOptions, decode, story_from_text

__all__ = ["ReadOptions", "read_bytes", "read_inputs"]


@dataclass(slots=True)
class _Source:
    name: str
    stream: BinaryIO
    size: int | None  # bytes, when known without reading


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Story | Rejected]:
    """Stories and rejections from every input, in the order given (folders sorted, recursively)."""
    options = options or ReadOptions()
    for path in paths:
        if path == "-":
            yield from _read_source(_Source("<stdin>", io.BytesIO(sys.stdin.buffer.read()), None), options)
        elif os.path.isdir(path):
            for file in _walk(Path(path)):
                yield from _read_file(str(file), options)
        elif os.path.exists(path):
            yield from _read_file(path, options)
        else:
            yield Rejected(path, "no such file or folder")


def read_bytes(name: str, data: bytes, options: ReadOptions | None = None) -> Iterator[Story | Rejected]:
    """Stories from bytes already in memory (an upload), told apart by content as files are."""
    yield from _read_source(_Source(name, io.BytesIO(data), len(data)), options or ReadOptions())


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_file(path: str, options: ReadOptions) -> Iterator[Story | Rejected]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after a generator has used it
    except OSError as exc:
        yield Rejected(path, f"cannot open: {exc.strerror}")
        return
    with handle:
        yield from _read_source(_Source(path, handle, os.fstat(handle.fileno()).st_size), options)


def _read_source(source: _Source, options: ReadOptions) -> Iterator[Story | Rejected]:
    try:
        head = source.stream.read(HEAD_BYTES)
        kind = detect(head, source.name)
        if kind == "gzip":
            yield from _read_gzip(source, options)
            return
        source.stream.seek(0)
        yield from _dispatch(kind, source, options)
    except OSError as exc:
        yield Rejected(source.name, f"read error: {exc}")


def _read_gzip(source: _Source, options: ReadOptions) -> Iterator[Story | Rejected]:
    source.stream.seek(0)
    inner = gzip.GzipFile(fileobj=source.stream)
    try:
        if inner.read(5) == b"WARC/":  # warcio reads gzipped WARC record by record itself
            source.stream.seek(0)
            yield from _dispatch("warc", source, options)
            return
        inner.seek(0)
        head = inner.read(HEAD_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(source.name, f"corrupt gzip data: {exc}")
        return
    kind = detect(head, source.name.removesuffix(".gz"))
    if kind == "gzip":
        yield Rejected(source.name, "gzip inside gzip is not supported")
        return
    inner.seek(0)
    yield from _dispatch(kind, _Source(source.name, inner, None), options)


def _dispatch(kind: str, source: _Source, options: ReadOptions) -> Iterator[Story | Rejected]:
    if kind.startswith("reject:"):
        yield Rejected(source.name, kind.removeprefix("reject:"))
    elif kind == "warc":
        from eventwire.read.warc import read_warc

        yield from read_warc(source.name, source.stream, options)
    elif kind == "jsonl":
        from eventwire.read.jsonl import read_jsonl

        yield from read_jsonl(source.name, source.stream, options)
    elif kind == "xml":
        from eventwire.read.xmlarticles import read_xml_articles

        yield from read_xml_articles(source.name, source.stream, options)
    else:
        yield _read_whole(kind, source, options)


def _read_whole(kind: str, source: _Source, options: ReadOptions) -> Story | Rejected:
    """A plain-text or HTML file: one story, read whole, within the size limit."""
    if source.size is not None and source.size > options.max_bytes:
        return Rejected(source.name, _too_large(source.size, options))
    try:
        data = source.stream.read(options.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Rejected(source.name, f"read error: {exc}")
    if len(data) > options.max_bytes:
        return Rejected(source.name, _too_large(None, options))
    if kind == "html":
        from eventwire.read.html import read_html

        return read_html(source.name, data, options)
    text = decode(source.name, data, options.encoding)
    if isinstance(text, Rejected):
        return text
    return story_from_text(source.name, text, title_from_first_line=True, lexicons=options.lexicons)


def _too_large(size: int | None, options: ReadOptions) -> str:
    have = f"{size / 1e6:.1f} MB" if size is not None else "more than that"
    return (f"too large for one story ({have}; the limit is {options.max_bytes / 1e6:.1f} MB, "
            f"raise it with --max-bytes)")
