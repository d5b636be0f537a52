"""Who did what to whom, read off the dependency parse.

For every trigger (a verb or event noun in the lexicon) the first sense whose conditions fit
gives a CAMEO code. The source is the subject (or the "by" agent of a passive, or the subject
inherited from a governing verb); the recipient is the direct object, or the object of the
sense's preposition, or a possessor ("request Russia's assistance"), or the host country named
by "in <capital>" for a visiting actor's talk and requests. A verb that governs another action
("agreed to withdraw", "demanded that X leave", "threatened to strike") absorbs it and takes
its code from the complements table; a future action becomes an intent (AGREE) or a threat
(THREATEN), as CAMEO and PLOVER code them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.code.actors import ActorContext, resolve
from eventwire.code.triggers import CameoEntry, Sense, TriggerLexicon
from eventwire.model import Actor

_DEFAULT_TARGET_PREPS = ("to", "against", "on", "with", "at", "into", "from", "toward", "towards", "upon", "over")
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj"})
_HOST_TYPES = frozenset({"REQUEST", "CONSULT", "AGREE", "SUPPORT", "COOPERATE"})
_HAPPENING = frozenset({"erupt", "break", "continue", "occur", "take", "begin", "intensify", "escalate", "rage",
                        "resume", "flare", "start", "spread", "expand", "end", "follow", "come"})


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
            verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.lex.verbs]
            nouns = [t for t in sentence if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.lex.nouns]
            for token in verbs:
                if token.i not in self.consumed:
                    self._code_verb(token, sentence)
            for token in nouns:
                if token.i not in self.consumed:
                    self._code_noun(token, sentence)
            for token in sentence:
                if token.pos_ == "VERB" and token.lemma_.lower() not in self.lex.verbs and token.i not in self.consumed:
                    self.unmatched.append(Unmatched(token, f"no lexicon entry for the verb {token.lemma_!r}"))
        return self.found

    # ------------------------------------------------------------------ verbs
    def _code_verb(self, verb: Token, sentence: Span) -> None:
        lemma = verb.lemma_.lower()
        if verb.pos_ == "AUX" and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
            return
        sense = self._sense(self.lex.verbs[lemma], verb)
        if sense is None:
            self.unmatched.append(Unmatched(verb, f"no sense of {lemma!r} fits its object or prepositions"))
            return
        if sense.skip:
            self.unmatched.append(Unmatched(verb, f"{sense.where} says this use codes nothing"))
            self._light_verb_object(verb)
            return
        if sense.objects:
            for obj in _objects(verb):
                self.consumed.add(obj.i)
        code, complement, comp_target = sense.cameo, None, None
        if sense.absorb:
            complement = _complement(verb, infinitive_only=sense.complement == "infinitive")
            comp_type, comp_target = None, None
            if complement is not None:
                comp_type, comp_target = self._complement_meaning(complement)
            if complement is None and sense.need_complement:
                self.unmatched.append(Unmatched(verb, f"{sense.where} needs a complement (\"to ...\", \"that ...\")"))
                return
            table = self.lex.complements[sense.absorb]
            code = table.get(comp_type or "", table["default"]) if comp_type else sense.cameo
        elif _is_future(verb):
            code = self._future_code(code)
        if code is None:
            return
        entry = self.lex.entry(code)
        if entry.plover_type is None:
            return
        sources, source_path = self._sources(verb)
        targets, target_path = self._targets(verb, sense, entry, comp_target, complement)
        self._emit(entry, sources, targets, verb, sentence, sense, f"{source_path}; {target_path}", verb, complement)

    def _light_verb_object(self, verb: Token) -> None:
        """A skipped light-verb sense still lets its object noun be coded as an event."""

    def _complement_meaning(self, complement: Token) -> tuple[str | None, list[Actor] | None]:
        """The PLOVER type of the action a governing verb governs, and that action's recipient."""
        self.consumed.add(complement.i)
        for obj in _objects(complement):
            if obj.lemma_.lower() in self.lex.nouns:
                self.consumed.add(obj.i)
        lemma = complement.lemma_.lower()
        sense: Sense | None = None
        table = self.lex.nouns if complement.pos_ in ("NOUN", "PROPN") else self.lex.verbs
        if lemma in table:
            sense = self._sense(table[lemma], complement)
        if (sense is None or sense.skip) and complement.pos_ not in ("NOUN", "PROPN"):
            for obj in _objects(complement):  # "agreed to hold talks": the light verb's object
                if obj.lemma_.lower() in self.lex.nouns:
                    sense = self._sense(self.lex.nouns[obj.lemma_.lower()], obj)
                    break
        if sense is None or sense.skip or sense.cameo is None:
            targets, _ = self._targets(complement, sense or Sense(where=""), None, None, None)
            return None, targets or None
        if sense.absorb:  # "agreed to allow ...", "urged X to agree to ...": the inner action
            inner = _complement(complement)
            if inner is not None and inner.i not in self.consumed:
                inner_type, inner_targets = self._complement_meaning(inner)
                if inner_type:
                    return inner_type, inner_targets
        entry = self.lex.entry(sense.cameo)
        targets, _ = self._targets(complement, sense, entry, None, None)
        return entry.plover_type, targets or None

    def _future_code(self, code: str | None) -> str | None:
        ptype = self.lex.type_of(code)
        kind = self.lex.future.get(ptype or "")
        if kind is None:
            return code
        table = self.lex.complements[kind]
        return table.get(ptype or "", table["default"])

    # ------------------------------------------------------------------ nouns
    def _code_noun(self, noun: Token, sentence: Span) -> None:
        lemma = noun.lemma_.lower()
        head = noun.head
        light = noun.dep_ in ("dobj", "nsubjpass", "attr") and head.lemma_.lower() in self.lex.light_verbs
        happening = noun.dep_ == "nsubj" and head.lemma_.lower() in _HAPPENING
        owned = any(c.dep_ == "poss" for c in noun.children) or any(
            c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)
        via_for = noun.dep_ == "pobj" and head.lower_ in ("for",) and head.head.lemma_.lower() in (
            "call", "ask", "appeal", "press", "push", "plead")
        if not (light or happening or owned):
            if not via_for:
                self.unmatched.append(Unmatched(noun, f"the noun {lemma!r} is not the object of a light verb, "
                                                      "nor has an actor of its own"))
            return
        sense = self._sense(self.lex.nouns[lemma], noun)
        if sense is None or sense.skip or sense.cameo is None:
            return
        code = sense.cameo
        anchor = head if light else noun
        if light and _is_future(head):
            code = self._future_code(code)
        entry = self.lex.entry(code)
        if entry.plover_type is None:
            return
        if light:
            sources, source_path = self._sources(head)
        else:
            sources, source_path = self._noun_sources(noun)
        targets, target_path = self._targets(noun, sense, entry, None, None, noun_trigger=True)
        if light and not targets:
            targets, target_path = self._targets(head, sense, entry, None, None, skip_object=True)
        self._emit(entry, sources, targets, noun, sentence, sense, f"{source_path}; {target_path}", anchor, None)

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
            if child.dep_ in ("amod", "compound") and self.ctx.clue(child) is not None:
                clue = self.ctx.clue(child)
                if clue.kind in ("demonym", "country", "named"):
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
            if sense.objects:
                if objects is None:
                    objects = _object_words(token)
                if not any(words <= objects for words in sense.objects):
                    continue
            return sense
        return None

    # ------------------------------------------------------------------ actors
    def _sources(self, verb: Token) -> tuple[list[Actor], str]:
        seen = 0
        current = verb
        path = []
        while current is not None and seen < 6:
            seen += 1
            if _is_passive(current):
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
        if _is_passive(trigger) and not noun_trigger:
            for child in trigger.children:
                if child.dep_ == "nsubjpass":
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: passive subject {child.text!r}"
        objects = [] if (noun_trigger or skip_object) else [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        for obj in objects:
            actors = resolve(obj, self.ctx)
            if actors:
                return actors, f"target: object {obj.text!r}"
        if complement is not None and sense.absorb in ("request", "appeal"):
            for child in complement.children:  # "demanded that the government provide ..."
                if child.dep_ in ("nsubj", "nsubjpass"):
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: subject {child.text!r} of the demanded action"
        if comp_target:
            return comp_target, "target: the governed action's recipient"
        # a sense that names its preposition ("meet with") looks only there
        wanted = [sense.target[5:]] if sense.target and sense.target.startswith("prep:") else list(
            _DEFAULT_TARGET_PREPS)
        holders = [trigger, *objects]
        for prep_word in wanted:
            for holder in holders:
                for child in holder.children:
                    if child.dep_ == "prep" and child.lower_ == prep_word:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                actors = resolve(pobj, self.ctx)
                                if actors:
                                    return actors, f"target: '{child.text} {pobj.text}'"
        for obj in objects:
            for child in obj.children:
                if child.dep_ == "poss":
                    actors = resolve(child, self.ctx)
                    if actors:
                        return actors, f"target: possessor {child.text!r} of the object"
        if entry is not None and entry.plover_type in _HOST_TYPES:
            host = self._host(trigger)
            if host is not None:
                return [host], f"target: host country of '{host.text}'"
        return [], "target: none found"

    def _host(self, trigger: Token) -> Actor | None:
        """'was in Moscow to request weapons': the country the actor is visiting."""
        current, steps = trigger, 0
        while steps < 4:
            for child in current.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "to"):
                    for pobj in child.children:
                        clue = self.ctx.clue(pobj)
                        if pobj.dep_ == "pobj" and clue is not None and clue.kind in ("capital", "country"):
                            text = self.doc[self.ctx.clues[pobj.i][0]: self.ctx.clues[pobj.i][1]]
                            return Actor(text=text.text, start=text.start_char, end=text.end_char, name=clue.name,
                                         country=clue.country, sector=None, code=clue.country)
            if current.head == current or current.dep_ not in ("advcl", "xcomp", "conj", "ccomp", "acl"):
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


def _same_actor(a: Actor, b: Actor) -> bool:
    """The same words, or the same named actor: no one is their own recipient."""
    return (a.start == b.start and a.end == b.end) or (a.name is not None and a.name == b.name)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def _is_future(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUX for child in verb.children)


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


def _object_words(token: Token) -> set[str]:
    """Lemmas of the trigger's object phrase (or, for a noun, of its own modifiers and 'for'
    phrase), used by sense conditions like {object: [weapon]}."""
    words: set[str] = set()
    if token.pos_ in ("NOUN", "PROPN"):
        heads = [token]
    else:
        heads = _objects(token) or [
            p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
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
