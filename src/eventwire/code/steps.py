"""The clause coder as steps: trigger → form → sense → governed action → arguments → recipients
→ status → date → place → events. Each step does one job on a ``Clause`` and may stop it (with
the reason ``--explain`` shows); ``STEPS`` is the order they run in, ``chain`` with the place step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.code import arguments, governed, political
from eventwire.code.clause import Clause, CodingContext, Unmatched
from eventwire.code.dates import event_date
from eventwire.code.places import PlaceFinder, Toponym, event_location
from eventwire.code.senses import fitting_sense, lookup
from eventwire.code.status import status_of
from eventwire.code.syntax import children, hyphen_first_part, lemma_in, lemma_keys, objects
from eventwire.model import Actor, Location

Step = Callable[[Clause, CodingContext], None]


# ---------------------------------------------------------------------- triggers
def triggers(sentence: Span, ctx: CodingContext) -> Iterator[Clause]:
    """The sentence's triggers as clauses to code: its verbs first, then its event nouns (so that
    a verb that absorbs a noun, "agreed to hold talks", comes first); words already absorbed are
    skipped when their turn comes."""
    lexicon = ctx.triggers
    verbs = [t for t in sentence if (t.pos_ in ("VERB", "AUX") or t.tag_ == "VBG" or t.dep_ == "pcomp")
             and lookup(lexicon.verbs, t)]  # gerunds too, even when tagged as nouns
    nouns = [t for t in sentence if t.pos_ in ("NOUN", "PROPN") and not hyphen_first_part(t)
             and lookup(lexicon.nouns, t)]  # "fire-fight" is a firefight, not a fire
    for token, nominal in [*((v, False) for v in verbs), *((n, True) for n in nouns)]:
        if token.i in ctx.consumed:
            continue
        key, senses = lookup(lexicon.nouns if nominal else lexicon.verbs, token)
        yield Clause(trigger=token, sentence=sentence, lemma=key, senses=senses, nominal=nominal, anchor=token)
    for token in sentence:
        if token.pos_ == "VERB" and token.i not in ctx.consumed and not lookup(lexicon.verbs, token):
            ctx.unmatched.append(Unmatched(token, f"no lexicon entry for the verb {token.lemma_!r}"))


# ---------------------------------------------------------------------- the steps
def check_form(clause: Clause, ctx: CodingContext) -> None:
    """A verb must be a verb of its own clause; a noun needs a light verb or an actor of its own."""
    token = clause.trigger
    if not clause.nominal:
        if token.pos_ == "AUX" and not children(token, "dobj", "xcomp", "ccomp"):
            clause.stop()
        elif _permitted(token, ctx):
            clause.stop(f"says who may {token.lemma_}, not that anyone did ({token.head.text!r})")
        elif token.dep_ in ("acl", "amod") and token.tag_ == "VBN" and not children(
                token, "aux", "nsubj", "nsubjpass", "auxpass") and not _misread_subject(token) \
                and arguments.misread_participle(token, ctx.grammar) is None:
            clause.stop("a participle describing a noun (background, not an event)")
        return
    happens = token.dep_ == "nsubj" and lemma_keys(token.head)[0] in ctx.grammar.happening_verbs
    # "observed 10 explosions", "the body presented gunshot wounds"
    clause.happening = token.head if happens else (governed.witness(token, ctx) or governed.borne(token, ctx))
    anchor = clause.happening or governed.light_verb(token, ctx)
    owned = bool(children(token, "poss")) or any(  # "the visit of X to Y"
        prep.lower_ in ctx.grammar.noun_agent_prepositions and ctx.actors.first_resolved(children(prep, "pobj"))
        for prep in children(token, "prep"))
    if anchor is None and not owned:
        clause.stop(f"the noun {clause.lemma!r} is not the object of a light verb, nor has an actor of its own")
    clause.anchor = anchor if anchor is not None else token


def _permitted(verb: Token, ctx: CodingContext) -> bool:
    """ "They are not authorized to discuss the issue", "officials are not permitted to speak": what
    someone is or is not authorised to do (grammar.yaml permission_words) is no act."""
    head = verb.head
    return (verb.dep_ == "xcomp" and lemma_in(head, ctx.grammar.permission_words)
            and (head.pos_ == "ADJ" or bool(children(head, "auxpass"))))


def _misread_subject(verb: Token) -> bool:
    """ "On 7 May, local residents protested in Selac": the parser, led astray by the opening
    phrase, made the subject the root and the verb its participle; the phrase hung on the noun
    before it gives this away (a subject does not carry a phrase before itself)."""
    head = verb.head
    return (verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "prep" and c.i < head.i for c in head.children))


def choose_sense(clause: Clause, ctx: CodingContext) -> None:
    sense = fitting_sense(clause.senses, clause.trigger, ctx.grammar, ctx.actors.names_actor)
    clause.sense = sense
    if clause.nominal:
        if sense is None or sense.skip or sense.cameo is None:
            clause.stop()
    elif sense is None:
        clause.stop(f"no sense of {clause.lemma!r} fits its object or prepositions")
    elif sense.skip:
        clause.stop(f"{sense.where} says this use codes nothing")


def govern(clause: Clause, ctx: CodingContext) -> None:
    """The code: a governing verb's from the action it governs ("agreed to withdraw"), else the
    sense's, as an intent or a threat when the action is still to come (a user's dictionary
    codes as written, as PETRARCH does: "will contribute money" is its CONTRIBUTE code)."""
    sense, verb = clause.sense, clause.trigger
    if sense.objects and not clause.nominal:
        ctx.consumed.update(obj.i for obj in objects(verb))
    if clause.nominal or not sense.absorb:
        has_anchor = not clause.nominal or clause.anchor.i != clause.trigger.i
        recoded = has_anchor and not sense.user
        clause.code = governed.recode(sense.cameo, clause.anchor, ctx, light=clause.nominal) if recoded else sense.cameo
        return
    action = governed.complement(verb, ctx, infinitive_only=sense.complement == "infinitive",
                                 purpose=sense.complement == "purpose")
    if action is not None and governed.not_governed(verb, action, sense.absorb, ctx):
        clause.stop(f"{sense.where}: reports or asks about another's action")
        return
    action_type = None
    consumed = set(ctx.consumed)
    if action is not None:
        action_type, clause.complement_targets = governed.complement_meaning(action, ctx)
    elif sense.need_complement:
        clause.stop(f"{sense.where} needs a complement (\"to ...\", \"that ...\")")
        return
    kind = sense.absorb
    if action is not None and action.dep_ == "ccomp" and action_type is None and sense.need_event:
        # "agrees that offences by children are a problem", "insisted that he was unaware": a view held
        # or a claim made, no act agreed to or demanded
        ctx.consumed.intersection_update(consumed)
        clause.stop(f"{sense.where}: the clause it governs is no event (a view or a claim)")
        return
    if ctx.triggers.governs_no_event(kind, action_type):
        # "gathered to celebrate the title": a gathering, no demonstration; "gathered enough
        # money to fund a recount": the funding is still coded on its own
        ctx.consumed.intersection_update(consumed)
        clause.stop(f"{sense.where}: governs no action of the types that make it an event")
        return
    if kind == "intent" and ctx.triggers.future.get(action_type or "") == "threat":
        kind = "threat"  # "promised to strike back" is a threat
    clause.complement = action
    clause.code = ctx.triggers.governed_code(kind, action_type) if action_type else sense.cameo


def check_type(clause: Clause, ctx: CodingContext) -> None:
    """Only codes with a PLOVER type are events, and a user's dictionary's own codes."""
    if clause.code is None or (ctx.entry(clause.code).plover_type is None and not ctx.entry(clause.code).own):
        clause.stop()


def not_natural(clause: Clause, ctx: CodingContext) -> None:
    """No disease, disaster, weather or animal does a political act, and none is done to a disease or
    an animal: "a cholera epidemic has killed 1,200 people", "the landslide hit the village", "the WHO
    has arrested cholera", "millions of birds have been slaughtered" (grammar.yaml)."""
    doer = None if clause.nominal else political.natural_doer(clause.trigger, ctx)
    if doer is not None:
        clause.stop(f"{clause.sense.where} matched but its doer '{doer.text}' is no actor "
                    "(a disease, disaster or animal)")
        return
    patient = political.natural_patient(clause.trigger, ctx, clause.nominal)
    if patient is not None:
        clause.stop(f"{clause.sense.where} matched but it is done to '{patient.text}' (a disease or an animal)")


