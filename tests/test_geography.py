"""Where a story is: place names found where the parser misses them, and one geography per story
(the countries the story's own words put it in, and each ambiguous name chosen inside them), on
parses built by hand with the test lexicon (tests/data/lexicon-mini) and the real place index."""

from __future__ import annotations

import pytest
import spacy
from support import ROOT, parsed, story_of

from eventwire.coder import Coder
from eventwire.lexicons import Lexicons

MINI = ROOT / "tests" / "data" / "lexicon-mini"


@pytest.fixture(scope="module")
def mini() -> Coder:
    lexicons = Lexicons([MINI], replace=("verbs", "nouns", "actors", "agents"))
    return Coder(lexicons, nlp=spacy.blank("en"), default_dictionaries=False)


def coded(coder: Coder, text: str, tags: dict[str, tuple], glued: frozenset[int] = frozenset()):
    """A sentence coded from a flat parse: every word hangs from the one word tagged VERB, with
    the (coarse tag, dependency[, entity label]) ``tags`` gives it (a noun, else punctuation);
    enough for the place passes, which read words, capitals, tags and entity labels."""
    words = text.split()
    root = next(i for i, w in enumerate(words) if tags.get(w, ("",))[0] == "VERB")
    rows = []
    for i, word in enumerate(words):
        pos, dep, *label = tags.get(word, ("NOUN" if word.isalnum() else "PUNCT", "dep"))
        rows.append((word, root, "ROOT" if i == root else dep, "XX", pos, word.lower(), *(label or [None])))
    doc = parsed(coder.nlp.vocab, rows, glued)
    return coder.code_doc(story_of(doc), doc)


def places(story) -> dict[str, str | None]:
    return {p.text: p.country for p in story.places}


PROTESTED = {"protested": ("VERB", "ROOT"), "in": ("ADP", "prep"), "of": ("ADP", "prep")}


def test_a_name_before_a_lower_case_kind_word_is_a_place(mini):
    # "in Bnei Brak city": the parser calls the town a person; the word after it says it is a place
    story = coded(mini, "Nurses protested in Bnei Brak city .",
                  {**PROTESTED, "Bnei": ("PROPN", "compound", "PERSON"), "Brak": ("PROPN", "compound", "PERSON")})
    assert places(story) == {"Bnei Brak city": "ISR"}


def test_a_name_the_parser_splits_at_a_hyphen_is_one_place(mini):
    story = coded(mini, "Nurses protested in Ivano - Frankivsk .",
                  {**PROTESTED, "Ivano": ("PROPN", "compound", "GPE"), "Frankivsk": ("PROPN", "pobj")},
                  glued=frozenset({3, 4}))
    assert places(story) == {"Ivano-Frankivsk": "UKR"}


def test_two_names_the_parser_splits_are_the_place_they_name_together(mini):
    story = coded(mini, "Nurses protested in Mexicali , Baja California .",
                  {**PROTESTED, "Mexicali": ("PROPN", "pobj", "GPE"), "Baja": ("PROPN", "appos", "GPE"),
                   "California": ("PROPN", "appos", "LOC")})
    assert places(story) == {"Mexicali": "MEX", "Baja California": "MEX"}


def test_a_name_qualified_by_a_bracket_of_divisions_is_a_place(mini):
    # the town is small and the parser calls it a person: the bracket of divisions after it says
    # it is a place; a bracket of initials or of other names says nothing
    story = coded(mini, "Residents of Bosso ( Diffa ) protested .",
                  {**PROTESTED, "Bosso": ("PROPN", "pobj", "PERSON"), "Diffa": ("PROPN", "appos", "GPE")})
    assert places(story) == {"Bosso": "NER", "Diffa": "NER"}
    initials = coded(mini, "Residents of Bosso ( NGO ) protested .",
                     {**PROTESTED, "Bosso": ("PROPN", "pobj", "PERSON"), "NGO": ("PROPN", "appos", "ORG")})
    assert places(initials) == {}


ATTACKED = {"attacked": ("VERB", "ROOT"), "Police": ("NOUN", "nsubj"), "in": ("ADP", "prep")}


def test_a_town_and_its_divisions_choose_one_country(mini):
    # Istanbul is only in Turkey: the Tuzla it qualifies is its district, not the Bosnian city;
    # Aden is only in Yemen: the Al Mansurah of the bracket is its district, not the Egyptian city
    story = coded(mini, "Police attacked a warehouse in Tuzla , Istanbul .",
                  {**ATTACKED, "Tuzla": ("PROPN", "pobj", "GPE"), "Istanbul": ("PROPN", "appos", "GPE")})
    assert places(story) == {"Tuzla": "TUR", "Istanbul": "TUR"}
    story = coded(mini, "Police attacked a market ( Al Mansurah , Aden ) .",
                  {**ATTACKED, "Al": ("PROPN", "compound", "GPE"), "Mansurah": ("PROPN", "appos", "GPE"),
                   "Aden": ("PROPN", "appos", "GPE")})
    assert places(story) == {"Al Mansurah": "YEM", "Aden": "YEM"}


def test_a_town_the_index_knows_only_elsewhere_is_left_inside_its_divisions(mini):
    # the Mandoli of Mopti is no Indian town: unresolved, and the attack is placed in Bandiagara
    story = coded(mini, "Police attacked a post in Mandoli ( Bandiagara , Mopti ) .",
                  {**ATTACKED, "Mandoli": ("PROPN", "pobj", "GPE"), "Bandiagara": ("PROPN", "appos", "GPE"),
                   "Mopti": ("PROPN", "appos", "GPE")})
    assert places(story) == {"Mandoli": None, "Bandiagara": "MLI", "Mopti": "MLI"}
    assert story.events[0].location.country == "MLI"


def test_names_of_several_countries_each_choose_as_before(mini):
    # a list of countries is no town and its division; two names each found in several countries
    # ("Panama City (Bella Vista)") say nothing sure of one another
    story = coded(mini, "Police attacked Armenia , Azerbaijan , Georgia and Iran .",
                  {**ATTACKED, "Armenia": ("PROPN", "dobj", "GPE"), "Azerbaijan": ("PROPN", "conj", "GPE"),
                   "Georgia": ("PROPN", "conj", "GPE"), "Iran": ("PROPN", "conj", "GPE")})
    assert places(story)["Georgia"] == "GEO"
    story = coded(mini, "Police attacked a shop in Panama City ( Bella Vista ) .",
                  {**ATTACKED, "Panama": ("PROPN", "compound", "GPE"), "City": ("PROPN", "pobj", "GPE"),
                   "Bella": ("PROPN", "compound", "GPE"), "Vista": ("PROPN", "appos", "GPE")})
    assert places(story)["Panama City"] == "PAN"
