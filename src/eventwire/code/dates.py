"""When: an event's date from a date named in its own clause, resolved against the story's
publication date ("on Thursday" in a story of Friday 23 December 2016 is 22 December), else the
publication date itself.

Only a date attached to the event's clause counts: in "the delegation was in Moscow to request
weapons, said Iraqi officials on Friday", Friday is when the officials spoke, not the request.
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from eventwire.code.syntax import memo_on_docs
from eventwire.read.dates import DateWords, parse_date

memo_on_docs("eventwire_time_entities")

_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(r"\b(\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?([A-Za-z]{3,9})\.?\b(?:,?\s+((?:19|20)\d\d))?")
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})" + _ORDINAL + r"\b(?:,?\s+((?:19|20)\d\d))?")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def resolve(text: str, published: date | None, words: DateWords) -> tuple[date, str] | None:
    """A date expression as (date, precision), relative ones against ``published``."""
    t = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",")
    parsed = parse_date(text, words)
    if parsed is not None:
        return parsed.value, parsed.precision
    rel = _relative(t, published, words) if published else None
    if rel is not None:
        return rel
    for match in _DAY_MONTH.finditer(t):
        found = _day_month(match.group(2), match.group(1), match.group(3), published, words)
        if found:
            return found
    for match in _MONTH_DAY.finditer(t):
        found = _day_month(match.group(1), match.group(2), match.group(3), published, words)
        if found:
            return found
    for match in _MONTH_YEAR.finditer(t):
        month = words.months.get(match.group(1).rstrip("."))
        if month:
            return date(int(match.group(2)), month, 1), "month"
    if published is not None:
        tokens = t.replace(",", " ").split()
        for token in tokens:
            month = words.months.get(token.rstrip("."))
            if month:  # "in March": the last March, unless "next March"
                year = published.year if month <= published.month else published.year - 1
                if words.words("following_words") & set(tokens):
                    year = published.year if month > published.month else published.year + 1
                return date(year, month, 1), "month"
    year = _YEAR.search(t)
    if year:
        return date(int(year.group(1)), 1, 1), "year"
    return None


def _day_month(month_word: str, day_word: str, year_word: str | None,
               published: date | None, words: DateWords) -> tuple[date, str] | None:
    month = words.months.get(month_word.rstrip("."))
    if month is None:
        return None
    day = int(day_word)
    if year_word:
        year = int(year_word)
    elif published is not None:
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    else:
        return None
    try:
        return date(year, month, day), "day"
    except ValueError:
        return None


def _relative(t: str, pub: date, dates: DateWords) -> tuple[date, str] | None:
    tokens = set(t.replace(",", " ").split())

    def said(name: str) -> bool:  # a word of the list, or one of its phrases
        return any((w in tokens) if " " not in w else (w in t) for w in dates.words(name))

    if said("yesterday"):
        return pub - timedelta(days=1), "day"
    if said("today"):
        return pub, "day"
    if said("tomorrow"):
        return pub + timedelta(days=1), "day"
    previous, following, current, earlier = (said(n) for n in ("previous_words", "following_words",
                                                               "current_words", "earlier_words"))
    for word in t.replace(",", " ").split():
        weekday = dates.weekdays.get(word.rstrip("."))
        if weekday is not None and len(word) > 3:
            back = (pub.weekday() - weekday) % 7
            if following:
                ahead = (weekday - pub.weekday()) % 7 or 7
                return pub + timedelta(days=ahead), "day"
            if previous and back == 0:
                back = 7
            return pub - timedelta(days=back), "day"
    if said("week_words"):
        if previous or earlier:
            return pub - timedelta(days=7), "week"
        if following:
            return pub + timedelta(days=7), "week"
        if current:
            return pub, "week"
    if said("month_words"):
        if previous:
            prev = pub.replace(day=1) - timedelta(days=1)
            return prev.replace(day=1), "month"
        if following:
            days = calendar.monthrange(pub.year, pub.month)[1]
            return (pub.replace(day=1) + timedelta(days=days)), "month"
        if current or earlier:
            return pub.replace(day=1), "month"
    if said("year_words"):
        if previous:
            return date(pub.year - 1, 1, 1), "year"
        if following:
            return date(pub.year + 1, 1, 1), "year"
        if current or earlier:
            return date(pub.year, 1, 1), "year"
    return None


def _time_entities(sentence: Span) -> list[Span]:
    """The sentence's DATE and TIME entities, found by bisection in a list made once per Doc:
    ``Span.ents`` walks every entity of the Doc, which is quadratic over a long story."""
    doc = sentence.doc
    found = doc._.eventwire_time_entities
    if found is None:
        ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        found = doc._.eventwire_time_entities = ([e.start for e in ents], ents)

    starts, ents = found
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end)
    return [e for e in ents[first:last] if e.end <= sentence.end]


def clause_dates(anchor: Token, sentence: Span) -> list[Span]:
    """DATE entities of the sentence that belong to the event's own clause."""
    out = []
    for ent in _time_entities(sentence):
        token = ent.root
        for _ in range(8):
            if token.i == anchor.i:
                out.append(ent)
                break
            if (token.pos_ in ("VERB", "AUX") and token.i != ent.root.i) or token.head.i == token.i:
                break
            token = token.head
    return out


def _widened(ent: Span, words: DateWords) -> str:
    """The entity's text with the day and month words just before it that the parser left out
    ("On 29 Apr 2020" tagged as a number and the date "2020")."""
    doc, start = ent.doc, ent.start
    while start > max(0, ent.start - 2):
        before = doc[start - 1]
        if not (before.lower_.rstrip(".") in words.months or (before.text.isdigit() and int(before.text) <= 31)):
            break
        start -= 1
    return doc[start : ent.end].text


def event_date(anchor: Token, sentence: Span, published: str | None, words: DateWords) -> tuple[str | None, str]:
    """(ISO date, precision) of the event whose clause is ``anchor``'s."""
    pub = date.fromisoformat(published) if published else None
    current = anchor
    for _ in range(3):  # the clause, then the clause it is the purpose or conjunct of
        for ent in clause_dates(current, sentence):
            found = resolve(_widened(ent, words), pub, words)
            if found is not None:
                return found[0].isoformat(), found[1]
        if current.dep_ not in ("advcl", "xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
    if pub is not None:
        return pub.isoformat(), "day"
    return None, "unknown"
