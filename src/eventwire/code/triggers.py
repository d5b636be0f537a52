"""The trigger lexicon (verbs.yaml, nouns.yaml) and the CAMEO table (cameo.yaml).

A trigger lemma has senses tried in order; a sense's conditions look at the parse around the
trigger (its object, prepositions, particle, voice). The first sense that fits gives the CAMEO
code, and the CAMEO table gives PLOVER type, mode, context, quad class and Goldstein score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from eventwire.code.sequence import Sequence
from eventwire.code.syntax import lemma_keys
from eventwire.lexicons import LexiconError, Lexicons
from eventwire.model import Cameo, Plover


@dataclass(frozen=True, slots=True)
class CameoEntry:
    code: str
    plover_type: str | None
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    description: str
    own: bool = False  # a user's dictionary's own code, which CAMEO lacks: an event of no PLOVER type

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

    def cameo(self) -> Cameo:
        return Cameo(self.code, self.root, self.quad_class, self.goldstein)

    def plover(self) -> Plover:
        return Plover(self.plover_type or ("" if not self.own else None), self.mode, list(self.context))


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger: its conditions and what it codes."""

    where: str  # "verbs.yaml: request #1", for --explain
    cameo: str | None = None
    objects: tuple[frozenset[str], ...] = ()  # each a set of words that must all be present
    preps: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    passive: bool | None = None
    absorb: str | None = None
    target: str | None = None
    skip: bool = False
    need_complement: bool = False
    # "infinitive": only "to ..." complements ("told X to leave"); "purpose": a "to ..." clause of purpose too
    complement: str | None = None
    clause: bool = False  # only with a "that ..." clause ("a rights group protested that ...")
    subjects: tuple[frozenset[str], ...] = ()  # a word the subject phrase must contain
    stative: bool = False  # "is opposed to": a passive form whose subject acts
    swap: bool = False  # the recipient acts: "peacekeepers arrived in X" is X receiving them
    # conditions of a dictionary pattern: alternative phrases, the last word of each its head
    object_heads: tuple[tuple[str, ...], ...] = ()  # the direct object's ("* {FINANCIAL AID}")
    subject_heads: tuple[tuple[str, ...], ...] = ()  # the subject's ("&MILITARY *")
    prep_objects: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()  # ("for", (("aid",),)): "* (FOR AID)"
    both_actors: bool = False  # codes only between a source and a target (the shipped dictionaries' patterns)
    sequence: Sequence | None = None  # a user's TABARI pattern, read as words in order (code/sequence.py)
    user: bool = False  # from a user's dictionaries, read as PETRARCH reads them (not the shipped ones)
    reverse: str | None = None  # a user's paired code ([032:033]): the target's act on the source too
    transitive: bool | None = None  # true/false: the verb has (no) direct object ("demonstrated its skills")
    governs: tuple[frozenset[str], ...] = ()  # words of the clause it governs ("asked not to be named")
    question: bool = False  # it asks a question: "asked how ...", "'Why?' she asked", "Jansen asked."
    state: bool = False  # the state's act whoever is named ("a man was sentenced"): political with no actor of its
    need_event: bool = False  # a that-clause it governs must be an event: "agrees that crime is a problem" is none


