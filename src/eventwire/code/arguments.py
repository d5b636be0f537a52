"""Whose act, and on whom: a trigger's source and target actors, read off the parse.

The source is the subject (or the "by" agent of a passive, or the subject inherited from a
governing verb, or the one accused of the act); the recipient is the object of the sense's
preposition, or the direct object, or the subject of a governed clause ("demanded that the
government ..."), or a possessor ("request Russia's assistance"), or the host country named by
"in <capital>" for a visiting actor's talks and requests. Each answer comes with the path that
found it, for ``--explain``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.code import sequence
from eventwire.code.clause import CodingContext
from eventwire.code.syntax import PHRASE_INNER, children, is_passive, lemma, lemma_in, phrase_head
from eventwire.code.triggers import CameoEntry, Sense
from eventwire.lexicons import WordLists
from eventwire.model import Actor

PLACE_PATH = "target: the country where it happens"
_SUBJECT_DEPS = ("nsubj", "csubj")
# the dependencies by which a clause takes the subject of the clause above it
_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "prep", "pobj", "acomp"})
_HOST_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "acl"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb's tenses that make a clause of their own

Found = tuple[list[Actor], str]  # actors, and the path that found them


def sources(verb: Token, sense: Sense, ctx: CodingContext) -> Found:
    """The actors who do what ``verb`` says, climbing to a governing clause for its subject."""
    actors = ctx.actors
    if sense.stative and is_passive(verb):  # "Israel is opposed to ...": the subject acts
        for child in children(verb, "nsubjpass"):
            return actors.resolve(child), f"source: subject {child.text!r} of a stative passive"
    accused = accused_of(verb, ctx)
    if accused is not None:  # "accused Kenya of supporting them": Kenya is said to support
        return actors.resolve(accused), f"source: {accused.text!r}, accused of it"
    current: Token = verb
    path: list[str] = []
    for _ in range(6):
        if is_passive(current):
            found = _passive_source(current, verb, path, ctx)
            if found is not None:
                return found
        else:
            for child in children(current, *_SUBJECT_DEPS):
                label = f"subject {child.text!r}" + (f" of {current.text!r}" if current != verb else "")
                found = [a for subject in (child, *_split_list(child, current)) for a in actors.resolve(subject)]
                return found, "source: " + " > ".join([*path, label])
            for child in _compound_subject(current):
                found = actors.resolve(child)
                if found:  # not "a drive-by shooting": no actor, no subject
                    label = f"subject {child.text!r}, read as a compound of the verb"
                    return found, "source: " + " > ".join([*path, label])
            listed = _subject_in_opening_list(current)
            if listed is not None and actors.resolve(listed):
                return actors.resolve(listed), "source: " + " > ".join(
                    [*path, f"subject {listed.text!r}, read as the last of an opening place list"])
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
                doer = misread_participle(current, ctx.grammar) or current.head
                return actors.resolve(doer), "source: " + " > ".join([*path, f"noun {doer.text!r}"])
        if current.pos_ in ("NOUN", "PROPN"):  # "the campaign to push back IS": whose campaign
            noun_actors, label = noun_sources(current, ctx)
            if noun_actors:
                return noun_actors, label
        if current.dep_ not in _INHERITING_DEPS or current.head == current:
            break
        path.append(f"{current.dep_} of {current.head.text!r}")
        current = current.head
    return [], "source: none found"


def _compound_subject(verb: Token) -> list[Token]:
    """ "Ethiopia act on a resolution", "after police beating": the parser, taking the pair for a
    compound noun, hung the subject on the verb as its compound; a name or noun so hung before a
    verb is its subject, when it names an actor."""
    return [c for c in children(verb, "compound") if c.i < verb.i and c.pos_ in ("NOUN", "PROPN")][:1]


def _split_list(subject: Token, verb: Token) -> list[Token]:
    """ "Lions, tigers, and Gondor welcomed ...", parsed as two subjects, the last conjunct made a
    subject of its own: a subject of the verb right after the "and" that closes the list of its
    first subject ("1 soldier injured by an arrow and 16 residents injured" is no such list)."""
    closing = children(subject, "cc")
    if not closing or not children(subject, "conj"):
        return []
    return [c for c in children(verb, "nsubj") if subject.i < c.i < verb.i and c.left_edge.i == closing[-1].i + 1]


def _subject_in_opening_list(verb: Token) -> Token | None:
    """ "On 5 May, in Tonala, Chiapas, workers protested": the parser, seeing a list, hung the
    subject on the opening place phrase as its last conjunct; a common noun after the place
    names, before a verb with no subject, is that subject."""
    for prep in children(verb, "prep"):
        if prep.i > verb.i:
            continue
        for pobj in children(prep, "pobj"):
            last, chain = pobj, [pobj]
            while (nxt := next((c for c in children(last, "conj") if c.i < verb.i), None)) is not None:
                last = nxt
                chain.append(nxt)
            if (len(chain) > 1 and last.pos_ == "NOUN" and all(t.pos_ == "PROPN" for t in chain[:-1])
                    and last.i > 0 and last.doc[last.i - 1].text == ","):
                return last
    return None


def misread_participle(verb: Token, grammar: WordLists) -> Token | None:
    """The subject of a past tense the parser read as a participle describing a noun, else None:
    "workers of a company protested in Sibenik" (hung on "company": a verb its subject does alone,
    intransitive_events, is never a participle of the noun it follows), "an operation by the commandos
    killed 8 militants" (a participle with an object, in a sentence with no finite verb). The
    subject is the phrase the noun is the 'of' member of ("workers of [a company]")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN") or children(
            verb, "aux", "auxpass", "agent", "nsubj", "nsubjpass"):
        return None
    if not lemma_in(verb, grammar.intransitive_events) and not (
            children(verb, "dobj") and not any(t.tag_ in _FINITE_TAGS for t in verb.sent)):
        return None
    noun = verb.head
    while noun.dep_ == "pobj" and noun.head.lower_ in grammar.member_prepositions \
            and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _passive_source(current: Token, verb: Token, path: list[str], ctx: CodingContext) -> Found | None:
    """The raised subject of "are expected to sign", or the "by" agent; a passive trigger with
    no agent has no source it names."""
    if current != verb and path and path[-1].startswith("xcomp"):
        for child in children(current, "nsubjpass"):  # "are expected to sign": the raised subject
            return ctx.actors.resolve(child), "source: " + " > ".join(
                [*path, f"subject {child.text!r} of {current.text!r}"])
    for agent in children(current, "agent"):
        hit = ctx.actors.first_resolved(children(agent, "pobj"))
        if hit is not None:
            return hit[1], "source: " + " > ".join([*path, f"by {hit[0].text!r}"])
    if current == verb:
        return [], "source: passive with no 'by' agent"
    return None