def find_sources(clause: Clause, ctx: CodingContext) -> None:
    marked = arguments.marked(clause.sense, clause.trigger, ctx)  # read once: find_targets takes its target
    clause.marked_target = marked.get("target")
    if marked.get("source"):
        clause.sources, clause.source_path = marked["source"]
        return
    if clause.nominal and (clause.anchor.i == clause.trigger.i or clause.happening is not None):
        clause.sources, clause.source_path = arguments.noun_sources(clause.trigger, ctx)
    else:
        clause.sources, clause.source_path = arguments.sources(clause.anchor, clause.sense, ctx)
    if clause.marked_target and clause.sense.user:
        clause.sources, clause.source_path = arguments.before_marked_target(
            clause.trigger, clause.marked_target[0], (clause.sources, clause.source_path), ctx)
    # "clashes between A and B" with no one else named as their doer: A and B are the two sides
    # (not so "X's mediation between A and B": the mediator acts, A and B receive)
    sides = arguments.between_sides(clause.trigger, ctx) if clause.nominal and not clause.sources else None
    if sides is not None:
        clause.sources, clause.source_path = sides[0], f"source: the first side 'between' names ({sides[0][0].text!r})"
        clause.between = sides[1]


def find_targets(clause: Clause, ctx: CodingContext) -> None:
    entry = ctx.entry(clause.code)
    if clause.marked_target:
        clause.targets, clause.target_path = clause.marked_target
        return
    if clause.between:
        clause.targets, clause.target_path = clause.between, "target: the other side 'between' names"
        return
    if not clause.nominal:
        clause.targets, clause.target_path = arguments.targets(
            clause.trigger, clause.sense, entry, ctx, complement=clause.complement,
            complement_targets=clause.complement_targets, sources=clause.sources)
        if not clause.targets and clause.sense.user:
            clause.targets, clause.target_path = arguments.first_after(clause.trigger, clause.sources, ctx)
        return
    clause.targets, clause.target_path = arguments.targets(clause.trigger, clause.sense, entry, ctx,
                                                           noun_trigger=True)
    if clause.anchor.i != clause.trigger.i and not clause.targets and clause.happening is None:
        clause.targets, clause.target_path = arguments.targets(clause.anchor, clause.sense, entry, ctx,
                                                               skip_object=True)


