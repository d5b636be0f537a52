"""Who did what to whom, read off the dependency parse.

For every trigger (a verb or event noun in the lexicon) the first sense whose conditions fit
gives a CAMEO code. The source is the subject (or the "by" agent of a passive, or the subject
inherited from a governing verb); the recipient is the object of the sense's preposition, or
the direct object, or the subject of a governed clause ("demanded that the government ..."), or
a possessor ("request Russia's assistance"), or the host country named by "in <capital>" for a
visiting actor's talks and requests. A verb that governs another action ("agreed to withdraw",
"demanded that X leave", "threatened to strike") absorbs it and takes its code from the
complements table; a future or intended action becomes an intent (AGREE) or a threat
(THREATEN), as CAMEO and PLOVER code them; "X said Y must ..." is X's demand on Y.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.code.actors import ActorContext, resolve
from eventwire.code.status import cues
from eventwire.code.triggers import CameoEntry, Sense, TriggerLexicon
from eventwire.model import Actor

_PLACE_PATH = "target: the country where it happens"
_DEFAULT_TARGET_PREPS = ("to", "against", "on", "with", "at", "into", "from", "toward", "towards", "upon", "over",
                         "between", "among")
# "in protest against X", "in defiance of X": the recipient of a protest hides in these nouns
_STANCE_NOUNS = frozenset({"protest", "defiance", "response", "opposition", "retaliation", "solidarity"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
_OBLIGATION_AUX = frozenset({"must", "should"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "acomp"})
_HOST_TYPES = frozenset({"REQUEST", "CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
_HAPPENING = frozenset({"erupt", "break", "continue", "occur", "take", "begin", "intensify", "escalate", "rage",
                        "resume", "flare", "start", "spread", "expand", "end", "follow", "come"})
# words after which an action is intended rather than done: "prepared to", "plans to", "committed to"
_INTENT_HEADS = frozenset({"prepared", "prepare", "ready", "willing", "committed", "commit", "determined", "plan",
                           "intend", "going", "set", "expect", "hope", "want", "wish", "aim", "seek", "keen",
                           "eager", "poised", "mull", "consider", "threaten", "vow", "promise", "pledge", "agree",
                           "offer", "refuse", "decline", "ask", "urge", "demand", "call"})
_MEASURES = frozenset({"day", "week", "month", "year", "series", "round", "wave", "number", "hour", "kind", "set"})
_ENGAGE = frozenset({"engage", "involve", "participate", "take"})


def lemma_keys(token: Token) -> tuple[str, ...]:
    """The lemma, and base forms guessed from the word itself (the lemmatizer reads "staged"
    as "stag"): a lexicon lookup tries each in turn."""
    lower = token.lower_
    keys = [token.lemma_.lower(), lower]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                                ("ing", ""), ("ing", "e")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            keys.append(stem + replacement)
            if not replacement and len(stem) > 3 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "expelling" → "expel"
    return tuple(dict.fromkeys(keys))


def lookup(table: dict[str, list[Sense]], token: Token) -> tuple[str, list[Sense]] | None:
    for key in lemma_keys(token):
        if key in table:
            return key, table[key]
    return None


@dataclass(slots=True)
class Found:
    """One mention of an event, before mentions of the same event are merged."""

    entry: CameoEntry
    source: Actor | None
    target: Actor | None
    trigger: Token
    sentence: Span
    sense: Sense
    path: str
    anchor: Token  # the verb whose clause carries tense, negation and attribution
    complement: Token | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Unmatched:
    token: Token
    reason: str


class ClauseCoder:
    def __init__(self, doc: Doc, ctx: ActorContext, lexicon: TriggerLexicon) -> None:
        self.doc = doc
        self.ctx = ctx
        self.lex = lexicon
        self.consumed: set[int] = set()
        self.found: list[Found] = []
        self.unmatched: list[Unmatched] = []

    # ------------------------------------------------------------------ driving
    def run(self) -> list[Found]:
        for sentence in self.doc.sents:
            verbs = [t for t in sentence if (t.pos_ in ("VERB", "AUX") or t.tag_ == "VBG" or t.dep_ == "pcomp")
                     and lookup(self.lex.verbs, t)]  # gerunds too, even when tagged as nouns
            nouns = [t for t in sentence if t.pos_ in ("NOUN", "PROPN") and lookup(self.lex.nouns, t)]
            for token in verbs:
                if token.i not in self.consumed:
                    self._code_verb(token, sentence)
            for token in nouns:
                if token.i not in self.consumed:
                    self._code_noun(token, sentence)
            for token in sentence:
                if token.pos_ == "VERB" and not lookup(self.lex.verbs, token) and token.i not in self.consumed:
                    self.unmatched.append(Unmatched(token, f"no lexicon entry for the verb {token.lemma_!r}"))
        return self.found

    # ------------------------------------------------------------------ verbs
    def _code_verb(self, verb: Token, sentence: Span) -> None:
        lemma, senses = lookup(self.lex.verbs, verb)
        if verb.pos_ == "AUX" and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
            return
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "nsubj", "nsubjpass", "auxpass") for c in verb.children):
            self.unmatched.append(Unmatched(verb, "a participle describing a noun (background, not an event)"))
            return
        sense = self._sense(senses, verb)
        if sense is None:
            self.unmatched.append(Unmatched(verb, f"no sense of {lemma!r} fits its object or prepositions"))
            return
        if sense.skip:
            self.unmatched.append(Unmatched(verb, f"{sense.where} says this use codes nothing"))
            return
        if sense.objects:
            for obj in _objects(verb):
                self.consumed.add(obj.i)
        code, complement, comp_target = sense.cameo, None, None
        if sense.absorb:
            complement = _complement(verb, infinitive_only=sense.complement == "infinitive")
            if complement is not None and _not_governed(verb, complement, sense.absorb, self.ctx):
                # "warned that China might ...", "asked whether Iran would ...": a report or a
                # question about someone else's action, which is coded on its own
                self.unmatched.append(Unmatched(verb, f"{sense.where}: reports or asks about another's action"))
                return
            comp_type = None
            if complement is not None:
                comp_type, comp_target = self._complement_meaning(complement)
            if complement is None and sense.need_complement:
                self.unmatched.append(Unmatched(verb, f"{sense.where} needs a complement (\"to ...\", \"that ...\")"))
                return
            kind = sense.absorb
            if kind == "intent" and self.lex.future.get(comp_type or "") == "threat":
                kind = "threat"  # "promised to strike back" is a threat
            code = self.lex.governed_code(kind, comp_type) if comp_type else sense.cameo
        else:
            code = self._recode(code, verb)
        if code is None or self.lex.entry(code).plover_type is None:
            return
        reporters = self._obligation(verb)
        sources, source_path = self._sources(verb, sense)
        targets, target_path = self._targets(verb, sense, self.lex.entry(code), comp_target, complement)
        if reporters:  # "Straw said the government must reach an agreement": Straw's demand on it
            code = self.lex.governed_code("request", self.lex.type_of(code))
            targets, sources = sources, reporters
            source_path, target_path = "source: the speaker who says it must happen", "target: who must act"
        sources, targets = (targets, sources) if sense.swap else (sources, targets)
        targets, target_path = _not_at_home(sources, targets, target_path)
        targets, target_path = self._implied(code, sources, targets, target_path, verb)
        code = self._armed_forces(code, sources)
        self._emit(self.lex.entry(code), sources, targets, verb, sentence, sense, f"{source_path}; {target_path}",
                   verb, complement)

    def _complement_meaning(self, complement: Token) -> tuple[str | None, list[Actor] | None]:
        """The PLOVER type of the action a governing verb governs, and that action's recipient."""
        self.consumed.add(complement.i)
        noun = complement.pos_ in ("NOUN", "PROPN")
        for obj in _objects(complement):
            if lookup(self.lex.nouns, obj):
                self.consumed.add(obj.i)
        found = lookup(self.lex.nouns if noun else self.lex.verbs, complement)
        sense = self._sense(found[1], complement) if found else None
        if (sense is None or sense.skip) and not noun:
            for obj in _objects(complement):  # "agreed to hold talks": the light verb's object
                hit = lookup(self.lex.nouns, obj)
                if hit:
                    sense = self._sense(hit[1], obj)
                    break
        if sense is None or sense.skip or sense.cameo is None:
            targets, _ = self._targets(complement, sense or Sense(where=""), None, None, None, noun_trigger=noun)
            return None, targets or None
        if sense.absorb:  # "agreed to allow ...", "urged X to agree to ...": the inner action
            inner = _complement(complement)
            if inner is not None and inner.i not in self.consumed:
                inner_type, inner_targets = self._complement_meaning(inner)
                if inner_type:
                    return inner_type, inner_targets
        entry = self.lex.entry(sense.cameo)
        targets, _ = self._targets(complement, sense, entry, None, None, noun_trigger=noun)
        return entry.plover_type, targets or None

    def _recode(self, code: str | None, verb: Token) -> str | None:
        """A future, intended or conditional action is an intent (AGREE) or a threat (THREATEN)."""
        ptype = self.lex.type_of(code)
        if ptype is None:
            return code
        condition = _condition(verb)
        if condition == "unless":
            return self.lex.governed_code("threat", ptype)  # "will withdraw unless ...": an ultimatum
        if not _intended(verb) and condition != "if":
            return code
        kind = self.lex.future.get(ptype)
        return code if kind is None else self.lex.governed_code(kind, ptype)

    def _implied(self, code: str, sources: list[Actor], targets: list[Actor], path: str,
                 verb: Token) -> tuple[list[Actor], str]:
        """A recipient the sentence implies: who must comply for a threat to be lifted ("...
        unless Israel rescinds"), or, for domestic acts (a protest, a curfew, a concession),
        the actor's own country."""
        if targets or not sources:
            return targets, path
        ptype = self.lex.type_of(code)
        if ptype == "THREATEN":
            complement = _complement(verb)
            clauses = [*verb.children, *(complement.children if complement is not None else [])]
            for clause in clauses:
                if clause.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in clause.children):
                    for child in clause.children:
                        if child.dep_ in ("nsubj", "nsubjpass"):
                            actors = resolve(child, self.ctx, remember=False)
                            if actors:
                                return actors, f"target: subject {child.text!r} of the condition"
        if ptype in self.lex.domestic and sources[0].country and not (sources[0].code or "").startswith("IGO"):
            country = sources[0].country
            return [Actor(text="", start=verb.idx, end=verb.idx, name=None, country=country, sector=None,
                          code=country)], f"target: implied, the source's own country ({ptype} at home)"
        return targets, path

    def _armed_forces(self, code: str, sources: list[Actor]) -> str:
        """Killing by a state's armed forces is the use of military force (FIGHT), not an assault."""
        recoded = self.lex.armed_forces.get(code)
        if recoded and sources and all(a.sector == "MIL" for a in sources):
            return recoded
        return code

    def _obligation(self, verb: Token) -> list[Actor]:
        """The speaker of "X said (that) Y must/should ...", if X is not Y; else nothing."""
        if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in verb.children):
            return []
        if verb.dep_ != "ccomp" or not lookup_reporting(verb.head):
            return []
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                speakers = resolve(child, self.ctx, remember=False)
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                said_of = resolve(subjects[0], self.ctx, remember=False) if subjects else []
                if speakers and said_of and {a.code for a in speakers} != {a.code for a in said_of}:
                    return speakers
        return []

    # ------------------------------------------------------------------ nouns
    def _code_noun(self, noun: Token, sentence: Span) -> None:
        lemma, senses = lookup(self.lex.nouns, noun)
        anchor = self._light_verb(noun)
        happening = noun.dep_ == "nsubj" and lemma_keys(noun.head)[0] in _HAPPENING
        owned = any(c.dep_ == "poss" for c in noun.children) or any(  # "the visit of X to Y"
            c.dep_ == "prep" and c.lower_ in ("by", "of") and any(
                resolve(p, self.ctx, remember=False) for p in c.children if p.dep_ == "pobj")
            for c in noun.children)
        if anchor is None and not (happening or owned):
            self.unmatched.append(Unmatched(noun, f"the noun {lemma!r} is not the object of a light verb, "
                                                  "nor has an actor of its own"))
            return
        sense = self._sense(senses, noun)
        if sense is None or sense.skip or sense.cameo is None:
            return
        code = sense.cameo
        if anchor is not None:
            code = self._recode(code, anchor)
            sources, source_path = self._sources(anchor, sense)
        else:
            sources, source_path = self._noun_sources(noun)
        entry = self.lex.entry(code)
        if entry.plover_type is None:
            return
        targets, target_path = self._targets(noun, sense, entry, None, None, noun_trigger=True)
        if anchor is not None and not targets:
            targets, target_path = self._targets(anchor, sense, entry, None, None, skip_object=True)
        reporters = self._obligation(anchor) if anchor is not None else []
        if reporters:
            code = self.lex.governed_code("request", entry.plover_type)
            targets, sources = sources, reporters
            source_path, target_path = "source: the speaker who says it must happen", "target: who must act"
        targets, target_path = _not_at_home(sources, targets, target_path)
        targets, target_path = self._implied(code, sources, targets, target_path, anchor or noun)
        code = self._armed_forces(code, sources)
        self._emit(self.lex.entry(code), sources, targets, noun, sentence, sense, f"{source_path}; {target_path}",
                   anchor if anchor is not None else noun, None)

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb that makes an event of this noun: "held talks", "launched a mediation
        effort", "began 10 days of war games", "engaged in ethnic cleansing"."""
        head = noun.head
        if noun.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
            noun, head = head, head.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MEASURES:
            noun, head = head.head, head.head.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and any(k in self.lex.light_verbs for k in lemma_keys(head)):
            return head
        if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in _ENGAGE:
            return head.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in cues().denial:
            return head  # "Israel denied the attack": the denier denies its own act
        return None

    def _noun_sources(self, noun: Token) -> tuple[list[Actor], str]:
        for child in noun.children:
            if child.dep_ == "poss":
                actors = resolve(child, self.ctx)
                if actors:
                    return actors, f"source: possessor {child.text!r}"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actors = resolve(pobj, self.ctx)
                        if actors:
                            return actors, f"source: '{child.text} {pobj.text}'"
        for child in noun.children:
            clue = self.ctx.clue(child)
            if child.dep_ in ("amod", "compound") and clue is not None and clue.kind in ("demonym", "country", "named"):
                actors = resolve(child, self.ctx)
                if actors:
                    return actors, f"source: modifier {child.text!r}"
        return [], "source: none found"

    # ------------------------------------------------------------------ senses
    def _sense(self, senses: list[Sense], token: Token) -> Sense | None:
        objects = None
        for sense in senses:
            if sense.passive is not None and _is_passive(token) != sense.passive:
                continue
            if sense.particles and not any(
                    c.dep_ in ("prt", "advmod") and c.lower_ in sense.particles for c in token.children):
                continue
            if sense.preps and not _preps(token) & sense.preps:
                continue
            if sense.clause and not any(c.dep_ == "ccomp" for c in token.children):
                continue
            if sense.subjects:
                words = {w for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for w in _phrase_words(c)}
                if not any(s <= words for s in sense.subjects):
                    continue
            if sense.objects:
                if objects is None:
                    objects = _object_words(token)
                if not any(words <= objects for words in sense.objects):
                    continue
            return sense
        return None

    # ------------------------------------------------------------------ actors
    def _sources(self, verb: Token, sense: Sense) -> tuple[list[Actor], str]:
        if sense.stative and _is_passive(verb):  # "Israel is opposed to ...": the subject acts
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    return resolve(child, self.ctx), f"source: subject {child.text!r} of a stative passive"
        accused = _accused(verb)
        if accused is not None:  # "accused Kenya of supporting them": Kenya is said to support
            return resolve(accused, self.ctx), f"source: {accused.text!r}, accused of it"
        seen = 0
        current = verb
        path: list[str] = []
        while current is not None and seen < 6:
            seen += 1
            if _is_passive(current):
                if current != verb and path and path[-1].startswith("xcomp"):
                    for child in current.children:  # "are expected to sign": the raised subject
                        if child.dep_ == "nsubjpass":
                            return resolve(child, self.ctx), "source: " + " > ".join(
                                [*path, f"subject {child.text!r} of {current.text!r}"])
                for child in current.children:
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                actors = resolve(pobj, self.ctx)
                                if actors:
                                    return actors, "source: " + " > ".join([*path, f"by {pobj.text!r}"])
                if current == verb:
                    return [], "source: passive with no 'by' agent"
            else:
                for child in current.children:
                    if child.dep_ in _SUBJECT_DEPS:
                        actors = resolve(child, self.ctx)
                        label = f"subject {child.text!r}" + (f" of {current.text!r}" if current != verb else "")
                        return actors, "source: " + " > ".join([*path, label])
                if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                    actors = resolve(current.head, self.ctx)
                    return actors, "source: " + " > ".join([*path, f"noun {current.head.text!r}"])
            if current.pos_ in ("NOUN", "PROPN"):  # "the campaign to push back IS": whose campaign
                noun_actors, label = self._noun_sources(current)
                if noun_actors:
                    return noun_actors, label
            if current.dep_ not in _INHERITING_DEPS or current.head == current:
                break
            path.append(f"{current.dep_} of {current.head.text!r}")
            current = current.head
        return [], "source: none found"

    def _targets(self, trigger: Token, sense: Sense, entry: CameoEntry | None,
                 comp_target: list[Actor] | None, complement: Token | None,
                 noun_trigger: bool = False, skip_object: bool = False) -> tuple[list[Actor], str]:
        if sense.target == "none":
            return [], "target: none by the lexicon"
        if _is_passive(trigger) and not noun_trigger and not sense.stative:
            for child in trigger.children:
                if child.dep_ == "nsubjpass":
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: passive subject {child.text!r}"
        objects = [] if (noun_trigger or skip_object) else [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        holders = [trigger, *objects]
        holders += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
                    for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in _STANCE_NOUNS]
        if noun_trigger:  # "suspension of air links with Serbia": the noun's 'of' phrase holds it too
            holders += [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
        named = sense.target[5:].split(",") if sense.target and sense.target.startswith("prep:") else []
        found = self._prep_target(holders, named)
        if found:
            return found
        for obj in objects:
            actors = resolve(obj, self.ctx)
            if actors:
                return actors, f"target: object {obj.text!r}"
        clause = complement if complement is not None else next(
            (c for c in trigger.children if c.dep_ in ("ccomp", "xcomp") and not noun_trigger), None)
        if clause is not None:
            for child in clause.children:  # "demanded that the government provide ...", "allowed X to ..."
                if child.dep_ in ("nsubj", "nsubjpass"):
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: subject {child.text!r} of the governed clause"
        if comp_target:
            return comp_target, "target: the governed action's recipient"
        if not named:
            found = self._prep_target(holders, list(_DEFAULT_TARGET_PREPS))
            if found:
                return found
        for obj in objects:
            for child in obj.children:
                if child.dep_ == "poss":
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: possessor {child.text!r} of the object"
        if entry is not None:
            # talks or requests "in Moscow": the host; attacks or curfews "in the West Bank": the place
            climb = entry.plover_type in _HOST_TYPES
            for holder in [trigger, *objects, *([complement] if complement is not None else [])]:
                host = self._host(holder, climb)
                if host is not None:
                    return [host], f"{_PLACE_PATH}, '{host.text}'"
        return [], "target: none found"

    def _prep_target(self, holders: list[Token], preps: list[str]) -> tuple[list[Actor], str] | None:
        for prep_word in preps:
            for holder in holders:
                for child in holder.children:
                    if child.dep_ in ("prep", "dative") and child.lower_ == prep_word:
                        for pobj in _prep_objects(child):
                            actors = resolve(pobj, self.ctx)
                            if actors:
                                return actors, f"target: '{child.text} {pobj.text}'"
        return None

    def _host(self, trigger: Token, climb: bool) -> Actor | None:
        """The country named by an 'in'/'to' phrase of the clause ("was in Moscow to request
        weapons", "imposed a curfew in the town of Cizre in southeastern Turkey")."""
        current, steps = trigger, 0
        while steps < 4:
            for child in current.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "to", "into", "inside", "across"):
                    for token in child.subtree:
                        clue = self.ctx.clue(token)
                        if clue is not None and clue.kind in ("capital", "country") and token.i in self.ctx.clues:
                            start, end, _ = self.ctx.clues[token.i]
                            span = self.doc[start:end]
                            return Actor(text=span.text, start=span.start_char, end=span.end_char, name=clue.name,
                                         country=clue.country, sector=None, code=clue.country)
            if not climb or current.head == current or current.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "acl"):
                return None
            current, steps = current.head, steps + 1
        return None

    # ------------------------------------------------------------------ output
    def _emit(self, entry: CameoEntry, sources: list[Actor], targets: list[Actor], trigger: Token,
              sentence: Span, sense: Sense, path: str, anchor: Token, complement: Token | None) -> None:
        if not sources and not targets:
            self.unmatched.append(Unmatched(trigger, f"{sense.where} matched but no actor was found ({path})"))
            return
        for source in sources or [None]:
            for target in targets or [None]:
                if source is not None and target is not None and _same_actor(source, target):
                    continue
                self.found.append(Found(entry, source, target, trigger, sentence, sense, path, anchor, complement))