def noun_sources(noun: Token, ctx: CodingContext) -> Found:
    """Whose act an event noun names: its possessor ("Russia's request"), its by/of/from phrase,
    or a country or named actor modifying it ("the Turkish offensive")."""
    actors = ctx.actors
    hit = actors.first_resolved(children(noun, "poss"))
    if hit is not None:
        return hit[1], f"source: possessor {hit[0].text!r}"
    for prep in children(noun, "prep"):
        if prep.lower_ in ctx.grammar.noun_agent_prepositions:
            hit = actors.first_resolved(children(prep, "pobj"))
            if hit is not None:
                return hit[1], f"source: '{prep.text} {hit[0].text}'"
    for child in children(noun, "amod", "compound"):
        clue = actors.clue(child)
        if clue is not None and clue.kind in ("demonym", "country", "named"):
            found = actors.resolve(child)
            if found:
                return found, f"source: modifier {child.text!r}"
    return [], "source: none found"


def between_sides(noun: Token, ctx: CodingContext) -> tuple[list[Actor], list[Actor]] | None:
    """ "clashes between A and B": the two sides a noun's "between" phrase names, A as the
    source, the others as recipients; None unless it names two actors at least, or the noun
    is not of an event both sides do (reciprocal_events)."""
    if lemma(noun) not in ctx.grammar.reciprocal_events:
        return None
    for prep in children(noun, "prep"):
        if prep.lower_ in ctx.grammar.between_prepositions:
            for pobj in children(prep, "pobj"):
                sides = ctx.actors.resolve(pobj)
                if len(sides) > 1:
                    return sides[:1], sides[1:]
    return None


