"""Where: toponyms found in a story, resolved to GeoNames places, and each event's location.

Toponyms are the parser's GPE and LOC entities, the country words the actor gazetteer knows,
and capitalised names the place index knows as a country, a division or a sizeable town.
Demonyms ("Iraqi", "Turkish") are toponyms of kind ``adjectival``: they resolve to their country
and are never an event's location. Each name is resolved in two passes: first by what the
place is (country over division over town, bigger towns first, capitals), then again with what
the story says around it: its countries, and the other places it names nearby ("Pandi,
Bulacan" is the Pandi in Bulacan).

An event's location is the place its own clause names ("in Moscow", "arrived in the capital of
the Russian Federation"), else the story's dateline or most named place.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.code.actors import ClueHit
from eventwire.code.geography import Geography, NamedPlace, same_name
from eventwire.code.geonames import Place as GeoPlace
from eventwire.code.geonames import PlaceIndex, distance_km, normalise
from eventwire.code.syntax import children, lemma
from eventwire.lexicons import LexiconError, Lexicons, WordLists
from eventwire.model import Location, Place

# names under these labels are not looked up as places (the parser's LANGUAGE, PRODUCT or EVENT
# for a town are common mistakes, so those are looked up)
_SKIP_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL",
                          "ORDINAL"})
_KIND_PRIOR = {"country": 10.0, "continent": 9.5, "region": 9.0, "admin1": 7.0, "admin2": 4.5}
_REGION_IDS = -10_000_000  # ids of the regions lexicon's places, below the derived divisions' ids


@dataclass(slots=True)
class Toponym:
    start: int  # token indices
    end: int
    text: str
    kind: str  # literal | adjectival
    candidates: list[GeoPlace] = field(default_factory=list)
    place: GeoPlace | None = None
    country_hint: str | None = None  # adjectival: the demonym's country
    named: bool = False  # the parser or the gazetteer calls it a place; else guessed from a capitalised word
    confined: bool = False  # the names around it chose its country among several ("Paris, Texas")
    inside: Toponym | None = None  # unresolved in that country: the named place it is in ("Mandoli (Bandiagara)")


@dataclass(frozen=True, slots=True)
class PlaceFinder:
    """What finding and resolving places needs: the place index, the regions lexicon and the
    words around place names (grammar.yaml)."""

    index: PlaceIndex
    regions: dict[str, GeoPlace]
    words: WordLists
    place_objects: frozenset[str]  # PLOVER types whose place object is where they happen


def find_toponyms(doc: Doc, clues: dict[int, ClueHit], finder: PlaceFinder) -> list[Toponym]:
    """Every toponym in the story's body, resolved as well as the story allows."""
    words = finder.words
    taken: set[int] = set()
    found: list[Toponym] = []

    def add(start: int, end: int, kind: str, hint: str | None = None, keep_unknown: bool = False,
            named: bool = False) -> None:
        if any(i in taken for i in range(start, end)):
            return
        span = doc[start:end]
        while len(span) and span[0].lower_ in words.leading_articles:
            span = span[1:]
        if not len(span) or not span.text.strip() or span.text.isdigit():
            return
        if len(span) == 1 and span[0].lower_ in words.name_particles:
            return  # "Al" of "Al Shabaab" is no town in Norway
        if span.end < len(doc) and doc[span.end].lower_ in words.currency_nouns:
            return  # "the US dollar exchange rate"
        text = span.text.removesuffix("'s").removesuffix("’s").strip()
        candidates = _candidates(text, finder) if kind == "literal" else []
        if kind == "literal" and span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_:
            dotted = _candidates(text + ".", finder)  # "Churchill, Man.": Manitoba, not Man, West Virginia
            if dotted:
                span, text, candidates = doc[span.start : span.end + 1], text + ".", dotted
        joined = _hyphen_joined(doc, span, finder, taken) if kind == "literal" else None
        if joined is not None:  # "Ivano-Frankivsk", parsed as "Ivano", "-" and "Frankivsk"
            span, candidates = joined
            text = span.text
        after = doc[span.end] if span.end < len(doc) else None
        if (kind == "literal" and after is not None and after.lower_ in words.division_words
                and after.text[:1].isupper() and after.i not in taken):
            longer = finder.index.lookup(f"{text} {after.text}")  # "Plymouth" cut from "Plymouth County"
            if longer:
                span, text, candidates = doc[span.start : span.end + 1], f"{text} {after.text}", longer
        for reach in (2, 1) if kind == "literal" else ():  # "New South" left out of "Wales"
            before = doc[max(0, span.start - reach) : span.start]
            # a name found on its own may be the first words: "Baja" and "California" as two places
            parts = [t for t in found if t.kind == "literal" and before.start <= t.start and t.end == span.start]
            free = set(range(before.start, before.end)) - {i for t in parts for i in range(t.start, t.end)}
            if len(before) == reach and all(b.text[:1].isupper() and b.is_alpha for b in before) \
                    and not any(i in taken for i in free):
                longer = finder.index.lookup(f"{before.text} {text}")
                if longer:
                    span, text, candidates = doc[before.start : span.end], f"{before.text} {text}", longer
                    found[:] = [t for t in found if t not in parts]
                    break
        if kind == "literal" and not candidates and not keep_unknown:
            return
        if kind == "literal" and _actor_name(span, text, candidates, clues):
            return
        taken.update(range(span.start, span.end))
        found.append(Toponym(span.start, span.end, text, kind, candidates, country_hint=hint, named=named))

    dateline = _dateline(doc)
    if dateline is not None:
        add(dateline.start, dateline.end, "literal", named=True)
    for start, end in _qualified_names(doc, finder):
        add(start, end, "literal", named=True)
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            add(ent.start, ent.end, "literal", keep_unknown=True, named=True)  # unresolved ones are listed too
        elif ent.label_ == "FAC":
            add(ent.start, ent.end, "literal")
    for start, end in _kind_named(doc, finder):
        add(start, end, "literal", named=True)
    persons = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    for start, end, clue in sorted(set(clues.values()), key=lambda hit: hit[0]):
        if start in persons:
            continue  # "Georgia Stevens" is a girl, not a country
        if clue.kind in ("country", "capital"):
            add(start, end, "literal", named=True)
        elif clue.kind == "demonym" and clue.country:
            add(start, end, "adjectival", clue.country)
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT"):  # "Edmonton Police Service", "CBC Toronto"
            _add_known(ent, add, finder, min_population=100_000, with_regions=False)
        elif ent.label_ == "NORP" and not any(i in taken for i in range(ent.start, ent.end)):
            _add_known(ent, add, finder)  # the parser's NORP for a town: "the destruction of Aleppo"
    for start, end in _place_phrases(doc, finder):
        add(start, end, "literal", named=True)
    for run in _proper_runs(doc):
        _add_known(run, add, finder)
    for start in _lone_person_places(doc, finder):
        add(start, start + 1, "literal")
    found.sort(key=lambda t: t.start)
    _resolve(doc, found, finder)
    return found


def _place_phrases(doc: Doc, finder: PlaceFinder) -> list[tuple[int, int]]:
    """A name after a place preposition ("near Sentianivka", "in Kisumu") that the index knows
    as a town or a division, of any size: the preposition says it is a place, whatever label the
    parser gave it (it calls many small towns organisations); not acronyms ("at the PMF")."""
    out = []
    for token in doc:
        if not (token.dep_ == "pobj" and token.head.lower_ in finder.words.place_prepositions
                and token.pos_ == "PROPN" and token.text[:1].isupper() and not _acronym(token.text)):
            continue
        start = token.i
        while start > token.head.i + 1 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        words = doc[start : token.i + 1]
        if any(c.kind in ("city", "admin1", "admin2") for c in _candidates(words.text, finder, False)):
            out.append((start, token.i + 1))
    return out


def _actor_name(span: Span, text: str, candidates: list[GeoPlace], clues: dict[int, ClueHit]) -> bool:
    """Words of a named actor's name are no place: a part of it ("Haram" of "Boko Haram"), or
    all of it when no place has it as its own name ("Hamas", one of Hamm's other names; but
    "Rafah", a town the dictionaries name as an actor, is a place)."""
    hit = clues.get(span.start)
    if hit is None or hit[2].kind != "named" or not hit[2].code or span.end > hit[1]:
        return False  # (a dictionary's name with no code is a place of its own: "Donetske")
    if (hit[0], hit[1]) != (span.start, span.end):
        return True
    return not any(same_name(c.name, text) for c in candidates)


def _hyphen_joined(doc: Doc, span: Span, finder: PlaceFinder, taken: set[int]) -> tuple[Span, list[GeoPlace]] | None:
    """The longer name a name is part of when the parser split it at hyphens ("Ivano-Frankivsk",
    "Deir-ez-Zor", "Nord-Kivu"), if the index knows it."""
    start, end = span.start, span.end
    while start >= 2 and _hyphen(doc, start - 1) and doc[start - 2].is_alpha and start - 2 not in taken:
        start -= 2
    while end + 1 < len(doc) and _hyphen(doc, end) and doc[end + 1].is_alpha and end + 1 not in taken:
        end += 2
    if (start, end) == (span.start, span.end):
        return None
    candidates = _candidates(doc[start:end].text, finder)
    return (doc[start:end], candidates) if candidates else None


