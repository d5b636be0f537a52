"""Bad input: one clear stderr line per rejected input naming it, the rest processed, exit 1."""

from __future__ import annotations

import json

import pytest
from support import run_subprocess

GOOD = ("Title of a good story\n\nThe foreign minister of Kenya met the Ugandan president in Kampala on "
        "Monday to discuss trade across the border, officials said. They agreed to meet again next month.\n")
FRENCH = ("Le ministre des affaires étrangères du Kenya a rencontré le président ougandais à Kampala lundi "
          "pour discuter du commerce frontalier, selon des responsables. Ils se reverront le mois prochain "
          "dans la capitale pour signer un accord sur les douanes et les routes.")
ARABIC = "التقى وزير الخارجية الكيني بالرئيس الأوغندي في كمبالا يوم الاثنين لبحث التجارة عبر الحدود " * 3


def bad_inputs(tmp_path):
    """(file name, content bytes, words the error line must contain)."""
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:  # 50 MB of plausible text, written without holding it in memory
        line = (GOOD.replace("\n", " ") + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)
    cases = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n \t\n", "empty"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        "noise.bin": (bytes(range(256)) * 40, "binary"),
        "latin1.txt": (GOOD.replace("officials", "offîcials").encode("latin-1"), "not valid utf-8"),
        "french.txt": (("Titre\n\n" + FRENCH).encode(), "not english"),
        "arabic.txt": (("عنوان\n\n" + ARABIC).encode(), "not english"),
        "broken.html": (b"<html><head><title>x</title></head><body><div><p><script>var a = '<p>", "no main text"),
        "stories.jsonl": (b'{"id": "ok1", "text": "' + GOOD.replace("\n", " ").encode() + b'"}\n'
                          b'{"id": "bad", "text": \n'
                          b'["not", "an", "object"]\n'
                          b'{"id": "notext"}\n'
                          b'{"id": "ok2", "text": "' + GOOD.replace("\n", " ").replace("Monday", "Friday").encode()
                          + b'"}\n', None),
    }
    for name, (content, _) in cases.items():
        (tmp_path / name).write_bytes(content)
    cases["huge.txt"] = (None, "too large")
    return cases


def test_each_bad_input_gets_one_line_and_the_rest_is_processed(tmp_path, cli):
    cases = bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    paths = [str(tmp_path / name) for name in cases] + [str(good), str(tmp_path / "missing.txt")]
    result = cli("extract", *paths, "--format", "json")
    assert result.code == 1
    lines = result.err_lines
    assert "Traceback" not in result.err
    for name, (_, words) in cases.items():
        if words is None:
            continue
        mine = [line for line in lines if f"{name}:" in line]
        assert len(mine) == 1, (name, lines)
        assert words in mine[0].lower(), (name, mine)
    jsonl_lines = [line for line in lines if "stories.jsonl:" in line]
    assert [line.split("stories.jsonl:")[1].split(":")[0] for line in jsonl_lines] == ["2", "3", "4"]
    assert "not JSON" in jsonl_lines[0] and "expected a JSON object" in jsonl_lines[1]
    assert "'text'" in jsonl_lines[2]
    assert any("missing.txt: no such file" in line for line in lines)
    assert len(lines) == len([c for c in cases.values() if c[1]]) + 3 + 1
    stories = result.json()["stories"]
    assert [s["id"] for s in stories] == ["ok1", "ok2", stories[2]["id"]]
    assert stories[2]["title"] == "Title of a good story"


def test_encoding_option_reads_what_was_rejected(tmp_path, cli):
    path = tmp_path / "latin1.txt"
    path.write_bytes(GOOD.replace("officials", "offîcials").encode("latin-1"))
    rejected = cli("extract", str(path))
    assert rejected.code == 1 and "--encoding" in rejected.err
    accepted = cli("extract", str(path), "--encoding", "latin-1")
    assert accepted.code == 0 and accepted.err == ""
    assert accepted.json()["stories"][0]["title"] == "Title of a good story"


def test_size_limit_is_configurable(tmp_path, cli):
    path = tmp_path / "story.txt"
    path.write_text(GOOD)
    assert cli("extract", str(path), "--max-bytes", "100").code == 1
    assert cli("extract", str(path), "--max-bytes", "100000").code == 0


def test_bad_input_on_stdin_in_a_real_process(tmp_path):
    result = run_subprocess("extract", "-", "--format", "jsonl", stdin=b"\x00\x01\x02binary\xff\xfe" * 100)
    assert result.code == 1
    assert result.err_lines == ["eventwire: skipped <stdin>: binary data, not text"]
    assert result.out == ""


def test_stdin_story_in_a_real_process():
    result = run_subprocess("extract", "-", "--format", "jsonl", stdin=GOOD.encode())
    assert result.code == 0, result.err
    (story,) = [json.loads(line) for line in result.out.splitlines()]
    assert story["title"] == "Title of a good story"


@pytest.mark.parametrize("args", [["extract"], ["extract", "x", "--format", "xml"], ["nonsense"],
                                  ["extract", "x", "--max-bytes", "-5"], ["extract", "x", "--time-limit", "0"],
                                  ["ingest", "x", "--time-limit", "soon"]])
