"""Where a story is: place names found where the parser misses them, and one geography per story
(the countries the story's own words put it in, and each ambiguous name chosen inside them), on
parses built by hand with the test lexicon (tests/data/lexicon-mini) and the real place index."""

from __future__ import annotations

import pytest
import spacy
from support import ROOT, dictionary_folder, parsed, story_of

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


ATTACKED = {"attacked": ("VERB", "ROOT"), "Police": ("NOUN", "nsubj"), "in": ("ADP", "prep")}
GPE = ("PROPN", "appos", "GPE")


@pytest.mark.parametrize(("text", "tags", "expected"), [
    # two names the parser splits are the place they name together
    ("Nurses protested in Mexicali , Baja California .",
     {**PROTESTED, "Mexicali": ("PROPN", "pobj", "GPE"), "Baja": GPE, "California": ("PROPN", "appos", "LOC")},
     {"Mexicali": "MEX", "Baja California": "MEX"}),
    # a small town the parser calls a person: the bracket of divisions after it says it is a place;
    # a bracket of initials says nothing
    ("Residents of Bosso ( Diffa ) protested .", {**PROTESTED, "Bosso": ("PROPN", "pobj", "PERSON"), "Diffa": GPE},
     {"Bosso": "NER", "Diffa": "NER"}),
    ("Residents of Bosso ( NGO ) protested .",
     {**PROTESTED, "Bosso": ("PROPN", "pobj", "PERSON"), "NGO": ("PROPN", "appos", "ORG")}, {}),
    # a town and its divisions choose one country: Istanbul is only in Turkey, so the Tuzla it
    # qualifies is its district, not the Bosnian city; Aden is only in Yemen, so the Al Mansurah
    # of the bracket is its district, not the Egyptian city
    ("Police attacked a warehouse in Tuzla , Istanbul .",
     {**ATTACKED, "Tuzla": ("PROPN", "pobj", "GPE"), "Istanbul": GPE}, {"Tuzla": "TUR", "Istanbul": "TUR"}),
    ("Police attacked a market ( Al Mansurah , Aden ) .",
     {**ATTACKED, "Al": ("PROPN", "compound", "GPE"), "Mansurah": GPE, "Aden": GPE},
     {"Al Mansurah": "YEM", "Aden": "YEM"}),
])
def test_names_around_a_name_say_what_and_where_it_is(mini, text, tags, expected):
    assert places(coded(mini, text, tags)) == expected


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


ARRESTED = {"arrested": ("VERB", "ROOT"), "Police": ("NOUN", "nsubj"), "in": ("ADP", "prep"), "men": ("NOUN", "dobj")}


def codes(story) -> list[tuple[str | None, str | None]]:
    return [(e.source and e.source.code, e.target and e.target.code) for e in story.events]


def test_a_capital_s_name_resolved_elsewhere_is_that_town(mini):
    # "Paris" names France's capital, but the Paris of Texas is an American town: its police are American
    story = coded(mini, "Police in Paris , Texas , arrested two men .",
                  {**ARRESTED, "Paris": ("PROPN", "pobj", "GPE"), "Texas": ("PROPN", "appos", "GPE")})
    assert places(story) == {"Paris": "USA", "Texas": "USA"}
    assert codes(story)[0][0] == "USACOP"


def test_a_country_s_name_inside_a_town_s_name_is_the_town(mini):
    story = coded(mini, "Police in Mali Zvornik arrested two men .",
                  {**ARRESTED, "Mali": ("PROPN", "compound", "GPE"), "Zvornik": ("PROPN", "pobj", "GPE")})
    assert places(story) == {"Mali Zvornik": "SRB"}
    assert codes(story)[0][0] == "SRBCOP"


def test_a_demonym_inside_a_place_s_name_is_the_place(mini):
    # the story's one country word is the "British" of British Columbia: its police are Canadian;
    # the White House, though Casablanca has the name among its others, is still the seat of
    # the American government
    rows = [("Floods", 1, "nsubj", "NNS", "NOUN", "flood"), ("hit", 1, "ROOT", "VBD", "VERB", "hit"),
            ("Kelowna", 1, "dobj", "NNP", "PROPN", "kelowna", "GPE"), (",", 2, "punct", ",", "PUNCT", ","),
            ("British", 5, "compound", "NNP", "PROPN", "british", "GPE"),
            ("Columbia", 2, "appos", "NNP", "PROPN", "columbia", "GPE"), (".", 1, "punct", ".", "PUNCT", "."),
            ("Police", 8, "nsubj", "NNS", "NOUN", "police"), ("arrested", 8, "ROOT", "VBD", "VERB", "arrest"),
            ("two", 10, "nummod", "CD", "NUM", "two"), ("men", 8, "dobj", "NNS", "NOUN", "man"),
            (".", 8, "punct", ".", "PUNCT", ".")]
    doc = parsed(mini.nlp.vocab, rows)
    story = mini.code_doc(story_of(doc), doc)
    assert codes(story)[0][0] == "CANCOP"
    story = coded(mini, "The White House arrested two men .",
                  {**ARRESTED, "White": ("PROPN", "compound", "FAC"), "House": ("PROPN", "nsubj", "FAC")})
    assert codes(story)[0][0] == "USAGOV"


