"""WARC archives of news pages (plain or gzipped): each HTML response record is a story."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from eventwire.model import Rejected, Story
from eventwire.read.story import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Story | Rejected]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from eventwire.read.html import read_html

    n = 0
    total = _length(stream)
    try:
        archive = ArchiveIterator(stream)
        for record in archive:
            n += 1
            if record.rec_headers.get_header("Content-Length") is None:  # cut inside its headers
                raise ValueError(f"record {n} has no Content-Length")
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers if record.rec_type == "response" else record.rec_headers
            if headers is None:
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if uri.startswith("http") and record.rec_headers.get_header("Content-Length") != "0":
                    raise ValueError(f"record {n}'s HTTP headers are cut")
                continue
            if record.rec_type == "response" and not headers.get_statuscode().startswith("2"):
                continue
            content_type = (headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{n}" + (f" <{uri}>" if uri else "")
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) <= options.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                yield Rejected(where, f"truncated WARC record ({record.raw_stream.limit} bytes missing)")
                return
            if len(payload) > options.max_bytes:
                yield Rejected(where, f"record too large for one story (limit {options.max_bytes / 1e6:.1f} MB)")
                continue
            yield read_html(where, payload, options, url=uri, source=_host(uri))
        if n and getattr(record.raw_stream, "limit", 0) > 0:
            raise ValueError(f"record {n} is cut short")
        if total is not None and archive.offset < total:  # warcio ends quietly on a cut record header
            raise ValueError(f"{total - archive.offset} bytes after the last whole record")
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError) as exc:
        # AttributeError: warcio's own, on headers cut in the middle
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield Rejected(name, f"corrupt or truncated WARC after record {n} ({detail})")


def _length(stream: BinaryIO) -> int | None:
    """Bytes in a seekable stream (read from its current place, which is left as it was)."""
    try:
        here = stream.tell()
        end = stream.seek(0, 2)
        stream.seek(here)
        return end
    except (OSError, AttributeError, ValueError):
        return None


def _host(uri: str | None) -> str | None:
    if not uri:
        return None
    host = urlsplit(uri).hostname or ""
    return host.removeprefix("www.") or None
