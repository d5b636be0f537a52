"""Actions inside actions: a verb that governs another ("agreed to withdraw", "demanded that X
leave", "threatened to strike") absorbs it and takes its code from the complements table; a
future, intended or conditional action becomes an intent (AGREE) or a threat (THREATEN), as CAMEO
and PLOVER code them; "X said Y must ..." is X's demand on Y; a noun is an event when a light
verb makes it one ("held talks")."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.code import arguments
from eventwire.code.clause import CodingContext
from eventwire.code.senses import fitting_sense, lookup
from eventwire.code.syntax import children, has_child, lemma, lemma_in, objects
from eventwire.code.triggers import Sense
from eventwire.model import Actor


def complement(verb: Token, ctx: CodingContext, infinitive_only: bool = False, purpose: bool = False) -> Token | None:
    """The action a governing verb governs: its clause, its "for"/"to" noun ("called for
    sanctions"), or a clause hung off its object ("urged the EU to give ..."); with ``purpose``,
    also the "to ..." clause saying what it is done for ("gathered outside the school to demand")."""
    grammar = ctx.grammar
    if purpose:
        for child in children(verb, "advcl"):
            if child.pos_ == "VERB" and has_child(child, "aux", grammar.infinitive_markers):
                return child
    for child in children(verb, "xcomp", "ccomp"):
        if child.pos_ in ("VERB", "AUX"):
            if infinitive_only and not has_child(child, "aux", grammar.infinitive_markers):
                continue
            return child
    for prep in children(verb, "prep"):  # "called for sanctions", "asked for weapons", "pressed for talks"
        if prep.lower_ in grammar.complement_prepositions:
            for pobj in children(prep, "pobj"):
                if pobj.pos_ == "NOUN":
                    return pobj
    for obj in children(verb, "dobj"):  # "urged the EU to give ...": the clause hangs off the object
        for grand in children(obj, "acl", "relcl", "xcomp"):
            if grand.pos_ == "VERB" and grand.i > obj.i:
                return grand
    return None


def not_governed(verb: Token, governed: Token, kind: str, ctx: CodingContext) -> bool:
    """ "warned that China might ...", "asked whether Iran would ...": a report or a question about
    someone else's action, which is coded on its own."""
    if has_child(governed, "mark", ctx.grammar.question_marks):
        return True
    if kind != "threat" or governed.dep_ != "ccomp":
        return False
    own = children(verb, "nsubj")
    other = children(governed, "nsubj", "nsubjpass")
    if not other or other[0].pos_ == "PRON":
        return False  # "warned it would retaliate": the speaker's own threat
    speaker = ctx.actors.resolve(own[0]) if own else []
    actor = ctx.actors.resolve(other[0])
    return not speaker or not actor or not ctx.actors.same_side(speaker, actor)


def complement_meaning(governed: Token, ctx: CodingContext) -> tuple[str | None, list[Actor] | None]:
    """The PLOVER type of the action a governing verb governs, and that action's recipient; the
    action's words are absorbed (not coded again on their own)."""
    lexicon = ctx.triggers
    ctx.consumed.add(governed.i)
    noun = governed.pos_ in ("NOUN", "PROPN")
    for obj in objects(governed):
        if lookup(lexicon.nouns, obj):
            ctx.consumed.add(obj.i)
    found = lookup(lexicon.nouns if noun else lexicon.verbs, governed)
    sense = fitting_sense(found[1], governed, ctx.grammar, ctx.actors.names_actor) if found else None
    if (sense is None or sense.skip) and not noun:
        for obj in objects(governed):  # "agreed to hold talks": the light verb's object
            hit = lookup(lexicon.nouns, obj)
            if hit:
                sense = fitting_sense(hit[1], obj, ctx.grammar, ctx.actors.names_actor)
                break
    if sense is None or sense.skip or sense.cameo is None:
        found_targets, _ = arguments.targets(governed, sense or Sense(where=""), None, ctx, noun_trigger=noun)
        return None, found_targets or None
    if sense.absorb:  # "agreed to allow ...", "urged X to agree to ...": the inner action
        inner = complement(governed, ctx)
        if inner is not None and inner.i not in ctx.consumed:
            inner_type, inner_targets = complement_meaning(inner, ctx)
            if inner_type:
                return inner_type, inner_targets
    entry = ctx.entry(sense.cameo)
    found_targets, _ = arguments.targets(governed, sense, entry, ctx, noun_trigger=noun)
    return entry.plover_type, found_targets or None


def recode(code: str | None, verb: Token, ctx: CodingContext, light: bool = False) -> str | None:
    """A future, intended or conditional action is an intent (AGREE) or a threat (THREATEN); so is
    the noun of a promising light verb (``light``: "agreed closer co-operation", "offered talks")."""
    lexicon = ctx.triggers
    ptype = lexicon.type_of(code)
    if ptype is None:
        return code
    condition = condition_of(verb, ctx)
    if condition == "unless":
        return lexicon.governed_code("threat", ptype)  # "will withdraw unless ...": an ultimatum
    promised = light and lemma(verb) in ctx.grammar.promising_light_verbs
    if not (promised or intended(verb, ctx)) and condition != "if":
        return code
    kind = lexicon.future.get(ptype)
    return code if kind is None else lexicon.governed_code(kind, ptype)


def condition_of(verb: Token, ctx: CodingContext) -> str | None:
    """The condition word ("if", "unless") when the action hangs on a condition ("will strike if ...")."""
    for clause in children(verb, "advcl"):
        for mark in children(clause, "mark"):
            if mark.lower_ in ctx.grammar.condition_marks:
                return mark.lower_
    return None


def intended(verb: Token, ctx: CodingContext) -> bool:
    """Will happen or is meant to: "will send", "is prepared to impose", "committed to opening"."""
    future = ctx.cues.future | ctx.cues.conditional
    if has_child(verb, "aux", future):
        return True
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ctx.grammar.infinitive_markers:
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    heads = ctx.cues.intent | ctx.grammar.commitment_heads
    return lemma(head) in heads or head.lower_ in heads


def implied_target(clause_code: str, sources: list[Actor], targets: list[Actor], path: str, verb: Token,
                   ctx: CodingContext) -> tuple[list[Actor], str]:
    """A recipient the sentence implies: who must comply for a threat to be lifted ("...
    unless Israel rescinds"), or, for domestic acts (a protest, a curfew, a concession),
    the actor's own country."""
    if targets or not sources:
        return targets, path
    ptype = ctx.triggers.type_of(clause_code)
    if ptype == "THREATEN":
        governed = complement(verb, ctx)
        clauses = [*verb.children, *(governed.children if governed is not None else [])]
        for clause in clauses:
            if clause.dep_ == "advcl" and any(m.lower_ in ctx.grammar.condition_marks for m in clause.children):
                hit = ctx.actors.first_resolved(children(clause, "nsubj", "nsubjpass"))
                if hit is not None:
                    return hit[1], f"target: subject {hit[0].text!r} of the condition"
    if ptype in ctx.triggers.domestic and sources[0].country and not (sources[0].code or "").startswith("IGO"):
        country = sources[0].country
        return [Actor(text="", start=verb.idx, end=verb.idx, name=None, country=country, sector=None,
                      code=country)], f"target: implied, the source's own country ({ptype} at home)"
    return targets, path


def armed_forces(code: str, sources: list[Actor], ctx: CodingContext) -> str:
    """Killing by a state's armed forces is the use of military force (FIGHT), not an assault."""
    recoded = ctx.triggers.armed_forces.get(code)
    if recoded and sources and all(a.sector == "MIL" for a in sources):
        return recoded
    return code


def riot(code: str, sources: list[Actor], ctx: CodingContext) -> str:
    """Violence done by protesters is a violent protest, a riot (PLOVER PROTEST): "demonstrators
    threw stones at the police", "rioters burned two banks" (verbs.yaml riots: not a bombing or a
    shooting; the protester words, grammar.yaml protester_nouns, in the source's own phrase)."""
    recoded = ctx.triggers.riots.get(code)
    if recoded and sources and all(_protesters(a, ctx) for a in sources):
        return recoded
    return code


def _protesters(actor: Actor, ctx: CodingContext) -> bool:
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.end > actor.start else None
    return span is not None and any(lemma_in(t, ctx.grammar.protester_nouns) for t in span)


def obligation_speakers(verb: Token, ctx: CodingContext) -> list[Actor]:
    """The speaker of "X said (that) Y must/should ...", if X is not Y; else nothing."""
    if not has_child(verb, "aux", ctx.grammar.obligation_auxiliaries):
        return []
    if verb.dep_ != "ccomp" or not lemma_in(verb.head, ctx.cues.reporting):
        return []
    for child in children(verb.head, "nsubj"):
        speakers = ctx.actors.resolve(child)
        subjects = children(verb, "nsubj", "nsubjpass")
        said_of = ctx.actors.resolve(subjects[0]) if subjects else []
        if speakers and said_of and not ctx.actors.same_side(speakers, said_of):
            return speakers
    return []


def light_verb(noun: Token, ctx: CodingContext) -> Token | None:
    """The verb that makes an event of this noun: "held talks", "launched a mediation effort",
    "began 10 days of war games", "engaged in ethnic cleansing", "denied the attack"."""
    grammar = ctx.grammar
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN"):
        noun, head = head, head.head
    if (noun.dep_ == "pobj" and head.lower_ in grammar.partitive_prepositions
            and lemma(head.head) in grammar.measure_nouns):
        noun, head = head.head, head.head.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and lemma_in(head, ctx.triggers.light_verbs):
        return head
    if noun.dep_ == "pobj" and head.lower_ in grammar.engage_prepositions and lemma(head.head) in grammar.engage_verbs:
        return head.head
    if noun.dep_ == "dobj" and lemma(head) in ctx.cues.denial:
        return head  # "Israel denied the attack": the denier denies its own act
    return None


def witness(noun: Token, ctx: CodingContext) -> Token | None:
    """ "The monitors observed a total of 10 explosions", "clashes were reported": the verb by
    which an event noun is seen or heard of, which makes it an event of its own (the witness is
    not its actor); its clause says when and where."""
    grammar = ctx.grammar
    if not lemma_in(noun, grammar.unattributed_events):
        return None
    for _ in range(3):  # "a total of 10 explosions", "bursts of fire": through the measure words
        head = noun.head
        if not (noun.dep_ == "pobj" and head.lower_ in grammar.partitive_prepositions
                and lemma(head.head) in grammar.measure_nouns):
            break
        noun = head.head
    seen = noun.dep_ in ("dobj", "nsubjpass") and lemma_in(noun.head, grammar.witness_verbs)
    return noun.head if seen else None


def borne(noun: Token, ctx: CodingContext) -> Token | None:
    """ "The body presented firearm injuries", "was found with gunshot wounds", "had signs of
    torture": a mark of violence (violence_marks in grammar.yaml) a person or a body bears is the
    violence done to them; the verb of the clause that shows it says when and where, and its
    subject, the bearer, is not its doer. A body found dead says nothing of a killing; one found
    with gunshot wounds does."""
    grammar = ctx.grammar
    if not lemma_in(noun, grammar.violence_marks):
        return None
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and (lemma_in(head, grammar.bearing_verbs) or any(
            lemma_in(aux, grammar.bearing_verbs) for aux in children(head, "aux"))):
        return head  # "had shotgun wounds", parsed as a verb "shotgun" with "had" its auxiliary
    if noun.dep_ == "pobj" and head.lower_ in grammar.bearing_prepositions:
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head  # "a body with signs of violence was found": the clause's verb
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None
