"""Events whose doer the sentence does not name, noun events seen by a witness or happening, and
the date and place fixes found on event notes: one test per rule, on sentences written here."""

from __future__ import annotations


def _only(events, ptype):
    found = [e for e in events if e.plover.type == ptype]
    assert len(found) == 1, [(e.plover.type, e.source and e.source.code) for e in events]
    return found[0]


def test_witnessed_explosions_with_a_weapon_are_force_by_an_unnamed_actor_where_they_happen(events):
    event = _only(events("On 12 March 2024, the monitors observed a total of 14 explosions involving mortars "
                         "near Zolote."), "FIGHT")
    # the monitors saw it: they are not its actor; the actor is unknown, in the country of Zolote
    assert (event.source.code, event.source.sector, event.source.text) == ("UKRUAF", "UAF", "")
    assert event.date == "2024-03-12"  # the witness verb's clause dates it
    assert event.location is not None and event.location.country == "UKR"


def test_an_explosion_with_no_weapon_named_is_no_use_of_force(code):
    assert code("Firefighters reported a gas explosion at a chemical warehouse in Leeds.") == []
    assert code("The striker had a shot at goal in the second half in Leeds.") == []


def test_a_protest_that_took_place_is_made_by_civilians_of_the_place(code):
    coded = code("On 3 March 2024, a demonstration took place outside the hospital in Kisumu.")
    assert ("PROTEST", "KENCVL", "KEN") in coded


def test_reported_clashes_are_an_event_and_the_reporter_not_their_actor(code):
    assert code("Local radio reported clashes in Kisumu on Sunday.") == [("FIGHT", "KENUAF", None)]


def test_an_agentless_killing_keeps_no_source(code):
    # whoever killed them is unknown: no actor is implied for the verb ("the virus killed ...")
    assert all(source is None for _, source, _ in code("Three people were killed in Kisumu on Sunday."))
    assert all(source is None or not source.endswith("UAF")
               for _, source, _ in code("The virus killed thousands of birds in Romania."))


def test_a_participle_hung_on_the_root_noun_after_an_opening_phrase_is_the_verb(code):
    coded = code("On 5 March 2024, local residents protested in Kisumu against the new taxes.")
    assert any(ptype == "PROTEST" and source == "KENCVL" for ptype, source, _ in coded)


def test_a_date_the_parser_split_is_read_whole(events):
    (event,) = events("On 2 Feb 2024, police arrested five men in Kisumu.")
    assert event.date == "2024-02-02"


def test_initials_are_not_taken_for_a_town_by_its_airport_code(code_story):
    story = code_story("Members of the SMM met officials of the PMF in Kyiv.")
    assert {p.country for p in story.places if p.country} <= {"UKR"}


def test_a_doer_the_sentence_names_is_never_replaced_by_an_implied_one(events):
    # "Haley" is no actor the coder knows, but she is named: the source stays unknown, not "armed actor"
    coded = events("Ms Haley strongly attacked the proposal in a speech in Columbia, South Carolina.")
    assert all(e.source is None or e.source.sector != "UAF" for e in coded)


def test_a_person_a_violent_verb_is_done_to_is_a_civilian_of_the_place(code):
    # no actor word names "an inmate" or "a drug suspect": as the passive subject of violence they are civilians
    assert code("On 8 May 2020, an inmate was stabbed in Manaus, Amazonas.") == [("ASSAULT", None, "BRACVL")]
    assert code("On 4 May 2020, a drug suspect was killed in Kano.") == [("ASSAULT", None, "NGACVL")]
    # "shot and killed" in a town the place index gives no country of its own: the second verb's
    # victim is the first verb's subject
    assert ("ASSAULT", None, "BRACVL") in code("A teenager was shot and killed in Manaus, Amazonas.")


def test_no_victim_is_implied_where_nothing_says_it_was_violence(code):
    # an active verb whose subject is no actor (poison, a disease) and a number alone are no victims
    for text in ("Poisoned liquor killed a teenager in Nairobi, Kenya.",
                 "The earthquake has killed almost 15,000 in Sichuan, China."):
        assert not any(target and target.endswith("CVL") for _, _, target in code(text)), text
    # no place with a country: nothing to be a civilian of
    assert code("I believe an inmate was stabbed.") == []


def test_accidents_are_no_violence(code):
    assert code("On 2 May 2020, a man was killed in a car crash in Kaduna, Nigeria.") == []
    assert code("A boy was hit by a car and killed in Kano, Nigeria.") == []
    assert code("One person was killed after crashing his car in Kano, Nigeria.") == []
    assert code("Two drivers were injured in the collision in Kano, Nigeria.") == []
    # artillery fire is no accident
    assert code("Turkish forces shelled regime positions in Saraqeb with artillery fire.") != []


def test_marks_of_violence_a_body_bears_are_violence_by_an_unnamed_doer(code):
    # a body found dead says nothing of a killing; one that bears gunshot wounds or signs of torture does
    assert code("On 2 March 2024, a man was found dead in his flat in Kisumu.") == []
    assert ("ASSAULT", "MEXUAF", None) in code("On 2 March 2024, in Culiacan, Sinaloa, a man was found dead. "
                                               "The body presented gunshot wounds.")
    assert ("ASSAULT", "KENUAF", None) in code("The body of a woman was found with signs of torture near Kisumu.")
    # the mutilated body is the victim's, a civilian of the place
    assert ("ASSAULT", None, "MEXCVL") in code("On 4 March 2024, a body was dismembered in Culiacan, Sinaloa.")
    # no weapon or violence named, or a wound of one's own: nothing
    assert code("The striker suffered a knee injury in the match in Leeds.") == []
    assert code("A soldier suffered a self-inflicted gunshot wound at the base in Kisumu.") == []
    assert code("A hunter sustained an accidental gunshot wound to the leg near Kisumu.") == []
