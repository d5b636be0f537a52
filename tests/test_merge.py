"""One event per happening: repeats of a story merged, distinct happenings kept apart.

Rule tests on hand-built mentions (no parse, so they do not move when a model changes), then a few
stories written for these tests, coded end to end.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.code.geonames import Place
from eventwire.code.merge import CodedMention, MergeWords, merge
from eventwire.code.reference import Reference
from eventwire.model import Actor, Cameo, Location, Mention, Plover, Trigger

WORDS = MergeWords(violent_types=frozenset({"assault", "fight"}))
CAMEO = {"ASSAULT": "180", "FIGHT": "190", "COERCE": "173", "REQUEST": "020", "ACCUSE": "112", "CONSULT": "040"}
PLACES = {
    "Karak": Place(1, "Karak", "city", "JOR", 31.18, 35.70, 30000, False, "Karak"),
    "Irbid": Place(2, "Irbid", "city", "JOR", 32.56, 35.85, 300000, False, "Irbid"),
    "Jordan": Place(3, "Jordan", "country", "JOR", 31.0, 36.0, 9000000, False, None),
    "California": Place(4, "California", "admin1", "USA", 37.0, -120.0, 39000000, False, None),
    "Redding": Place(5, "Redding", "city", "USA", 40.59, -122.39, 90000, False, "California"),
}


def actor(code: str | None, at: int, text: str = "them", name: str | None = None) -> Actor | None:
    """An actor at offset ``at`` whose code is a country and a sector ("JORUAF"), or a bare country;
    with no text, an implied one (no words of its own)."""
    if code is None:
        return None
    country, sector = code[:3], code[3:] or None
    return Actor(text=text, start=at, end=at + len(text), name=name, country=country, sector=sector, code=code)


def mention(at: int, ptype: str, source: str | None, target: str | None, *, sentence: int | None = None,
            clause: int | None = None, cameo: str | None = None, status: str = "asserted",
            date: str | None = "2016-12-19", own_date: bool = False, place: str | None = None,
            own_place: bool = True, refers_back: str = "", distinct: str = "", repeated: str = "",
            lemma: str = "kill", source_text: str = "them") -> CodedMention:
    """A mention whose trigger starts at ``at``, in sentence ``sentence`` (``at`` // 100 unless given)."""
    code = cameo or CAMEO[ptype]
    found = PLACES.get(place) if place else None
    location = None if found is None else Location(found.name, found.country, found.lat, found.lon, found.id,
                                                   at, at + len(found.name))
    ref = Reference(clause=clause if clause is not None else at, sentence=at // 100 if sentence is None else sentence,
                    lemma=lemma, refers_back=refers_back, distinct=distinct, repeated=repeated, own_date=own_date,
                    own_place=own_place and found is not None, place=found)
    return CodedMention(plover=Plover(ptype), cameo_code=code, cameo=Cameo(code, code[:2], 4, -9.0),
                        source=actor(source, at + 2, source_text), target=actor(target, at + 20), date=date,
                        date_precision="day",
                        location=location, status=status, attribution=None,
                        mention=Mention(sentence="...", start=at, end=at + 50, trigger=Trigger("w", at, at + 1),
                                        status=status),
                        confidence=0.6, reference=ref)


def shape(events) -> list[tuple[str, str | None, str | None, list[int]]]:
    return [(e.plover.type, e.source and e.source.code, e.target and e.target.code,
             [m.trigger.start for m in e.mentions]) for e in events]


# ---------------------------------------------------------------- the SPEC's merge, kept
def test_the_same_type_actors_and_date_are_one_event_anywhere_in_the_story():
    events = merge("s", [mention(0, "COERCE", "KENCOP", "KENOPP", lemma="arrest"),
                         mention(900, "COERCE", "KENCOP", "KENOPP", lemma="arrest")], WORDS)
    assert shape(events) == [("COERCE", "KENCOP", "KENOPP", [0, 900])]


def test_a_hand_made_mention_without_clues_merges_on_its_key_alone():
    a, b = mention(0, "COERCE", "KENCOP", "KENOPP"), mention(900, "COERCE", None, "KENOPP")
    a.reference = b.reference = None
    assert len(merge("s", [a, b], WORDS)) == 2
    b.source = a.source
    assert len(merge("s", [a, b], WORDS)) == 1


def test_the_participants_of_one_clause_are_an_event_each():
    # "Gunmen killed two soldiers and a civilian": one clause, two recipients
    events = merge("s", [mention(0, "ASSAULT", "JORUAF", "JORMIL", clause=5),
                         mention(0, "ASSAULT", "JORUAF", "JORCVL", clause=5)], WORDS)
    assert {e.target.code for e in events} == {"JORMIL", "JORCVL"}
    # two of one code in one clause ("arrested a student and a teacher", both civilians) are one
    events = merge("s", [mention(0, "COERCE", "KENCOP", "KENCVL", clause=5, distinct="another"),
                         mention(0, "COERCE", "KENCOP", "KENCVL", clause=5, distinct="another")], WORDS)
    assert len(events) == 1


# ---------------------------------------------------------------- repeats merged
def test_a_noun_that_refers_back_is_the_violence_told_before():
    # "Gunmen killed ten people in Karak on Sunday ..." / "The attack, made with rifles, ..."
    events = merge("s", [mention(0, "ASSAULT", None, "JORCVL", place="Karak", own_date=True, date="2016-12-18"),
                         mention(300, "FIGHT", "JORUAF", None, refers_back="The attack", lemma="attack")], WORDS)
    (event,) = events
    assert (event.plover.type, event.source.code, event.target.code) == ("ASSAULT", "JORUAF", "JORCVL")
    assert event.date == "2016-12-18"  # the lead's own date, not the later mention's publication date
    assert "'The attack' refers back" in (event.mentions[1].explain or "")


def test_violence_in_the_same_or_a_near_sentence_with_actors_that_fit_is_one_happening():
    # "A woman was stabbed in her home." / "Officers found the victim with stab wounds." /
    # "Police said a man stabbed her."
    events = merge("s", [mention(0, "ASSAULT", None, "CANCVL", lemma="stab"),
                         mention(100, "ASSAULT", "CANUAF", None, source_text="", lemma="wound"),
                         mention(200, "ASSAULT", "CANCVL", "CANCVL", status="reported", lemma="stab")], WORDS)
    (event,) = events
    assert (event.source.code, event.target.code, event.status) == ("CANCVL", "CANCVL", "asserted")


def test_the_same_appeal_in_the_next_sentence_is_one_event():
    # "Officials are asking citizens to stay home." / "Citizens are urged to avoid crowds."
    events = merge("s", [mention(0, "REQUEST", "MEXGOV", "MEXCVL", lemma="ask"),
                         mention(100, "REQUEST", None, "MEXCVL", lemma="urge")], WORDS)
    assert shape(events) == [("REQUEST", "MEXGOV", "MEXCVL", [0, 100])]


def test_a_country_is_a_more_general_form_of_its_government():
    events = merge("s", [mention(0, "REQUEST", "IRQ", "TURGOV", lemma="ask"),
                         mention(100, "REQUEST", "IRQGOV", "TURGOV", lemma="ask")], WORDS)
    assert shape(events) == [("REQUEST", "IRQGOV", "TURGOV", [0, 100])]


def test_far_apart_the_same_actors_on_another_date_are_another_event():
    # "the government has refused to negotiate" ... "in 2014 the government dismissed the statement"
    events = merge("s", [mention(0, "REJECT", "ESPGOV", None, cameo="120", lemma="refuse"),
                         mention(900, "REJECT", "ESPGOV", None, cameo="120", own_date=True, date="2014-01-01",
                                 lemma="dismiss")], WORDS)
    assert len(events) == 2
    # near, a date only the story gives fits the one the clause gives: the lead's Sunday
    events = merge("s", [mention(0, "ASSAULT", "JORUAF", "JORCVL", own_date=True, date="2016-12-18"),
                         mention(100, "ASSAULT", "JORUAF", None)], WORDS)
    assert len(events) == 1 and events[0].date == "2016-12-18"


def test_two_days_named_in_a_story_with_no_date_are_two_events():
    # GeoVirus-like: no publication date, "gathered on Sunday" ... "Saturday's protests"
    sunday = mention(0, "PROTEST", "KORCVL", "KOR", cameo="141", date=None, lemma="gather")
    saturday = mention(300, "PROTEST", "KORCVL", None, cameo="141", date=None, refers_back="Saturday's protests",
                       lemma="protest")
    sunday.reference = replace(sunday.reference, date_words="sunday")
    saturday.reference = replace(saturday.reference, date_words="saturday")
    assert len(merge("s", [sunday, saturday], WORDS)) == 2
    saturday.reference = replace(saturday.reference, date_words="sunday")
    assert len(merge("s", [sunday, saturday], WORDS)) == 1


def test_a_finer_place_of_the_event_wins():
    events = merge("s", [mention(0, "ASSAULT", None, "USACVL", place="California", lemma="abduct"),
                         mention(500, "ASSAULT", None, None, place="Redding", refers_back="her abduction")], WORDS)
    (event,) = events
    assert event.location.name == "Redding"


# ---------------------------------------------------------------- distinct happenings kept apart
def test_two_bombings_in_two_towns_are_two_events():
    events = merge("s", [mention(0, "ASSAULT", None, "JORCVL", place="Karak"),
                         mention(100, "ASSAULT", None, "JORCVL", place="Irbid")], WORDS)
    assert len(events) == 2


def test_a_country_holds_its_towns():
    events = merge("s", [mention(0, "ASSAULT", None, "JORCVL", place="Jordan"),
                         mention(100, "ASSAULT", None, "JORCVL", place="Karak")], WORDS)
    assert len(events) == 1 and events[0].location.name == "Karak"


def test_another_attack_a_second_man_and_also_say_two():
    lead = mention(0, "ASSAULT", "JORUAF", "JORCVL")
    assert len(merge("s", [lead, mention(100, "ASSAULT", "JORUAF", "JORCVL", distinct="another")], WORDS)) == 2
    assert len(merge("s", [lead, mention(100, "ASSAULT", None, "JORCVL", repeated="also")], WORDS)) == 2
    assert len(merge("s", [lead, mention(100, "ASSAULT", None, "JORCVL")], WORDS)) == 1


def test_two_dates_of_their_own_are_two_events():
    events = merge("s", [mention(0, "COERCE", None, "BLRCVL", own_date=True, date="2020-05-09", lemma="arrest"),
                         mention(100, "COERCE", None, "BLRCVL", own_date=True, date="2020-05-06", lemma="arrest")],
                   WORDS)
    assert len(events) == 2


def test_what_happened_and_what_was_denied_or_planned_are_kept_apart():
    events = merge("s", [mention(0, "ASSAULT", "ISR", "PSECVL"),
                         mention(100, "ASSAULT", "ISR", "PSECVL", status="denied"),
                         mention(200, "ASSAULT", "ISR", "PSECVL", status="planned")], WORDS)
    assert [e.status for e in events] == ["asserted", "denied", "planned"]


def test_two_acts_of_one_type_by_strangers_or_of_two_kinds_are_two_events():
    # "the judge ordered ..." / "prosecutors had sought ...": two requests, no actor in common
    assert len(merge("s", [mention(0, "REQUEST", "USAJUD", "USA", cameo="100", lemma="order"),
                           mention(100, "REQUEST", "USACOP", None, cameo="020", lemma="seek")], WORDS)) == 2
    # "Romania banned hunting" / "troops rounding up chickens": two COERCE acts (172, 173)
    assert len(merge("s", [mention(0, "COERCE", "ROU", "ROUCVL", cameo="172", lemma="ban"),
                           mention(100, "COERCE", None, "ROUCVL", cameo="173", lemma="round")], WORDS)) == 2


def test_violence_of_another_type_is_merged_only_by_a_noun_that_refers_back():
    lead = mention(0, "ASSAULT", "SOMREB", "SOMMIL")
    assert len(merge("s", [lead, mention(100, "FIGHT", "SOMREB", None, lemma="attack")], WORDS)) == 2
    assert len(merge("s", [lead, mention(100, "FIGHT", "SOMREB", None, refers_back="the attack")], WORDS)) == 1


def test_far_apart_violence_needs_a_noun_that_refers_back():
    lead = mention(0, "ASSAULT", None, "DEUCVL")
    assert len(merge("s", [lead, mention(1000, "ASSAULT", "IRQ", None)], WORDS)) == 2


def test_police_shooting_the_attacker_is_not_the_attack():
    # "police shot and killed the attacker" ... "witnessed the attack" (its doer implied: the attacker)
    events = merge("s", [mention(400, "FIGHT", "FRACOP", None, clause=1, sentence=4),
                         mention(409, "ASSAULT", "FRACOP", "FRAUAF", clause=2, sentence=4),
                         mention(492, "FIGHT", "FRAUAF", None, source_text="", refers_back="the attack",
                                 sentence=5)], WORDS)
    assert len(events) == 3


def test_the_doers_of_a_relative_clause_acted_on_in_the_main_one_are_another_happening():
    # "50 people tried to lynch three men who had allegedly assaulted a woman": same codes, but the
    # assault's doers are the very words the lynching was done to
    lynch = mention(0, "ASSAULT", "MEXCVL", "MEXCVL", clause=1)
    assault = mention(40, "ASSAULT", "MEXCVL", None, clause=2, status="alleged")
    assault.source.start, assault.source.end = lynch.target.start, lynch.target.end
    assert len(merge("s", [lynch, assault], WORDS)) == 2


def test_actors_that_contradict_are_two_events():
    events = merge("s", [mention(0, "ASSAULT", "EGYUAF", "EGYCOP"),
                         mention(100, "ASSAULT", "EGYUAF", "EGYCVL")], WORDS)
    assert len(events) == 2


def test_an_anaphor_takes_the_nearest_happening_or_none():
    # "the attack" nearest a killing whose actors contradict it: not taken for an earlier one
    events = merge("s", [mention(0, "ASSAULT", "JORUAF", "JORCVL"),
                         mention(500, "ASSAULT", "JORMIL", "JORREB", lemma="kill"),
                         mention(600, "ASSAULT", "JORREB", None, refers_back="the attack")], WORDS)
    assert len(events) == 3


# ---------------------------------------------------------------- stories written for these tests
def test_a_knife_attack_told_three_ways_is_one_event_dated_by_its_own_day(events):
    text = ("Three people were killed and five wounded in a knife attack at a bus station in Kunming on "
            "Saturday, police said.\n\nThe attack began at around 9 p.m.\n\nPolice arrested a man at the scene.\n\n"
            "Saturday's killings shocked the city.")
    coded = events(text, "2014-03-02")
    violent = [e for e in coded if e.plover.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 1
    (attack,) = violent
    assert [m.trigger.text for m in attack.mentions] == ["killed", "attack", "killings"]
    assert attack.date == "2014-03-01" and attack.location.name == "Kunming"
    assert [e.plover.type for e in coded if e not in violent] == ["COERCE"]  # the arrest is its own


def test_a_stabbing_told_by_the_story_and_by_the_police_is_one_event(events):
    text = ("A woman was stabbed in her home in Regina on Monday night, police said.\n\n"
            "Officers found the victim with several stab wounds.\n\n"
            "Police said a man stabbed her with a kitchen knife while she slept.\n\n"
            "Police also arrested a second man in Moose Jaw.")
    coded = events(text, "2016-12-13")
    (stabbing,) = [e for e in coded if e.plover.type == "ASSAULT"]
    assert len(stabbing.mentions) == 3
    assert stabbing.status == "asserted" and stabbing.date == "2016-12-12"
    assert "merged:" in (stabbing.mentions[1].explain or "")


def test_another_attack_in_another_town_is_another_event(events):
    text = ("Gunmen killed four soldiers in Mosul on Monday, officials said.\n\n"
            "In another attack, a roadside bomb killed two soldiers near Kirkuk.")
    killings = [e for e in events(text, "2014-03-04") if e.plover.type == "ASSAULT"]
    assert len(killings) == 2


def test_a_noun_that_refers_back_names_the_same_act_unless_it_is_violence():
    # "ministers started travelling to the capital" (a visit) ... "before Sunday's meeting": two acts
    visit = mention(0, "CONSULT", "CANGOV", "CANGOV", cameo="042", lemma="travel")
    meeting = mention(300, "CONSULT", None, "CANGOV", cameo="040", refers_back="Sunday's meeting", lemma="meeting")
    assert len(merge("s", [visit, meeting], WORDS)) == 2
    # "the EU was providing funds" ... "the EU's aid": one
    providing = mention(0, "AID", "IGOEU", "ZWE", cameo="070", lemma="provide")
    aid = mention(300, "AID", "IGOEU", None, cameo="070", refers_back="Union aid", lemma="aid")
    assert len(merge("s", [providing, aid], WORDS)) == 1
