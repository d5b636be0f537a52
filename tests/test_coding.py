"""Who did what to whom: one test per syntactic case, on sentences written for these tests."""

from __future__ import annotations

import pytest


def test_active_voice(code):
    assert code("Kenyan police arrested three opposition leaders in Nairobi on Monday.") == [
        ("COERCE", "KENCOP", "KENOPP")]


def test_passive_voice_with_agent(code):
    assert code("Three opposition leaders were arrested by Kenyan police on Monday.") == [
        ("COERCE", "KENCOP", "KENOPP")]


def test_prepositional_target_met_with(code):
    assert code("The Turkish foreign minister met with his Iraqi counterpart in Ankara.") == [
        ("CONSULT", "TURGOV", "IRQGOV")]


def test_nominal_event_of_a_light_verb_in_talks_with(code):
    assert code("Russian President Vladimir Putin held talks with Chinese leader Xi Jinping in Beijing.") == [
        ("CONSULT", "RUSGOV", "CHNGOV")]


def test_reported_future_is_coded_for_the_embedded_subject(events):
    # "X said Y would ...": Y acts, and a future withdrawal is an intent (AGREE)
    (event,) = events("Egypt said Israel would withdraw its troops from Gaza.")
    assert (event.plover.type, event.source.code, event.target.code) == ("AGREE", "ISR", "PSE")
    assert event.status == "planned"  # it is still to come, on Egypt's word
    assert event.attribution.country == "EGY"


def test_relative_clause_and_accusation_content(code):
    coded = code("The Ugandan army, which fought the rebels last year, accused Kenya of supporting them.")
    assert ("FIGHT", "UGAMIL", "UGAREB") in coded or ("FIGHT", "UGAMIL", "KENREB") in coded
    assert ("ACCUSE", "UGAMIL", "KEN") in coded
    # the content of the accusation is Kenya's (alleged) act, not the army's
    assert all(not (t == "SUPPORT" and s == "UGAMIL") for t, s, _ in coded)


def test_compound_subject_and_coordinated_verbs(code):
    coded = code("France and Germany condemned the attack and demanded an inquiry.")
    assert ("ACCUSE", "FRA", None) in coded and ("ACCUSE", "DEU", None) in coded
    assert ("REQUEST", "FRA", None) in coded and ("REQUEST", "DEU", None) in coded


def test_compound_actor_yields_an_event_each(code):
    assert code("The United States and Britain imposed sanctions on Iran.") == [
        ("SANCTION", "USA", "IRN"), ("SANCTION", "GBR", "IRN")]


def test_coordinated_country_adjectives(code):
    coded = code("French and Egyptian warships launched joint naval exercises in the Mediterranean.")
    assert {s for t, s, _ in coded if t == "COOPERATE"} == {"FRAMIL", "EGYMIL"}


def test_nominal_event_with_possessor_and_of_phrase(code):
    assert code("Pakistan's visit to Afghanistan ended on Tuesday.") == [("CONSULT", "PAK", "AFG")]
    assert ("CONSULT", "INDGOV", "JPN") in code("The visit of the Indian prime minister to Japan began on Monday.")


def test_apposition_names_the_actor(code):
    coded = code("Haider al-Abadi, the Iraqi prime minister, visited Tehran on Sunday.")
    assert coded == [("CONSULT", "IRQGOV", "IRNGOV")]


def test_capital_as_subject_is_government(code):
    assert code("Moscow condemned the new sanctions.")[0][:2] == ("ACCUSE", "RUSGOV")


def test_named_armed_group_and_military(code):
    assert code("The Syrian army clashed with Islamic State fighters near Palmyra.") == [
        ("FIGHT", "SYRMIL", "IMGISI")]


def test_governing_verb_absorbs_its_complement(code):
    # urge + send peacekeepers: one REQUEST to the UN, not a separate deployment
    assert code("Nigeria urged the United Nations to send peacekeepers to Mali.") == [("REQUEST", "NGA", "IGOUNO")]
    assert code("The rebels threatened to attack the capital.")[0][0] == "THREATEN"
    assert code("Hamas agreed to release the hostages.")[0][0] == "AGREE"


def test_request_for_weapons_is_military_request(events):
    (event,) = events("The militia asked Russia for weapons and ammunition.")
    assert (event.plover.type, event.plover.mode, event.cameo.root) == ("REQUEST", "military", "02")
    assert event.target.code == "RUS"


def test_demand_that_clause_targets_its_subject(code):
    assert code("Amnesty International demanded that the Sudanese government release the journalists.") == [
        ("REQUEST", "NGOAMN", "SDNGOV")]


def test_obligation_in_reported_speech_is_a_demand(code):
    assert code("The British foreign secretary said the Sudanese government must end the fighting.") == [
        ("REQUEST", "GBRGOV", "SDNGOV")]


def test_conditional_future_is_a_threat_with_the_condition_subject_as_target(code):
    coded = code("Farmers in France said they would block the roads unless the government cut fuel taxes.")
    assert coded[0][0] == "THREATEN" and coded[0][2] == "FRAGOV"


def test_pronoun_takes_the_nearest_subject(code):
    assert code("President Emmanuel Macron said he would visit Algeria next month.") == [
        ("AGREE", "FRAGOV", "DZA")]


def test_ethnic_group_is_not_the_country_of_its_name(code):
    coded = code("Thousands of ethnic Albanians demonstrated in Serbia on Tuesday.")
    assert coded[0][0] == "PROTEST" and coded[0][1] == "SRBCVL"


def test_military_killing_is_fight_and_civilian_bombing_is_assault(code):
    assert code("Russian aircraft killed twenty Afghan civilians in Herat.")[0][0] == "FIGHT"
    assert code("Gunmen killed twenty villagers in Nigeria.")[0][0] == "ASSAULT"


def test_words_that_code_nothing(code):
    assert code("The minister returned home on Friday.") == []
    assert code("The weather in Paris was warm.") == []


@pytest.mark.parametrize("text", ["The talks were held in Geneva.", "Clashes erupted near the border."])
def test_events_without_any_actor_are_not_coded(text, code):
    assert code(text) == []


def test_every_event_keeps_its_mentions_with_trigger_offsets(events):
    text = ("Kenyan police arrested three opposition leaders in Nairobi on Monday. "
            "The opposition leaders were arrested by Kenyan police at a rally on Monday.")
    (event,) = events(text)
    assert len(event.mentions) == 2
    for mention in event.mentions:
        t = mention.trigger
        assert text[t.start : t.end] == t.text
        assert text[mention.start : mention.end] == mention.sentence


def test_a_verb_with_its_preposition_after_it(code):
    # "called on X to ...": an appeal; "fired on": shooting (a bare YAML on was read as true before)
    assert code("Kenya called on Uganda to withdraw its troops from the border.") == [("REQUEST", "KEN", "UGA")]
    assert ("FIGHT", "KENUAF", "KENMIL") in code("Gunmen fired on an army patrol near Kisumu.")
    # a fronted date is no preposition of the verb; a passive call is a summons
    assert not any(t == "REQUEST" for t, _, _ in code("On Friday, the Kenyan minister called the report "
                                                       "extreme."))
    assert code("Police were called to a hotel in Nairobi on Friday night.") == []
