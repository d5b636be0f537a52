"""Mentions to events: one event per happening per participant pair, every mention kept as evidence.

News tells one happening several times: the lead says "gunmen killed 10 people in Karak", the
next sentence "the attackers shot dead ten", a later one "the killings"; a police source, a
ministry and a witness each tell it. An analyst counting events needs it once, with each telling
as a mention, the best-specified actors (a named one over none or one only implied, a government
over its country), the clause's own date and place over the story's (the finer of two), and the
surest status with its attribution. A later mention joins an earlier event when it is the same
happening:

1. the same type, source, target and date as one of its mentions (the SPEC's rule), anywhere in
   the story (not the same type and actors with another date, even one only the story gives:
   "has refused to negotiate" and "in 2014 ... dismissed the statement" are two refusals);
2. a noun that refers back ("the attack", "her abduction", "Sunday's killings") joins the nearest
   earlier event of its kind (violence of either violent type: "killed" ... "the attack"; else
   the same CAMEO act: "providing funds" ... "the EU's aid", not a visit and "the meeting") when
   its actors, date and place fit, and none of the nearest contradicts it;
3. a mention in the same or the next sentence (violence: up to two on) joins an event of the same
   kind (violence of the same PLOVER type, else the same CAMEO act) whose actors fit, with one
   side the same named actor unless it is violence.

Actors fit when one is unknown or only implied by the type, they are the same (code, or one named
person coded two ways), or one is a more general form of the other: a country of its government
(IRQ of IRQGOV: stories say "Iraq" for the government that acts), a sector with no country of
that sector of a country. Two sectors of one country never fit: the police and the gunman they
shot are two actors, however unidentified the gunman (UAF). Nor does a side that is the other's
("police shot the attacker" is not "the attack", whose doer is the attacker). Dates contradict
when both are the clauses' own and neither holds the other; places when both are their own and
neither holds the other nor lies within 25 km (two bombings in two towns are two events).

Kept apart always: what happened and what only might, was planned, or did not happen (a planned
meeting and the meeting held; a denial and the act); the participants of one clause of different
codes ("A and B attacked C" is an event each); a mention that says it is another happening
("another attack", "a second bombing", "another man was stabbed"). "Also", "again", "then" keep a
mention from joining any event but one of its own key. Events of different stories are never
merged here: near-duplicate stories are the store's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from eventwire.code.geonames import Place, distance_km
from eventwire.code.reference import Reference
from eventwire.code.status import rank
from eventwire.model import Actor, Attribution, Cameo, Event, Location, Mention, Plover, actor_key

_REAL = frozenset({"asserted", "reported", "alleged"})
_NEAR_SENTENCES = 1  # the same or the next sentence
_NEAR_VIOLENCE = 2  # violence is told again in its details: who was shot, where, how
_SAME_PLACE_KM = 25.0  # a district and its town, a square and its city


@dataclass(slots=True)
class CodedMention:
    """A mention with everything the merge needs: what, who, when, where, on whose word."""

    plover: Plover
    cameo_code: str
    cameo: Cameo
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str
    location: Location | None
    status: str
    attribution: Attribution | None
    mention: Mention
    confidence: float
    reference: Reference | None = None  # None: a mention made by hand, merged on its key alone

    @property
    def key(self) -> tuple[str, ...]:
        """Type, actors, date and factuality: mentions alike in all are one event (SPEC)."""
        return (self.plover.type or self.cameo_code, actor_key(self.source), actor_key(self.target), self.date or "",
                _factuality(self.status))


@dataclass(frozen=True, slots=True)
class MergeWords:
    """What the merge reads of the lexicons (grammar.yaml): PLOVER types and sectors, lower case."""

    violent_types: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Happening:
    """An event being built and the mentions it holds."""

    event: Event
    members: list[CodedMention] = field(default_factory=list)
    best_rank: int = 99
    own_date: bool = False
    own_place: bool = False
    place: Place | None = None  # the gazetteer's place of the event's own location
    date_words: str = ""  # the words of the first date a mention's own clause names


def merge(story_id: str, mentions: list[CodedMention], words: MergeWords = MergeWords()) -> list[Event]:
    """The story's events, in the order of their first mentions, numbered from 1."""
    happenings: list[_Happening] = []
    for m in mentions:
        found, why = _same_happening(happenings, m, words)
        if found is None:
            found = _new(m)
            happenings.append(found)
        elif why:
            m.mention.explain = f"{m.mention.explain or ''}; merged: {why}"
        _add(found, m)
    ordered = sorted((h.event for h in happenings), key=lambda e: e.mentions[0].trigger.start)
    for n, event in enumerate(ordered, 1):
        event.id = f"{story_id}-{n}"
        if len(event.mentions) > 1:
            event.confidence = min(1.0, event.confidence + 0.05 * (len(event.mentions) - 1))
    return ordered


