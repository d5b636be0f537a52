"""Judging by hand (`eventwire judge`, `eval judged`): seeded samples, verdicts recorded by
reference and never the text, and a changed coder scored against verdicts on an earlier one's
events. The stories are invented for these tests; the coders read the small test lexicon
(tests/data/lexicon-mini), so that what they code does not move when the packaged lexicons do."""

from __future__ import annotations

import io
import json
import os
import shutil

import pytest
import yaml
from support import ROOT

from eventwire.coder import Coder
from eventwire.evaluate.judged import CHANGED, carried, evaluate, triple
from eventwire.judging.sample import draw, reference
from eventwire.judging.show import read_answer
from eventwire.judging.verdicts import (
    FIELD_NAMES,
    JudgedEvent,
    VerdictFileError,
    judge_event,
    read_verdicts,
    write_verdicts,
)
from eventwire.lexicons import Lexicons
from eventwire.model import Actor, Event, Mention, Plover, Story, Trigger

MINI = ROOT / "tests" / "data" / "lexicon-mini"
REPLACED = ("verbs", "nouns", "actors", "agents")
STORIES = [
    ("s1", "Kenyan police arrested opposition leaders in Nairobi on Monday.\n\n"
           "Ugandan troops attacked a village near the border on Sunday, officials said."),
    ("s2", "A Kenyan delegation met Ugandan officials in Kampala on Tuesday.\n\n"
           "Rebels of the Zorblat Front attacked an army post in Mali on Wednesday."),
    ("s3", "The Malian army attacked rebel positions near Gao on Friday.\n\n"
           "Malian officials accused the Zorblat Front of looting the town."),
]
# words of the stories that no reference, code or gazetteer name contains
STORY_WORDS = ("arrested", "attacked", "delegation", "village", "looting", "Rebels of the Zorblat", "positions")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A JSON Lines corpus of the invented stories."""
    path = tmp_path_factory.mktemp("judging") / "news.jsonl"
    path.write_text("".join(json.dumps({"id": sid, "published": "2024-03-06", "text": text}) + "\n"
                            for sid, text in STORIES))
    return path


def mini_coder(folder=MINI) -> Coder:
    return Coder(Lexicons([folder], replace=REPLACED), default_dictionaries=False)


@pytest.fixture(scope="module")
def before() -> Coder:
    return mini_coder()


@pytest.fixture(scope="module")
def after(tmp_path_factory) -> Coder:
    """The test lexicon changed: "attack" dropped, "accuse" added, "meet" an intent to meet (AGREE)."""
    folder = tmp_path_factory.mktemp("lexicon-after")
    for file in MINI.glob("*.yaml"):
        shutil.copy(file, folder / file.name)
    verbs = yaml.safe_load((MINI / "verbs.yaml").read_text())
    del verbs["verbs"]["attack"]
    verbs["verbs"]["accuse"] = [{"cameo": "112"}]
    verbs["verbs"]["meet"] = [{"cameo": "036"}]
    (folder / "verbs.yaml").write_text(yaml.safe_dump(verbs))
    return mini_coder(folder)


def coded(coder: Coder, corpus) -> list[Story]:
    return [s for s in coder.code(coder.read([str(corpus)])) if isinstance(s, Story)]


def triggers(story: Story, events: list[JudgedEvent]) -> list[str]:
    return [story.text[e.trigger[0]:e.trigger[1]] for e in events]


# ------------------------------------------------------------------------------------ sampling


def _story_with_events(n_events: int, sid: str) -> Story:
    """A story with hand-made events (no parse): each its own trigger."""
    text = " ".join(f"word{i}" for i in range(n_events))
    story = Story.from_body(text, input=f"made.jsonl:{sid[1:]}", id=sid)
    for i in range(n_events):
        start = text.index(f"word{i}")
        trigger = Trigger(f"word{i}", start, start + len(f"word{i}"))
        story.events.append(Event(f"{sid}-{i}", Plover("CONSULT"), None, Actor("x", 0, 1, code="KEN"), None,
                                  mentions=[Mention(text, 0, len(text), trigger)]))
    return story


def test_a_sample_is_drawn_the_same_for_the_same_seed_and_otherwise_for_another():
    stories = [_story_with_events(n, f"s{n}") for n in range(1, 9)]  # 36 events
    first, again, other = draw(stories, 10, 7), draw(stories, 10, 7), draw(stories, 10, 8)
    assert len(first) == 10
    assert [e.to_dict() for e in first] == [e.to_dict() for e in again]
    assert [e.trigger for e in first] != [e.trigger for e in other]
    assert all(e.drawn == "event" for e in first)


def test_articles_drawn_whole_bring_every_event_of_each():
    stories = [_story_with_events(n, f"s{n}") for n in range(1, 9)]
    sample = draw(stories, 10, 7, whole_articles=True)
    counts = {}
    for event in sample:
        counts[event.article] = counts.get(event.article, 0) + 1
    assert all(counts[sid] == int(sid[1:]) for sid in counts)  # s3 has 3 events, all drawn
    assert sum(counts.values()) >= 10 and all(e.drawn == "article" for e in sample)
    assert sample[0].position == int(sample[0].article[1:])  # made.jsonl:N is at position N


def test_the_sample_command_is_reproducible_and_refuses_to_overwrite(cli, corpus, tmp_path):
    first, again = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli("judge", "sample", str(corpus), "--n", "2", "--seed", "3", "--out", str(first)).code == 0
    assert cli("judge", "sample", str(corpus), "--n", "2", "--seed", "3", "--out", str(again)).code == 0
    assert first.read_text() == again.read_text() and len(first.read_text().splitlines()) == 2
    refused = cli("judge", "sample", str(corpus), "--n", "2", "--out", str(first))
    assert refused.code == 2 and "--force" in refused.err


def test_the_verdict_file_holds_references_and_no_text(before, corpus, tmp_path):
    path = tmp_path / "sample.jsonl"
    write_verdicts(path, draw(coded(before, corpus), 6, 0, whole_articles=True))
    content = path.read_text()
    for word in STORY_WORDS:
        assert word not in content
    for _, text in STORIES:
        for sentence in text.split("\n\n"):
            assert sentence not in content
    line = json.loads(content.splitlines()[0])
    assert line["corpus"] == "news.jsonl" and line["article"] == "s1" and line["position"] == 1
    assert STORIES[0][1][slice(*line["trigger"])] == "arrested"


# ------------------------------------------------------------------------------------ recording


@pytest.fixture
def sample(before, corpus, tmp_path):
    """A sample of every event of the stories, coded by the test lexicon, verdicts empty."""
    path = tmp_path / "sample.jsonl"
    write_verdicts(path, draw(coded(before, corpus), 100, 0, whole_articles=True))
    return path


def test_set_records_the_verdicts_judge_and_note(cli, sample):
    result = cli("judge", "set", str(sample), "2", "type=wrong", "source=r", "--note", "two sides",
                 "--judge", "ana")
    assert result.code == 0
    event = read_verdicts(sample)[1]
    assert event.verdicts["type"] == "wrong" and event.verdicts["source"] == "right"
    assert event.verdicts["target"] is None and event.note == "two sides" and event.judge == "ana"
    assert event.judged_on and read_verdicts(sample)[0].verdicts["type"] is None


def test_a_rewritten_verdict_file_keeps_its_permissions(cli, sample):
    sample.chmod(0o640)
    assert cli("judge", "set", str(sample), "1", "type=right").code == 0
    assert sample.stat().st_mode & 0o777 == 0o640
    fresh = sample.parent / "fresh.jsonl"
    write_verdicts(fresh, read_verdicts(sample))
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not private like a temporary one


def test_not_an_event_makes_the_type_wrong_and_the_rest_not_applicable(cli, sample):
    assert cli("judge", "set", str(sample), "1", "event=wrong").code == 0
    verdicts = read_verdicts(sample)[0].verdicts
    assert verdicts == {"event": "wrong", "type": "wrong", "source": "n.a.", "target": "n.a.", "status": "n.a.",
                        "location": "n.a.", "date": "n.a."}


@pytest.mark.parametrize(("args", "named"), [
    (["1", "kind=right"], "the fields are event, type, source, target, status, location, date"),
    (["1", "type=maybe"], "right, wrong, unsure, n.a."),
    (["1", "type"], "FIELD=VERDICT"),
    (["99", "type=right"], "INDEX is 1 to"),
])
def test_a_bad_verdict_is_refused_naming_the_valid_ones(cli, sample, args, named):
    before = sample.read_text()
    result = cli("judge", "set", str(sample), *args)
    assert result.code == 2 and named in result.err
    assert sample.read_text() == before


def test_the_prompt_records_what_is_typed_and_a_second_run_goes_on_from_there(cli, sample, corpus, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("rrwrrrr\nthe target is the village\nq\n"))
    shown = cli("judge", "show", str(sample), str(corpus), "--judge", "ana")
    assert shown.code == 0 and "«arrested»" in shown.out and "[S: Kenyan police]" in shown.out
    first, second = read_verdicts(sample)[:2]
    assert first.verdicts == {"event": "right", "type": "right", "source": "wrong", "target": "right",
                              "status": "right", "location": "right", "date": "right"}
    assert first.note == "the target is the village" and not second.judge
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    again = cli("judge", "show", str(sample), str(corpus))
    assert "#1 of" not in again.out and "#2 of" in again.out


def test_show_as_json_gives_a_program_the_pending_events_with_their_text(cli, sample, corpus):
    assert cli("judge", "set", str(sample), "1", *(f"{name}=right" for name in FIELD_NAMES)).code == 0
    shown = cli("judge", "show", str(sample), str(corpus), "--format", "json")
    views = shown.json()["events"]
    assert [v["index"] for v in views] == list(range(2, len(read_verdicts(sample)) + 1))
    assert views[0]["trigger"]["text"] == "attacked" and views[0]["coded"]["source"]["text"] == "Ugandan troops"
    assert views[0]["marked"].startswith("[S: Ugandan troops] «attacked»")


def test_a_malformed_verdict_line_is_named_with_its_file_and_line(cli, sample, corpus):
    lines = sample.read_text().splitlines()
    lines[1] = lines[1].replace('"trigger": [', '"trigger": ["x", ')
    sample.write_text("\n".join(lines) + "\n")
    with pytest.raises(VerdictFileError, match=rf"{sample}:2: 'trigger' must be \[start, end\]"):
        read_verdicts(sample)
    for command in (["eval", "judged", str(sample), str(corpus)], ["judge", "set", str(sample), "1", "type=r"],
                    ["judge", "show", str(sample), str(corpus)]):
        result = cli(*command)
        assert result.code == 2 and f"{sample}:2:" in result.err


def test_eval_judged_needs_the_corpus_the_verdicts_point_into(cli, sample, tmp_path):
    result = cli("eval", "judged", str(sample), str(tmp_path))
    assert result.code == 2 and "news.jsonl" in result.err and "give the corpus" in result.err


# ------------------------------------------------------------------------------------ re-scoring


def _judge_all(path) -> list[JudgedEvent]:
    """Every event right but the type of the second (its trigger judged a clash, not an attack)."""
    events = read_verdicts(path)
    for n, event in enumerate(events):
        given = {name: "right" for name in FIELD_NAMES}
        if n == 1:
            given["type"] = "wrong"
        judge_event(event, given, judge="test", today="2026-12-02")
    write_verdicts(path, events)
    return events


def test_the_same_coder_carries_every_verdict(before, corpus, sample):
    judged = _judge_all(sample)
    report = evaluate(sample, before, [corpus])
    assert report["n_paired"] == report["n_coded_now"] == len(judged) == 5
    assert report["precision"]["type"].items() >= {"right": 4, "wrong": 1, "to_judge": 0, "precision": 0.8}.items()
    assert report["precision"]["triple"]["right"] == 4 and report["precision"]["source"]["precision"] == 1.0
    assert report["no_longer_coded"]["n"] == report["newly_coded"]["n"] == report["changed"]["n"] == 0
    low, high = report["precision"]["type"]["interval_95"]
    assert low < 0.8 < high


def test_a_changed_coder_keeps_only_the_verdicts_of_unchanged_values(before, after, corpus, sample, tmp_path):
    judged = _judge_all(sample)
    story = {s.id: s for s in coded(before, corpus)}
    assert [triggers(story[e.article], [e])[0] for e in judged] == ["arrested", "attacked", "met", "attacked",
                                                                    "attacked"]
    report = evaluate(sample, after, [corpus], write_next=tmp_path / "next.jsonl")
    gone = report["no_longer_coded"]
    assert gone["n"] == 3 and gone["type"] == {"right": 2, "wrong": 1}  # the three attacks, one judged wrong
    assert [e["index"] for e in gone["events"]] == [2, 4, 5]
    assert report["newly_coded"]["n"] == 1 and report["newly_coded"]["events"][0]["type"] == "ACCUSE/disapprove"
    (met,) = report["changed"]["events"]
    assert met["fields"]["type"] == {"judged": "CONSULT", "now": "AGREE", "verdict": "right"}
    assert set(met["fields"]) == {"type"}  # its actors, status, place and date are as judged
    precision = report["precision"]
    assert precision["type"]["right"] == 1 and precision["type"]["to_judge"] == 1  # "arrested"; "met" to judge
    assert precision["source"]["right"] == 2 and precision["triple"].items() >= {"right": 1, "to_judge": 1}.items()
    following = read_verdicts(tmp_path / "next.jsonl")
    assert [e.pending() for e in following] == [[], ["type"], list(FIELD_NAMES)]


def test_a_field_carries_only_while_its_value_is_the_one_judged():
    judged = JudgedEvent("c.xml", "a", 1, (0, 4), (0, 20), {
        "type": "ASSAULT", "mode": None, "source": {"code": "KENMIL"}, "target": None, "status": "asserted",
        "location": {"geonameid": 1, "name": "Nairobi"}, "date": "2024-03-01"},
        {"event": "right", "type": "right", "source": "wrong", "target": "right", "status": "right",
         "location": "unsure", "date": "right"})
    now = {**judged.coded, "source": {"code": "UGAMIL"}, "location": {"geonameid": 2, "name": "Kampala"}}
    verdicts = carried(judged, now)
    assert verdicts["type"] == "right" and verdicts["status"] == "right" and verdicts["target"] == "right"
    assert verdicts["source"] == CHANGED and verdicts["location"] == CHANGED
    assert verdicts["triple"] == CHANGED  # no part wrong now, one to judge
    assert carried(judged, judged.coded)["triple"] == "wrong"  # the source judged wrong
    not_an_event = JudgedEvent("c.xml", "a", 1, (0, 4), (0, 20), judged.coded, {"event": "wrong", "type": "wrong"})
    assert carried(not_an_event, {**judged.coded, "type": "PROTEST"})["type"] == "wrong"


def test_the_triple_is_wrong_when_a_part_is_and_right_only_when_all_are():
    right = dict.fromkeys(("event", "type", "source", "target"), "right")
    assert triple(right) == "right"
    assert triple({**right, "target": "wrong"}) == "wrong"
    assert triple({**right, "target": "unsure"}) == "unsure"
    assert triple({**right, "event": "wrong", "type": "wrong"}) == "wrong"


def test_an_answer_at_the_prompt_is_letters_assignments_or_a_command():
    assert read_answer("rwunrrr") == dict(zip(FIELD_NAMES, ("right", "wrong", "unsure", "n.a.", "right", "right",
                                                              "right"), strict=True))
    assert read_answer("type=w source=right") == {"type": "wrong", "source": "right"}
    assert read_answer("x") == {"event": "wrong"} and read_answer(" Q ") == "q"
    with pytest.raises(ValueError, match="one letter a field"):
        read_answer("rrr")


def test_a_reference_points_at_the_first_mention(before):
    story = before.code_text("Kenyan police arrested opposition leaders in Nairobi on Monday.", story_id="t",
                             published="2024-03-06")
    event = reference(story, story.events[0])
    assert story.text[slice(*event.trigger)] == "arrested" and event.sentence == (0, len(story.text))
    assert event.coded["source"]["code"] == "KENCOP" and event.coded["type"] == "COERCE"