def _not_governed(verb: Token, complement: Token, kind: str, ctx: ActorContext) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in complement.children):
        return True
    if kind != "threat" or complement.dep_ != "ccomp":
        return False
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    other = [c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not other or other[0].pos_ == "PRON":
        return False  # "warned it would retaliate": the speaker's own threat
    speaker = resolve(own[0], ctx, remember=False) if own else []
    actor = resolve(other[0], ctx, remember=False)
    return not speaker or not actor or {a.code for a in speaker} != {a.code for a in actor}


def _not_at_home(sources: list[Actor], targets: list[Actor], path: str) -> tuple[list[Actor], str]:
    """A place in the actor's own country is where it acts, not whom it acts on."""
    if path.startswith(_PLACE_PATH) and sources and targets and all(s.country == targets[0].country for s in sources):
        return [], "target: none (the place is in the actor's own country)"
    return targets, path


def lookup_reporting(verb: Token) -> bool:
    return any(k in cues().reporting for k in lemma_keys(verb))


def _same_actor(a: Actor, b: Actor) -> bool:
    """The same words, or the same named actor: no one is their own recipient."""
    return (a.start == b.start and a.end == b.end) or (a.name is not None and a.name == b.name)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _intended(verb: Token) -> bool:
    """Will happen or is meant to: "will send", "is prepared to impose", "committed to opening"."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "to":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.lemma_.lower() in _INTENT_HEADS or head.lower_ in _INTENT_HEADS


_ACCUSING = frozenset({"accuse", "charge", "blame", "suspect", "convict", "criticize", "criticise", "condemn",
                       "denounce", "indict", "sue", "fault"})


def _accused(verb: Token) -> Token | None:
    """The object of "accuse X of doing": the one said to do it."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for"):
        holder = verb.head.head
        if holder.dep_ in ("dobj", "nsubjpass") and holder.head.lemma_.lower() in _ACCUSING:
            return holder  # "accused [the rebels of attacking]"
        if holder.lemma_.lower() in _ACCUSING:
            for child in holder.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    return child
    return None