def _same_happening(happenings: list[_Happening], m: CodedMention,
                    words: MergeWords) -> tuple[_Happening | None, str]:
    """The earlier event ``m`` tells again, and why (empty for the SPEC's merge on the key, which
    needs no saying); (None, "") when it is a happening of its own."""
    ref = m.reference
    same_clause = _keyed(happenings, m, lambda x: ref is not None and x.reference is not None
                         and x.reference.clause == ref.clause)
    if same_clause is not None:  # "arrested A and B", both civilians: one event, as the SPEC has it
        return same_clause, ""
    if ref is not None and ref.distinct:
        return None, ""
    keyed = _keyed(happenings, m, lambda x: True)
    if keyed is not None and _may_join(keyed, m, exact=True):
        return keyed, ""
    if ref is None or ref.repeated:
        return None, ""
    if ref.refers_back:
        return _antecedent(happenings, m, words)
    return _near(happenings, m, words)


def _keyed(happenings: list[_Happening], m: CodedMention,
           also: Callable[[CodedMention], bool]) -> _Happening | None:
    """The first event with a mention of ``m``'s key (type, actors, date, factuality) that passes ``also``."""
    return next((h for h in happenings if any(x.key == m.key and also(x) for x in h.members)), None)


def _near(happenings: list[_Happening], m: CodedMention, words: MergeWords) -> tuple[_Happening | None, str]:
    """An event told in the same or the next sentence (violence: two sentences on), of the same
    kind, with actors that fit: violence told again ("were killed ... found the victim with stab
    wounds"), else the same act by or to the same actor ("asking citizens to ..." and "citizens are
    urged to ..."); not two acts of one kind by two strangers ("the judge ordered ... prosecutors
    had sought")."""
    ref, violent = m.reference, _violent(m, words)
    reach = _NEAR_VIOLENCE if violent else _NEAR_SENTENCES
    near = [(_agreement(h.event, m), -_distance(h, ref), h) for h in happenings
            if _distance(h, ref) <= reach and _near_kinds_fit(h, m, words)
            and _may_join(h, m, exact=False) and _sides_fit(h, m)]
    near = [c for c in near if c[0] > 0 or violent]
    if not near:
        return None, ""
    *_, best = max(near, key=lambda c: c[:2])
    where = {0: "the same sentence", 1: "the next sentence"}.get(_distance(best, ref), "a sentence near")
    return best, f"{where}, {_shared(best.event, m) or 'actors that fit'}, as {_first(best)}"


def _antecedent(happenings: list[_Happening], m: CodedMention, words: MergeWords) -> tuple[_Happening | None, str]:
    """ "the attack", "her abduction": the nearest earlier happening of a fitting type, when its
    actors, date and place fit; when one of the nearest does not, the noun may mean it, and no
    other is taken for it (nor one further back)."""
    ref = m.reference
    fitting = [h for h in happenings if _types_fit(h, m, words) and _factuality(h.event.status) ==
               _factuality(m.status) and _distance(h, ref) < 1_000_000]
    if not fitting:
        return None, ""
    closest = [h for h in fitting if _distance(h, ref) == min(_distance(h, ref) for h in fitting)]
    if not all(_may_join(h, m, exact=False) and _sides_fit(h, m) for h in closest):
        return None, ""  # "police shot and killed the attacker ... witnessed the attack": not the police's
    best = max(closest, key=lambda h: (_agreement(h.event, m), h.members[-1].mention.trigger.start))
    return best, f"{ref.refers_back!r} refers back to {_first(best)}"


def _first(h: _Happening) -> str:
    trigger = h.members[0].mention.trigger
    return f"{trigger.text!r} ({trigger.start})"


def _shared(event: Event, m: CodedMention) -> str:
    same = [side for side, a, b in (("source", event.source, m.source), ("target", event.target, m.target))
            if a is not None and b is not None and not _implied(a) and not _implied(b) and _same_actor(a, b)]
    return f"the same {' and '.join(same)}" if same else ""


def _may_join(h: _Happening, m: CodedMention, exact: bool) -> bool:
    """Nothing keeps ``m`` out of ``h``: the same factuality, no other participant of the same clause
    (but one of the same code: "arrested A and B", both civilians, is one event), no "also" on the
    same verb, and a date and place that do not contradict the event's."""
    ref = m.reference
    if _factuality(h.event.status) != _factuality(m.status):
        return False
    if not exact and ref is not None and any(x.reference is not None and x.reference.clause == ref.clause
                                             for x in h.members):
        return False
    return _dates_fit(h, m) and _places_fit(h, m)


