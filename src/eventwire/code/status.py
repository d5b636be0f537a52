"""On whose word: each mention's status and attribution, from cues whose scope is the parse.

Two questions are answered separately and then combined. *Did it happen?* (factuality): it
did, it did not (negated), someone denies it (denied), it only might (hypothetical), or it is
to come (planned). *Who says so?* (evidence): the story itself (asserted), someone it quotes
(reported), or someone hedged (alleged). The status is the factuality when the event is not
simply a fact, else the evidence; the attribution is kept either way.

Scope: a cue counts when it governs the event's clause, walking up the parse from the event:
"Police arrested the man, who allegedly threatened the mayor" hedges the threat, not the
arrest. An event named by a noun ("the PMU's request") keeps its own factuality: the clause
it sits in ("it is not clear whether Russia will approve the request") does not make it
hypothetical, though a denial of it ("Russia denied the attack") does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.code.actors import StoryActors
from eventwire.code.syntax import children, has_child, lemma
from eventwire.lexicons import Lexicons
from eventwire.model import Attribution

_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "csubj", "parataxis", "pcomp", "ROOT"})
_FACT_RANK = {"denied": 0, "negated": 1, "hypothetical": 2, "planned": 3}
_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "planned": 3, "hypothetical": 4, "denied": 5, "negated": 6}


@dataclass(frozen=True, slots=True)
class Cues:
    """The words status.yaml and grammar.yaml give the status rules, read once per lexicon set."""

    reporting: frozenset[str]
    hedging: frozenset[str]
    denial: frozenset[str]
    hedge_words: frozenset[str]
    marks: frozenset[str]  # a clause under these is a condition or a question
    conditions: frozenset[str]
    modals: frozenset[str]
    future: frozenset[str]
    conditional: frozenset[str]
    intent: frozenset[str]
    failure: frozenset[str]
    unclear: frozenset[str]
    likely: frozenset[str]
    negators: frozenset[str]
    unconfirmed: frozenset[str]
    falsehood: frozenset[str]
    report_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    according: frozenset[str]
    accusing: frozenset[str]
    accusation_preps: frozenset[str]
    negative_determiners: frozenset[str]


def build_cues(lexicons: Lexicons) -> Cues:
    status, grammar = lexicons.word_lists("status"), lexicons.word_lists("grammar")
    return Cues(
        reporting=status.reporting_verbs, hedging=status.hedging_verbs, denial=status.denial_verbs,
        hedge_words=status.hedge_words, marks=grammar.condition_marks | grammar.question_marks,
        conditions=grammar.condition_marks, modals=status.hypothetical_modals, future=status.future_auxiliaries,
        conditional=grammar.conditional_auxiliaries, intent=status.intent_heads, failure=status.failure_verbs,
        unclear=status.unclear_words, likely=status.likely_words, negators=status.negators,
        unconfirmed=status.unconfirmed_words, falsehood=status.falsehood_words, report_nouns=status.report_nouns,
        claim_nouns=status.claim_nouns, according=status.attribution_prepositions,
        accusing=grammar.accusing_verbs, accusation_preps=grammar.accusation_prepositions,
        negative_determiners=grammar.negative_determiners,
    )


def rank(status: str) -> int:
    """Lower is surer: a merged event takes the surest status among its mentions."""
    return _RANK[status]


@dataclass(slots=True)
class _Reading:
    actors: StoryActors
    fact: str | None = None  # None: it happened
    evidence: str = "asserted"
    attribution: Attribution | None = None

    def set_fact(self, fact: str) -> None:
        if self.fact is None or _FACT_RANK[fact] < _FACT_RANK[self.fact]:
            self.fact = fact

    def set_evidence(self, evidence: str, verb: Token | None = None) -> None:
        if evidence == "alleged" or self.evidence == "asserted":
            self.evidence = evidence
        if verb is not None and self.attribution is None:
            self.attribution = _attribution(verb, self.actors)

    def status(self) -> str:
        return self.fact or self.evidence


def status_of(trigger: Token, anchor: Token, actors: StoryActors, c: Cues) -> tuple[str, Attribution | None]:
    """The status of the event named by ``trigger`` in the clause of ``anchor``, and on whose word."""
    reading = _Reading(actors)
    nominal = anchor.pos_ in ("NOUN", "PROPN")
    if _hedged(trigger, c) or (trigger.i != anchor.i and _hedged(anchor, c)):
        reading.set_evidence("alleged")
    if not nominal:
        _own_clause(anchor, reading, c)
    if anchor.dep_ == "pcomp" and _accused_of(anchor, c):
        reading.set_evidence("alleged")  # "accused Kenya of supporting the rebels"
    if trigger.i != anchor.i and trigger.dep_ == "dobj" and trigger.head.i == anchor.i and lemma(anchor) in c.denial:
        reading.set_fact("denied")  # "Israel denied the attack"
        reading.set_evidence("reported", anchor)
    current = anchor
    came_by = anchor.dep_
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            break
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            _governing_word(head, came_by, nominal, reading, c)
        if head.pos_ == "NOUN" and came_by in ("acl", "relcl", "ccomp") and head.dep_ in ("dobj", "pobj"):
            _report_noun(head, reading, c)
        if came_by in _CLAUSAL and head.pos_ in ("VERB", "AUX", "ADJ"):
            nominal = False
        # "refrained from criticizing": the preposition passes the clause up to its verb
        came_by = "pcomp" if head.pos_ == "ADP" and came_by == "pcomp" else head.dep_
        current = head
    according = _according_to(anchor, actors, c)
    if according is not None:
        reading.set_evidence("reported")
        reading.attribution = reading.attribution or according
    return reading.status(), reading.attribution


def _governing_word(head: Token, came_by: str, nominal: bool, reading: _Reading, c: Cues) -> None:
    """A verb or adjective above the event: a denial, a hedge, a report, or a governing clause."""
    word = lemma(head)
    negated_head = _negated(head, c)
    clausal = came_by in _CLAUSAL
    if word in c.denial and (clausal or came_by in ("dobj", "pobj")):
        if not negated_head:
            reading.set_fact("denied")  # "denied that its troops fired", "denied the attack"
        reading.set_evidence("reported", head)  # "did not deny that ...": on their word
    elif word in c.hedging and (clausal or came_by == "dobj"):
        reading.set_evidence("alleged", head)
    elif word in c.reporting and (clausal or came_by == "nsubj"):
        if negated_head and clausal:  # "did not say whether ...", "did not confirm that ..."
            reading.set_fact("hypothetical")
        reading.set_evidence("alleged" if _unconfirmed(head, c) else "reported", head)
    elif clausal and not nominal:
        _governing_clause(head, came_by, reading, c)


def _report_noun(head: Token, reading: _Reading, c: Cues) -> None:
    """ "denied reports that troops fired": the reports' content is denied with them; what a
    report says is on someone's word, what a claim or a rumour says is hedged."""
    governor = head.head if head.dep_ == "dobj" else head.head.head
    if lemma(governor) in c.denial and not _negated(governor, c):
        reading.set_fact("denied")
        reading.set_evidence("reported", governor)
    word = lemma(head)
    if word in c.report_nouns:
        reading.set_evidence("reported")
    elif word in c.hedge_words or word in c.claim_nouns:
        reading.set_evidence("alleged")


