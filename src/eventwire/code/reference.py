"""How a mention stands to the story's other mentions: what the merge needs to tell one happening
told several times from several happenings of one kind.

News repeats itself: the lead says "gunmen killed 10 people in Karak", a later paragraph "the
attackers shot dead ten", another "the killings". Whether two mentions are one happening is
decided in ``eventwire.code.merge``; this module reads, from the parse, the clues it weighs: where
the mention stands (its sentence), whether its words refer back ("the attack", "her abduction")
or say it is another happening ("another attack", "also fired"), and whether its date and place
are its own clause's or only the story's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.code.clause import Clause
from eventwire.code.dates import clause_dates, event_date
from eventwire.code.geonames import Place
from eventwire.code.places import Toponym
from eventwire.code.syntax import children, lemma
from eventwire.lexicons import WordLists
from eventwire.model import Location
from eventwire.read.dates import DateWords


@dataclass(frozen=True, slots=True)
class Reference:
    """The clues of one mention (one clause: every (source, target) pair of it shares them)."""

    clause: int  # the trigger's token index: the mentions of one clause are its participants, never one another
    sentence: int  # the sentence's number in the story
    lemma: str
    refers_back: str = ""  # the words that name a happening told of before ("the attack")
    distinct: str = ""  # the word that makes it another happening ("another", "second")
    repeated: str = ""  # "also", "again", "then": another act after or beside the one told
    own_date: bool = True  # a date of its own clause, not the publication date
    date_words: str = ""  # the words of that date, lower case ("sunday"), read or not
    own_place: bool = True  # a place of its own clause, not the story's
    place: Place | None = None  # the gazetteer's place of its location (kind, division)


@dataclass(frozen=True, slots=True)
class StoryFrame:
    """What every mention's clues are read against, made once per story."""

    sentences: dict[int, int]  # first token of a sentence → its number
    places: dict[int, Place]  # start offset of a resolved toponym → its place
    fallback: Location | None  # the story's own place, given to clauses that name none
    published: str | None

    @staticmethod
    def of(doc: Doc, toponyms: list[Toponym], fallback: Location | None, published: str | None) -> StoryFrame:
        places = {doc[t.start].idx: t.place for t in toponyms if t.place is not None}
        return StoryFrame({s.start: n for n, s in enumerate(doc.sents)}, places, fallback, published)


def reference(clause: Clause, frame: StoryFrame, grammar: WordLists, dates: DateWords) -> Reference:
    """The clues of ``clause``'s mentions."""
    trigger = clause.trigger
    location = clause.location
    own_place = location is not None and location is not frame.fallback
    return Reference(
        clause=trigger.i, sentence=frame.sentences.get(clause.sentence.start, 0), lemma=clause.lemma,
        refers_back=_refers_back(trigger, grammar) if clause.nominal else "",
        distinct=_distinct(trigger, grammar) or _other_participant(clause, grammar),
        repeated=_repeated(clause, grammar),
        own_date=_dated(clause, frame, dates), date_words=_date_words(clause),
        own_place=own_place, place=frame.places.get(location.start) if location is not None else None)


def _refers_back(noun: Token, grammar: WordLists) -> str:
    """ "the attack", "her abduction", "Sunday's killings": the determiner or owner and the noun."""
    if _distinct(noun, grammar):
        return ""
    for child in noun.children:
        if child.i < noun.i and (child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in
                                                         grammar.definite_determiners)):
            return f"{child.text} {noun.text}"
    return ""


def _distinct(trigger: Token, grammar: WordLists) -> str:
    """ "another attack", "a second bombing", "new clashes", "in separate attacks": the word."""
    for child in trigger.children:
        if child.dep_ in ("det", "amod", "advmod") and child.i < trigger.i and lemma(child) in \
                grammar.distinct_event_words:
            return child.text
    return ""


def _other_participant(clause: Clause, grammar: WordLists) -> str:
    """ "another member of the group was attacked", "a second man was arrested": an actor that is
    not the one told of before, so not the same happening."""
    doc = clause.trigger.doc
    for actor in (*clause.sources, *clause.targets):
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and len(span) and span[0].lower_ in grammar.other_participant_words:
            return span[0].text
    return ""


def _repeated(clause: Clause, grammar: WordLists) -> str:
    """ "police again arrested", "they then made gains towards X, killing ...": the adverb, on the
    trigger or the verb it is the purpose, result or conjunct of."""
    for token in _clause_chain(clause.anchor):
        for child in children(token, "advmod"):
            if child.lower_ in grammar.other_act_adverbs:
                return child.text
    return ""


def _dated(clause: Clause, frame: StoryFrame, dates: DateWords) -> bool:
    """A date of the event's own clause, not the publication date it falls back on: one other than
    the publication's, or written out in full ("On 5 May 2020", the day of an ACLED note)."""
    if clause.date != frame.published or clause.date_precision != "day":
        return clause.date is not None
    return event_date(clause.anchor, clause.sentence, None, dates)[0] is not None


def _date_words(clause: Clause) -> str:
    """The words of the first date the event's clause names ("Saturday's protests": "saturday"),
    for a story with no publication date to read "Saturday" against."""
    for token in _clause_chain(clause.anchor):
        for ent in (e for e in clause_dates(token, clause.sentence) if e.label_ == "DATE"):
            words = [t.lower_ for t in ent if t.is_alpha or t.like_num]
            if words:
                return " ".join(words)
    return ""


def _clause_chain(anchor: Token) -> list[Token]:
    """The verb that carries the event, then those it hangs on as a purpose, result or conjunct."""
    chain = [anchor]
    while len(chain) < 3 and chain[-1].dep_ in ("advcl", "xcomp", "conj") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain
