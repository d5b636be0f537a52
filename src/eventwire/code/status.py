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

from eventwire import lexicons
from eventwire.code.actors import ActorContext, resolve
from eventwire.model import Attribution

_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "csubj", "parataxis", "pcomp", "ROOT"})
_NOMINAL = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "poss", "compound", "npadvmod",
                      "dative", "oprd", "prep", "agent", "amod", "nmod"})
_ACCUSATION = frozenset({"accuse", "charge", "blame", "suspect", "convict", "indict", "sue", "criticize",
                         "criticise", "condemn", "denounce"})
_FALSEHOOD = frozenset({"true", "untrue", "false", "wrong", "baseless", "groundless"})
_FACT_RANK = {"denied": 0, "negated": 1, "hypothetical": 2, "planned": 3}


@dataclass(frozen=True, slots=True)
class Cues:
    reporting: frozenset[str]
    hedging: frozenset[str]
    denial: frozenset[str]
    hedge_words: frozenset[str]
    marks: frozenset[str]
    modals: frozenset[str]
    future: frozenset[str]
    intent: frozenset[str]
    failure: frozenset[str]
    unclear: frozenset[str]
    likely: frozenset[str]
    negators: frozenset[str]
    unconfirmed: frozenset[str]


@lexicons.derived
def cues() -> Cues:
    data = lexicons.load("status") or {}

    def words(key: str) -> frozenset[str]:
        value = data.get(key) or []
        items = value.split() if isinstance(value, str) else value
        return frozenset(str(w).lower() for w in items)

    return Cues(words("reporting_verbs"), words("hedging_verbs"), words("denial_verbs"), words("hedge_words"),
                words("hypothetical_marks"), words("hypothetical_modals"), words("future_auxiliaries"),
                words("intent_heads"), words("failure_verbs"), words("unclear_words"), words("likely_words"),
                words("negators"), words("unconfirmed_words"))


_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "planned": 3, "hypothetical": 4, "denied": 5, "negated": 6}


def rank(status: str) -> int:
    """Lower is surer: a merged event takes the surest status among its mentions."""
    return _RANK[status]


@dataclass(slots=True)
class _Reading:
    fact: str | None = None  # None: it happened
    evidence: str = "asserted"
    attribution: Attribution | None = None
    attributor: Token | None = None

    def set_fact(self, fact: str) -> None:
        if self.fact is None or _FACT_RANK[fact] < _FACT_RANK[self.fact]:
            self.fact = fact

    def set_evidence(self, evidence: str, verb: Token | None = None, ctx: ActorContext | None = None) -> None:
        if evidence == "alleged" or self.evidence == "asserted":
            self.evidence = evidence
        if verb is not None and ctx is not None and self.attribution is None:
            self.attribution = _attribution(verb, ctx)
            self.attributor = verb

    def status(self) -> str:
        return self.fact or self.evidence


def status_of(trigger: Token, anchor: Token, ctx: ActorContext) -> tuple[str, Attribution | None]:
    """The status of the event named by ``trigger`` in the clause of ``anchor``, and on whose word."""
    c = cues()
    reading = _Reading()
    nominal = anchor.pos_ in ("NOUN", "PROPN")
    if _hedged(trigger, c) or (trigger.i != anchor.i and _hedged(anchor, c)):
        reading.set_evidence("alleged")
    if not nominal:
        _own_clause(anchor, reading, c)
    if anchor.dep_ == "pcomp" and _accused_of(anchor):
        reading.set_evidence("alleged")  # "accused Kenya of supporting the rebels"
    if trigger.i != anchor.i and trigger.dep_ == "dobj" and trigger.head.i == anchor.i \
            and anchor.lemma_.lower() in c.denial:
        reading.set_fact("denied")  # "Israel denied the attack"
        reading.set_evidence("reported", anchor, ctx)
    current = anchor
    came_by = anchor.dep_
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            break
        lemma = head.lemma_.lower()
        negated_head = _negated(head, c)
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            clausal = came_by in _CLAUSAL
            if lemma in c.denial and (clausal or came_by in ("dobj", "pobj")):
                if not negated_head:
                    reading.set_fact("denied")  # "denied that its troops fired", "denied the attack"
                reading.set_evidence("reported", head, ctx)  # "did not deny that ...": on their word
            elif lemma in c.hedging and (clausal or came_by == "dobj"):
                reading.set_evidence("alleged", head, ctx)
            elif lemma in c.reporting and (clausal or came_by in ("nsubj",)):
                if negated_head and clausal:  # "did not say whether ...", "did not confirm that ..."
                    reading.set_fact("hypothetical")
                reading.set_evidence("alleged" if _unconfirmed(head, c) else "reported", head, ctx)
            elif clausal and not nominal:
                _governing_clause(head, came_by, reading, c)
        if head.pos_ == "NOUN" and came_by in ("acl", "relcl", "ccomp") and head.dep_ in ("dobj", "pobj"):
            # "denied reports that troops fired": the reports' content is denied with them
            governor = head.head if head.dep_ == "dobj" else head.head.head
            if governor.lemma_.lower() in c.denial and not _negated(governor, c):
                reading.set_fact("denied")
                reading.set_evidence("reported", governor, ctx)
            if head.lemma_.lower() in c.hedge_words or head.lemma_.lower() in ("report", "claim", "allegation",
                                                                                 "rumour", "rumor"):
                reading.set_evidence("alleged" if head.lemma_.lower() != "report" else "reported")
        if came_by in _CLAUSAL and head.pos_ in ("VERB", "AUX", "ADJ"):
            nominal = False
        # "refrained from criticizing": the preposition passes the clause up to its verb
        came_by = "pcomp" if head.pos_ == "ADP" and came_by == "pcomp" else head.dep_
        current = head
    according = _according_to(anchor, ctx)
    if according is not None:
        reading.set_evidence("reported")
        reading.attribution = reading.attribution or according
    return reading.status(), reading.attribution