def _accused_of(verb: Token, c: Cues) -> bool:
    holder = verb.head.head if verb.head.lower_ in c.accusation_preps else None
    if holder is None:
        return False
    if holder.dep_ in ("dobj", "nsubjpass"):
        holder = holder.head
    return lemma(holder) in c.accusing


def _own_clause(verb: Token, reading: _Reading, c: Cues) -> None:
    """Negation, modality, conditions and futurity marked on the event's own clause."""
    if _negated(verb, c) or _negative_argument(verb, c):
        reading.set_fact("negated")
    for child in verb.children:
        word = child.lower_
        if (child.dep_ == "mark" and word in c.marks) or (child.dep_ == "aux" and word in c.modals):
            reading.set_fact("hypothetical")
        elif child.dep_ == "aux" and word in c.future:
            reading.set_fact("planned")
        elif child.dep_ == "aux" and word in c.conditional:
            reading.set_fact("hypothetical" if _conditional(verb, c) else "planned")
        elif child.dep_ == "advmod" and word in c.likely:
            reading.set_evidence("alleged")
    if verb.dep_ == "conj":  # "rebels may attack and loot": the modal covers both
        _modality(verb.head, reading, c)


def _modality(verb: Token, reading: _Reading, c: Cues) -> None:
    """ "may try to", "will try to": the modal or future auxiliary of a governing verb."""
    for child in children(verb, "aux"):
        if child.lower_ in c.modals:
            reading.set_fact("hypothetical")
        elif child.lower_ in c.future:
            reading.set_fact("planned")