def targets(trigger: Token, sense: Sense, entry: CameoEntry | None, ctx: CodingContext, *,
            complement: Token | None = None, complement_targets: list[Actor] | None = None,
            noun_trigger: bool = False, skip_object: bool = False, sources: list[Actor] | None = None) -> Found:
    """The recipient, looked for in the order the module's docstring gives; a governed clause's
    subject that is the source itself is not it ("X has begun to question whether he ...")."""
    actors, grammar = ctx.actors, ctx.grammar
    if sense.target == "none":
        return [], "target: none by the lexicon"
    if is_passive(trigger) and not noun_trigger and not sense.stative:
        hit = actors.first_resolved(children(trigger, "nsubjpass"))
        if hit is not None:
            return hit[1], f"target: passive subject {hit[0].text!r}"
    objects = [] if (noun_trigger or skip_object) else children(trigger, "dobj", "dative")
    holders = [trigger, *objects]
    holders += [p for c in children(trigger, "prep") if c.lower_ in grammar.stance_prepositions
                for p in children(c, "pobj") if lemma(p) in grammar.stance_nouns]
    if noun_trigger:  # "suspension of air links with Serbia": the noun's 'of' phrase holds it too
        holders += [p for c in children(trigger, "prep") if c.lower_ in grammar.noun_object_prepositions
                    for p in children(c, "pobj")]
    named = sense.target[5:].split(",") if sense.target and sense.target.startswith("prep:") else []
    found = _prep_target(holders, named, ctx)
    if found:
        return found
    hit = actors.first_resolved(objects)
    if hit is not None:
        return hit[1], f"target: object {hit[0].text!r}"
    clause = complement if complement is not None else next(
        (c for c in children(trigger, "ccomp", "xcomp") if not noun_trigger), None)
    # "demanded that the government provide ...", "allowed X to ..."; a user's dictionary reads
    # its target after the verb, as PETRARCH does ("X will restore ties, an official said": none)
    if clause is not None and not (sense.user and clause.i < trigger.i):
        hit = actors.first_resolved(children(clause, "nsubj", "nsubjpass"))
        if hit is not None and not _stands_for(hit[0], hit[1], sources or []):
            return hit[1], f"target: subject {hit[0].text!r} of the governed clause"
    if complement_targets:
        return complement_targets, "target: the governed action's recipient"
    if not named:
        found = _prep_target(holders, list(grammar.ordered("target_prepositions")), ctx)
        if found:
            return found
    for obj in objects:
        hit = actors.first_resolved(children(obj, "poss"))
        if hit is not None:
            return hit[1], f"target: possessor {hit[0].text!r} of the object"
    if entry is not None:
        # talks or requests "in Moscow": the host; attacks or curfews "in the West Bank": the place
        climb = entry.plover_type in ctx.triggers.hosted
        for holder in [trigger, *objects, *([complement] if complement is not None else [])]:
            host = _host(holder, climb, ctx)
            if host is not None:
                return [host], f"{PLACE_PATH}, '{host.text}'"
    return [], "target: none found"


def _stands_for(word: Token, actors: list[Actor], sources: list[Actor]) -> bool:
    """Are these the sources themselves: the same words or named actor, or a pronoun with their code
    ("Frodo said he has ...": he is Frodo)?"""
    return bool(sources) and all(any(same_actor(a, s) or (word.pos_ == "PRON" and a.code == s.code)
                                     for s in sources) for a in actors)


def _prep_target(holders: list[Token], preps: list[str], ctx: CodingContext) -> Found | None:
    for prep_word in preps:
        for holder in holders:
            for child in children(holder, "prep", "dative"):
                if child.lower_ == prep_word:
                    hit = ctx.actors.first_resolved(prep_objects(child))
                    if hit is not None:
                        return hit[1], f"target: '{child.text} {hit[0].text}'"
    return None


def _host(trigger: Token, climb: bool, ctx: CodingContext) -> Actor | None:
    """The country named by an 'in'/'to' phrase of the clause ("was in Moscow to request
    weapons", "imposed a curfew in the town of Cizre in southeastern Turkey")."""
    current = trigger
    for _ in range(4):
        for prep in children(current, "prep"):
            if prep.lower_ in ctx.grammar.host_prepositions:
                for token in prep.subtree:
                    clue = ctx.actors.clue(token)
                    span = ctx.actors.clue_span(token)
                    if clue is not None and clue.kind in ("capital", "country") and span is not None:
                        words = ctx.doc[span[0] : span[1]]
                        return Actor(text=words.text, start=words.start_char, end=words.end_char, name=clue.name,
                                     country=clue.country, sector=None, code=clue.country)
        if not climb or current.head == current or current.dep_ not in _HOST_CLIMB_DEPS:
            return None
        current = current.head
    return None


