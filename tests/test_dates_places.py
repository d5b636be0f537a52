"""When and where: relative dates against the publication date, toponyms and event locations."""

from __future__ import annotations

import json
from datetime import date

import pytest
from support import ROOT, SHARED, need_shared, validate

from eventwire.code.dates import resolve
from eventwire.code.geonames import distance_km
from eventwire.model import Story
from eventwire.read.dates import date_words

FRIDAY = date(2016, 12, 23)


@pytest.mark.parametrize(("text", "published", "expected", "precision"), [
    ("Thursday", FRIDAY, date(2016, 12, 22), "day"),
    ("on Friday", FRIDAY, date(2016, 12, 23), "day"),  # the day of publication
    ("Saturday", FRIDAY, date(2016, 12, 17), "day"),  # the last Saturday, a week back
    ("last Friday", FRIDAY, date(2016, 12, 16), "day"),
    ("next Monday", FRIDAY, date(2016, 12, 26), "day"),
    ("yesterday", FRIDAY, date(2016, 12, 22), "day"),
    ("today", FRIDAY, date(2016, 12, 23), "day"),
    ("Sunday", date(2017, 1, 2), date(2017, 1, 1), "day"),  # across the year boundary
    ("Sunday", date(2017, 1, 1), date(2017, 1, 1), "day"),
    ("Wednesday", date(2017, 1, 2), date(2016, 12, 28), "day"),  # back into last week and last year
    ("last week", FRIDAY, date(2016, 12, 16), "week"),
    ("last week", date(2017, 1, 3), date(2016, 12, 27), "week"),
    ("earlier this month", FRIDAY, date(2016, 12, 1), "month"),
    ("last month", date(2017, 1, 10), date(2016, 12, 1), "month"),
    ("last year", FRIDAY, date(2015, 1, 1), "year"),
    ("in March", FRIDAY, date(2016, 3, 1), "month"),
    ("in March", date(2017, 1, 10), date(2016, 3, 1), "month"),  # March is still to come in January
    ("December 20", FRIDAY, date(2016, 12, 20), "day"),
    ("20 December", date(2017, 1, 3), date(2016, 12, 20), "day"),
    ("23 December, 2016", None, date(2016, 12, 23), "day"),
    ("Dec. 23, 2016", None, date(2016, 12, 23), "day"),
    ("in 2014", FRIDAY, date(2014, 1, 1), "year"),
])
def test_date_expressions(text, published, expected, precision):
    assert resolve(text, published, date_words()) == (expected, precision)


def test_durations_are_not_dates():
    assert resolve("six months", FRIDAY, date_words()) is None


@pytest.fixture
def coded(code_story):
    return lambda text, published="2016-12-23": code_story(text, published)


def test_event_date_comes_from_its_own_clause(coded):
    story = coded("The Iraqi delegation arrived in Moscow on Thursday, Iraqi officials said on Friday.")
    (event,) = story.events
    assert (event.date, event.date_precision) == ("2016-12-22", "day")
    story = coded("Iraqi officials said on Thursday that the Iraqi delegation had visited Moscow.")
    (event,) = story.events
    assert event.date == "2016-12-23"  # Thursday is when they spoke, not when the visit was


def test_event_location_is_the_place_of_its_clause(coded):
    story = coded("A delegation from the Iraqi army was in Moscow to request weapons. "
                  "The Iraqi delegation arrived in the capital of Iran on Thursday.")
    locations = {e.plover.type: e.location for e in story.events}
    assert locations["REQUEST"].name == "Moscow" and locations["REQUEST"].country == "RUS"
    assert locations["CONSULT"].name == "Tehran"  # "the capital of Iran"
    assert abs(locations["REQUEST"].lat - 55.75) < 0.2


def test_toponyms_literal_and_adjectival_with_offsets(coded):
    text = "Turkish troops entered the Syrian town of Afrin, near Aleppo, on Sunday."
    story = coded(text)
    places = {(p.text, p.kind): p for p in story.places}
    assert ("Turkish", "adjectival") in places and places[("Turkish", "adjectival")].country == "TUR"
    assert places[("Aleppo", "literal")].country == "SYR"
    for p in story.places:
        assert text[p.start : p.end] == p.text
    assert all(e.location is None or e.location.name != "Turkey" for e in story.events)  # not a demonym


def test_ambiguous_names_follow_the_story(coded):
    us = coded("Police in Paris, Texas, arrested two men. The Texas governor said Houston would send help.")
    france = coded("French police in Paris arrested two men near the Eiffel Tower.")
    paris_us = next(p for p in us.places if p.text == "Paris")
    paris_fr = next(p for p in france.places if p.text == "Paris")
    assert paris_us.country == "USA" and paris_fr.country == "FRA"


def _place(story: Story, text: str, nth: int = 0):
    return [p for p in story.places if p.text == text][nth]


