"""What makes a coded act a political event (issue #17): a political actor on one side at least,
and no disease, disaster, the weather or an animal as its doer or as what it is done to. The words
and sectors are grammar.yaml's (private_sectors, anyone_types, diseases, natural_causes, animal_nouns)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from eventwire.code.clause import Clause, CodingContext
from eventwire.code.syntax import children, lemma, lemma_in
from eventwire.model import Actor


def political(actor: Actor, ctx: CodingContext) -> bool:
    """A government, armed group, party, court, IGO, NGO, a nation or an ethnic group, ...: not a
    company, a doctor, a tourist, a school or a reporter (private_sectors); an actor with no sector
    is a state or one the coder knows no more of, and counts."""
    grammar = ctx.grammar
    body = (actor.country or "").lower()
    if body in grammar.private_bodies:
        return False  # "MNCUSA": Exxon
    if body in grammar.public_bodies:
        return True  # "IGOAGR": the FAO, an international body whatever its sector
    if (actor.sector or "").lower() not in grammar.private_sectors:
        return True
    head = _head(actor, ctx)
    return head is not None and ctx.actors.names_a_people(head)  # "ethnic Albanians have sworn to fight"


def why_not_political(clause: Clause, ctx: CodingContext) -> str | None:
    """Why the clause is no political event, or None: no political actor on either side (and a type
    that is not political whoever does it: anyone_types); in a sentence of sport or show business, no
    political actor but places, which stand for teams and venues there, whatever the type."""
    actors = [*clause.sources, *clause.targets]
    if not actors:
        return None
    topic = ctx.topic_story or topic_of(clause.sentence, ctx)
    if topic:
        # an actor of a political sector, not a place ("Real Madrid" is no government of Spain's)
        if any(a.sector and political(a, ctx) and not _place_name(a, ctx) for a in actors):
            return None
        return f"discarded: {topic} (no political actor but places, which stand for teams or venues)"
    ptype = (ctx.entry(clause.code).plover_type or "").lower()
    if ptype in ctx.grammar.anyone_types or clause.sense.state or any(political(a, ctx) for a in actors):
        return None
    if any(_protest_word(t, ctx) for t in clause.sentence):
        return None  # protesters' demands
    return "no political actor"


def topic_of(words: Iterable[Token] | Iterable[str], ctx: CodingContext) -> str | None:
    """The topic (sports_words, entertainment_words: topic_lists in grammar.yaml) two distinct words of
    which the sentence or title has, if any."""
    seen = {w if isinstance(w, str) else lemma(w) for w in words} | {
        w.lower_ for w in words if not isinstance(w, str)}
    grammar = ctx.grammar
    for name in grammar.ordered("topic_lists"):
        if len(seen & getattr(grammar, name)) >= 2:
            return name.removesuffix("_words")
    return None


def title_words(title: str | None) -> list[str]:
    """The title's words, lower case (a title is not parsed)."""
    return re.findall(r"[\w'-]+", (title or "").lower())


def _place_name(actor: Actor, ctx: CodingContext) -> bool:
    head = _head(actor, ctx)
    return head is not None and ctx.actors.names_a_place(head)


def _protest_word(token: Token, ctx: CodingContext) -> bool:
    """A word that reports a protest: "protested", "a sit-in", "on strike"; not a verb with an object
    ("struck a deal", "demonstrated its skills")."""
    return lemma_in(token, ctx.grammar.protest_words) and not (token.pos_ == "VERB" and children(token, "dobj"))


def natural_doer(verb: Token, ctx: CodingContext) -> Token | None:
    """The verb's doer when it is a disease, a disaster, the weather or an animal: "a cholera
    epidemic has killed", "the flu that has killed", "the landslide hit", "killed by the virus"."""
    grammar = ctx.grammar
    words = grammar.diseases | grammar.natural_causes | grammar.animal_nouns
    return next((h for h in _doers(verb, ctx) if _names(h, words, ctx)), None)


def natural_patient(trigger: Token, ctx: CodingContext, nominal: bool) -> Token | None:
    """What the act is done to when it is a disease or an animal: "arrested cholera", "slaughtered
    birds", "investigating an outbreak", "fight against AIDS", "killed hundreds of chickens"."""
    words = ctx.grammar.diseases | ctx.grammar.animal_nouns
    return next((h for h in _patients(trigger, ctx, nominal) if _names(h, words, ctx)), None)


def _names(head: Token, words: frozenset[str], ctx: CodingContext) -> bool:
    """The phrase's head is one of the words, and no actor's name ("Turkey" is a country)."""
    return (lemma_in(head, words) or head.lower_ in words) and ctx.actors.clue(head) is None


def _doers(verb: Token, ctx: CodingContext) -> list[Token]:
    subjects = children(verb, "nsubj")
    if not subjects and not children(verb, "nsubjpass") and verb.dep_ == "conj":
        subjects = children(verb.head, "nsubj")  # "a leak overcame and killed him"
    out = []
    for subject in subjects:
        if subject.lower_ in ctx.grammar.relative_pronouns and verb.dep_ == "relcl":
            subject = verb.head  # "the flu that has killed 150 people"
        out.append(subject)
    out.extend(o for agent in children(verb, "agent") for o in children(agent, "pobj"))
    return out


def _patients(trigger: Token, ctx: CodingContext, nominal: bool) -> list[Token]:
    grammar = ctx.grammar
    out = [] if nominal else children(trigger, "dobj", "nsubjpass")
    if not nominal and not out and trigger.dep_ == "conj" and not children(trigger, "nsubj"):
        out = children(trigger.head, "nsubjpass")  # "were rounded up and slaughtered"
    holders = [trigger, *(o for o in out if o.pos_ == "NUM" or lemma_in(o, grammar.measure_nouns))]
    for holder in holders:  # "investigation into the outbreak", "killed thousands of birds"
        for prep in children(holder, "prep"):
            if prep.lower_ in grammar.patient_prepositions:
                out.extend(children(prep, "pobj"))
    return out


def public_notice(clause: Clause, ctx: CodingContext) -> bool:
    """A request or a warning to the public at large (notice_types; its recipients all public_nouns):
    "citizens are urged to stay away from crowds", "officials urged residents to get a flu shot",
    "anyone with information is asked to call police" are notices, not political requests."""
    ptype = (ctx.entry(clause.code).plover_type or "").lower()
    if ptype not in ctx.grammar.notice_types:
        return False
    # who is asked: a passive's subject ("anyone ... is asked to call police"), else the recipients
    heads = children(clause.trigger, "nsubjpass") or [_head(a, ctx) for a in clause.targets]
    return bool(heads) and all(h is not None and lemma_in(h, ctx.grammar.public_nouns) for h in heads)


def _head(actor: Actor, ctx: CodingContext) -> Token | None:
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.end > actor.start else None
    return span.root if span is not None else None