@dataclass(slots=True)
class TriggerLexicon:
    verbs: dict[str, list[Sense]] = field(default_factory=dict)
    nouns: dict[str, list[Sense]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    complements: dict[str, dict[str, str]] = field(default_factory=dict)
    future: dict[str, str] = field(default_factory=dict)
    armed_forces: dict[str, str] = field(default_factory=dict)
    domestic: frozenset[str] = frozenset()
    hosted: frozenset[str] = frozenset()
    place_objects: frozenset[str] = frozenset()
    implied_sources: dict[str, str] = field(default_factory=dict)  # PLOVER type → the sector of its doer
    riots: dict[str, str] = field(default_factory=dict)  # CAMEO code → the code when protesters do it
    cameo: dict[str, CameoEntry] = field(default_factory=dict)

    def entry(self, code: str) -> CameoEntry:
        return self.cameo[code]

    def governed_code(self, kind: str, ptype: str | None) -> str | None:
        """The code of a governing act ("intent", "threat", "request", ...) by the type it governs."""
        table = self.complements[kind]
        return table.get(ptype or "", table.get("default"))

    def governs_no_event(self, kind: str, ptype: str | None) -> bool:
        """A kind with no default and no code for this type: "gathered to celebrate" is no event."""
        return self.governed_code(kind, ptype) is None

    def names_an_event(self, token: Token) -> bool:
        """Is the word a trigger of this lexicon (a verb or a noun, by any of its look-up keys)?"""
        table = self.nouns if token.pos_ in ("NOUN", "PROPN") else self.verbs
        return any(key in table for key in lemma_keys(token))

    def type_of(self, code: str | None) -> str | None:
        return self.cameo[code].plover_type if code in self.cameo else None


_SENSE_KEYS = {"cameo", "object", "prep", "particle", "passive", "absorb", "target", "skip", "need_complement",
               "complement", "clause", "subject", "stative", "swap", "transitive", "governs", "question", "need_event",
               "state"}


def build_trigger_lexicon(lexicons: Lexicons, dictionary_senses: dict[str, list[dict[str, Any]]] | None = None,
                          ) -> TriggerLexicon:
    """Senses by lemma, with their conditions checked against the CAMEO table and the
    complements table, so that a bad entry fails when it is read, naming it; then the verbs of
    the dictionaries (compiled patterns) that the lexicon does not have: where both know a verb,
    the lexicon's senses are the verb's; a light verb's are a user's dictionary's verb's."""
    cameo = _load_cameo(lexicons.load("cameo"))
    verbs_data = lexicons.load("verbs") or {}
    nouns_data = lexicons.load("nouns") or {}
    groups = {k: [str(w) for w in v] for k, v in (verbs_data.get("groups") or {}).items()}
    # a kind with no default ("assembly") makes an event only of the types it lists
    complements = {k: {t: str(c) for t, c in v.items() if c is not None}
                   for k, v in (verbs_data.get("complements") or {}).items()}
    lexicon = TriggerLexicon(
        light_verbs=frozenset(str(w).lower() for w in verbs_data.get("light_verbs") or []),
        complements=complements,
        future={str(k): str(v) for k, v in (verbs_data.get("future") or {}).items()},
        armed_forces={str(k): str(v) for k, v in (verbs_data.get("armed_forces") or {}).items()},
        domestic=_types(verbs_data, "domestic", cameo),
        hosted=_types(verbs_data, "hosted", cameo),
        place_objects=_types(verbs_data, "place_objects", cameo),
        implied_sources=_by_type(verbs_data, "implied_sources", cameo),
        riots=_recodes(verbs_data, "riots", cameo),
        cameo=cameo,
    )
    for section, target in (("verbs", lexicon.verbs), ("nouns", lexicon.nouns)):
        data = verbs_data if section == "verbs" else nouns_data
        for lemma, senses in (data.get(section) or {}).items():
            if not isinstance(senses, list):
                raise LexiconError(f"{section}.yaml: {lemma}: expected a list of senses")
            target[str(lemma).lower()] = [
                _sense(s, f"{section}.yaml: {lemma} #{n}", groups, cameo, complements)
                for n, s in enumerate(senses, 1)
            ]
    made: dict[int, Sense] = {}  # a family's pattern is one spec shared by its verbs: one Sense for all
    for verb, specs in (dictionary_senses or {}).items():
        if verb in lexicon.verbs:  # the lexicon's
            continue
        if verb in lexicon.light_verbs and not any(spec.get("shipped") is False for spec in specs):
            continue  # a light verb codes by its noun, but a user's own verb is coded as PETRARCH codes it ("agree")
        # a Phoenix verb codes through its patterns only: a family's code for the verb alone ("---
        # KILL [190]" for "die", "--- COOPERATE [060]" for "accord") fires on most uses of common
        # verbs in open news, which no careful coder would record; a user's own dictionaries are
        # read as PETRARCH reads them, the verb alone too
        for spec in specs:
            _add_own_code(spec, cameo)
        senses = [made.get(id(spec)) or made.setdefault(id(spec), _dictionary_sense(spec, cameo))
                  for spec in specs if not (spec.get("alone") and spec.get("shipped")) and not _not_a_code(spec, cameo)]
        if senses:
            lexicon.verbs[verb] = senses
    return lexicon


def _dictionary_sense(spec: dict[str, Any], cameo: dict[str, CameoEntry]) -> Sense:
    """A compiled dictionary pattern as a sense; a code the CAMEO table lacks is read as its
    nearest ancestor in it (``0256`` → ``025``, ``012`` → ``010``), and one with none codes nothing."""
    code = known_code(spec.get("cameo"), cameo)
    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p) for alternatives in spec.get(key) or () for p in alternatives)

    return Sense(
        where=spec["where"] if code == spec.get("cameo") else f"{spec['where']} (coded as {code})",
        cameo=code, skip=bool(spec.get("skip")) or code is None,
        particles=frozenset([*(spec.get("particle") or ()), *(spec.get("pattern_particles") or ())]),
        swap=bool(spec.get("swap")), object_heads=phrases("object"), subject_heads=phrases("subject"),
        prep_objects=tuple((prep, tuple(tuple(p) for p in alternatives))
                           for prep, alternatives in spec.get("prep_objects") or ()),
        both_actors=bool(spec.get("shipped")),
        sequence=_sequence(spec["sequence"]) if spec.get("sequence") else None,
        user=spec.get("shipped") is False,
        reverse=known_code(spec.get("reverse"), cameo) if spec.get("shipped") is False else None,
    )


