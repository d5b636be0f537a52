"""What every reader shares: decoding bytes, and turning text plus metadata into a ``Story``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from eventwire.deadline import TIME_LIMIT
from eventwire.lexicons import Lexicons
from eventwire.model import Rejected, Story
from eventwire.read.clean import clean
from eventwire.read.dates import date_words, parse_date
from eventwire.read.language import english_verdict


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int = 5_000_000  # per story: a news story is rarely over 100 kB
    encoding: str = "utf-8"  # or any Python codec name, or "auto" to guess
    time_limit: float | None = TIME_LIMIT  # seconds to find one HTML page's main text
    lexicons: Lexicons | None = None  # the cleaning, language and date lexicons (default: packaged)


def decode(name: str, data: bytes, encoding: str = "utf-8") -> str | Rejected:
    """Bytes to text, strictly: a wrong guess would silently corrupt names and offsets."""
    if encoding == "auto":
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            return Rejected(name, "cannot tell the text encoding; pass --encoding")
        encoding = best.encoding
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except LookupError:
        return Rejected(name, f"unknown encoding {encoding!r}")
    except UnicodeDecodeError as exc:
        hint = _guess_encoding(data)
        advice = f"; it looks like {hint}: pass --encoding {hint}" if hint else "; pass --encoding"
        return Rejected(
            name, f"not valid {encoding} text (byte 0x{data[exc.start]:02X} at offset {exc.start}){advice}"
        )


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None and best.encoding not in ("utf_8", "ascii") else None


def story_from_text(
    name: str,
    text: str,
    *,
    title_from_first_line: bool,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
    story_id: str | None = None,
    lexicons: Lexicons | None = None,
) -> Story | Rejected:
    """Clean ``text`` and wrap it as a Story, or say why it is not a story we can code."""
    if not text.strip():
        return Rejected(name, "empty input (no text)")
    cleaned = clean(text, title_from_first_line=title_from_first_line, known_title=title, lexicons=lexicons)
    story = Story(
        text=text,
        input=name,
        title=cleaned.title,
        published=published or cleaned.published,
        url=url,
        source=source,
        paragraphs=cleaned.paragraphs,
        removed=cleaned.removed,
    )
    body = story.cleaned_text()
    if not body.strip():
        return Rejected(name, "no story text once the title and metadata are set aside")
    verdict = english_verdict(body, lexicons)
    if verdict:
        return Rejected(name, verdict)
    story.id = story_id or hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return story


def normalise_published(value: str | None, lexicons: Lexicons | None = None) -> str | None:
    """A metadata date in any news format as ISO ``YYYY-MM-DD`` (None if it is not a date)."""
    if not value:
        return None
    parsed = parse_date(value, date_words(lexicons))
    return parsed.iso() if parsed else None
