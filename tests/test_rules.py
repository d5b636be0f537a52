"""The coding rules on parses built by hand and a small lexicon written for these tests
(tests/data/lexicon-mini), so that a rule's test does not move when the statistical model or the
packaged lexicons do."""

from __future__ import annotations

import pytest
import spacy
from support import ROOT, parsed, story_of, triples

from eventwire.code.actors import StoryActors
from eventwire.coder import Coder
from eventwire.lexicons import Lexicons

MINI = ROOT / "tests" / "data" / "lexicon-mini"


@pytest.fixture(scope="module")
def mini() -> Coder:
    """A coder with the test lexicon's verbs, nouns, actors and agents, and a blank tokenizer:
    no statistical model is loaded."""
    lexicons = Lexicons([MINI], replace=("verbs", "nouns", "actors", "agents"))
    return Coder(lexicons, nlp=spacy.blank("en"), default_dictionaries=False)


def coded(coder: Coder, rows: list[tuple]):
    doc = parsed(coder.nlp.vocab, rows)
    return coder.code_doc(story_of(doc), doc)


ARREST = [("Kenyan", 1, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("police", 2, "nsubj", "NNS", "NOUN", "police"),
          ("arrested", 2, "ROOT", "VBD", "VERB", "arrest"), ("opposition", 4, "compound", "NN", "NOUN", "opposition"),
          ("leaders", 2, "dobj", "NNS", "NOUN", "leader"), (".", 2, "punct", ".", "PUNCT", ".")]


def test_the_subject_acts_on_the_object(mini):
    assert triples(coded(mini, ARREST)) == [("COERCE", "KENCOP", "KENOPP")]


def test_a_passive_agent_is_the_source_and_the_subject_the_target(mini):
    rows = [("Opposition", 1, "compound", "NN", "NOUN", "opposition"),
            ("leaders", 3, "nsubjpass", "NNS", "NOUN", "leader"),
            ("were", 3, "auxpass", "VBD", "AUX", "be"), ("arrested", 3, "ROOT", "VBN", "VERB", "arrest"),
            ("by", 3, "agent", "IN", "ADP", "by"), ("Kenyan", 6, "amod", "JJ", "ADJ", "kenyan", "NORP"),
            ("police", 4, "pobj", "NNS", "NOUN", "police"), (".", 3, "punct", ".", "PUNCT", ".")]
    assert triples(coded(mini, rows)) == [("COERCE", "KENCOP", "KENOPP")]




def test_a_light_verb_makes_an_event_of_its_object_noun(mini):
    rows = [("Kenyan", 1, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("officials", 2, "nsubj", "NNS", "NOUN", "official"),
            ("held", 2, "ROOT", "VBD", "VERB", "hold"), ("talks", 2, "dobj", "NNS", "NOUN", "talk"),
            ("with", 3, "prep", "IN", "ADP", "with"), ("Ugandan", 6, "amod", "JJ", "ADJ", "ugandan", "NORP"),
            ("officials", 4, "pobj", "NNS", "NOUN", "official"), (".", 2, "punct", ".", "PUNCT", ".")]
    story = coded(mini, rows)
    assert triples(story) == [("CONSULT", "KENGOV", "UGAGOV")]
    assert story.events[0].mentions[0].trigger.text == "talks"


def test_a_governing_verb_absorbs_the_action_it_governs(mini):
    # "agreed to withdraw its troops from Somalia": an intent to withdraw (AGREE), on Somalia,
    # and the withdrawal is not coded on its own as if it had happened
    rows = [("Kenya", 1, "nsubj", "NNP", "PROPN", "Kenya", "GPE"), ("agreed", 1, "ROOT", "VBD", "VERB", "agree"),
            ("to", 3, "aux", "TO", "PART", "to"), ("withdraw", 1, "xcomp", "VB", "VERB", "withdraw"),
            ("its", 5, "poss", "PRP$", "PRON", "its"), ("troops", 3, "dobj", "NNS", "NOUN", "troop"),
            ("from", 3, "prep", "IN", "ADP", "from"), ("Somalia", 6, "pobj", "NNP", "PROPN", "Somalia", "GPE"),
            (".", 1, "punct", ".", "PUNCT", ".")]
    story = coded(mini, rows)
    assert triples(story) == [("AGREE", "KEN", "SOM")]
    assert story.events[0].cameo.code == "035"  # intent to yield, by the complements table


def test_a_negated_clause_is_an_event_that_did_not_happen(mini):
    rows = [("Kenyan", 1, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("police", 4, "nsubj", "NNS", "NOUN", "police"),
            ("did", 4, "aux", "VBD", "AUX", "do"), ("not", 4, "neg", "RB", "PART", "not"),
            ("arrest", 4, "ROOT", "VB", "VERB", "arrest"), ("opposition", 6, "compound", "NN", "NOUN", "opposition"),
            ("leaders", 4, "dobj", "NNS", "NOUN", "leader"), (".", 4, "punct", ".", "PUNCT", ".")]
    (event,) = coded(mini, rows).events
    assert event.status == "negated"


DELEGATION = [
    ("A", 2, "det", "DT", "DET", "a"), ("Kenyan", 2, "amod", "JJ", "ADJ", "kenyan", "NORP"),
    ("delegation", 3, "nsubj", "NN", "NOUN", "delegation"), ("arrived", 3, "ROOT", "VBD", "VERB", "arrive"),
    ("in", 3, "prep", "IN", "ADP", "in"), ("Uganda", 4, "pobj", "NNP", "PROPN", "Uganda", "GPE"),
    (".", 3, "punct", ".", "PUNCT", "."),
    ("The", 8, "det", "DT", "DET", "the"), ("delegation", 9, "nsubj", "NN", "NOUN", "delegation"),
    ("met", 9, "ROOT", "VBD", "VERB", "meet"), ("officials", 9, "dobj", "NNS", "NOUN", "official"),
    (".", 9, "punct", ".", "PUNCT", "."),
]


def test_a_definite_phrase_names_the_actor_named_before(mini):
    # "The delegation" is the Kenyan one, though the story names Uganda as often as Kenya
    story = coded(mini, DELEGATION)
    met = [e for e in story.events if e.mentions[0].trigger.text == "met"]
    assert [(e.plover.type, e.source.code, e.target.code) for e in met] == [("CONSULT", "KENGOV", "UGAGOV")]


def test_only_the_participants_of_events_are_remembered(mini):
    # "arrive" is no event in this lexicon without its entry: a phrase that takes part in no
    # event says nothing of whom "the delegation" is later
    lexicons = Lexicons([MINI], replace=("verbs", "nouns", "actors", "agents"))
    knowledge = Coder(lexicons, nlp=spacy.blank("en"), default_dictionaries=False).knowledge
    doc = parsed(mini.nlp.vocab, DELEGATION)
    only_meetings = StoryActors(doc, knowledge.gazetteer, knowledge.grammar, lambda token: token.lemma_ == "meet")
    assert [a.code for a in only_meetings.resolve(doc[8])] == ["UGAGOV"]  # the story's most named country


def test_actors_answer_the_same_whatever_order_they_are_asked_in(mini):
    doc = parsed(mini.nlp.vocab, DELEGATION)
    knowledge = mini.knowledge
    heads = [t for t in doc if t.pos_ in ("NOUN", "PROPN")]
    forward = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    backward = StoryActors(doc, knowledge.gazetteer, knowledge.grammar)
    first = {t.i: [(a.code, a.text) for a in forward.resolve(t)] for t in heads}
    second = {t.i: [(a.code, a.text) for a in backward.resolve(t)] for t in reversed(heads)}
    assert first == second
    assert first[8] == [("KENGOV", "The delegation")]
    assert {t.i: [(a.code, a.text) for a in forward.resolve(t)] for t in heads} == first  # asking again changes nothing


def test_a_user_lexicon_replaces_the_packaged_one_only_where_asked(mini):
    assert "arrest" in mini.knowledge.triggers.verbs and "detain" not in mini.knowledge.triggers.verbs
    assert "talk" in mini.knowledge.triggers.nouns
    assert mini.knowledge.cues.reporting  # status.yaml is still the packaged one


def test_a_title_before_a_name_is_what_the_story_later_calls_that_person(mini):
    # "Kenyan President Odhiambo ... The president met officials": the Kenyan one
    rows = [("Kenyan", 2, "amod", "JJ", "ADJ", "kenyan", "NORP"),
            ("President", 2, "compound", "NNP", "PROPN", "President"),
            ("Odhiambo", 3, "nsubj", "NNP", "PROPN", "Odhiambo", "PERSON"),
            ("arrived", 3, "ROOT", "VBD", "VERB", "arrive"),
            ("in", 3, "prep", "IN", "ADP", "in"), ("Uganda", 4, "pobj", "NNP", "PROPN", "Uganda", "GPE"),
            (".", 3, "punct", ".", "PUNCT", "."),
            ("The", 8, "det", "DT", "DET", "the"), ("president", 9, "nsubj", "NN", "NOUN", "president"),
            ("met", 9, "ROOT", "VBD", "VERB", "meet"), ("officials", 9, "dobj", "NNS", "NOUN", "official"),
            (".", 9, "punct", ".", "PUNCT", ".")]
    met = [e for e in coded(mini, rows).events if e.mentions[0].trigger.text == "met"]
    assert [(e.source.code, e.source.text) for e in met] == [("KENGOV", "The president")]


def test_a_past_tense_read_as_a_participle_is_the_verb_and_the_phrase_its_subject(mini):
    # "Police of the Kenyan county protested.": the parser hung "protested" on "county" as a
    # participle; a verb its subject does alone is no participle, and "police of ..." protested
    rows = [("Police", 0, "ROOT", "NNS", "NOUN", "police"), ("of", 0, "prep", "IN", "ADP", "of"),
            ("the", 4, "det", "DT", "DET", "the"), ("Kenyan", 4, "amod", "JJ", "ADJ", "kenyan", "NORP"),
            ("county", 1, "pobj", "NN", "NOUN", "county"), ("protested", 4, "acl", "VBN", "VERB", "protest"),
            (".", 0, "punct", ".", "PUNCT", ".")]
    assert [(t, s) for t, s, _ in triples(coded(mini, rows))] == [("PROTEST", "KENCOP")]


def test_a_participle_with_an_object_in_a_sentence_with_no_finite_verb_is_the_verb(mini):
    # "An operation by the Kenyan army attacked opposition leaders.": the object shows it active
    rows = [("An", 1, "det", "DT", "DET", "an"), ("operation", 1, "ROOT", "NN", "NOUN", "operation"),
            ("by", 1, "prep", "IN", "ADP", "by"), ("the", 5, "det", "DT", "DET", "the"),
            ("Kenyan", 5, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("army", 2, "pobj", "NN", "NOUN", "army"),
            ("attacked", 1, "acl", "VBN", "VERB", "attack"), ("opposition", 8, "compound", "NN", "NOUN", "opposition"),
            ("leaders", 6, "dobj", "NNS", "NOUN", "leader"), (".", 1, "punct", ".", "PUNCT", ".")]
    assert triples(coded(mini, rows)) == [("FIGHT", "KENMIL", "KENOPP")]
    # with no object, "opposition leaders attacked in Nairobi" may be a passive headline: not read
    rows = [("Opposition", 1, "compound", "NN", "NOUN", "opposition"), ("leaders", 1, "ROOT", "NNS", "NOUN", "leader"),
            ("attacked", 1, "acl", "VBN", "VERB", "attack"), ("in", 2, "prep", "IN", "ADP", "in"),
            ("Nairobi", 3, "pobj", "NNP", "PROPN", "Nairobi", "GPE"), (".", 1, "punct", ".", "PUNCT", ".")]
    assert triples(coded(mini, rows)) == []


def test_former_officials_are_of_the_elite(mini):
    # PLOVER's ELI: "former government officials who currently do not hold positions"
    rows = [("Former", 2, "amod", "JJ", "ADJ", "former"), ("Kenyan", 2, "amod", "JJ", "ADJ", "kenyan", "NORP"),
            ("officials", 3, "nsubj", "NNS", "NOUN", "official"), ("arrested", 3, "ROOT", "VBD", "VERB", "arrest"),
            ("opposition", 5, "compound", "NN", "NOUN", "opposition"),
            ("leaders", 3, "dobj", "NNS", "NOUN", "leader"), (".", 3, "punct", ".", "PUNCT", ".")]
    assert triples(coded(mini, rows)) == [("COERCE", "KENELI", "KENOPP")]


def test_a_particle_read_as_a_preposition_right_after_its_verb_is_its_particle(mini):
    # "sealed off the border": "off" parsed as a preposition, "the border" its object
    rows = [("Kenyan", 1, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("police", 2, "nsubj", "NNS", "NOUN", "police"),
            ("sealed", 2, "ROOT", "VBD", "VERB", "seal"), ("off", 2, "prep", "IN", "ADP", "off"),
            ("the", 5, "det", "DT", "DET", "the"), ("border", 3, "pobj", "NN", "NOUN", "border"),
            (".", 2, "punct", ".", "PUNCT", ".")]
    assert [e.cameo.code for e in coded(mini, rows).events] == ["191"]


def test_an_actor_hung_as_a_compound_on_the_verb_after_it_is_its_subject(mini):
    # "Kenyan police arrest opposition leaders", the pair "police arrest" read as a compound noun
    rows = [("Kenyan", 1, "amod", "JJ", "ADJ", "kenyan", "NORP"), ("police", 2, "compound", "NNS", "NOUN", "police"),
            ("arrest", 2, "ROOT", "VBP", "VERB", "arrest"), ("opposition", 4, "compound", "NN", "NOUN", "opposition"),
            ("leaders", 2, "dobj", "NNS", "NOUN", "leader"), (".", 2, "punct", ".", "PUNCT", ".")]
    assert triples(coded(mini, rows)) == [("COERCE", "KENCOP", "KENOPP")]