def _sequence(raw: list[Any]) -> Sequence:
    before, after, verb_joined = raw
    def elements(items: list[Any]) -> tuple:
        return tuple((kind, tuple(tuple(p) for p in phrases) if phrases else None, bool(joined))
                     for kind, phrases, joined in items)

    return elements(before), elements(after), bool(verb_joined)


OWN_CODE = re.compile(r"\d{2,4}")  # the codes an event may carry (the output schema's)


def _add_own_code(spec: dict[str, Any], cameo: dict[str, CameoEntry]) -> None:
    """A user's dictionary may define codes of its own (TABARI's test codes ``901``, WEIS's
    ``223``): PETRARCH codes them as written, so a code that has no ancestor in the CAMEO table
    enters it as an event with no PLOVER type. The shipped dictionaries' are left out, so that
    their stray codes cannot reach real news without a type."""
    for code in (spec.get("cameo"), spec.get("reverse")):
        if spec.get("shipped") is False and code and OWN_CODE.fullmatch(code) and known_code(code, cameo) is None:
            cameo[code] = CameoEntry(code, None, None, (), 0.0, f"{spec['where'].split(':')[0]}'s own code",
                                     own=True)


def _not_a_code(spec: dict[str, Any], cameo: dict[str, CameoEntry]) -> bool:
    """A user's pattern whose code is neither CAMEO's nor a code at all (``[+++]``, ``[xxy]``) is
    left out, so that the next pattern or the verb alone codes the sentence."""
    code = spec.get("cameo")
    return spec.get("shipped") is False and bool(code) and known_code(code, cameo) is None


def known_code(code: str | None, cameo: dict[str, CameoEntry]) -> str | None:
    """``code`` if the CAMEO table has it, else its nearest ancestor that it has."""
    while code:
        if code in cameo:
            return code
        code = code[:-1] if len(code) > 3 else (code[:2] + "0" if len(code) == 3 and code[2] != "0" else None)
    return None


def _types(data: dict[str, Any], key: str, cameo: dict[str, CameoEntry]) -> frozenset[str]:
    """A list of PLOVER types in verbs.yaml, each checked against the CAMEO table's types."""
    known = {e.plover_type for e in cameo.values() if e.plover_type}
    types = frozenset(str(t) for t in data.get(key) or [])
    unknown = types - known
    if unknown:
        raise LexiconError(f"verbs.yaml: {key}: unknown PLOVER type(s) {', '.join(sorted(unknown))}")
    return types


