"""Setting aside what is not story text, without losing a single offset.

Works line by line on the original text: photo captions and site furniture anywhere, bylines
and datelines in the first lines, and paragraphs that repeat an earlier one. What is set aside
is listed with its offsets; what stays is a list of paragraph segments into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.lexicons import Lexicons, compile_patterns
from eventwire.model import Removed, Segment
from eventwire.read.dates import DateWords, date_words, parse_date

HEADER_LINES = 8  # bylines and datelines are only looked for this near the top
MAX_CAPTION_CHARS = 300
MIN_REPEAT_CHARS = 20
_TERMINAL = tuple(".!?:;\"'”’)]…")


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Cleaned:
    title: str | None = None
    published: str | None = None
    paragraphs: list[Segment] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Rules:
    caption: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    dates: DateWords


def _build_rules(lexicons: Lexicons) -> _Rules:
    data = lexicons.load("cleaning")
    caption, boilerplate, byline = (tuple(compile_patterns(data.get(k) or [], f"cleaning.yaml:{k}"))
                                    for k in ("caption", "boilerplate", "byline"))
    return _Rules(caption, boilerplate, byline, date_words(lexicons))


def cleaning_rules(lexicons: Lexicons | None = None) -> _Rules:
    """The cleaning patterns of these lexicons (the packaged ones by default), compiled once per set."""
    return (lexicons or Lexicons.packaged()).derived("cleaning-rules", _build_rules)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their stripped content's offsets."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Line(start, start + len(stripped), stripped))
    return out


def clean(text: str, title_from_first_line: bool, known_title: str | None = None,
          lexicons: Lexicons | None = None) -> Cleaned:
    """Split ``text`` into title, publication date, body paragraphs and removed spans.

    ``known_title`` (from HTML or JSONL metadata): a line repeating it is set aside, not coded.
    """
    rules = cleaning_rules(lexicons)
    result = Cleaned(title=known_title)
    lines = split_lines(text)
    if title_from_first_line and len(lines) > 1:
        result.title = lines[0].text
        lines = lines[1:]
    title_key = _key(known_title or "")

    body: list[Line] = []
    for n, line in enumerate(lines):
        kind = _classify(line.text, n < HEADER_LINES, rules)
        if not kind and n < HEADER_LINES and title_key and _key(line.text) == title_key:
            kind = "metadata"
        if kind == "date":
            parsed = parse_date(line.text, rules.dates)
            if result.published is None and parsed is not None:
                result.published = parsed.iso()
            kind = "metadata"
        if kind:
            result.removed.append(Removed(kind, line.text, line.start, line.end))
            body.append(Line(line.start, line.end, ""))  # a break: paragraphs do not span it
        else:
            body.append(line)

    seen: set[str] = set()
    for segment in _paragraphs(text, body):
        para = text[segment.start : segment.end]
        key = _key(para)
        if len(key) >= MIN_REPEAT_CHARS and key in seen:
            result.removed.append(Removed("repeat", para, segment.start, segment.end))
            continue
        seen.add(key)
        result.paragraphs.append(segment)
    result.removed.sort(key=lambda r: r.start)
    return result


def _key(text: str) -> str:
    """Text reduced to its words, so that repeats match despite spacing and punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _classify(line: str, in_header: bool, rules: _Rules) -> str | None:
    if len(line) <= MAX_CAPTION_CHARS and any(p.fullmatch(line) for p in rules.caption):
        return "caption"
    if any(p.fullmatch(line) for p in rules.boilerplate):
        return "boilerplate"
    if in_header:
        if parse_date(line, rules.dates):
            return "date"
        if len(line) < 120 and any(p.fullmatch(line) for p in rules.byline):
            return "metadata"
    return None


def _paragraphs(text: str, lines: list[Line]) -> list[Segment]:
    """Group body lines into paragraphs: a blank line or a removed line ends one, and so does a
    line that ends a sentence, or a short one (a heading) before a capital; other line breaks
    are hard wraps."""
    out: list[Segment] = []
    current: Segment | None = None
    previous: Line | None = None
    for line in lines:
        if not line.text:
            current, previous = None, None
            continue
        blank_before = previous is not None and "\n" in text[previous.end : line.start].replace("\n", "", 1)
        if current is None or previous is None or blank_before or _ends_paragraph(previous.text, line.text):
            current = Segment(line.start, line.end)
            out.append(current)
        else:
            current.end = line.end
        previous = line
    return out


def _ends_paragraph(line: str, next_line: str) -> bool:
    return line.endswith(_TERMINAL) or (len(line) < 40 and not next_line[:1].islower())