def _hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word: no space on either side."""
    return doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _kind_named(doc: Doc, finder: PlaceFinder) -> list[tuple[int, int]]:
    """A name followed by the kind of place it is, written in lower case ("in Bnei Brak city",
    "villages of Nabha district", "Kovvur town"): the word says the name is a place, whatever
    the parser called it; the name with its word, as "Sichuan province" is written."""
    kinds = finder.words.settlement_words | finder.words.division_words
    out = []
    for token in doc:
        if token.text not in kinds or not token.i:
            continue
        start = token.i
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        if start < token.i and _candidates(doc[start : token.i + 1].text, finder):
            out.append((start, token.i + 1))
    return out


def _name_word(token: Token) -> bool:
    """A capitalised word of a name (not an acronym: "the PMF district")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not _acronym(token.text)


def _qualified_names(doc: Doc, finder: PlaceFinder) -> list[tuple[int, int]]:
    """ "Kasoa (Awutu Efutu Senya, Central)", "Safala (Abala, Tillabery)": a name followed by a
    bracket of names that the index knows as places, all of them or one as a division or a
    country, is a place and the places it is in; every name of the bracket the index knows is a
    place. Brackets of initials ("Washington (CNN)") or of other names ("Red Deer (Tara Veer)") are not."""
    out = []
    for token in doc:
        if token.text != "(" or not token.i:
            continue
        inner = _bracket_names(doc, token.i + 1)
        known = [(start, end) for start, end in inner if _candidates(doc[start:end].text, finder)]
        # ("(CDC)": initials, which the index may know as a code, are a place only as a division)
        whole = len(known) == len(inner) > 1 and not any(_acronym(doc[start:end].text) for start, end in inner)
        if not known or (not whole and not any(
                c.kind in ("admin1", "admin2", "country", "region")
                for start, end in known for c in _candidates(doc[start:end].text, finder))):
            continue
        end = token.i
        start = end - 1 if doc[end - 1].text in finder.words.settlement_words | finder.words.division_words else end
        name_end = start  # "Phillaur city (Punjab)", not "port city (Al Hali)"
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        if start < name_end and _candidates(doc[start:end].text, finder):
            out.append((start, end))
        out.extend(known)
    return out


def _bracket_names(doc: Doc, first: int) -> list[tuple[int, int]]:
    """The comma-separated names of a bracket opening at ``first``, if it holds only names
    (capitalised words, joined by hyphens, and a lower-case kind word: "Barkin Ladi LGA"); else none."""
    names, start = [], first
    for i in range(first, len(doc)):
        text = doc[i].text
        if text in (",", ")"):
            if i == start:
                return []
            names.append((start, i))
            if text == ")":
                return names
            start = i + 1
        elif not (text[:1].isupper() or text == "-" or (i > start and doc[i - 1].text == "-")):
            return []
    return []


def _acronym(text: str) -> bool:
    """ "PMF", "SMM": an organisation's initials, which the index may hold as an airport code."""
    return text.isupper() and len(text) <= 5


def _lone_person_places(doc: Doc, finder: PlaceFinder) -> list[int]:
    """One-word PERSON names that are big places ("put Edmonton near the bottom", "Tabriz resident"):
    the parser's common mistake, taken back unless the word is a person's name elsewhere in the
    story ("Winston Churchill", "Mr Cairns")."""
    surnames = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) != 1 or ent[0].lower_ in surnames or not ent.text[:1].isupper():
            continue
        before = doc[ent.start - 1] if ent.start else None
        titled = before is not None and before.text.rstrip(".").lower() in finder.words.person_titles
        if before is not None and (titled or before.text[:1].isupper()):
            continue
        dotted = ent.end < len(doc) and doc[ent.end].text == "." and not ent[-1].whitespace_
        # "Gatineau, Que."
        candidates = (_candidates(ent.text + ".", finder) if dotted else []) or _candidates(ent.text, finder)
        if any(c.kind in ("country", "admin1", "region") or (c.kind == "city" and c.population >= 100_000)
               for c in candidates):
            out.append(ent.start)
    return out