def accusation_content(verb: Token) -> bool:
    """Is this the act someone is accused of ("accused Kenya of supporting ...")?"""
    return _accused(verb) is not None


def _prep_objects(prep: Token) -> list[Token]:
    """A preposition's object; when the parser hung it elsewhere ("granted asylum to officers
    holed up ...", with "officers" made a subject), the noun phrase right after it."""
    found = [c for c in prep.children if c.dep_ == "pobj"]
    if found:
        return found
    doc = prep.doc
    for i in range(prep.i + 1, min(prep.i + 8, len(doc))):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and token.dep_ not in ("amod", "compound"):
            break
        if token.pos_ in ("NOUN", "PROPN") and not (prep.i < token.head.i <= i + 8 and token.head.i > i):
            return [token]
    return []


def _condition(verb: Token) -> str | None:
    """ "unless" or "if" when the action hangs on a condition ("will strike if ...")."""
    for clause in verb.children:
        if clause.dep_ == "advcl":
            for mark in clause.children:
                if mark.dep_ == "mark" and mark.lower_ in ("unless", "if"):
                    return mark.lower_
    return None


def _preps(token: Token) -> set[str]:
    found = {c.lower_ for c in token.children if c.dep_ in ("prep", "agent", "dative")}
    for child in token.children:
        if child.dep_ in ("dobj", "xcomp", "acomp"):
            found.update(c.lower_ for c in child.children if c.dep_ == "prep")
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):  # "phone call"
        found.add(token.head.lemma_.lower())
    return found


