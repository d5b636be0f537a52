"""On whose word: each mention's status (asserted, reported, alleged, hypothetical, planned,
negated, denied) and attribution, from cues whose scope is read off the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire import lexicons
from eventwire.code.actors import ActorContext, resolve
from eventwire.model import Attribution


@dataclass(frozen=True, slots=True)
class Cues:
    reporting: frozenset[str]
    hedging: frozenset[str]
    denial: frozenset[str]
    hedge_words: frozenset[str]
    marks: frozenset[str]
    modals: frozenset[str]
    unclear: frozenset[str]
    negators: frozenset[str]


@lexicons.derived
def cues() -> Cues:
    data = lexicons.load("status") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return Cues(words("reporting_verbs"), words("hedging_verbs"), words("denial_verbs"), words("hedge_words"),
                words("hypothetical_marks"), words("hypothetical_modals"), words("unclear_words"),
                words("negators"))


_ACCUSATION = frozenset({"accuse", "charge", "blame", "suspect", "convict", "indict", "sue"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "planned": 3, "hypothetical": 4, "denied": 5, "negated": 6}


def rank(status: str) -> int:
    """Lower is surer: a merged event takes the surest status among its mentions."""
    return _RANK[status]


def status_of(trigger: Token, anchor: Token, ctx: ActorContext) -> tuple[str, Attribution | None]:
    c = cues()
    status = "asserted"
    attribution: Attribution | None = None
    if _hedged(trigger, c) or (anchor.dep_ == "pcomp" and anchor.head.lower_ in ("of", "for")
                               and anchor.head.head.lemma_.lower() in _ACCUSATION):
        status = "alleged"  # "accused Kenya of supporting the rebels": Kenya's support is alleged
    negated = any(ch.dep_ == "neg" or (ch.lower_ in c.negators and ch.dep_ in ("neg", "advmod", "det"))
                  for ch in anchor.children)
    # walk up from the event's clause to the sentence root, reading each governing cue
    current, steps = anchor, 0
    while steps < 8:
        steps += 1
        if any(ch.dep_ == "mark" and ch.lower_ in c.marks for ch in current.children):
            return "hypothetical", attribution
        if any(ch.dep_ == "aux" and ch.lower_ in c.modals for ch in current.children):
            status = "hypothetical" if status == "asserted" else status
        if current != anchor:
            lemma = current.lemma_.lower()
            if lemma in c.denial:
                return "denied", _attribution(current, ctx)
            if lemma in c.hedging:
                status = "alleged"
                attribution = attribution or _attribution(current, ctx)
            elif lemma in c.reporting:
                if status == "asserted":
                    status = "reported"
                attribution = attribution or _attribution(current, ctx)
            elif lemma in c.unclear and any(ch.lower_ in c.marks for ch in current.subtree):
                return "hypothetical", attribution
        if current.head == current:
            break
        current = current.head
    if attribution is None:
        according = _according_to(anchor, ctx)
        if according is not None:
            attribution = according
            status = "reported" if status == "asserted" else status
    if negated:
        return "negated", attribution
    if status == "asserted" and any(ch.dep_ == "aux" and ch.lower_ in _FUTURE for ch in anchor.children):
        status = "planned"
    return status, attribution


def _hedged(trigger: Token, c: Cues) -> bool:
    for child in trigger.children:
        if child.dep_ in ("amod", "advmod") and child.lower_ in c.hedge_words and child.lower_ != "said":
            return True
    return any(ch.dep_ == "advmod" and ch.lower_ in c.hedge_words for ch in trigger.head.children
               if trigger.dep_ in ("dobj", "nsubj"))


def _attribution(verb: Token, ctx: ActorContext) -> Attribution | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            actors = resolve(child, ctx, remember=False)
            text = actors[0].text if actors else _phrase(child)
            actor = actors[0] if actors else None
            return Attribution(text=text, country=actor.country if actor else None,
                               sector=actor.sector if actor else None)
    return None


def _according_to(anchor: Token, ctx: ActorContext) -> Attribution | None:
    root = anchor
    while root.head != root:
        root = root.head
    for token in root.subtree:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            to = token.doc[token.i + 1]
            for pobj in to.children:
                if pobj.dep_ == "pobj":
                    actors = resolve(pobj, ctx, remember=False)
                    actor = actors[0] if actors else None
                    return Attribution(text=actor.text if actor else _phrase(pobj),
                                       country=actor.country if actor else None,
                                       sector=actor.sector if actor else None)
    return None


def _phrase(head: Token) -> str:
    tokens = list(head.subtree)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text
