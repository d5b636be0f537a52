"""XML collections of articles (``<articles><article><text>…</text></article>…``), the layout of
the LGL, TR-News and GeoVirus corpora: each article with a ``<text>`` is a story; ``<title>``,
``<url>`` or ``<source>``, and ``<dltime>`` or ``<date>`` are read when present."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.model import Rejected, Story
from eventwire.read.story import ReadOptions, normalise_published, story_from_text


def read_xml_articles(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[Story | Rejected]:
    try:
        root = ET.parse(stream).getroot()
    except ET.ParseError as exc:
        yield Rejected(name, f"malformed XML ({exc})")
        return
    found = 0
    for n, article in enumerate(root.iter("article"), 1):
        where = f"{name}#{n}"
        text = article.findtext("text")
        if not text or not text.strip():
            yield Rejected(where, "an <article> with no <text>")
            continue
        if len(text.encode("utf-8")) > options.max_bytes:
            yield Rejected(where, f"too large for one story (the limit is {options.max_bytes / 1e6:.1f} MB)")
            continue
        found += 1
        url = (article.findtext("url") or article.findtext("source") or "").strip() or None
        yield story_from_text(
            where, text, title_from_first_line=False,
            title=(article.findtext("title") or "").strip() or None,
            published=normalise_published((article.findtext("dltime") or article.findtext("date") or "").strip(),
                                          options.lexicons),
            url=url, source=(article.findtext("domain") or "").strip() or None,
            story_id=article.get("docid") and f"{article.get('docid')}", lexicons=options.lexicons,
        )
    if not found:
        yield Rejected(name, "XML with no <article><text> elements")
