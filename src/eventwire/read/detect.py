"""Telling an input's format from its first bytes, so a misnamed file is still read right."""

from __future__ import annotations

import re

HEAD_BYTES = 65536

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable",
    b"PAR1": "a Parquet file (use 'eventwire batch' for Parquet)",
    b"SQLite format 3": "an SQLite database",
}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<html[\s>]|<body[\s>]", re.I)


def detect(head: bytes, name: str = "") -> str:
    """One of: warc, gzip, jsonl, xml, html, text, or "reject:<reason>"."""
    if not head.strip():
        return "reject:empty input (no text)"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"reject:binary file ({what}), not a news story"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "reject:UTF-16 text; convert it to UTF-8 or pass --encoding utf-16"
    if b"\x00" in head[:8192] or _control_share(head[:8192]) > 0.1:
        return "reject:binary data, not text"
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if re.match(rb'\{\s*"', body):  # a JSON object: no news story starts so
        return "jsonl"
    if body.startswith(b"[") and name.lower().endswith(".json"):
        return "reject:a JSON array; eventwire reads JSON Lines (one story object per line)"
    if re.match(rb"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<articles?[\s>]", body, re.S):
        return "xml"  # a collection of articles (LGL, TR-News, GeoVirus)
    if _HTML_START.match(body) or _HTML_ANYWHERE.search(body[:4096]):
        return "html"
    if name.lower().endswith((".jsonl", ".ndjson")) and body.startswith(b"{"):
        return "jsonl"  # broken JSON on the first line: the reader reports it by line
    return "text"


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample)