def _near_kinds_fit(h: _Happening, m: CodedMention, words: MergeWords) -> bool:
    """Two tellings side by side: violence of the same PLOVER type ("killed ... injured"), else
    the same CAMEO act ("asking" and "urged" are both appeals; "arrested" and "banned", both
    COERCE, are two acts)."""
    if _violent(m, words):
        return any(x.plover.type == m.plover.type for x in h.members)
    return any(x.cameo_code == m.cameo_code for x in h.members)


def _violent(m: CodedMention, words: MergeWords) -> bool:
    return (m.plover.type or "").lower() in words.violent_types


def _types_fit(h: _Happening, m: CodedMention, words: MergeWords) -> bool:
    """What a noun that refers back may name: violence of either violent type ("gunmen killed
    ten" ... "the attack"), else the same CAMEO act ("providing funds" ... "the EU's aid"; not
    "travelling to the capital" ... "Sunday's meeting")."""
    if _violent(m, words):
        return any((x.plover.type or "").lower() in words.violent_types for x in h.members)
    return any(x.cameo_code == m.cameo_code for x in h.members)


def _sides_fit(h: _Happening, m: CodedMention) -> bool:
    """Both actors fit, and neither side is the other's: "police shot the attacker" is not "the
    attack" (whose doer, implied, is the attacker); "tried to lynch three men who had assaulted a
    woman" is not the assault (its doers are the words the lynching was done to)."""
    event = h.event
    if _crossed(m.source, event.source, event.target) or _crossed(m.target, event.target, event.source):
        return False
    if any(_same_words(m.source, x.target) or _same_words(m.target, x.source) for x in h.members):
        return False
    return _actors_fit(event.source, m.source) and _actors_fit(event.target, m.target)


def _same_words(a: Actor | None, b: Actor | None) -> bool:
    """The same words of the text name both (not an implied actor, which has none)."""
    return a is not None and b is not None and not _implied(a) and (a.start, a.end) == (b.start, b.end)


def _crossed(actor: Actor | None, same_side: Actor | None, other_side: Actor | None) -> bool:
    """``actor`` is the event's actor on the other side, and not the one named on its own side."""
    return actor is not None and other_side is not None and same_side is not None and not _implied(same_side) and \
        actor_key(actor) == actor_key(other_side) and actor_key(actor) != actor_key(same_side)


def _actors_fit(a: Actor | None, b: Actor | None) -> bool:
    """One unknown (or only implied by the type: "stab wounds" imply an armed doer, whom the next
    sentence calls "a man"), the same actor, or one a more general form of the other."""
    if a is None or b is None or _implied(a) or _implied(b):
        return True
    return _same_actor(a, b) or _more_general(a, b) or _more_general(b, a)


def _implied(actor: Actor) -> bool:
    """An actor no words of the text name: the doer an event's type implies (steps.imply_source)."""
    return actor.end <= actor.start


def _same_actor(a: Actor, b: Actor) -> bool:
    """The same code, or the same named person or body coded two ways."""
    return actor_key(a) == actor_key(b) or (a.name is not None and a.name == b.name)


def _more_general(a: Actor, b: Actor) -> bool:
    """``a`` says less of the same actor: a country of its government or police (IRQ of IRQGOV: a
    story says "Iraq" for the Iraqi government that acts), a sector with no country of the same
    sector of a country ("police" of TURCOP). Not two sectors of one country: the police and the
    gunman they shot are two actors, however unidentified the gunman."""
    if not _plain(a) or (a.country is not None and a.country != b.country):
        return False
    if a.sector is None:
        return a.country is not None
    return a.country is None and a.sector == b.sector and b.country is not None


def _plain(actor: Actor) -> bool:
    """A code made of a country and a sector only, not a named body's own code (IGOWHO, IMGISI)."""
    return actor.code == f"{actor.country or ''}{actor.sector or ''}"


def _agreement(event: Event, m: CodedMention) -> int:
    """How many of the two sides are named on both and the same actor."""
    return sum(a is not None and b is not None and not _implied(a) and not _implied(b) and _same_actor(a, b)
               for a, b in ((event.source, m.source), (event.target, m.target)))


def _distance(h: _Happening, ref: Reference) -> int:
    """Sentences from the event's nearest mention to ``ref``'s."""
    return min((abs(ref.sentence - x.reference.sentence) for x in h.members if x.reference is not None),
               default=1_000_000)