def accused_of(verb: Token, ctx: CodingContext) -> Token | None:
    """The object of "accuse X of doing": the one said to do it."""
    grammar = ctx.grammar
    if verb.dep_ == "pcomp" and verb.head.lower_ in grammar.accusation_prepositions:
        holder = verb.head.head
        if holder.dep_ in ("dobj", "nsubjpass") and lemma(holder.head) in grammar.accusing_verbs:
            return holder  # "accused [the rebels of attacking]"
        if lemma(holder) in grammar.accusing_verbs:
            for child in children(holder, "dobj", "nsubjpass"):
                return child
    return None


def prep_objects(prep: Token) -> list[Token]:
    """A preposition's object; when the parser hung it elsewhere ("granted asylum to officers
    holed up ...", with "officers" made a subject), the noun phrase right after it."""
    found = children(prep, "pobj")
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


def not_at_home(sources: list[Actor], targets: list[Actor], path: str) -> Found:
    """A place in the actor's own country is where it acts, not whom it acts on."""
    if path.startswith(PLACE_PATH) and sources and targets and all(s.country == targets[0].country for s in sources):
        return [], "target: none (the place is in the actor's own country)"
    return targets, path


def same_actor(a: Actor, b: Actor) -> bool:
    """The same words, or the same named actor: no one is their own recipient (actors implied by
    no words of the text are not the same words)."""
    return (a.start == b.start and a.end == b.end and a.end > a.start) or (a.name is not None and a.name == b.name)


def marked(sense: Sense | None, verb: Token, ctx: CodingContext) -> dict[str, Found]:
    """The source and target a TABARI pattern's ``$`` and ``+`` mark (``- + * FROM $``)."""
    if sense is None or sense.sequence is None:
        return {}
    found = sequence.match(sense.sequence, verb, ctx.actors.names_actor)
    out: dict[str, Found] = {}
    if found is None:
        return out
    if found.compound is not None:  # "% *": the members of a compound act on each other
        head = phrase_head(found.compound)
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        actors = ctx.actors.resolve(head)
        if len(actors) > 1:
            label = f"{head.text!r} and the others, a compound in the pattern"
            out["target"] = actors, label
            if head.i < verb.i or not _other_subject(verb, sense, actors, ctx):
                out["source"] = out["target"]
    for role, token in (("source", found.source), ("target", found.target)):
        if token is not None:
            head = phrase_head(token)
            actors = ctx.actors.resolve(head)
            if actors:
                out[role] = actors, f"{role}: {head.text!r}, marked in the pattern"
    return out


def _other_subject(verb: Token, sense: Sense, compound: list[Actor], ctx: CodingContext) -> bool:
    """ "Eriador agrees with the Philippines and France" ("- * WITH %"): a subject of its own acts
    on the compound after the verb; with none ("fighting between A and B"), its members on each other."""
    subjects, _ = sources(verb, sense, ctx)
    return any(not any(same_actor(s, c) for c in compound) for s in subjects)


def before_marked_target(verb: Token, marked: list[Actor], found: Found, ctx: CodingContext) -> Found:
    """TABARI's source when a pattern marks as the target an actor before the verb ("- NOTED + *":
    "X noted that Y regretted ..."; "- + WAS_ *": "a woman linked to Y was extradited"), and the
    parse gives no other: the sentence's first actor before that target."""
    sources, _ = found
    start = min((a.start for a in marked), default=verb.idx)
    if start >= verb.idx or (sources and not all(any(same_actor(s, t) for t in marked) for s in sources)):
        return found
    for token in verb.sent:
        if token.idx >= start:
            break
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in PHRASE_INNER:
            actors = [a for a in ctx.actors.resolve(token) if a.end <= start]
            if actors:
                return actors, f"source: {token.text!r}, the first actor before the target the pattern marks"
    return found


def first_after(verb: Token, sources: list[Actor], ctx: CodingContext) -> Found:
    """PETRARCH's target when the parse names none: the first actor of the verb's own phrase
    after it (a user's dictionaries only: "welcomed memos sent by X")."""
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ in PHRASE_INNER:
            continue
        actors = ctx.actors.resolve(token)
        actors = [a for a in actors if not any(same_actor(a, s) or a.code == s.code for s in sources)]
        if actors:
            return actors, f"target: {token.text!r}, the first actor after the verb"
    return [], "target: none found"
