"""Actors and verbs of a user's TABARI/PETRARCH dictionaries read as PETRARCH reads them:
compounds of several countries, a user's own country codes, a one-word name opening a
sentence, a verb eventwire reads as a light verb; small
dictionaries and sentences written for these tests."""

from __future__ import annotations

import pytest
from support import code_triples as triples
from support import dictionary_folder

from eventwire.coder import Coder
from eventwire.lexicons import Lexicons

ACTORS = """\
ZORBLAND [ZRB]
QUELLIA [QLL]
VANTHOR [VNT]
MIRROW [MRW]
KUWAIT [KUW]
THE_MARCHES [MRC/DLV]
ZORB_PALACE [ZRBGOV]
DUKE OF VELM MARO [VLM]
ZORBLAND RADIO [ZRBRAD]
QUELLIA_NAVY [QLLNAV]
"""
AGENTS = """\
ENVOY [~GOV]
LAWMAKER [~LEG]
FOREIGN_MINISTER [~GOVFRM]
RELIEF_BODY [NGO~]
WARDEN {} [~COP]
SOLDIER [~MIL]
OFFICIAL [~GOV]
"""
VERBS = """\
--- HAUL [070] ---
HAUL

--- RENEW [064] ---
RENEW

--- STATE [023] ---
STATE

--- TRADE [061] ---
TRADE

--- TRADED [062] ---
TRADED
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    return dictionary_folder(tmp_path, monkeypatch,
                             {"t.actors.txt": ACTORS, "t.agents.txt": AGENTS, "t.verbs.txt": VERBS})


@pytest.fixture
def user_coder(folder, coder):
    return Coder(dictionaries=[folder], default_dictionaries=False, nlp=coder.nlp, place_index=coder.place_index)


def sources(coder, text):
    """The codes of the sources of the events coded from a text."""
    return {e.source.code for e in coder.code_text(text).events if e.source}


def test_each_coordinated_country_of_a_phrase_is_an_actor(user_coder):
    story = user_coder.code_text("The envoys of Zorbland, Quellia and Vanthor hauled tools to Mirrow.")
    assert {("ZRBGOV", "MRW", "070"), ("QLLGOV", "MRW", "070"), ("VNTGOV", "MRW", "070")} <= triples(story)
    story = user_coder.code_text("Mirrow hauled the tools of Zorbland, Quellia and Vanthor.")
    assert {("MRW", "ZRB", "070"), ("MRW", "QLL", "070"), ("MRW", "VNT", "070")} <= triples(story)


def test_a_country_after_an_in_phrase_is_one_more_of_its_countries(user_coder):
    story = user_coder.code_text("Lawmakers in Zorbland and Quellia hauled tools to Mirrow.")
    assert {("ZRBLEG", "MRW", "070"), ("QLLLEG", "MRW", "070")} <= triples(story)


def test_a_users_one_word_name_opens_a_sentence(user_coder):
    story = user_coder.code_text("Vanthor and Quellia hauled tools to Mirrow.")
    assert {("VNT", "MRW", "070"), ("QLL", "MRW", "070")} <= triples(story)


def test_lexicons_replacing_countries_leave_the_countries_to_the_dictionaries(folder, coder, tmp_path):
    own = tmp_path / "lexicons"
    own.mkdir()
    (own / "countries.yaml").write_text("")
    lexicons = Lexicons([own], replace=("countries",))
    replaced = Coder(lexicons, dictionaries=[folder], default_dictionaries=False, nlp=coder.nlp,
                     place_index=coder.place_index)
    assert ("KUWGOV", "MRW", "070") in triples(replaced.code_text("The Kuwait government hauled tools to Mirrow."))
    kept = Coder(dictionaries=[folder], default_dictionaries=False, nlp=coder.nlp, place_index=coder.place_index)
    assert ("KWTGOV", "MRW", "070") in triples(kept.code_text("The Kuwait government hauled tools to Mirrow."))


def test_a_users_verb_is_coded_where_eventwire_has_a_light_verb(user_coder):
    assert ("ZRB", "QLL", "064") in triples(user_coder.code_text("Zorbland renewed its ties with Quellia."))


def test_a_users_verb_is_coded_as_written_in_the_future_too(user_coder):
    assert ("ZRB", "MRW", "070") in triples(user_coder.code_text("Zorbland will haul tools to Mirrow."))


def test_names_the_parser_made_modifiers_or_appositions_of_a_listed_name_are_actors_too(user_coder):
    """On parses as the parser makes them of other names ("A, B and the evil C" with A and B
    modifying C; "A, the awful B, and C" with B set off)."""
    from spacy.tokens import Doc

    from eventwire.code.actors import StoryActors

    knowledge = user_coder.knowledge
    words = ["Zorbland", ",", "Quellia", "and", "the", "evil", "Vanthor", "hauled", "tools", "."]
    doc = Doc(user_coder.nlp.vocab, words=words, heads=[6, 0, 0, 2, 6, 6, 7, 7, 7, 7],
              deps=["nmod", "punct", "conj", "cc", "det", "amod", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "NOUN", "PUNCT"])
    actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    assert [a.code for a in actors.resolve(doc[6])] == ["VNT", "ZRB", "QLL"]
    words = ["Zorbland", ",", "the", "awful", "Quellia", ",", "and", "Vanthor", "hauled", "tools", "."]
    doc = Doc(user_coder.nlp.vocab, words=words, heads=[8, 0, 4, 4, 0, 0, 0, 0, 8, 8, 8],
              deps=["nsubj", "punct", "det", "amod", "appos", "punct", "cc", "conj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "PUNCT", "DET", "ADJ", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"])
    actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    assert sorted(a.code for a in actors.resolve(doc[0])) == ["QLL", "VNT", "ZRB"]


def test_an_actor_of_several_codes_is_each_of_them_and_a_the_name_matches_within_a_sentence(user_coder):
    story = user_coder.code_text("Zorbland hauled tools to the Marches.")
    assert {("ZRB", "MRC", "070"), ("ZRB", "DLV", "070")} <= triples(story)


@pytest.fixture
def agents_coder(folder, coder, tmp_path):
    """The user's agents alone: eventwire's would answer "minister" or "lawmakers" first."""
    own = tmp_path / "lexicons"
    own.mkdir()
    (own / "agents.yaml").write_text("")
    return Coder(Lexicons([own], replace=("agents",)), dictionaries=[folder], default_dictionaries=False,
                 nlp=coder.nlp, place_index=coder.place_index)


def test_a_users_agents_stack_on_the_actors_code_on_their_side_and_only_once(agents_coder):
    assert sources(agents_coder, "The Zorbland foreign minister hauled tools to Mirrow.") == {"ZRBGOVFRM"}
    assert sources(agents_coder, "The Zorbland relief body hauled tools to Mirrow.") == {"NGOZRB"}
    assert sources(agents_coder, "The Zorb Palace envoy hauled tools to Mirrow.") == {"ZRBGOV"}


def test_a_users_agent_takes_no_country_the_phrase_does_not_name(agents_coder):
    (event,) = agents_coder.code_text("Lawmakers hauled tools to Mirrow near Zorbland.").events
    assert (event.source.code, event.source.country) == ("LEG", None)


def test_a_users_verb_finds_no_target_in_a_clause_before_it(agents_coder):
    story = agents_coder.code_text("Zorbland will haul tools to Mirrow, the envoy stated.")
    said = [e for e in story.events if e.cameo.code == "023"]
    assert said and all(e.target is None for e in said)


def test_a_users_agent_is_matched_in_its_own_forms_only(agents_coder):
    assert sources(agents_coder, "The Zorbland lawmakers hauled tools to Mirrow.") == {"ZRBLEG"}  # the regular plural
    assert sources(agents_coder, "The Zorbland warden hauled tools to Mirrow.") == {"ZRBCOP"}
    assert "ZRBCOP" not in sources(agents_coder, "The Zorbland wardens hauled tools to Mirrow.")  # "{}": no plural


def test_a_users_verb_written_as_a_form_codes_that_form(user_coder):
    assert ("ZRB", "MRW", "062") in triples(user_coder.code_text("Zorbland traded grain with Mirrow on Monday."))
    assert ("ZRB", "MRW", "061") in triples(user_coder.code_text("Zorbland is trading grain with Mirrow."))



def test_bare_coordinated_agents_share_the_phrases_countries(agents_coder):
    """One noun phrase to PETRARCH, on parses as the parser makes them: "Zorbland lawmakers and
    soldiers" are Zorbland's lawmakers and soldiers, "lawmakers and soldiers in Zorbland and Quellia"
    each country's; with a determiner ("the Zorbland lawmakers and soldiers") the soldiers are of
    no country."""
    from spacy.tokens import Doc

    from eventwire.code.actors import StoryActors

    knowledge = agents_coder.knowledge

    def resolved(words, heads, deps, pos):
        doc = Doc(agents_coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
        actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
        return {a.code for a in actors.resolve(doc[deps.index("nsubj")])}

    words = ["Zorbland", "lawmakers", "and", "soldiers", "hauled", "tools", "."]
    deps = ["compound", "nsubj", "cc", "conj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "NOUN", "CCONJ", "NOUN", "VERB", "NOUN", "PUNCT"]
    assert resolved(words, [1, 4, 1, 1, 4, 4, 4], deps, pos) == {"ZRBLEG", "ZRBMIL"}
    assert resolved(["The", *words], [2, 2, 5, 2, 2, 5, 5, 5], ["det", *deps], ["DET", *pos]) == {"ZRBLEG", "MIL"}
    words = ["Lawmakers", "and", "soldiers", "in", "Zorbland", "and", "Quellia", "hauled", "tools", "."]
    assert resolved(words, [7, 0, 0, 0, 3, 0, 0, 7, 7, 7],
                    ["nsubj", "cc", "conj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"],
                    ["NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"]
                    ) == {"ZRBLEG", "QLLLEG", "ZRBMIL", "QLLMIL"}


def test_a_users_agent_word_as_an_adjective_is_a_subjects_sector(agents_coder):
    """PETRARCH matches a dictionary word whatever the parser tags it: "the official news agency
    stated" is an agent of government, of no country; "on an official visit" is no one."""
    from spacy.tokens import Doc

    from eventwire.code.actors import StoryActors

    knowledge = agents_coder.knowledge
    words = ["The", "official", "news", "agency", "stated", "."]
    doc = Doc(agents_coder.nlp.vocab, words=words, heads=[3, 3, 3, 4, 4, 4],
              deps=["det", "amod", "compound", "nsubj", "ROOT", "punct"],
              pos=["DET", "ADJ", "NOUN", "NOUN", "VERB", "PUNCT"])
    actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    assert [(a.code, a.country) for a in actors.resolve(doc[3])] == [("GOV", None)]
    words = ["Mirrow", "hauled", "tools", "on", "an", "official", "visit", "."]
    doc = Doc(agents_coder.nlp.vocab, words=words, heads=[1, 1, 1, 1, 6, 6, 3, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "det", "amod", "pobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "DET", "ADJ", "NOUN", "PUNCT"])
    actors = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    assert actors.resolve(doc[6]) == []


def _resolved(coder, words, heads, deps, pos, at=None):
    """The codes of the actors a hand-built parse's phrase names (its subject's, unless ``at``)."""
    from spacy.tokens import Doc

    from eventwire.code.actors import StoryActors

    doc = Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    actors = StoryActors(doc, coder.knowledge.gazetteer, coder.knowledge.grammar)
    return {a.code for a in actors.resolve(doc[deps.index("nsubj") if at is None else at])}


def _hand_coded(coder, rows):
    """The triples a hand-built parse codes to ((word, head, dep, tag, pos, lemma) rows)."""
    from support import parsed, story_of

    doc = parsed(coder.nlp.vocab, rows)
    return triples(coder.code_doc(story_of(doc), doc))


def test_a_name_written_with_underscores_in_the_text_is_the_dictionarys_name(user_coder):
    assert ("ZRB", "VLM", "070") in triples(user_coder.code_text("Zorbland hauled tools to the Duke of Velm_Maro."))


def test_a_name_written_with_blanks_may_have_other_words_of_its_phrase_between(user_coder):
    """"ZORBLAND RADIO": "the Zorbland state-run radio"; not across phrases ("Zorbland hauled the
    radio"), and not for words joined by '_' ("QUELLIA_NAVY" is not "Quellia's old navy")."""
    assert sources(user_coder, "The Zorbland state-run radio hauled tools to Mirrow.") == {"ZRBRAD"}
    assert sources(user_coder, "Zorbland hauled the radio to Mirrow.") == {"ZRB"}
    assert "QLLNAV" not in sources(user_coder, "Quellia's old navy hauled tools to Mirrow.")


def test_former_officials_are_of_the_elite(agents_coder):
    """PLOVER's ELI: former government officials; TABARI's FORMER conversion writes it for the
    agents stacked on the code too."""
    assert sources(agents_coder, "Former Zorbland officials hauled tools to Mirrow.") == {"ZRBELI"}
    assert sources(agents_coder, "The former Zorbland foreign minister hauled tools to Mirrow.") == {"ZRBELI"}
    assert sources(agents_coder, "Zorbland officials hauled tools to Mirrow.") == {"ZRBGOV"}


def test_a_users_agent_takes_no_country_from_where_the_event_happens(agents_coder):
    (event,) = agents_coder.code_text("Zorbland soldiers hauled lawmakers to Nairobi.").events
    assert event.location.country == "KEN" and (event.target.code, event.target.country) == ("LEG", None)


def test_agents_in_a_named_body_are_its_own(agents_coder):
    (event,) = agents_coder.code_text("Officials in Zorb Palace hauled tools to Mirrow.").events
    assert event.source.code == "ZRBGOV"


def test_the_last_of_a_list_parsed_as_a_subject_of_its_own_is_one_more_subject(user_coder):
    """"Lions, tigers, and Vanthor hauled ...", as the parser may read it: Vanthor a second subject."""
    rows = [("Lions", 6, "nsubj", "NNS", "NOUN", "lion"), (",", 0, "punct", ",", "PUNCT", ","),
            ("tigers", 0, "conj", "NNS", "NOUN", "tiger"), (",", 0, "punct", ",", "PUNCT", ","),
            ("and", 0, "cc", "CC", "CCONJ", "and"), ("Vanthor", 6, "nsubj", "NNP", "PROPN", "Vanthor"),
            ("hauled", 6, "ROOT", "VBD", "VERB", "haul"), ("tools", 6, "dobj", "NNS", "NOUN", "tool"),
            ("to", 6, "prep", "IN", "ADP", "to"), ("Mirrow", 8, "pobj", "NNP", "PROPN", "Mirrow"),
            (".", 6, "punct", ".", "PUNCT", ".")]
    assert ("VNT", "MRW", "070") in _hand_coded(user_coder, rows)


def test_a_name_hung_as_an_apposition_on_coordinated_words_naming_no_actor_is_one(user_coder):
    """"The lions and the evil awful Vanthor", with "awful" read as a noun and Vanthor set beside "lions"."""
    words = ["The", "lions", "and", "the", "evil", "awful", "Vanthor", "hauled", "tools", "."]
    assert _resolved(user_coder, words, [1, 7, 1, 5, 5, 1, 1, 7, 7, 7],
                     ["det", "nsubj", "cc", "det", "amod", "conj", "appos", "ROOT", "dobj", "punct"],
                     ["DET", "NOUN", "CCONJ", "DET", "ADJ", "NOUN", "PROPN", "VERB", "NOUN", "PUNCT"]) == {"VNT"}


def test_coordinated_names_before_a_noun_read_as_its_modifiers_are_each_an_actor(agents_coder):
    """"Zorbland and Quellia officials", the first name read as a noun modifier (nmod)."""
    words = ["Mirrow", "hauled", "Zorbland", "and", "Quellia", "officials", "."]
    assert _resolved(agents_coder, words, [1, 1, 5, 2, 2, 1, 1],
                     ["nsubj", "ROOT", "nmod", "cc", "conj", "dobj", "punct"],
                     ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "NOUN", "PUNCT"], at=5) == {"ZRBGOV", "QLLGOV"}


def test_a_member_phrase_written_after_the_last_conjunct_is_its_own(agents_coder):
    """"Zorbland's officials and traders of Quellia", the of-phrase hung on "officials": the traders are
    Quellia's."""
    words = ["Zorbland", "'s", "officials", "and", "traders", "of", "Quellia", "hauled", "tools", "."]
    assert _resolved(agents_coder, words, [2, 0, 7, 2, 2, 2, 5, 7, 7, 7],
                     ["poss", "case", "nsubj", "cc", "conj", "prep", "pobj", "ROOT", "dobj", "punct"],
                     ["PROPN", "PART", "NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"]
                     ) == {"ZRBGOV", "QLL"}


def test_the_countries_after_coordinated_bare_agents_are_each_ones(agents_coder):
    """"Lawmakers and official in Zorbland and Quellia", the in-phrase hung on the official and
    Quellia made a conjunct of the lawmakers: each agent of each country, as one noun phrase to PETRARCH."""
    words = ["Lawmakers", "and", "official", "in", "Zorbland", "and", "Quellia", "hauled", "tools", "."]
    assert _resolved(agents_coder, words, [7, 0, 0, 2, 3, 0, 0, 7, 7, 7],
                     ["nsubj", "cc", "conj", "prep", "pobj", "cc", "conj", "ROOT", "dobj", "punct"],
                     ["NOUN", "CCONJ", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"]
                     ) == {"ZRBLEG", "QLLLEG", "ZRBGOV", "QLLGOV"}


def test_a_governed_clauses_subject_that_is_the_source_is_not_the_target(user_coder):
    """"Zorbland stated that it had hauled tools from Mirrow": "it" is Zorbland, no recipient of its
    own statement; the first other actor after the verb is."""
    story = triples(user_coder.code_text("Zorbland stated that it had hauled tools from Mirrow."))
    assert ("ZRB", "MRW", "023") in story and ("ZRB", "ZRB", "023") not in story