def _proper_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns outside person and organisation names."""
    runs, start = [], None
    for token in doc:
        proper = token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in _SKIP_LABELS
        if proper and start is None:
            start = token.i
        elif not proper and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def _add_known(run: Span, add, finder: PlaceFinder, min_population: int = 20_000, with_regions: bool = True) -> None:
    """A name the index knows as a country, a division or a town of ``min_population`` or more
    (or, ``with_regions``, a region of the lexicon: not inside names of firms, "Pacific Gas")."""
    i = run.start
    while i < run.end:
        for length in (3, 2, 1):
            if i + length > run.end:
                continue
            words = run.doc[i : i + length]
            if length == 1 and (words[0].lower_ in finder.words.direction_words or not words[0].text[:1].isupper()):
                continue
            candidates = _candidates(words.text, finder, with_regions)
            if _acronym(words.text):  # initials name a place only as its own name, not an alternate
                candidates = [c for c in candidates if normalise(c.name) == normalise(words.text)]
            end = i + length
            if not candidates and end < len(run.doc) and run.doc[end].text == "." and not words[-1].whitespace_:
                candidates = _candidates(words.text + ".", finder)  # "Gatineau, Que."
            if length == 1 and _name_head(run, i, finder):
                continue
            if any(c.kind != "city" or c.population >= min_population for c in candidates):
                add(i, i + length, "literal")
                i += length
                break
        else:
            i += 1


def _name_head(run: Span, i: int, finder: PlaceFinder) -> bool:
    """The last word of a longer capitalised name that is a common name's head ("Military Police",
    "Karbonit Mine", "North Zone"; grammar.yaml name_heads): that name's head, not the town it
    matches (Police, Poland); "Metro Vancouver" keeps its place."""
    return len(run) > 1 and i == run.end - 1 and run.doc[i].lower_ in finder.words.name_heads


def build_regions(lexicons: Lexicons) -> dict[str, GeoPlace]:
    """The regions lexicon by every name: seas, islands, ranges and regions of the world."""
    where = "eventwire/lexicon/regions.yaml"
    out: dict[str, GeoPlace] = {}
    for n, (name, entry) in enumerate(((lexicons.load("regions") or {}).get("regions") or {}).items()):
        try:
            lat, lon = (float(x) for x in entry["point"])
        except (TypeError, KeyError, ValueError):
            raise LexiconError(f"{where}: {name}: point must be [lat, lon]") from None
        place = GeoPlace(_REGION_IDS - n, str(name), "region", entry.get("country"), lat, lon, 0, False, None)
        for alias in [name, *(entry.get("names") or [])]:
            out[normalise(str(alias))] = place
    return out


def _candidates(text: str, finder: PlaceFinder, with_regions: bool = True) -> list[GeoPlace]:
    """Places by a name, or by its core ("Southern California", "eastern Beirut")."""
    region = finder.regions.get(normalise(text)) if with_regions else None
    if region is not None:
        return [region]
    index, grammar = finder.index, finder.words
    found = index.lookup(text)
    if found:
        return found
    words = text.split()
    if len(words) > 1 and words[0].lower() in grammar.direction_words:
        core = words
        while len(core) > 1 and core[0].lower() in grammar.direction_words:  # "Far North Queensland"
            core = core[1:]
        found = [c for c in index.lookup(" ".join(core)) if c.kind != "continent"]
        if found:
            return found
    if len(words) > 1 and words[-1].lower() in grammar.division_words:  # "Sichuan province", "Enfield Borough"
        found = index.lookup(" ".join(words[:-1]))
        return [c for c in found if c.kind in ("admin1", "admin2")] or found
    if len(words) > 1 and words[-1] in grammar.settlement_words:  # "Amara city", "Kovvur town" (not "Mexico City")
        found = index.lookup(" ".join(words[:-1]))
        return [c for c in found if c.kind == "city"] or found
    settlements = grammar.settlement_words
    if (len(words) > 2 and words[1].lower() in grammar.partitive_prepositions
            and words[0].lower() in grammar.division_words | settlements):
        found = index.lookup(" ".join(words[2:]))  # "City of Montreal", "County of Brant"
        kinds = ("city",) if words[0].lower() in settlements else ("admin1", "admin2")
        return [c for c in found if c.kind in kinds] or found
    return []


def _dateline(doc: Doc) -> Span | None:
    """ "KABUL, March 3 (Reuters) -", "INNISFAIL - ...": the capitalised place a story opens with."""
    first = next((t for t in doc if not t.is_space), None)
    if first is None:
        return None
    end = first.i
    while end < len(doc) and doc[end].text.isupper() and doc[end].is_alpha:
        end += 1
    if end == first.i or end >= len(doc) or doc[end].text not in (",", "-", "—", "–", "(", ":"):
        return None
    return doc[first.i : end]


def _prior(place: GeoPlace) -> float:
    """What a place is, before the story says anything: its kind, else its size."""
    return _KIND_PRIOR.get(place.kind, math.log10(place.population + 1))


def _score(place: GeoPlace, text: str, countries: dict[str, float], near: list[GeoPlace],
           qualifier: set[str], siblings: list[GeoPlace] = (), divisions: frozenset[tuple[str, str]] = frozenset(),
           ) -> float:
    score = _prior(place)
    if place.kind == "city" and place.capital:
        score += 1.5
    if countries.get(place.country or "", 0) > 0:
        score += 2.5 + min(countries[place.country], 4.0) * 0.5
    if qualifier and _qualified(place, qualifier):
        score += 8.0  # "Pandi, Bulacan", "LONDON, Ky.": the writer says which one
    if near:
        closest = min(distance_km(place.lat, place.lon, o.lat, o.lon) for o in near)
        if closest < 300:
            score += 2.5
        elif closest < 1000:
            score += 1.0
    if place.kind in ("city", "admin2") and (place.country, place.admin1) in divisions:
        score += 2.0  # "Monroe County" in a story about Missouri
    if any(o.kind == place.kind and o.country == place.country for o in siblings):
        score += 4.0  # "Alabama, Arizona, Georgia": a list names places of one kind in one country
    if place.name.lower() == text.lower():
        score += 0.3
    if place.kind == "country":
        score += 3.0  # a country's name means the country ("Mexico", not Mexico City)
    return score


def _resolve(doc: Doc, toponyms: list[Toponym], finder: PlaceFinder) -> None:
    index = finder.index
    for t in toponyms:
        if t.kind == "adjectival" and t.country_hint:
            t.place = index.country(t.country_hint)
    countries: dict[str, float] = {}
    _confine(doc, toponyms, finder.words)
    for t in toponyms:  # what the story says without doubt: countries named, demonyms
        if t.kind == "adjectival" and t.place is not None:
            countries[t.place.country] = countries.get(t.place.country, 0) + 1
        elif any(c.kind == "country" for c in t.candidates) and not any(c.kind == "admin1" for c in t.candidates):
            # ("Georgia" may be a state: it says nothing sure of the story's countries)
            country = next(c for c in t.candidates if c.kind == "country").country
            countries[country] = countries.get(country, 0) + 1
    qualified: dict[str, GeoPlace] = {}  # names the writer pinned down once ("LONDON, Ky.")
    by_start = {t.start: t for t in toponyms}
    by_end = {t.end: t for t in toponyms}
    for rounds in range(2):
        # each place once: a story naming Aleppo forty times is no nearer to Aleppo
        near = list({t.place.id: t.place for t in toponyms if t.place is not None and t.kind == "literal"}.values()) \
            if rounds else []
        divisions = frozenset((p.country, p.name) for p in near if p.kind == "admin1")  # the story's states
        for i, t in enumerate(toponyms):
            if t.kind != "literal" or not t.candidates:
                continue
            qualifier = _qualifier(doc, t, by_start, by_end, finder.words)
            said = _kind_said(doc, t, finder.words)
            others = [p for p in near if p.id != (t.place.id if t.place else None)]
            siblings = _siblings(doc, toponyms, i, finder.words) if rounds else []
            told = countries
            if rounds and t.place is not None and t.place.country:  # not its own first guess
                told = {**countries, t.place.country: countries[t.place.country] - 0.5}
            # (a state's or country's name is not taken for a town in a state the story names)
            states = frozenset() if any(c.kind in ("admin1", "country") for c in t.candidates) else divisions
            t.place = max(t.candidates, key=lambda c: (c.kind in said,
                                                       _score(c, t.text, told, others, qualifier, siblings, states),
                                                       c.population))
            if (rounds and t.confined) or (qualifier and _qualified(t.place, qualifier)):
                qualified.setdefault(t.text.lower(), t.place)
        if rounds == 0:
            for t in toponyms:
                if t.kind == "literal" and t.place is not None and t.place.country:
                    countries[t.place.country] = countries.get(t.place.country, 0) + 0.5
    for t in toponyms:  # one sense per story: the London of "LONDON, Ky." is the London of "London police"
        pinned = qualified.get(t.text.lower())
        if pinned is not None and t.kind == "literal" and pinned in t.candidates:
            t.place = pinned


def _confine(doc: Doc, toponyms: list[Toponym], words: WordLists) -> None:
    """Names that say where one another are choose one country together: "Nabha district
    (Punjab)" (Nabha is only in India: the Punjab of India), "Safala (Abala, Tillabery)" (the
    Abala of Niger), "Mandoli (Bandiagara, Mopti)" (no Indian town: one of Mali the index does not
    know, placed in Bandiagara). A chain is a name and the divisions after it, set off by a comma
    or a bracket (a town after a comma is another place of a list: "Beirut, Damascus"). Its
    country is the one most of its names are only in, and two can be in; names that can each be in
    several countries ("Panama City (Bella Vista)") say nothing sure and choose as before. Each
    name keeps its candidates in that country; one with none there is left unresolved, inside the
    next name of the chain."""
    for chain in _chains(doc, toponyms, words):
        country = _chain_country(chain)
        if country is None:
            continue
        members = [t for t, _ in chain]
        for t in members:
            inside = [c for c in t.candidates if c.country == country]
            t.confined = len(inside) < len(t.candidates)  # the chain chose among countries
            t.candidates = inside
        for n, t in enumerate(members):
            if not t.candidates:  # the next name of the chain it is in, else the one before
                t.inside = next((o for o in [*members[n + 1 :], *reversed(members[:n])] if o.candidates), None)


def _chain_country(chain: list[tuple[Toponym, bool]]) -> str | None:
    """The country most of the chain's names are only in (one at least, and none other as many),
    if two of its names can be there."""
    sure: dict[str, int] = {}
    support: dict[str, int] = {}
    for t, any_kind in chain:
        countries = {c.country for c in t.candidates if c.country}
        if len(countries) == 1:
            sure[next(iter(countries))] = sure.get(next(iter(countries)), 0) + 1
        for country in {c.country for c in t.candidates
                        if c.country and (any_kind or c.kind in ("admin1", "admin2", "country"))}:
            support[country] = support.get(country, 0) + 1
    ranked = sorted(sure.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or support.get(ranked[0][0], 0) < 2:
        return None
    return ranked[0][0]


def _chains(doc: Doc, toponyms: list[Toponym], words: WordLists) -> list[list[tuple[Toponym, bool]]]:
    """The chains of names that qualify one another, each name with whether any of its places may
    qualify (the first name, and a bracket's names: "Mandoli (Bandiagara, Mopti)", whatever the
    index calls Bandiagara) or only its divisions and countries (a name after a comma)."""
    literal = [t for t in toponyms if t.kind == "literal"]
    by_start = {t.start: t for t in literal}
    links: dict[int, int] = {}  # a toponym's index in ``literal`` → the index of the one it qualifies
    any_kind: set[int] = set()
    position = {id(t): n for n, t in enumerate(literal)}
    for run in _comma_runs(doc, literal, by_start, words):
        for t, other in itertools.pairwise(run):
            if not _countries_both(t, other):  # "Armenia, Georgia": two countries side by side
                links[position[id(other)]] = position[id(t)]
    for token in doc:
        if token.text != "(" or not token.i:
            continue
        names = _bracket_names(doc, token.i + 1)  # and the places inside them ("Medina" of "Sousse Medina")
        inner = [t for t in literal if names and names[0][0] <= t.start and t.end <= names[-1][1]]
        kinds = words.settlement_words | words.division_words  # "Kolofata subdivision (Mayo-Sava)"
        ends = (token.i, token.i - 1) if doc[token.i - 1].text in kinds else (token.i,)
        before = next((t for t in literal if t.end in ends), None)
        head = before or (inner[0] if inner else None)
        for t in inner:
            if t is not head:
                links[position[id(t)]] = position[id(head)]
                any_kind.add(position[id(t)])
    groups: dict[int, list[int]] = {}
    for n in range(len(literal)):
        root = n
        while root in links:
            root = links[root]
        groups.setdefault(root, []).append(n)
    return [[(literal[n], n == root or n in any_kind) for n in sorted(members)]
            for root, members in groups.items() if len(members) > 1]


def _comma_runs(doc: Doc, literal: list[Toponym], by_start: dict[int, Toponym],
                words: WordLists) -> list[list[Toponym]]:
    """Names set off by single commas ("Jalalabad, Fazilka", "Pandi, Bulacan"), not those of a
    list, which ends with a conjunction ("Armenia, Azerbaijan, Georgia and Iran")."""
    runs: list[list[Toponym]] = []
    for t in literal:
        if runs and runs[-1][-1].end + 1 == t.start and doc[t.start - 1].text == ",":
            runs[-1].append(t)
        else:
            runs.append([t])
    out = []
    for run in runs:
        end = run[-1].end
        after = [w.lower_ for w in doc[end : end + 2]]
        listed = bool(after) and (after[0] in words.list_conjunctions  # "..., Georgia and Iran", "Georgia, and Iran"
                                  or (after[0] == "," and after[1:2] and after[1] in words.list_conjunctions))
        if len(run) > 1 and not listed:
            out.append(run)
    return out


def _countries_both(t: Toponym, other: Toponym) -> bool:
    return any(c.kind == "country" for c in t.candidates) and any(c.kind == "country" for c in other.candidates)


def _qualifier(doc: Doc, t: Toponym, by_start: dict[int, Toponym], by_end: dict[int, Toponym],
               words: WordLists) -> set[str]:
    """The division or country named right after a town ("Pandi, Bulacan", "Salem, Oregon"), or,
    for a division, the town it qualifies ("Atlanta, Georgia" is the state)."""
    if t.end + 1 < len(doc) and doc[t.end].text == ",":
        other = by_start.get(t.end + 1)
        if other is not None and other.candidates and not _listed_with(doc, t, other, by_start, words):
            names = {c.name for c in other.candidates if c.kind in ("admin1", "admin2")}
            names |= {c.country for c in other.candidates if c.kind == "country" and c.country}
            return names
    if t.start >= 2 and doc[t.start - 1].text == ",":
        other = by_end.get(t.start - 1)
        if other is not None and other.kind == "literal":
            towns = [c for c in other.candidates if c.kind == "city" and c.admin1]
            own = {c.name for c in t.candidates if c.kind in ("admin1", "admin2")}
            return {c.admin1 for c in towns if c.admin1 in own}
    return set()


def _listed_with(doc: Doc, t: Toponym, other: Toponym, by_start: dict[int, Toponym], words: WordLists) -> bool:
    """ "Virginia, Washington, West Virginia and Wyoming": two divisions of one country in a list
    that goes on, not a town and its division ("Washington, West Virginia, closed")."""
    after = doc[other.end].lower_ if other.end < len(doc) else ""
    goes_on = after in words.list_conjunctions or (after == "," and other.end + 1 in by_start)
    theirs = {c.country for c in other.candidates if c.kind == "admin1"}
    return goes_on and any(c.kind == "admin1" and c.country in theirs for c in t.candidates)


def _qualified(place: GeoPlace, qualifier: set[str]) -> bool:
    if place.kind in ("admin1", "admin2"):  # "Atlanta, Georgia"; "California, United States"
        return place.name in qualifier or place.admin1 in qualifier or place.country in qualifier
    return place.admin1 in qualifier or place.country in qualifier


def _kind_said(doc: Doc, t: Toponym, words: WordLists) -> tuple[str, ...]:
    """The kind of place the words around a name say it is: "Washington state", "the state of
    Georgia", "the city of Turkey"."""
    after = doc[t.end].lower_ if t.end < len(doc) else ""
    before = [w.lower_ for w in doc[t.start - 2 : t.start]] if t.start >= 2 else ["", ""]
    of = before[1] in words.partitive_prepositions
    if after in words.division_words or (of and before[0] in words.division_words):
        return ("admin1", "admin2")
    if after in words.settlement_words or (of and before[0] in words.settlement_words):
        return ("city",)
    return ()