def _governing_clause(head: Token, came_by: str, reading: _Reading, c: Cues) -> None:
    """What a governing clause says about the event's: "plans to", "failed to", "may try to",
    "if ...", "it is not clear whether ...", "it is likely that ..."."""
    word = lemma(head)
    frame = {word} | {lemma(ch) for ch in children(head, "acomp", "attr", "oprd")}
    if came_by in ("ccomp", "csubj") and frame & c.falsehood and _negated(head, c):
        # "it is not true that the army did not attack": two negations cancel
        reading.fact = None if reading.fact == "negated" else reading.fact
    elif came_by in ("ccomp", "csubj") and frame & c.falsehood:
        reading.set_fact("negated")  # "it is untrue that the army attacked"
    if came_by in ("xcomp", "pcomp", "conj"):
        if word in c.failure:
            reading.set_fact("negated")  # "failed to reach an agreement"
        elif word in c.intent or head.lower_ in c.intent:
            reading.set_fact("planned")  # "plans to visit", "is expected to sign"
        if came_by in ("xcomp", "pcomp"):
            if _negated(head, c) and word not in c.failure:
                reading.set_fact("negated")
            _modality(head, reading, c)
    if came_by in ("ccomp", "csubj", "advcl", "xcomp"):
        if has_child(head, "mark", c.marks) and came_by != "advcl":
            reading.set_fact("hypothetical")  # the whole governing clause is a condition
        if frame & c.unclear:
            reading.set_fact("hypothetical")  # "it is not clear whether", "it is possible that"
        elif frame & c.likely:
            reading.set_evidence("alleged")


def _negated(token: Token, c: Cues) -> bool:
    return any(ch.dep_ == "neg" or (ch.dep_ == "advmod" and ch.lower_ in c.negators) for ch in token.children)


def _negative_argument(verb: Token, c: Cues) -> bool:
    """ "No troops were deployed", "deployed no troops"."""
    return any(has_child(ch, "det", c.negative_determiners) for ch in children(verb, "nsubj", "nsubjpass", "dobj"))


def _conditional(verb: Token, c: Cues) -> bool:
    """ "would" in "X would attack if ..." is hypothetical; in "said it would attack", planned."""
    has_condition = any(any(m.lower_ in c.conditions for m in ch.children) for ch in children(verb, "advcl"))
    reported = verb.dep_ == "ccomp" and lemma(verb.head) in (c.reporting | c.hedging)
    return has_condition or not reported


def _hedged(token: Token, c: Cues) -> bool:
    return has_child(token, ("amod", "advmod"), c.hedge_words)


def _unconfirmed(verb: Token, c: Cues) -> bool:
    """ "unconfirmed reports said", "anonymous sources said": reported, but hedged."""
    for child in children(verb, "nsubj", "nsubjpass"):
        if any(d.lower_ in c.unconfirmed for d in child.subtree):
            return True
    return has_child(verb, "advmod", c.hedge_words)


def _attribution(verb: Token, actors: StoryActors) -> Attribution | None:
    for child in children(verb, "nsubj", "nsubjpass"):
        return _attribution_of(child, actors)
    return None


def _attribution_of(phrase: Token, actors: StoryActors) -> Attribution:
    found = actors.resolve(phrase)
    actor = found[0] if found else None
    return Attribution(text=actor.text if actor and actor.text else _phrase(phrase),
                       country=actor.country if actor else None, sector=actor.sector if actor else None)


def _according_to(anchor: Token, actors: StoryActors, c: Cues) -> Attribution | None:
    """ "according to X" attached to the event's clause or to the sentence's main clause."""
    root = anchor
    while root.head.i != root.i:
        root = root.head
    for token in (anchor, root):
        for prep in children(token, "prep"):
            if prep.lower_ in c.according:
                for to in prep.children:
                    for pobj in children(to, "pobj"):
                        return _attribution_of(pobj, actors)
    return None


def _phrase(head: Token) -> str:
    tokens = list(head.subtree)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text