def _by_type(data: dict[str, Any], key: str, cameo: dict[str, CameoEntry]) -> dict[str, str]:
    """A table of verbs.yaml keyed by PLOVER type (implied_sources), its types checked against the
    CAMEO table's."""
    table = {str(k): str(v) for k, v in (data.get(key) or {}).items()}
    known = {e.plover_type for e in cameo.values() if e.plover_type}
    unknown = set(table) - known
    if unknown:
        raise LexiconError(f"verbs.yaml: {key}: unknown PLOVER type(s) {', '.join(sorted(unknown))}")
    return table


def _recodes(data: dict[str, Any], key: str, cameo: dict[str, CameoEntry]) -> dict[str, str]:
    """A table of verbs.yaml from CAMEO code to CAMEO code (riots), both checked against the CAMEO table."""
    table = {str(k): str(v) for k, v in (data.get(key) or {}).items()}
    unknown = {c for pair in table.items() for c in pair if c not in cameo}
    if unknown:
        raise LexiconError(f"verbs.yaml: {key}: CAMEO code(s) {', '.join(sorted(unknown))} not in cameo.yaml")
    return table


def _load_cameo(data: Any) -> dict[str, CameoEntry]:
    out = {}
    for code, row in (data or {}).get("codes", {}).items():
        if not (isinstance(row, list) and len(row) == 5):
            raise LexiconError(f"cameo.yaml: {code}: expected [type, mode, [contexts], goldstein, description]")
        ptype, mode, context, goldstein, description = row
        out[str(code)] = CameoEntry(str(code), ptype, mode, tuple(context or ()), float(goldstein), str(description))
    return out


def _sense(raw: Any, where: str, groups: dict[str, list[str]], cameo: dict[str, CameoEntry],
           complements: dict[str, dict[str, str]]) -> Sense:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: a sense must be a mapping like {{cameo: \"040\"}}")
    unknown = set(raw) - _SENSE_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    code = raw.get("cameo")
    if code is not None and str(code) not in cameo:
        raise LexiconError(f"{where}: CAMEO code {code!r} is not in cameo.yaml")
    if raw.get("absorb") is not None and raw["absorb"] not in complements:
        raise LexiconError(f"{where}: absorb {raw['absorb']!r} is not one of {', '.join(complements)}")
    if code is None and not raw.get("skip"):
        raise LexiconError(f"{where}: a sense needs a cameo code or skip: true")
    for key in ("object", "subject", "prep", "particle", "governs"):
        odd = [w for w in raw.get(key) or [] if not isinstance(w, str)]
        if odd:  # YAML reads a bare on, off, yes or no as true or false
            raise LexiconError(f"{where}: {key} {odd[0]!r} is not a word: quote it (\"on\", \"off\")")
    def word_sets(key: str) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(expanded.lower().split()) for word in raw.get(key) or []
                     for expanded in groups.get(str(word), [str(word)]))

    return Sense(
        where=where,
        cameo=str(code) if code is not None else None,
        objects=word_sets("object"),
        subjects=word_sets("subject"),
        preps=frozenset(str(p).lower() for p in raw.get("prep") or []),
        particles=frozenset(str(p).lower() for p in raw.get("particle") or []),
        passive=raw.get("passive"),
        absorb=raw.get("absorb"),
        target=raw.get("target"),
        skip=bool(raw.get("skip")),
        need_complement=bool(raw.get("need_complement")),
        complement=raw.get("complement"),
        clause=bool(raw.get("clause")),
        stative=bool(raw.get("stative")),
        swap=bool(raw.get("swap")),
        transitive=raw.get("transitive"),
        governs=word_sets("governs"),
        question=bool(raw.get("question")),
        need_event=bool(raw.get("need_event")),
        state=bool(raw.get("state")),
    )