def test_a_name_pinned_once_keeps_its_sense_through_the_story(coded):
    story = coded("LONDON, Ky. - Two men were arrested on Monday. London police said the men fled on foot.")
    assert _place(story, "LONDON").country == "USA"
    assert _place(story, "London").country == "USA"  # the London of the dateline
    uk = coded("Two men were arrested on Monday. London police said the men fled on foot.")
    assert _place(uk, "London").country == "GBR"


def test_a_division_after_a_town_is_the_town_s_division(coded):
    story = coded("The girl flew from Atlanta, Georgia to Wichita, Kansas on Monday.")
    georgia = _place(story, "Georgia")
    assert georgia.country == "USA" and georgia.name == "Georgia"
    caucasus = coded("Officials in Georgia and Armenia met in Tbilisi on Monday.")
    assert _place(caucasus, "Georgia").country == "GEO"


def test_a_list_of_places_is_of_one_kind_and_country(coded):
    story = coded("Cases were reported in Alabama, Arizona, Georgia, Idaho and Kansas.")
    assert _place(story, "Georgia").country == "USA"


def test_country_named_like_one_of_its_divisions_is_the_country(coded):
    story = coded("Floods hit Mexico on Monday.")
    mexico = _place(story, "Mexico")
    assert mexico.country == "MEX" and mexico.name == "Mexico"
    assert abs(mexico.lat - 19.4) > 1  # not Mexico City


def test_towns_the_parser_misses_or_hides_in_names_are_found(coded):
    story = coded("The gunman shouted about the destruction of Aleppo. He later told CBC Toronto he was sorry.")
    assert _place(story, "Aleppo").country == "SYR"
    assert _place(story, "Toronto").country == "CAN"

def test_regions_seas_and_islands_come_from_the_regions_lexicon(coded):
    story = coded("Fighting spread across Darfur. Migrants drowned in the Mediterranean after an earthquake on Java.")
    darfur, sea, java = _place(story, "Darfur"), _place(story, "Mediterranean"), _place(story, "Java")
    assert darfur.country == "SDN" and distance_km(darfur.lat, darfur.lon, 13.5, 24.5) < 300
    assert sea.name == "Mediterranean Sea" and 30 < sea.lat < 40
    assert java.country == "IDN" and java.geonameid is None  # not the village of Java in Georgia


def test_words_around_a_name_say_its_kind(coded):
    state = coded("A cow from a Washington state farm tested positive on Monday.")
    assert _place(state, "Washington").name == "Washington" and _place(state, "Washington").lon < -115
    province = coded("A landslide buried 40 homes in Sichuan province on Saturday.")
    assert _place(province, "Sichuan province").country == "CHN"
    california = coded("Letters reached churches in southern California, United States, on Monday.")
    assert _place(california, "California").lat < 38  # the state, not California, Maryland


def test_abbreviated_divisions_and_names_the_parser_splits(coded):
    story = coded("Lucy was born in Churchill, Man. and moved to Gatineau, Que. last year.")
    assert [p.name for p in story.places if p.text in ("Man.", "Que.")] == ["Manitoba", "Quebec"]
    wales = coded("Victoria has 752 infected persons. New South Wales is the second, with 74 infections.")
    assert _place(wales, "New South Wales").country == "AUS"


def test_a_list_of_states_is_not_a_town_and_its_state(coded):
    story = coded("Cases were found in Utah, Virginia, Washington, West Virginia and Wyoming.")
    washington = _place(story, "Washington")
    assert washington.geonameid is None and washington.lon < -115  # the state, not Washington, W.Va.
    town = coded("The plant in Washington, West Virginia, closed on Monday.")
    assert _place(town, "Washington").lon > -85


def test_a_county_is_looked_for_in_the_states_the_story_names(coded):
    story = coded("Farmers in Iowa lost crops. Thefts were reported in Allamakee County, Dallas County and "
                  "Plymouth County.")
    dallas = _place(story, "Dallas County")
    assert distance_km(dallas.lat, dallas.lon, 41.7, -94.0) < 100  # Iowa's, not Texas'
    plymouth = [p for p in story.places if p.text.startswith("Plymouth")]
    assert plymouth and plymouth[0].text == "Plymouth County" and plymouth[0].country == "USA"


def test_one_word_person_names_that_are_big_towns_are_places(coded):
    story = coded("The report put Edmonton near the bottom of the list. Phones in Tabriz were cut.")
    assert {p.text: p.country for p in story.places}.items() >= {("Edmonton", "CAN"), ("Tabriz", "IRN")}
    person = coded("Winston Churchill spoke on Monday. Churchill said the war was not over.")
    assert not [p for p in person.places if p.text == "Churchill"]