def _dates_fit(h: _Happening, m: CodedMention) -> bool:
    """Dates contradict only when both are the clause's own and neither holds the other ("in
    March" holds "on 3 March"); in a story with no date to read them against, when the clauses
    name two days in other words ("on Sunday", "Saturday's protests")."""
    words = m.reference.date_words if m.reference is not None else ""
    if words and h.date_words and words != h.date_words and (m.date is None or h.event.date is None):
        return False
    own = m.reference is None or m.reference.own_date
    if not (h.own_date and own) or h.event.date == m.date or h.event.date is None or m.date is None:
        return True
    return _holds(h.event.date, h.event.date_precision, m.date) or _holds(m.date, m.date_precision, h.event.date)


def _holds(day: str, precision: str, other: str) -> bool:
    width = {"year": 4, "month": 7}.get(precision)
    return width is not None and day[:width] == other[:width]


def _places_fit(h: _Happening, m: CodedMention) -> bool:
    """Places contradict only when both are the clause's own, and neither holds the other nor
    lies within a few kilometres of it: Redding is in California, a market is in its town."""
    ref = m.reference
    a, b = h.event.location, m.location
    if not (h.own_place and ref is not None and ref.own_place) or a is None or b is None:
        return True
    if (a.geonameid is not None and a.geonameid == b.geonameid) or a.name == b.name:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    pa, pb = h.place, ref.place
    for big, small in ((pa, pb), (pb, pa)):
        if big is not None and (big.kind in ("country", "continent") or (
                small is not None and big.kind == "admin1" and small.admin1 == big.name)):
            return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= _SAME_PLACE_KM


def _new(m: CodedMention) -> _Happening:
    event = Event(id="", plover=m.plover, cameo=m.cameo, source=m.source, target=m.target, date=m.date,
                  date_precision=m.date_precision, location=m.location, attribution=m.attribution,
                  status=m.status, mentions=[], confidence=m.confidence)
    return _Happening(event)


def _add(h: _Happening, m: CodedMention) -> None:
    """``m`` joins ``h``: the surest status and its attribution, the best-specified actors, date and place."""
    event, ref, first = h.event, m.reference, not h.members
    if rank(m.status) < h.best_rank:
        event.status, event.attribution, h.best_rank = m.status, m.attribution, rank(m.status)
    elif event.attribution is None and m.attribution is not None and rank(m.status) == h.best_rank:
        event.attribution = m.attribution
    event.source = _better_actor(event.source, m.source)
    event.target = _better_actor(event.target, m.target)
    own_date = ref is None or ref.own_date
    if m.date is not None and (event.date is None or (own_date and (
            not h.own_date or _finer(m.date_precision, event.date_precision)))):
        event.date, event.date_precision = m.date, m.date_precision
    h.own_date = h.own_date or own_date
    h.date_words = h.date_words or (ref.date_words if ref is not None else "")
    own_place = ref is not None and ref.own_place
    place = ref.place if ref is not None else None
    if first or (m.location is not None and _better_place(own_place, place, h)):
        event.location, h.place = m.location, place
    h.own_place = h.own_place or (own_place and m.location is not None)
    event.confidence = max(event.confidence, m.confidence)
    h.members.append(m)
    if all(x.trigger.start != m.mention.trigger.start for x in event.mentions):
        event.mentions.append(m.mention)


def _better_actor(kept: Actor | None, new: Actor | None) -> Actor | None:
    """The best-specified of the two: a known actor over none, a specific one over a general one."""
    if kept is None or (new is not None and _implied(kept) and not _implied(new)):
        return new
    if new is not None and actor_key(kept) != actor_key(new) and _more_general(kept, new):
        return replace(new)
    return kept


def _better_place(own: bool, place: Place | None, h: _Happening) -> bool:
    """A place of a clause's own over the story's, unless the story's is finer (the event's own
    "in Lebanon" does not replace the dateline's Beirut); of two of their own, the finer."""
    if h.event.location is None:
        return True
    if own and not h.own_place:
        return not _finer_place(h.place, place)
    return own and _finer_place(place, h.place)


def _finer_place(a: Place | None, b: Place | None) -> bool:
    """A town over its province, a province over its country."""
    order = ("city", "admin2", "admin1", "country", "continent")
    return a is not None and b is not None and a.kind in order and b.kind in order and \
        order.index(a.kind) < order.index(b.kind)


def _finer(a: str, b: str) -> bool:
    order = ("day", "week", "month", "year", "unknown")
    return order.index(a) < order.index(b) if a in order and b in order else False


def _factuality(status: str) -> str:
    """What happened and what only might, was planned, or did not happen are kept apart."""
    return "real" if status in _REAL else status