def _siblings(doc: Doc, toponyms: list[Toponym], i: int, words: WordLists) -> list[GeoPlace]:
    """The resolved places listed next to this one ("Arizona, California, Colorado, Georgia"):
    its neighbours in the story, when only commas and conjunctions stand between."""
    t, out = toponyms[i], []
    for j in (i - 1, i + 1):
        if not 0 <= j < len(toponyms):
            continue
        other = toponyms[j]
        if other.place is None or other.kind != "literal":
            continue
        gap = doc[other.end : t.start] if other.end <= t.start else doc[t.end : other.start]
        if len(gap) and all(tok.text == "," or tok.lower_ in words.list_conjunctions for tok in gap):
            out.append(other.place)
    return out


def as_places(doc: Doc, toponyms: list[Toponym]) -> list[Place]:
    out = []
    for t in toponyms:
        span = doc[t.start : t.end]
        start = span.start_char
        end = start + len(t.text)
        p = t.place
        out.append(Place(text=t.text, start=start, end=end, kind=t.kind,
                         name=p.name if p else None, country=p.country if p else None,
                         lat=round(p.lat, 5) if p else None, lon=round(p.lon, 5) if p else None,
                         geonameid=p.id if p and p.id > 0 else None))
    return out


def story_geography(toponyms: list[Toponym]) -> Geography:
    """What the story's places tell its actors (see ``Geography``): only names the parser or the
    gazetteer calls places locate an actor; every resolved name says what a country's or a
    town's name in it stands for."""
    towns: dict[int, str] = {}
    covered: dict[int, NamedPlace] = {}
    countries = {t.place.country for t in toponyms if t.kind == "adjectival" and t.place is not None}
    for t in toponyms:
        where = _where(t)
        if where is None or not where.place.country:
            continue
        if t.named:
            towns[t.start] = where.place.country
            countries.add(where.place.country)
        if t.place is not None and t.kind == "literal":
            covered.update(dict.fromkeys(range(t.start, t.end), NamedPlace(t.start, t.end, t.place.country,
                                                                          t.place.name)))
    return Geography(towns, covered, frozenset(c for c in countries if c))