def _phrase(words: str, head: int, label: str | None = None) -> list[tuple]:
    """Rows of a subject phrase whose last word is the head of the rest, hanging from ``head``."""
    names = words.split()
    last = len(names) - 1
    return [(w, last if i < last else head, "compound" if i < last else "nsubj", "NNP" if i < last else "NNS",
             "PROPN" if i < last else "NOUN", w.lower(), label if i < last else None) for i, w in enumerate(names)]


def _attacked_in(subject: str, place: bool = False) -> list[tuple]:
    """ "<subject> attacked a post[ in Bosso ( Diffa )] ." as rows."""
    rows = _phrase(subject, len(subject.split()), "ORG")
    verb = len(rows)
    rows += [("attacked", verb, "ROOT", "VBD", "VERB", "attack"), ("a", verb + 2, "det", "DT", "DET", "a"),
             ("post", verb, "dobj", "NN", "NOUN", "post")]
    if place:
        town = verb + 4
        rows += [("in", verb, "prep", "IN", "ADP", "in"), ("Bosso", verb + 3, "pobj", "NNP", "PROPN", "bosso", "GPE"),
                 ("(", town, "punct", "(", "PUNCT", "("), ("Diffa", town, "appos", "NNP", "PROPN", "diffa", "GPE"),
                 (")", town, "punct", ")", "PUNCT", ")")]
    return [*rows, (".", verb, "punct", ".", "PUNCT", ".")]


def _with_dictionary(tmp_path, monkeypatch, mini: Coder, actors: str):
    """The story of "<subject> attacked a post[ in Bosso ( Diffa )] .", coded by the mini coder
    with a dictionary of ``actors`` written for the test."""
    folder = dictionary_folder(tmp_path, monkeypatch, {"test.actors.txt": actors})
    lexicons = Lexicons([MINI], replace=("verbs", "nouns", "actors", "agents"))
    own = Coder(lexicons, nlp=mini.nlp, dictionaries=[folder], default_dictionaries=False,
                place_index=mini.place_index)

    def story(subject: str, place: bool = False):
        doc = parsed(own.nlp.vocab, _attacked_in(subject, place))
        return own.code_doc(story_of(doc), doc)

    return story


def test_a_dictionary_group_named_by_common_words_is_of_where_the_story_is(tmp_path, monkeypatch, mini):
    # a dictionary's "Popular Liberation Front" is one country's group of the name; fighters of a
    # front of that name in a story set in Niger are Nigerien, those of a group with a name of its
    # own keep its country, and with no place named the dictionary's country stands
    story = _with_dictionary(tmp_path, monkeypatch, mini,
                             "POPULAR_LIBERATION_FRONT_ [ARGREB]\nZORBLAT_BRIGADES_ [ARGREB]\n")
    assert codes(story("Popular Liberation Front fighters", place=True))[0][0] == "NERREB"
    assert codes(story("Zorblat Brigades fighters", place=True))[0][0] == "ARGREB"
    assert codes(story("Popular Liberation Front fighters"))[0][0] == "ARGREB"


def test_a_name_after_anti_is_what_the_phrase_is_against(mini):
    # "anti-Zorblat police" are no members of the Zorblat Front
    rows = [("Anti", 3, "amod", "JJ", "ADJ", "anti"), ("-", 3, "punct", "HYPH", "PUNCT", "-"),
            ("ZF", 3, "compound", "NNP", "PROPN", "zf", "ORG"), ("police", 4, "nsubj", "NNS", "NOUN", "police"),
            ("arrested", 4, "ROOT", "VBD", "VERB", "arrest"), ("two", 6, "nummod", "CD", "NUM", "two"),
            ("men", 4, "dobj", "NNS", "NOUN", "man"), (".", 4, "punct", ".", "PUNCT", ".")]
    doc = parsed(mini.nlp.vocab, rows, glued=frozenset({0, 1}))
    assert codes(mini.code_doc(story_of(doc), doc))[0][0] == "COP"


def test_a_named_actor_s_words_are_no_place(tmp_path, monkeypatch, mini):
    # "Haram" of a group's name is no Norwegian district, "Hamas" (a name of Hamm among its others)
    # no German town; a town the dictionary names as an actor is still the town
    story = _with_dictionary(tmp_path, monkeypatch, mini,
                             "ZORBLAT_HARAM_ [NGAREB]\nHAMAS_ [PSEREB]\nRAFAH_ [PSEGZA]\n")
    assert places(story("Zorblat Haram fighters")) == {}
    assert places(story("Hamas fighters")) == {}
    assert places(story("Rafah fighters"))["Rafah"] is not None


@pytest.mark.parametrize("name", ["Helmand", "Deir-ez-Zor", "Paris", "Springfield", "GEO", "Nowhere Such"])
def test_the_countries_of_many_names_at_once_are_those_one_lookup_finds(mini, name):
    # the dictionaries' bare-coded names are sorted into towns at start in a few queries: the
    # batch must say what a lookup of each name says, hyphens and codes in capitals included
    kinds = ("city", "admin1", "admin2")
    index = mini.place_index
    one_by_one = frozenset(p.country for p in index.lookup(name) if p.kind in kinds)
    assert index.countries_of([name, "Kabul"], kinds)[name] == one_by_one
    assert name == "Nowhere Such" or one_by_one  # the cases are real places, so the check can fail
