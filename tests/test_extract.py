"""`eventwire extract` end to end: the JSON shape (validated by the published schema), formats, order."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from support import ROOT, SAMPLE, SAMPLES, SCHEMA, SHARED, need_shared, validate


def test_bundled_samples_validate_and_keep_input_order(cli):
    result = cli("extract", str(SAMPLES / "demo-wire.jsonl"), str(SAMPLES / "ankara-water-talks.txt"),
                 str(SAMPLES / "border-clashes.html"), "--format", "json")
    assert result.code == 0, result.err
    document = result.json()
    validate(document)
    assert document["schema"] == "eventwire/1"
    titles = [s["title"] for s in document["stories"]]
    assert titles == ["Thousands protest in Nairobi over tax rises", "EU adopts new sanctions on Russia",
                      "Turkey and Iraq agree to share water data after talks in Ankara",
                      "Army and rebels clash near the border"]
    assert [s["published"] for s in document["stories"]] == ["2024-06-25", "2024-06-24", "2023-03-08",
                                                             "2024-05-17"]


def test_schema_rejects_a_malformed_document():
    with pytest.raises(jsonschema.ValidationError):
        validate({"schema": "eventwire/1", "stories": [{"id": "x"}]})
    with pytest.raises(jsonschema.ValidationError):
        validate({"schema": "eventwire/2", "stories": []})


def test_with_text_returns_the_text_offsets_index(cli):
    result = cli("extract", str(SAMPLES / "border-clashes.html"), "--with-text")
    story = result.json()["stories"][0]
    validate(result.json())
    for r in story["removed"]:
        assert story["text"][r["start"] : r["end"]] == r["text"]
    assert "Sudanese army troops" in story["text"]


def test_jsonl_format_is_one_valid_story_per_line(cli):
    result = cli("extract", str(SAMPLES), "--format", "jsonl")
    lines = result.out.splitlines()
    assert len(lines) == 4
    for line in lines:
        story = json.loads(line)
        jsonschema.Draft202012Validator(SCHEMA["$defs"]["story"] | {"$defs": SCHEMA["$defs"]}).validate(story)


def test_table_format_names_each_story(cli):
    result = cli("extract", str(SAMPLES / "ankara-water-talks.txt"), "--format", "table")
    assert result.code == 0
    assert "Turkey and Iraq agree to share water data" in result.out


def test_sample_story_header_checks():
    """The first four checks of ../shared/acceptance/check_seed.py (the event checks are later issues)."""
    need_shared(SAMPLE)
    out = subprocess.run([sys.executable, "-m", "eventwire", "extract", str(SAMPLE), "--format", "json"],
                         capture_output=True, check=True, cwd=ROOT).stdout
    document = json.loads(out)
    validate(document)
    check = subprocess.run([sys.executable, str(SHARED / "acceptance" / "check_seed.py"), "-", str(SAMPLE)],
                           input=out, capture_output=True)
    lines = check.stdout.decode().splitlines()
    for name in ("title read from the first line", "publication date 2016-12-23 read from the header",
                 "photo caption set aside, not coded", "'2 min read' and the caption are in no event's evidence"):
        assert f"PASS {name}" in lines, lines


def test_explain_shows_sense_path_and_what_was_not_coded(cli):
    result = cli("extract", str(SAMPLES / "ankara-water-talks.txt"), "--explain")
    validate(result.json())
    story = result.json()["stories"][0]
    met = next(e for e in story["events"] if e["mentions"][0]["trigger"]["text"] == "met")
    explain = met["mentions"][0]["explain"]
    assert "verbs.yaml: meet" in explain and "CAMEO 040" in explain
    assert "source: subject 'Cavusoglu'" in explain and "target: object 'counterpart'" in explain
    # "said" codes nothing: neither the lexicon nor a dictionary pattern gives it a sense here
    assert any(line.startswith("said (") and "'say'" in line for line in story["unmatched"])
    plain = cli("extract", str(SAMPLES / "ankara-water-talks.txt")).json()["stories"][0]
    assert "unmatched" not in plain and "explain" not in plain["events"][0]["mentions"][0]
    table = cli("extract", str(SAMPLES / "ankara-water-talks.txt"), "--explain", "--format", "table").out
    assert "not coded:" in table and "verbs.yaml: meet" in table