def places_by_token(toponyms: list[Toponym]) -> dict[int, Toponym]:
    """Token index → the resolved literal toponym it is part of, or, for a name left unresolved
    in the country its chain says, the place the chain puts it in; made once per story."""
    return {i: where for t in toponyms if (where := _where(t)) is not None for i in range(t.start, t.end)}


def _where(t: Toponym) -> Toponym | None:
    """The literal toponym itself if resolved, else the resolved place its chain puts it in."""
    if t.kind != "literal":
        return None
    if t.place is not None:
        return t
    return t.inside if t.inside is not None and t.inside.place is not None else None


def event_location(anchor: Token, by_token: dict[int, Toponym], fallback: Location | None,
                   ptype: str | None, finder: PlaceFinder) -> Location | None:
    """The place named in the event's own clause, else the story's (dateline or most named).
    A place as the object is where the event is for visits and attacks ("visited Iran", "shelled
    Juba"), not for requests or accusations ("asked Turkey")."""
    preps = finder.words.place_prepositions
    current = anchor
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nsubj", "nsubjpass"):
        current = anchor.head  # "battles ... expand in northern Iraq"
    for _ in range(3):
        # the clause's own place phrases, then those of its objects ("talks with officials in Moscow")
        objects = children(current, "dobj", "attr")
        for obj in objects if ptype in finder.place_objects else []:
            found = _place_of(obj, by_token, finder) if obj.i in by_token else None
            if found is not None:
                return found
        holders = [current, *objects]
        holders += [p for h in list(holders) for c in children(h, "prep") if c.lower_ not in preps
                    for p in children(c, "pobj")]
        for holder in holders:
            for prep in children(holder, "prep"):
                if prep.lower_ in preps:
                    for pobj in children(prep, "pobj"):
                        found = _place_of(pobj, by_token, finder)
                        if found is not None:
                            return found
        if current.dep_ not in ("advcl", "xcomp", "conj", "acomp") or current.head.i == current.i:
            break
        current = current.head
    return fallback


