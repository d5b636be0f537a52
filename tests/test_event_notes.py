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


def test_a_bomb_that_explodes_is_a_bombing_by_an_unnamed_actor_and_a_gas_cylinder_is_not(code):
    assert code("On 4 May 2024, an IED exploded near a checkpoint in Aleppo as a convoy passed.") == [
        ("ASSAULT", "SYRUAF", None)]
    assert code("A gas cylinder exploded in a restaurant kitchen in Leeds on Monday.") == []


def test_repelling_or_thwarting_an_attack_is_armed_force_and_repelling_water_is_nothing(code):
    assert ("FIGHT", "AFGCOP", "AFGREB") in code("On 2 May 2024, Afghan security forces repelled an attack by "
                                                 "Taliban militants in Kunduz.")
    assert [t for t, _, _ in code("On 3 May 2024, Yemeni government forces thwarted a Houthi incursion "
                                  "near Marib.")] == ["FIGHT"]
    assert code("The new coating repels water and thwarted a takeover bid, the company said in London.") == []


def test_stabbing_is_assault_and_vandalism_a_violent_protest(code):
    assert [t for t, _, _ in code("On 6 May 2024, a local politician was stabbed by two men in Dhaka.")] == ["ASSAULT"]
    assert code("On 5 May 2024, protesters vandalized a police station in Bamako.") == [
        ("PROTEST", "MLICVL", "MLICOP")]


def test_exchanging_fire_is_armed_force_between_the_two_and_exchanging_data_is_not(code):
    assert code("On 9 May 2024, Houthi forces exchanged artillery fire with government forces near Marib.") == [
        ("FIGHT", "YEMREB", "YEMMIL")]
    assert all(t != "FIGHT" for t, _, _ in code("The two banks exchanged data with regulators in London."))


def test_clashes_between_two_sides_name_both_and_a_mediation_between_them_does_not(code):
    assert code("On 3 May 2024, clashes between Houthi forces and government forces took place near Marib.") == [
        ("FIGHT", "YEMREB", "YEMMIL")]
    coded = code("The Arab League launched a mediation effort between Syria and Jordan on Saturday.")
    assert all(source != "SYR" for _, source, _ in coded), coded


def test_forces_named_by_another_sector_are_not_the_forces_named_before(code):
    coded = code("Houthi forces attacked a village near Marib. Government forces shelled the village later.")
    assert [source for _, source, _ in coded] == ["YEMREB", "YEMMIL"], coded


def test_a_gathering_to_demand_is_a_demonstration_and_one_to_celebrate_is_not(code):
    coded = code("On 27 April 2024, more than 100 parents gathered in front of a school in Phnom Penh to demand "
                 "a reduction in fees.")
    assert [t for t, _, _ in coded] == ["PROTEST"]
    assert code("Thousands of fans gathered in Madrid to celebrate the title.") == []
    # what a gathering of money is for is still coded on its own
    assert [t for t, _, _ in code("The charity said it had gathered enough money to fund new classrooms "
                                   "for the Kenyan government.")] == ["AID"]


def test_demonstrators_who_gather_demonstrate(code):
    assert [t for t, _, _ in code("Hundreds of demonstrators gathered outside the parliament in Nairobi.")] == [
        "PROTEST"]


def test_a_performed_protest_is_a_protest_and_a_performed_operation_nothing(code):
    assert ("PROTEST", "ARGCVL", "ARG") in code("On 30 April 2024, in Mendoza, residents performed a pot-banging "
                                                "protest against the release of prisoners.")
    assert code("Surgeons performed an operation on the injured striker in Manchester.") == []


def test_the_subject_the_parser_hung_on_an_opening_place_list_is_the_subject(code_story):
    story = code_story("On 5 May 2024, in Tonala, Chiapas, workers from a transport company protested at the "
                       "offices of the company.")
    (event,) = story.events
    assert (event.plover.type, event.source.code, event.source.text.split()[0]) == ("PROTEST", "MEXLAB", "workers")


def test_name_particles_name_heads_and_currencies_are_no_places(code_story, code):
    story = code_story("Al Shabaab militants attacked a base in Afgooye. The Military Police arrested two men "
                       "near Karbonit Mine.")
    assert {p.text for p in story.places} & {"Al", "Police", "Mine"} == set()
    story = code_story("Protesters blocked a highway against the high US dollar exchange rate.")
    assert all(p.country != "USA" for p in story.places)
    assert all(e.source is None or e.source.country != "USA" for e in story.events)
    coded = code("Protesters demonstrating against the high US dollar exchange rate blocked a road in Sidon.")
    assert coded and all(source is None or not source.startswith("USA") for _, source, _ in coded), coded


def test_a_hyphenated_word_the_tokenizer_split_is_one_trigger(code_story, code):
    import spacy

    from eventwire.code.syntax import lemma_keys

    doc = spacy.blank("en")("They staged a sit-in after the shoot-outs.")
    assert {"sit-in"} <= set(lemma_keys(doc[5])) and {"shoot-outs", "shootouts"} <= set(lemma_keys(doc[10]))
    story = code_story("On 4 March 2024, about 40 nurses held a sit-in outside the main hospital in Kisumu.")
    assert [(e.plover.type, e.source.code, e.mentions[0].trigger.text) for e in story.events] == [
        ("PROTEST", "KENHLH", "sit-in")]
    assert code("On 2 March 2024, residents said that shoot-outs took place in two districts of Kisumu.") == [
        ("FIGHT", "KENUAF", None)]


def test_the_noun_of_a_promising_light_verb_is_an_intent(code):
    # "agreed closer co-operation" is agreed, not done: no co-operation is coded
    assert {t for t, _, _ in code("Health ministers of Laos and Thailand agreed closer co-operation on the "
                                  "epidemic.")} == {"AGREE"}


def test_stones_and_firebombs_thrown_at_someone_are_violence_and_a_ball_is_not(code):
    assert code("Youths threw stones at police officers in Kisumu.") == [("ASSAULT", "KENCVL", "KENCOP")]
    assert [t for t, _, _ in code("Villagers pelted the bus with rocks near Kisumu.")] == ["ASSAULT"]
    assert [t for t, _, _ in code("Police hurled tear gas at students in Nairobi.")] == ["COERCE"]
    assert code("The quarterback threw the ball in Leeds.") == []


def test_arson_however_it_is_written(code):
    # "set X on fire", "set alight X", "set X ablaze" as "set fire to X"
    for text in ("On 3 March 2024, two men set a bus on fire in Kisumu.", "Villagers set alight a shop in Kisumu.",
                 "Villagers set the chief's house ablaze in Kisumu.", "Villagers set fire to a shop in Kisumu."):
        assert [t for t, _, _ in code(text)] == ["ASSAULT"], text


def test_violence_by_protesters_is_a_riot_and_burning_tires_a_protest(code):
    assert code("Demonstrators threw stones at police officers in Kisumu.") == [("PROTEST", "KENCVL", "KENCOP")]
    assert [t for t, _, _ in code("Unknown rioters burned two banks in Kisumu.")] == ["PROTEST"]
    assert [t for t, _, _ in code("Residents burned tires on the main road in Kisumu.")] == ["PROTEST"]
    # a bomb is no riot, whoever throws it; stones thrown by youths are an assault
    assert [t for t, _, _ in code("A rioter lobbed a grenade at a police station in Kisumu.")] == ["ASSAULT"]
    assert [t for t, _, _ in code("Youths threw stones at police officers in Kisumu.")] == ["ASSAULT"]
