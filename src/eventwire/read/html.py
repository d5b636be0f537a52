"""HTML pages: main text, title and date by trafilatura, then the same cleaning as plain text.

Offsets index into the extracted main text, which ``extract --with-text`` returns as ``text``.
"""

from __future__ import annotations

import logging
import re

from eventwire.model import Rejected, Story
from eventwire.read.story import ReadOptions, decode, normalise_published, story_from_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def read_html(name: str, data: bytes, options: ReadOptions, url: str | None = None,
              source: str | None = None) -> Story | Rejected:
    """One story from an HTML page (its declared charset wins over the default)."""
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii", "replace") if declared else options.encoding
    html = decode(name, data, encoding)
    if isinstance(html, Rejected) and declared:
        html = decode(name, data, options.encoding)  # the page lied about its charset
    if isinstance(html, Rejected):
        return html

    import trafilatura

    from eventwire.deadline import StoryTimeout, time_limit, timeout_reason

    try:
        with time_limit(options.time_limit):
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
    except StoryTimeout:
        return Rejected(name, timeout_reason(options.time_limit, "find the page's main text"))
    except Exception as exc:  # trafilatura and lxml raise many kinds on hostile markup
        return Rejected(name, f"HTML could not be parsed ({type(exc).__name__})")
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Rejected(name, "no main text found in the HTML page")
    return story_from_text(
        name,
        text,
        title_from_first_line=False,
        title=(doc.title or None),
        published=normalise_published(doc.date, options.lexicons),
        url=url or doc.url or None,
        source=source or doc.sitename or doc.hostname or None,
        lexicons=options.lexicons,
    )