def _place_of(pobj: Token, by_token: dict[int, Toponym], finder: PlaceFinder) -> Location | None:
    """ "in Moscow"; "in the town of Cizre"; "in the capital of the Russian Federation"."""
    if pobj.i in by_token:
        return _location(by_token[pobj.i], pobj.doc)
    if pobj.lower_ in finder.words.division_words | finder.words.settlement_words:
        for part in children(pobj, "compound"):  # "in Diwaniya city", "in Ysyk-Ata district"
            if part.i in by_token and part.i == pobj.i - 1:
                return _location(by_token[part.i], pobj.doc)
    for child in children(pobj, "prep"):
        if child.lower_ in finder.words.partitive_prepositions:
            for inner in children(child, "pobj"):
                if inner.i in by_token:
                    t = by_token[inner.i]
                    if lemma(pobj) in finder.words.capital_nouns and t.place is not None and t.place.kind == "country":
                        capital = finder.index.capital(t.place.country or "")
                        if capital is not None:
                            span = pobj.doc[pobj.left_edge.i : inner.right_edge.i + 1]
                            return Location(name=capital.name, country=capital.country, lat=round(capital.lat, 5),
                                            lon=round(capital.lon, 5), geonameid=capital.id,
                                            start=span.start_char, end=span.end_char)
                    return _location(t, pobj.doc)
    return None


def _location(t: Toponym, doc: Doc) -> Location | None:
    p = t.place
    if p is None:
        return None
    span = doc[t.start : t.end]
    return Location(name=p.name, country=p.country, lat=round(p.lat, 5), lon=round(p.lon, 5),
                    geonameid=p.id if p.id > 0 else None, start=span.start_char, end=span.start_char + len(t.text))


def story_location(doc: Doc, toponyms: list[Toponym]) -> Location | None:
    """The dateline's place if the body opens with one ("KABUL, March 3 (Reuters) -"), else the
    literal place the story names most (a town over a country when they tie)."""
    literal = [t for t in toponyms if t.kind == "literal" and t.place is not None]
    if not literal:
        return None
    first = literal[0]
    opening = doc[first.start]
    if opening.is_sent_start and doc[first.start : first.end].text.isupper():
        return _location(first, doc)
    counts: dict[int, list[Toponym]] = {}
    for t in literal:
        counts.setdefault(t.place.id, []).append(t)
    best = max(counts.values(), key=lambda ts: (len(ts), ts[0].place.kind == "city", -ts[0].start))
    return _location(best[0], doc)