def speaker_demands(clause: Clause, ctx: CodingContext) -> None:
    """ "Straw said the government must reach an agreement": Straw's demand on it."""
    if clause.nominal and (clause.anchor.i == clause.trigger.i or clause.happening is not None):
        return
    speakers = governed.obligation_speakers(clause.anchor, ctx)
    if speakers:
        clause.code = ctx.triggers.governed_code("request", ctx.triggers.type_of(clause.code))
        clause.targets, clause.sources = clause.sources, speakers
        clause.source_path, clause.target_path = "source: the speaker who says it must happen", "target: who must act"


def settle_recipients(clause: Clause, ctx: CodingContext) -> None:
    """The sense's swap ("peacekeepers arrived in X": X receives), a place at home is no
    recipient, an implied recipient, the armed forces' use of force and protesters' violence."""
    if clause.sense.swap:
        clause.sources, clause.targets = clause.targets, clause.sources
    clause.targets, clause.target_path = arguments.not_at_home(clause.sources, clause.targets, clause.target_path)
    clause.targets, clause.target_path = governed.implied_target(
        clause.code, clause.sources, clause.targets, clause.target_path, clause.anchor, ctx)
    clause.code = governed.riot(governed.armed_forces(clause.code, clause.sources, ctx), clause.sources, ctx)