def _accused_of(verb: Token) -> bool:
    holder = verb.head.head if verb.head.lower_ in ("of", "for") else None
    if holder is None:
        return False
    if holder.dep_ in ("dobj", "nsubjpass"):
        holder = holder.head
    return holder.lemma_.lower() in _ACCUSATION


def _own_clause(verb: Token, reading: _Reading, c: Cues) -> None:
    """Negation, modality, conditions and futurity marked on the event's own clause."""
    if _negated(verb, c) or _negative_argument(verb):
        reading.set_fact("negated")
    for child in verb.children:
        word = child.lower_
        if (child.dep_ == "mark" and word in c.marks) or (child.dep_ == "aux" and word in c.modals):
            reading.set_fact("hypothetical")
        elif child.dep_ == "aux" and word in c.future:
            reading.set_fact("planned")
        elif child.dep_ == "aux" and word in ("would", "'d"):
            reading.set_fact("hypothetical" if _conditional(verb, c) else "planned")
        elif child.dep_ == "advmod" and word in c.likely:
            reading.set_evidence("alleged")
    if verb.dep_ == "conj":  # "rebels may attack and loot": the modal covers both
        for child in verb.head.children:
            if child.dep_ == "aux" and child.lower_ in c.modals:
                reading.set_fact("hypothetical")
            elif child.dep_ == "aux" and child.lower_ in c.future:
                reading.set_fact("planned")


def _governing_clause(head: Token, came_by: str, reading: _Reading, c: Cues) -> None:
    """What a governing clause says about the event's: "plans to", "failed to", "may try to",
    "if ...", "it is not clear whether ...", "it is likely that ..."."""
    lemma = head.lemma_.lower()
    frame = {lemma} | {ch.lemma_.lower() for ch in head.children if ch.dep_ in ("acomp", "attr", "oprd")}
    if came_by in ("ccomp", "csubj") and frame & _FALSEHOOD and _negated(head, c):
        # "it is not true that the army did not attack": two negations cancel
        reading.fact = None if reading.fact == "negated" else reading.fact
    elif came_by in ("ccomp", "csubj") and frame & _FALSEHOOD:
        reading.set_fact("negated")  # "it is untrue that the army attacked"
    if came_by in ("xcomp", "pcomp", "conj"):
        if lemma in c.failure:
            reading.set_fact("negated")  # "failed to reach an agreement"
        elif lemma in c.intent or head.lower_ in c.intent:
            reading.set_fact("planned")  # "plans to visit", "is expected to sign"
        if came_by in ("xcomp", "pcomp"):
            if _negated(head, c) and lemma not in c.failure:
                reading.set_fact("negated")
            for child in head.children:
                if child.dep_ == "aux" and child.lower_ in c.modals:
                    reading.set_fact("hypothetical")
                elif child.dep_ == "aux" and child.lower_ in c.future:
                    reading.set_fact("planned")
    if came_by in ("ccomp", "csubj", "advcl", "xcomp"):
        if any(ch.dep_ == "mark" and ch.lower_ in c.marks for ch in head.children) and came_by != "advcl":
            reading.set_fact("hypothetical")  # the whole governing clause is a condition
        if frame & c.unclear:
            reading.set_fact("hypothetical")  # "it is not clear whether", "it is possible that"
        elif frame & c.likely:
            reading.set_evidence("alleged")


def _negated(token: Token, c: Cues) -> bool:
    return any(ch.dep_ == "neg" or (ch.dep_ == "advmod" and ch.lower_ in c.negators) for ch in token.children)


def _negative_argument(verb: Token) -> bool:
    """ "No troops were deployed", "deployed no troops"."""
    return any(ch.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
        d.dep_ == "det" and d.lower_ == "no" for d in ch.children) for ch in verb.children)


def _conditional(verb: Token, c: Cues) -> bool:
    """ "would" in "X would attack if ..." is hypothetical; in "said it would attack", planned."""
    has_condition = any(ch.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in ch.children)
                        for ch in verb.children)
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in (c.reporting | c.hedging | {"announce"})
    return has_condition or not reported


def _hedged(token: Token, c: Cues) -> bool:
    return any(child.dep_ in ("amod", "advmod") and child.lower_ in c.hedge_words for child in token.children)


def _unconfirmed(verb: Token, c: Cues) -> bool:
    """ "unconfirmed reports said", "anonymous sources said": reported, but hedged."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in c.unconfirmed for d in child.subtree):
            return True
    return any(ch.dep_ == "advmod" and ch.lower_ in c.hedge_words for ch in verb.children)


def _attribution(verb: Token, ctx: ActorContext) -> Attribution | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            actors = resolve(child, ctx, remember=False)
            actor = actors[0] if actors else None
            return Attribution(text=actor.text if actor and actor.text else _phrase(child),
                               country=actor.country if actor else None, sector=actor.sector if actor else None)
    return None


def _according_to(anchor: Token, ctx: ActorContext) -> Attribution | None:
    """ "according to X" attached to the event's clause or to the sentence's main clause."""
    root = anchor
    while root.head.i != root.i:
        root = root.head
    for token in (anchor, root):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "according":
                for to in prep.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            actors = resolve(pobj, ctx, remember=False)
                            actor = actors[0] if actors else None
                            return Attribution(text=actor.text if actor and actor.text else _phrase(pobj),
                                               country=actor.country if actor else None,
                                               sector=actor.sector if actor else None)
    return None


def _phrase(head: Token) -> str:
    tokens = list(head.subtree)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text
