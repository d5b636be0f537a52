"""Rules found on event notes (issue #16), each a rule of English news: one test per rule, on
sentences written here."""

from __future__ import annotations


def test_a_place_before_a_settlement_word_is_where_the_event_happens(events):
    (event,) = events("On 4 March 2024, about 40 nurses protested in Diwaniya city over unpaid wages.")
    assert event.location is not None and event.location.country == "IRQ"


def test_an_actor_of_a_story_naming_no_country_is_of_the_country_where_it_acts(code):
    # no country word anywhere: the farmers are of the country their town is in
    coded = code("Hundreds of farmers gathered in Diwaniya city on Monday. The farmers protested outside "
                 "the office of the governor against low wheat prices.")
    assert ("PROTEST", "IRQAGR", "IRQ") in coded  # a protest at home is directed at the country


def test_an_actor_with_a_country_of_its_own_keeps_it_where_it_acts(code):
    coded = code("Turkish soldiers shelled a village near Tell Abiad on Monday.")
    assert all(source is None or source.startswith("TUR") for _, source, _ in coded), coded


def test_an_unnamed_doer_takes_the_country_of_a_village_the_index_knows_only_by_another_name(code):
    # the village is found and placed, though the parser calls it an organisation
    coded = code("On 5 May 2024, the monitors observed a total of 4 explosions involving unknown weapons "
                 "near Novooleksandrivka.")
    assert coded == [("FIGHT", "UKRUAF", None)]