def test_divisions_iso_3166_2_adds_and_places_at_their_middle(coder):
    index = coder.place_index
    bulacan = [p for p in index.lookup("Bulacan") if p.kind != "city"]
    assert bulacan and bulacan[0].country == "PHL"
    ontario = next(p for p in index.lookup("Ontario") if p.kind == "admin1")
    assert distance_km(ontario.lat, ontario.lon, 50.0, -86.0) < 50  # the province's middle, not its south
    assert any(p.kind == "admin1" for p in index.lookup("Kasai Occidental"))  # written without its hyphen


def test_place_index_knows_countries_divisions_and_towns(coder):
    index = coder.place_index
    assert {p.kind for p in index.lookup("Georgia")} >= {"country", "admin1"}
    moscow = max(index.lookup("Moscow"), key=lambda p: p.population)
    assert moscow.country == "RUS" and moscow.capital
    assert index.lookup("Ky.")[0].name == "Kentucky"
    assert distance_km(55.75, 37.62, 59.94, 30.31) == pytest.approx(634, abs=10)


def test_codes_name_a_place_only_in_capitals_and_hyphens_are_spaces(coder):
    index = coder.place_index
    assert any(p.name == "Georgetown" for p in index.lookup("GEO"))  # Georgetown's airport code
    assert not any(p.name == "Georgetown" for p in index.lookup("Geo"))  # "the Geo office", "Geo TV"
    assert any(p.country == "SYR" and p.kind == "admin1" for p in index.lookup("Deir-ez-Zor"))  # "Deir ez-Zor"


def test_a_word_written_like_a_place_s_code_is_no_place(coded):
    story = coded("Reporters of Geo News rallied in Karachi on Monday.")
    assert {p.text: p.country for p in story.places if p.country} == {"Karachi": "PAK"}


GEO_XML = """<articles>
<article><text>Floods hit Lahore on Monday. Pakistani officials in Islamabad asked for help.</text>
<toponyms>
 <toponym><start>11</start><end>17</end><phrase>Lahore</phrase><gaztag><lat>31.55</lat><lon>74.34</lon></gaztag></toponym>
 <toponym><start>29</start><end>38</end><phrase>Pakistani</phrase><gaztag><lat>30</lat><lon>70</lon></gaztag></toponym>
 <toponym><start>52</start><end>61</end><phrase>Islamabad</phrase><gaztag><lat>33.72</lat><lon>73.04</lon></gaztag></toponym>
</toponyms></article>
</articles>"""

VIRUS_XML = """<articles><article><source>test</source>
<text>Cholera spread from Harare to Bulawayo, Zimbabwean health officials said.</text>
<locations>
 <location><name>Harare</name><start>20</start><end>26</end><lat>-17.83</lat><lon>31.05</lon></location>
 <location><name>Bulawayo</name><start>30</start><end>38</end><lat>-20.15</lat><lon>28.58</lon></location>
 <location><name>Atlantis</name><start>0</start><end>7</end><lat>0</lat><lon>0</lon></location>
</locations></article></articles>"""


def test_eval_geo_reads_both_layouts(tmp_path, cli):
    tr = tmp_path / "tr.xml"
    tr.write_text(GEO_XML)
    report = json.loads(cli("eval", "geo", str(tr)).out)
    assert report["n_toponyms"] == 3
    assert report["recall"] == 1.0 and report["acc_161km"] == 1.0
    virus = tmp_path / "virus.xml"
    virus.write_text(VIRUS_XML)
    report = json.loads(cli("eval", "geo", str(virus)).out)
    assert report["n_toponyms"] == 3
    assert report["recall"] == pytest.approx(2 / 3, abs=0.001)  # "Cholera" is no place
    assert report["acc_161km"] == pytest.approx(2 / 3, abs=0.001)


@pytest.mark.accuracy
def test_eval_geo_on_the_shared_corpora(cli):
    for name in ("TR-News.xml", "GeoVirus.xml"):
        report = json.loads(cli("eval", "geo", str(need_shared(SHARED / "datasets" / "geoparsing" / name))).out)
        assert report["recall"] >= 0.80, name
        assert report["acc_161km"] >= 0.80, name  # issue #5


def test_eval_geo_moves_gold_offsets_that_drifted_from_the_text(tmp_path, cli):
    drifted = GEO_XML.replace("<start>52</start><end>61</end>", "<start>55</start><end>64</end>")
    path = tmp_path / "drifted.xml"
    path.write_text(drifted)
    report = json.loads(cli("eval", "geo", str(path)).out)
    assert report["n_realigned"] == 1 and report["acc_161km"] == 1.0


def test_places_validate_against_the_schema(cli):
    result = cli("extract", str(ROOT / "samples" / "border-clashes.html"))
    validate(result.json())
    assert any(p["country"] == "SDN" for p in result.json()["stories"][0]["places"])