def imply_source(clause: Clause, ctx: CodingContext) -> None:
    """An event whose doer the sentence does not name ("a protest took place in Sidon",
    "explosions were observed near Zolote") is still coded, by the doer its type implies
    (implied_sources in verbs.yaml), of the country where it happens; only for the words that
    name such events whoever does them (unattributed_events in grammar.yaml), and only where a
    place or the story gives a country: "was killed" with no one named is coded with no source,
    and "clashes erupted near the border" not at all."""
    marks = ctx.grammar.violence_marks if clause.nominal else frozenset()  # "gunshot wounds", not "was wounded"
    if clause.sources or clause.lemma not in ctx.grammar.unattributed_events | marks:
        return
    if any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in clause.anchor.children):
        return  # a person is named, one the coder does not know: "Ms Haley attacked" is no armed group
    sector = ctx.triggers.implied_sources.get(ctx.entry(clause.code).plover_type or "")
    implied = ctx.actors.implied(clause.trigger, sector) if sector is not None else None
    if implied is not None and clause.location is not None and clause.location.country:
        implied = at_home(implied, clause.location.country)  # "near Novooleksandrivka", no country named
    if implied is not None and implied.country:  # with no place named, an unknown doer says nothing
        clause.sources = [implied]
        clause.source_path = f"source: implied, {sector} where it happens ({clause.source_path})"


def _violent(clause: Clause, ctx: CodingContext) -> bool:
    return (ctx.entry(clause.code).plover_type or "").lower() in ctx.grammar.victim_types


def not_an_accident(clause: Clause, ctx: CodingContext) -> None:
    """Violence is no accident: "a man was killed in a car crash", "was killed after crashing his
    car", "was hit by a car and killed" code nothing (accident_nouns, accident_agents in grammar.yaml)."""
    if clause.nominal or not _violent(clause, ctx):
        return
    grammar = ctx.grammar
    verbs = [clause.trigger, *([clause.trigger.head] if clause.trigger.dep_ == "conj" else [])]
    for verb in verbs:
        for prep in children(verb, "prep", "agent"):
            nouns = grammar.accident_nouns | grammar.diseases | grammar.natural_causes  # "killed after an outbreak"
            words = grammar.accident_agents | nouns if prep.dep_ == "agent" else nouns
            for word in children(prep, "pobj", "pcomp"):
                if lemma_in(word, words):
                    clause.stop(f"{clause.sense.where} matched but '{prep.text} {word.text}' is an accident")
                    return


def imply_victim(clause: Clause, ctx: CodingContext) -> None:
    """The person a violent verb is done to, named by no actor word ("a civilian was killed" is read
    already; "an inmate was stabbed", "a drug suspect was killed"), is a civilian of the country where
    it happens (victim_nouns in grammar.yaml): only as the subject of the passive verb, and only where a
    place gives a country. Not the object of an active verb, whose subject is then no actor ("the
    liquor killed seventeen", "can kill an adult"), and not a numeral alone ("has killed 15,000")."""
    if clause.targets or clause.nominal or not _violent(clause, ctx):
        return
    if clause.location is None or not clause.location.country:
        return
    verb = clause.trigger
    heads = children(verb, "nsubjpass")
    if not heads and verb.dep_ == "conj" and not children(verb, "nsubj"):
        heads = children(verb.head, "nsubjpass")  # "was shot and killed": the first verb's subject
    if heads and lemma_in(heads[0], ctx.grammar.victim_nouns):
        head, country = heads[0], clause.location.country
        clause.targets = [Actor(text=head.text, start=head.idx, end=head.idx + len(head.text), country=country,
                                sector="CVL", code=country + "CVL")]
        clause.target_path = f"target: '{head.text}', a civilian where it happens"


def require_actor(clause: Clause, ctx: CodingContext) -> None:
    """An actor on one side at least; both, for a sense that says so: the Phoenix patterns name
    the nouns of political acts ("acquire &WEAPON", "come under fire", "the release of"), which
    open news uses as often of anyone's doings (a man acquires a shotgun, police come under fire)."""
    if not clause.sources and not clause.targets:
        clause.stop(f"{clause.sense.where} matched but no actor was found ({clause.path})")
    elif clause.sense.both_actors and not _two_named_actors(clause):
        clause.stop(f"{clause.sense.where} matched but codes only between two actors the text names ({clause.path})")


