"""`eventwire eval plover`: its scoring on a small gold file written for this test, and the
published dev set when ../shared is here."""

from __future__ import annotations

import json

from support import ROOT, SHARED, need_shared

from eventwire.evaluate.plover import gold_countries, gold_type, score
from eventwire.model import Actor, Cameo, Event, Plover

MINI = ROOT / "tests" / "data" / "plover-mini.json"


def test_eval_scores_a_small_gold_file(cli):
    result = cli("eval", "plover", str(MINI))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["n"] == 4  # the DOCUMENT header record is not scored
    # three sentences are coded right; the weather report codes nothing
    assert report["event_type_accuracy"] == 0.75
    assert report["source_country_accuracy"] == 0.75
    assert report["target_country_accuracy"] == 0.75
    assert report["triple_accuracy"] == 0.75
    assert report["per_type"]["ACCUSE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert report["per_type"]["SANCTION"]["f1"] == 1.0
    assert report["seconds"] >= 0


def test_old_type_names_and_country_codes_are_read_as_today():
    assert gold_type({"event": "DEMAND"}) == "REQUEST"
    assert gold_type({"event": "INVESTIGATE"}) == "ACCUSE"
    assert gold_countries([{"code": "JAP"}, {"code": "IGOUNO"}]) == {"JPN", "IGO"}
    assert gold_countries("") == set()


def _event(ptype: str, source: str | None, target: str | None) -> Event:
    def actor(code):
        return None if code is None else Actor(text=code, start=0, end=0, country=code, code=code)
    return Event(id="x", plover=Plover(ptype), cameo=Cameo("010", "01", 1, 0.0), source=actor(source),
                 target=actor(target))


def test_a_record_is_right_when_any_event_matches_and_counts_false_positives():
    records = [{"text": "x", "event": "AGREE", "source": [{"code": "USA"}], "target": [{"code": "JOR"}]}]
    report = score(records, [[_event("ACCUSE", "USA", None), _event("AGREE", "USA", "JOR")]])
    assert report["triple_accuracy"] == 1.0
    assert report["per_type"]["ACCUSE"]["precision"] == 0.0
    report = score(records, [[_event("AGREE", "JOR", "USA")]])
    assert report["event_type_accuracy"] == 1.0 and report["triple_accuracy"] == 0.0


def test_dev_set_meets_the_issue_thresholds(cli):
    gold = need_shared(SHARED / "datasets" / "plover-gsr" / "dev.json")
    report = json.loads(cli("eval", "plover", str(gold)).out)
    assert report["n"] == 164
    # issue #16 asks type 0.85 and triple 0.65; measured 0.9024 / 0.8902 / 0.8354 / 0.7195 on
    # 2026-12-02: floors a little below, so that a rule that loses records here is seen
    assert report["event_type_accuracy"] >= 0.89
    assert report["source_country_accuracy"] >= 0.87
    assert report["target_country_accuracy"] >= 0.82
    assert report["triple_accuracy"] >= 0.70


def test_unreadable_gold_file_is_one_error_line(tmp_path, cli):
    bad = tmp_path / "gold.json"
    bad.write_text("{not json")
    result = cli("eval", "plover", str(bad))
    assert result.code == 1
    assert len(result.err_lines) == 1 and str(bad) in result.err
