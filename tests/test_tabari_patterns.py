"""A user's TABARI-style patterns (words in order, ``_`` joins, ``$``/``+`` markers) and codes of
its own, read as PETRARCH reads them; small dictionaries written for these tests."""

from __future__ import annotations

import pytest
from support import code_triples as triples
from support import dictionary_folder

from eventwire.coder import Coder

ACTORS = """\
ZORBLAND [ZRB]
QUELLIA [QLL]
+QUELLIAN
VANE [VNE]
"""
VERBS = """\
&GRAIN
+WHEAT
+BARLEY

&CRATE
+CRATE
+BARREL

--- HAUL [070] ---
HAUL
- * &GRAIN_CARGO [905]
- * &GRAIN [071]
- NEVER * [806]
- HARDLY_EVER * [807]
- + * FROM $ [073]
- * GRAVEL [+++]
- * PLEDGE [808]
- * &CRATE [809]
- * TRIBUTE ^ $ [075]

--- PARLEY [036:037] ---
PARLEY
- % * [038:038]
- * WITH % [039]

--- RUE [111] ---
RUE
- NOTED + * [115]
"""
DISCARDS = """\
CROQUET
+HAILSTORM
"""


@pytest.fixture
def tabari_coder(tmp_path, monkeypatch, coder):
    folder = dictionary_folder(tmp_path, monkeypatch,
                               {"t.actors.txt": ACTORS, "t.verbs.txt": VERBS, "t.discards.txt": DISCARDS})
    return Coder(dictionaries=[folder], default_dictionaries=False, nlp=coder.nlp, place_index=coder.place_index)


def test_a_users_own_code_is_coded_as_written_with_no_plover_type(tabari_coder):
    story = tabari_coder.code_text("Zorbland hauled wheat cargo to Quellia.")
    assert ("ZRB", "QLL", "905") in triples(story)
    assert next(e for e in story.events if e.cameo.code == "905").plover.type is None


def test_joined_words_must_touch_and_a_synset_stands_for_its_phrases(tabari_coder):
    assert ("ZRB", "QLL", "071") in triples(tabari_coder.code_text("Zorbland hauled barley to Quellia."))
    # "wheat" and "cargo" apart: &GRAIN_CARGO does not fit, &GRAIN does
    assert ("ZRB", "QLL", "071") in triples(tabari_coder.code_text("Zorbland hauled wheat and cargo to Quellia."))


def test_words_before_the_verb_are_read_back_from_it(tabari_coder):
    assert ("ZRB", "QLL", "806") in triples(tabari_coder.code_text("Zorbland never hauled anything to Quellia."))
    assert ("ZRB", "QLL", "807") in triples(tabari_coder.code_text("Zorbland hardly ever hauled tools to Quellia."))
    assert ("ZRB", "QLL", "070") in triples(tabari_coder.code_text("Zorbland hardly hauled tools to Quellia."))


def test_markers_name_the_source_and_the_target(tabari_coder):
    assert ("QLL", "ZRB", "073") in triples(tabari_coder.code_text("Zorbland was hauled tools from Quellia."))


def test_a_pattern_whose_code_is_no_code_is_left_out(tabari_coder):
    assert ("ZRB", "QLL", "070") in triples(tabari_coder.code_text("Zorbland hauled gravel to Quellia."))


def test_the_target_is_the_first_actor_after_the_verb_when_the_parse_names_none(tabari_coder):
    assert ("ZRB", "QLL", "071") in triples(
        tabari_coder.code_text("Zorbland hauled the barley sent by Quellia."))


def test_a_paired_code_codes_the_targets_act_on_the_source_too(tabari_coder):
    assert {("ZRB", "QLL", "036"), ("QLL", "ZRB", "037")} <= triples(
        tabari_coder.code_text("Zorbland parleyed with Quellia."))


def test_a_compound_actor_acts_on_each_of_its_members(tabari_coder):
    assert {("ZRB", "QLL", "038"), ("QLL", "ZRB", "038")} <= triples(
        tabari_coder.code_text("Zorbland and Quellia parleyed."))


def test_a_four_letter_name_is_a_name_not_an_acronym(tabari_coder):
    assert ("VNE", "QLL", "071") in triples(tabari_coder.code_text("Vane hauled barley to Quellia."))


def test_a_users_discards_drop_their_sentence_or_their_whole_story(tabari_coder):
    kept = tabari_coder.code_text("Zorbland hauled barley to Quellia. Vane hauled barley to Quellia.")
    assert len(kept.events) == 2
    sentence = tabari_coder.code_text("Zorbland hauled croquets to Quellia. Vane hauled barley to Quellia.")
    assert triples(sentence) == {("VNE", "QLL", "071")}
    assert tabari_coder.code_text("Zorbland hauled barley to Quellia after the hailstorm.").events == []


def test_a_patterns_words_are_matched_as_written_and_a_synset_makes_its_plurals(tabari_coder):
    """PETRARCH does not stem: "- * PLEDGE" is not "pledges"; a synset's members have their plurals."""
    assert ("ZRB", "QLL", "808") in triples(tabari_coder.code_text("Zorbland hauled a pledge to Quellia."))
    assert ("ZRB", "QLL", "070") in triples(tabari_coder.code_text("Zorbland hauled pledges to Quellia."))
    assert ("ZRB", "QLL", "809") in triples(tabari_coder.code_text("Zorbland hauled crates to Quellia."))


def test_the_source_and_target_markers_mark_actors(tabari_coder):
    """"- * TRIBUTE ^ $": the $ is the first actor after the phrase skipped, not "week"."""
    assert ("VNE", "QLL", "075") in triples(
        tabari_coder.code_text("Zorbland hauled tribute to Quellia last week for Vane."))


def test_a_compound_after_the_verb_is_the_target_of_its_subject(tabari_coder):
    """"- * WITH %": "Vane parleyed with Zorbland and Quellia" is Vane's act on each."""
    story = triples(tabari_coder.code_text("Vane parleyed with Zorbland and Quellia."))
    assert {("VNE", "ZRB", "039"), ("VNE", "QLL", "039")} <= story and ("ZRB", "QLL", "039") not in story


def test_a_target_marked_before_the_verb_leaves_the_source_to_the_actor_before_it(tabari_coder):
    """"- NOTED + *": "Zorbland noted that Quellia rued ..." is Zorbland's act on Quellia."""
    assert ("ZRB", "QLL", "115") in triples(tabari_coder.code_text("Zorbland noted that Quellia rued the delay."))
