"""What the shipped Phoenix dictionaries may code in open news: their verb patterns only between
two actors, their towns in the country the story's places resolve them to."""

from __future__ import annotations


def events(coder, text):
    story = coder.code_text(text, published="2019-05-06")
    return [(e.plover.type, e.cameo.code, e.source and e.source.code, e.target and e.target.code)
            for e in story.events]


def test_a_phoenix_pattern_codes_between_two_actors(coder):
    assert events(coder, "Iran came under fire from the United States over its nuclear programme.") == [
        ("ACCUSE", "111", "USA", "IRN")]


def test_a_phoenix_pattern_with_one_side_only_codes_nothing(coder):
    # "acquire &WEAPON" and "come under fire" are military aid and criticism between states, not
    # a farmer buying a rifle or officers shot at
    assert events(coder, "The farmer acquired a rifle at a market in Texas last week.") == []
    assert events(coder, "The officers came under fire from inside the house in Ohio, the sheriff said.") == []


def test_a_phoenix_pattern_needs_actors_the_text_names(coder):
    # the target is neither implied (the source's own country) nor the pattern's own object noun
    assert events(coder, "A New Zealand man grabbed a knife in Auckland, police said.") == []
    assert events(coder, "The French minister cited the release of a report by the United Nations.") == []


def test_a_dictionary_town_takes_the_country_the_story_places_it_in(coder):
    # Phoenix lists SANTA ANA under El Salvador: the Californian city is not there
    assert events(coder, "Police in Santa Ana, California, arrested two protesters on Monday.") == [
        ("COERCE", "173", "USACOP", "USACVL")]
    assert events(coder, "Police in Santa Ana arrested two protesters in San Salvador on Monday.")[0][2] == "SLVCOP"


def test_a_one_word_name_is_a_name_only_where_the_parser_reads_one(coder):
    # "Male" is the capital of the Maldives, and Phoenix writes NATO as a four-letter name
    assert events(coder, "Male students protested against the government in Dhaka on Monday.") == [
        ("PROTEST", "141", "BGDEDU", "BGDGOV")]
    assert events(coder, "Nato troops attacked rebels in Kandahar on Monday.")[0][2] == "IGONATO"


def test_a_dictionary_person_the_phrase_places_in_another_country_is_of_that_one(coder):
    # Phoenix knows a Jordanian Hassan; "of Morocco" says which Hassan this is
    coded = events(coder, "King Hassan of Morocco said he would host talks between Israel and the PLO.")
    (source,) = {e[2] for e in coded}
    assert source.startswith("MAR")