def _objects(token: Token) -> list[Token]:
    direct = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    out = []
    for obj in direct:
        out.append(obj)
        out.extend(c for c in obj.children if c.dep_ == "conj")
    return out


def _phrase_words(head: Token) -> set[str]:
    return {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}


def _object_words(token: Token) -> set[str]:
    """Lemmas of the trigger's object phrase (or, for a noun, of its own modifiers and 'for'
    phrase), used by sense conditions like {object: [weapon]}."""
    words: set[str] = set()
    if token.pos_ in ("NOUN", "PROPN"):
        heads = [token]
    else:  # the object, or the prepositions' objects; "asked Russia for weapons": both
        preps = [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        direct = _objects(token)
        heads = direct + [p for p in preps if p.head.lower_ == "for"] if direct else preps
    for head in heads:
        words.add(head.lemma_.lower())
        words.add(head.lower_)
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "conj"):
                words.add(child.lemma_.lower())
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "on"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        words.add(pobj.lemma_.lower())
                        words.update(c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod", "conj"))
    return words


def _complement(verb: Token, infinitive_only: bool = False) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            if infinitive_only and not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                continue
            return child
    for child in verb.children:  # "called for sanctions", "asked for weapons", "pressed for talks"
        if child.dep_ == "prep" and child.lower_ in ("for", "to"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    return pobj
    for child in verb.children:  # "urged the EU to give ...": the clause hangs off the object
        if child.dep_ == "dobj":
            for grand in child.children:
                if grand.dep_ in ("acl", "relcl", "xcomp") and grand.pos_ == "VERB" and grand.i > child.i:
                    return grand
    return None