def not_a_public_notice(clause: Clause, ctx: CodingContext) -> None:
    """A request or warning to the public at large is a notice, not a political request: "citizens
    are urged to stay away from large crowds", "the city is urging residents not to shovel snow"."""
    if political.public_notice(clause, ctx):
        clause.stop(f"{clause.sense.where} matched but it is a notice to the public")


def require_political_actor(clause: Clause, ctx: CodingContext) -> None:
    """A political actor on one side at least, unless anyone's act of this type is political (a
    protest, violence, coercion): "Exxon signed a deal with Rosneft", "doctors are telling citizens
    to wash their hands" and "tourists visited Uganda's caves" are no political events; in sport, a
    country is a team ("Germany beat Argentina in the final")."""
    reason = political.why_not_political(clause, ctx)
    if reason is not None:
        names = ", ".join(f"{a.text or '(implied)'} {a.code}" for a in [*clause.sources, *clause.targets])
        clause.stop(f"{clause.sense.where} matched but {reason} ({names})")


def _two_named_actors(clause: Clause) -> bool:
    """A source and a target the sentence names: not implied ("at home"), and the target not the
    pattern's own object noun ("cited the release of a letter by the FBI": the release is the act)."""
    if not clause.sources or not clause.targets or "implied" in clause.source_path or "implied" in clause.target_path:
        return False
    return not (clause.sense.object_heads and clause.target_path.startswith("target: object"))


def read_status(clause: Clause, ctx: CodingContext) -> None:
    clause.status, clause.attribution = status_of(clause.trigger, clause.anchor, ctx.actors, ctx.cues)


def read_date(clause: Clause, ctx: CodingContext) -> None:
    clause.date, clause.date_precision = event_date(clause.anchor, clause.sentence, ctx.published, ctx.dates)


def locate(places: PlaceFinder, by_token: dict[int, Toponym], fallback: Location | None) -> Step:
    """The step that gives a clause its place, for one story's toponyms."""

    def step(clause: Clause, ctx: CodingContext) -> None:
        ptype = ctx.entry(clause.code).plover_type
        clause.location = event_location(clause.anchor, by_token, fallback, ptype, places)
        if clause.location is not None and clause.location.country:
            country = clause.location.country
            clause.sources = [a if ctx.actors.keeps_no_country(a) else at_home(a, country) for a in clause.sources]
            clause.targets = [a if ctx.actors.keeps_no_country(a) else at_home(a, country) for a in clause.targets]

    return step


def at_home(actor: Actor, country: str) -> Actor:
    """An actor, named or implied, the story gives no country at all ("lecturers protested in Diwaniya city", a
    story naming no country) is of the country where its event happens, as the clause's own
    place phrase names it; named actors and international bodies keep theirs."""
    if actor.country is None and actor.name is None and actor.code != "IGO" and actor.sector:
        return replace(actor, country=country, code=country + actor.sector)
    return actor


STEPS: tuple[Step, ...] = (check_form, choose_sense, govern, check_type, not_natural, find_sources, find_targets,
                           speaker_demands, imply_source, not_an_accident, settle_recipients, imply_victim,
                           require_actor, not_a_public_notice, require_political_actor, read_status, read_date)


def chain(locate_step: Step) -> tuple[Step, ...]:
    """The steps with one story's place step, run once the type and the named actors are known:
    where the event happens gives a country to those of its actors, named or implied, that have none."""
    at = STEPS.index(imply_source)
    return (*STEPS[:at], locate_step, *STEPS[at:])


def run(clause: Clause, ctx: CodingContext, steps: tuple[Step, ...]) -> bool:
    """Run the steps in order until one stops the clause; True when it went through them all."""
    for step in steps:
        step(clause, ctx)
        if clause.stopped:
            if clause.reason:
                ctx.unmatched.append(Unmatched(clause.trigger, clause.reason))
            return False
    return True


def pairs(clause: Clause) -> list[tuple[Actor | None, Actor | None]]:
    """One (source, target) per actor on each side ("X and Y" gives an event each); no one is
    their own recipient."""
    return [(source, target) for source in clause.sources or [None] for target in clause.targets or [None]
            if not (source is not None and target is not None and arguments.same_actor(source, target))]
