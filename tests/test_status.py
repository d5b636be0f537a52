"""On whose word: status and attribution, on the project's own annotated sentences."""

from __future__ import annotations

import json

import pytest
from support import ROOT, SAMPLE, need_shared

SET = ROOT / "tests" / "data" / "status-set.yaml"
HELDOUT = ROOT / "tests" / "data" / "status-heldout.yaml"


@pytest.mark.accuracy
def test_every_status_is_right_on_the_development_set(cli):
    result = cli("eval", "status", str(SET))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["n"] >= 80
    assert set(report["per_status"]) == {"asserted", "reported", "alleged", "hypothetical", "planned", "negated",
                                         "denied"}
    for status, figures in report["per_status"].items():
        assert figures["n"] >= 10, status
        assert figures["accuracy"] >= 0.85, status
    assert report["attribution_accuracy"] >= 0.85


@pytest.mark.accuracy
def test_held_out_sentences(cli):
    report = json.loads(cli("eval", "status", str(HELDOUT)).out)
    assert report["n"] >= 35
    assert report["accuracy"] >= 0.85


@pytest.mark.parametrize(("text", "text_part", "country", "sector"), [
    ("A delegation from the Iraqi army was in Moscow to request weapons, said Iraqi officials on Friday.",
     "Iraqi officials", "IRQ", "GOV"),
    ("The delegation asked Russia for weapons, sources in the Iraqi Foreign Ministry told reporters.",
     "sources in the Iraqi Foreign Ministry", "IRQ", "GOV"),
    ("A statement from the office of Haider al-Abadi said Baghdad had asked Washington for help.",
     "A statement from the office of Haider al-Abadi", "IRQ", "GOV"),
    ("According to the Kenyan police, gunmen attacked a bus near Garissa.", "the Kenyan police", "KEN", "COP"),
])
def test_attribution_resolves_to_an_actor(text, text_part, country, sector, events):
    (event,) = [e for e in events(text) if e.attribution is not None]
    assert event.status == "reported"
    assert event.attribution.text == text_part
    assert (event.attribution.country, event.attribution.sector) == (country, sector)


def test_a_hedge_in_a_subordinate_clause_does_not_touch_the_main_event(events):
    events = {e.mentions[0].trigger.text: e.status
              for e in events("Police arrested the man, who allegedly threatened the mayor of Lagos.")}
    assert events == {"arrested": "asserted", "threatened": "alleged"}


def test_denied_reports_deny_their_content_and_double_negation_cancels(events):
    (event,) = events("The government denied reports that its troops had shelled the town of Kidal.")
    assert event.status == "denied"
    (event,) = events("It is not true that the Malian army did not attack the village.")
    assert event.status == "asserted"


def test_reported_speech_inside_reported_speech_keeps_the_nearest_speaker(events):
    (event,) = events("The Nigerian spokesman said police officials had told him that rebels attacked the convoy.")
    assert event.status == "reported"
    assert event.attribution.text == "police officials"


def test_hypothetical_and_factual_mentions_stay_separate_events(events):
    text = ("Russia approved the request for weapons on Monday. "
            "It is not clear whether Russia will approve the request for ammunition.")
    statuses = sorted(e.status for e in events(text) if e.plover.type == "AGREE")
    assert statuses == ["asserted", "hypothetical"]


def test_the_sample_story_never_asserts_russias_approval(cli):
    need_shared(SAMPLE)
    story = cli("extract", str(SAMPLE)).json()["stories"][0]
    approvals = [e for e in story["events"] if e["source"] and e["source"]["country"] == "RUS"
                 and e["plover"]["type"] in ("AID", "AGREE", "COOPERATE")]
    assert approvals and all(e["status"] in ("hypothetical", "planned", "alleged") for e in approvals)
    (request,) = [e for e in story["events"] if e["plover"]["type"] == "REQUEST" and e["target"]
                  and e["target"]["country"] == "RUS"]
    assert request["status"] in ("reported", "alleged")
    assert "official" in request["attribution"]["text"].lower() or "source" in request["attribution"]["text"].lower()