def test_usage_errors_exit_2(cli, args):
    with pytest.raises(SystemExit) as exc:
        cli(*args)
    assert exc.value.code == 2


def long_story(paragraphs: int) -> str:
    """A story of many distinct paragraphs, so the parser and the coder both have work."""
    places = ["Kampala", "Nairobi", "Juba", "Kigali", "Addis Ababa", "Mogadishu"]
    return "A long story\n\n" + "\n\n".join(
        f"The foreign minister of Kenya met officials in {places[i % len(places)]} on day {i} and "
        f"accused the police of arresting {i + 2} protesters, a spokesman said. Rebels attacked a "
        f"convoy near the border and the army promised to send aid." for i in range(paragraphs))


def test_a_story_over_the_time_limit_is_skipped_alone_and_the_alarm_is_put_back(coder):
    import signal

    from eventwire.model import Rejected, Story
    from eventwire.read.story import story_from_text

    short = story_from_text("short.txt", GOOD, title_from_first_line=True)
    slow = story_from_text("slow.txt", long_story(400), title_from_first_line=True)
    after = story_from_text("after.txt", GOOD.replace("Monday", "Friday"), title_from_first_line=True)
    previous = signal.getsignal(signal.SIGALRM)
    out = list(coder.code([short, slow, after], time_limit=0.5))
    assert [type(x) for x in out] == [Story, Rejected, Story]
    assert out[1].input == "slow.txt" and "longer than 0.5 s" in out[1].reason and "--time-limit" in out[1].reason
    assert out[0].events and out[2].events
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is previous
    (coded,) = coder.code([slow], time_limit=120)  # the same story, given the time, is coded
    assert isinstance(coded, Story) and sum(len(e.mentions) for e in coded.events) > 100


def test_time_limit_is_configurable_on_the_command_line(tmp_path, cli):
    (tmp_path / "slow.txt").write_text(long_story(300))
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("extract", str(tmp_path / "slow.txt"), str(tmp_path / "good.txt"), "--time-limit", "0.3",
                 "--format", "jsonl")
    assert result.code == 1
    assert len(result.err_lines) == 1 and "slow.txt: took longer than 0.3 s" in result.err_lines[0]
    assert [json.loads(line)["title"] for line in result.out.splitlines()] == ["Title of a good story"]


def test_a_long_story_is_parsed_in_pieces_exactly_as_whole():
    from eventwire.nlp import parse, text_pieces
    from eventwire.read.story import story_from_text

    story = story_from_text("long.txt", long_story(12), title_from_first_line=True)
    assert len(list(text_pieces(story.text, 700))) > 3
    ((_, whole),) = parse([story])
    ((_, pieced),) = parse([story], piece_chars=700)

    def facts(doc):
        return [(t.idx, t.text, t.dep_, t.head.i, t.is_sent_start, t.ent_type_, t.ent_iob_) for t in doc]

    assert pieced.text == whole.text and len(whole.text) == len(story.text)
    assert facts(pieced) == facts(whole)


@pytest.mark.parametrize("size", [1, 7, 50, 333])
def test_text_pieces_cover_the_text_within_the_size(size):
    from eventwire.nlp import text_pieces

    text = long_story(3) + " " + "x" * 400 + " end.\n"
    pieces = list(text_pieces(text, size))
    assert "".join(pieces) == text
    assert all(0 < len(p) <= size for p in pieces)


def test_the_time_limit_holds_in_worker_processes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-slow.txt").write_text(long_story(300))
    for i in range(3):
        (tmp_path / "in" / f"b-good-{i}.txt").write_text(GOOD.replace("Monday", ["Monday", "Friday", "Sunday"][i]))
    db = str(tmp_path / "events.db")
    result = run_subprocess("ingest", str(tmp_path / "in"), "--db", db, "--workers", "2", "--time-limit", "0.5",
                            "--no-progress")
    assert result.code == 1, result.err
    skipped = [line for line in result.err_lines if line.startswith("eventwire: skipped")]
    assert len(skipped) == 1 and "a-slow.txt: took longer than 0.5 s" in skipped[0]
    assert "coded and written: 3 (3 new, 0 replaced)" in result.err


def test_an_html_page_whose_main_text_takes_too_long_is_skipped(tmp_path, cli):
    page = tmp_path / "heavy.html"
    page.write_text("<html><body><article>" + "".join(
        f"<p>The minister met officials in Nairobi on day {i} to discuss trade.</p>" for i in range(40_000))
        + "</article></body></html>")
    (tmp_path / "good.txt").write_text(GOOD)
    result = cli("extract", str(page), str(tmp_path / "good.txt"), "--time-limit", "0.5", "--format", "jsonl")
    assert result.code == 1
    (line,) = result.err_lines
    assert "heavy.html: took longer than 0.5 s to find the page's main text" in line
    assert [json.loads(x)["title"] for x in result.out.splitlines()] == ["Title of a good story"]
