"""Fuzzing the readers and the whole extract path with hypothesis: whatever comes in, every input
ends as a Story or as one Rejected with a one-line reason, nothing raises, and every offset in a
coded story points at the words it claims to."""

from __future__ import annotations

import gzip
import io
import json
import os

import jsonschema
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import SCHEMA

from eventwire.coder import Coder
from eventwire.model import Rejected, Story
from eventwire.read import ReadOptions, read_bytes

DEEPER = int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "0"))  # set it (say 500) to fuzz longer than CI does
FUZZ = settings(max_examples=DEEPER or 60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
CODED = settings(max_examples=DEEPER or 25, deadline=None, database=None, suppress_health_check=list(HealthCheck))

SENTENCES = [
    "The foreign minister of Kenya met the Ugandan president in Kampala on Monday.",
    "Rebels attacked a police station near Goma, killing three officers, the army said.",
    "Iraqi officials said the delegation had asked Russia for weapons.",
    "The government denied that its troops had shelled the town of Afrin.",
    "Protesters marched in Nairobi against tax rises, and police arrested 40 people.",
    "It is not clear whether the two leaders will meet in Geneva next month.",
]
ODD = ("\u202e\u202d\u200f\u200e\u061c"  # bidirectional overrides and marks
       "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters
       "\u0301\u0308\u20dd"  # combining marks
       "\u2028\u2029\x0b\x0c\x85\r\t"  # unusual line and paragraph breaks
       "\ufffd\U0001f600\u05d0\u0627\u4e2d")  # replacement, emoji, Hebrew, Arabic, Chinese
odd_runs = st.text(alphabet=st.sampled_from(ODD) | st.characters(codec="utf-8"), max_size=12)
separators = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\u2029", "  \n \n", ""])


@st.composite
def english_with_noise(draw) -> str:
    """English sentences with odd characters and breaks put in anywhere, even inside words."""
    parts = []
    for sentence in draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6)):
        if draw(st.booleans()):
            at = draw(st.integers(0, len(sentence)))
            sentence = sentence[:at] + draw(odd_runs) + sentence[at:]
        parts.append(sentence + draw(separators))
    return draw(st.sampled_from(["", "A title\n\n", "<p>", "\ufeff"])) + "".join(parts)


def one_line_reasons(items: list[Story | Rejected], name: str) -> None:
    for item in items:
        assert isinstance(item, Story | Rejected), item
        if isinstance(item, Rejected):
            assert item.input.startswith(name) and item.reason
            assert "\n" not in item.message() and "Traceback" not in item.reason


def offsets_hold(story: Story) -> None:
    """Every offset of a coded story points at the text it names (line breaks read as spaces)."""
    text = story.text.replace("\r", " ").replace("\n", " ")
    for p in story.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)
    for r in story.removed:
        assert story.text[r.start : r.end] == r.text
    for place in story.places:
        assert text[place.start : place.end] == place.text and place.text == place.text.strip()
    for event in story.events:
        for actor in (event.source, event.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text and actor.text == actor.text.strip()
        for m in event.mentions:
            assert text[m.start : m.end] == m.sentence and m.sentence == m.sentence.strip()
            assert text[m.trigger.start : m.trigger.end] == m.trigger.text
            assert m.start <= m.trigger.start < m.trigger.end <= m.end


@FUZZ
@given(data=st.binary(max_size=4000))
def test_random_bytes_are_a_story_or_one_clear_rejection(data):
    items = list(read_bytes("fuzz.bin", data))
    assert len(items) >= 1 or data.lstrip().startswith((b"{", b"[", b"WARC/", b"<"))
    one_line_reasons(items, "fuzz.bin")


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_unicode_is_a_story_or_one_clear_rejection(text):
    items = list(read_bytes("fuzz.txt", text.encode("utf-8")))
    one_line_reasons(items, "fuzz.txt")


@CODED
@given(text=english_with_noise())
@example(text="A title\n\nPolice said 1\rThe foreign minister of Kenya met the Ugandan president in Kampala.")
@example(text="The army said rebels \u202eattacked a police station near\u200b Goma.\u2029Police arrested 40 people.")
def test_extract_path_on_noisy_english_keeps_every_offset_true(text):
    items = list(Coder().code(read_bytes("noisy.txt", text.encode("utf-8"))))
    one_line_reasons(items, "noisy.txt")
    for story in items:
        if isinstance(story, Story):
            offsets_hold(story)
            document = {"schema": "eventwire/1", "stories": [story.to_dict(with_text=True, explain=True)]}
            jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(json.dumps(document)))


@CODED
@given(text=english_with_noise(), encoding=st.sampled_from(["utf-16", "utf-8-sig", "latin-1", "cp1252"]))
def test_other_encodings_are_read_or_refused_with_a_reason(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    for options in (ReadOptions(), ReadOptions(encoding="auto")):
        one_line_reasons(list(read_bytes("encoded.txt", data, options)), "encoded.txt")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=3), max_leaves=8)
fields = st.fixed_dictionaries({}, optional={k: json_values | st.sampled_from(SENTENCES)
                                             for k in ("id", "title", "text", "published", "url", "source")})


@FUZZ
@given(records=st.lists(fields | json_values, min_size=1, max_size=8))
def test_jsonl_of_wrong_types_gives_one_item_per_line_in_order(records):
    lines = [json.dumps({"text": SENTENCES[0]})] + [json.dumps(r) for r in records]  # first: told as JSONL
    items = list(read_bytes("fuzz.jsonl", ("\n".join(lines) + "\n").encode()))
    one_line_reasons(items, "fuzz.jsonl")
    assert [item.input for item in items] == [f"fuzz.jsonl:{n}" for n in range(1, len(lines) + 1)]
    for record, item in zip(records, items[1:], strict=True):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            assert isinstance(item, Rejected)


@FUZZ
@given(cut=st.floats(0.0, 1.0))
def test_truncated_gzip_is_read_or_refused_never_raised(cut):
    body = ("A title\n\n" + " ".join(SENTENCES * 20)).encode()
    packed = gzip.compress(body)
    data = packed[: int(len(packed) * cut)]
    items = list(read_bytes("story.txt.gz", data))
    one_line_reasons(items, "story.txt.gz")
    assert len(items) == 1
    if len(data) < len(packed):
        assert isinstance(items[0], Rejected)


def _warc(records: int, gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for n in range(records):
        html = (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
                + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    return out.getvalue()


def _record_starts(data: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(data))
    return [archive.get_record_offset() for _ in archive]


WARCS = {gzipped: _warc(3, gzipped) for gzipped in (False, True)}
STARTS = {gzipped: _record_starts(data) for gzipped, data in WARCS.items()}


@FUZZ
@given(gzipped=st.booleans(), cut=st.floats(0.0, 1.0))
def test_truncated_warc_keeps_the_whole_records_and_says_where_it_broke(gzipped, cut):
    whole = WARCS[gzipped]
    data = whole[: int(len(whole) * cut)]
    items = list(read_bytes("crawl.warc", data))
    one_line_reasons(items, "crawl.warc")
    if len(data) < len(b"WARC/"):
        return  # too short to be told as a WARC: read as whatever it looks like ("WA" is text)
    stories = [i for i in items if isinstance(i, Story)]
    assert len(stories) <= 3
    assert [s.title for s in stories] == [f"Story {n}" for n in range(len(stories))]
    begun = sum(start < len(data) for start in STARTS[gzipped])  # records of which some bytes are here
    assert len(stories) == begun or isinstance(items[-1], Rejected)  # a cut record is always reported
    assert sum(isinstance(i, Rejected) for i in items) <= 1


def test_deeply_nested_html_is_read_or_refused_never_raised():
    body = "<p>" + " ".join(SENTENCES) + "</p>"
    for depth in (500, 5_000, 100_000):
        page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
        (item,) = read_bytes("nested.html", page.encode())
        one_line_reasons([item], "nested.html")
        unclosed = "<html><body>" + "<div><span><b>" * depth + body
        (item,) = read_bytes("unclosed.html", unclosed.encode())
        one_line_reasons([item], "unclosed.html")


def test_a_huge_line_is_coded_whole(tmp_path, cli):
    line = " ".join(SENTENCES) + " "
    path = tmp_path / "one-line.txt"
    path.write_text(line * (250_000 // len(line)))  # one 250 kB paragraph: parsed in pieces
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.code == 0, result.err
    (story,) = [json.loads(x) for x in result.out.splitlines()]
    assert len(story["events"]) >= 5


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(files=st.lists(st.binary(max_size=3000) | english_with_noise().map(str.encode), min_size=1, max_size=4))
def test_the_extract_command_on_random_files_prints_valid_json_and_a_line_per_rejection(files, cli):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, data in enumerate(files):
            path = Path(folder) / f"input-{n}"
            path.write_bytes(data)
            paths.append(str(path))
        result = cli("extract", *paths, "--format", "json", "--with-text")
    assert result.code in (0, 1) and "Traceback" not in result.err
    document = json.loads(result.out)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    rejected = result.err_lines
    for line in rejected:  # each names the input it is about
        assert line.startswith("eventwire: skipped ") and any(f"{p}:" in line or f"{p}#" in line for p in paths)
    assert (result.code == 1) == bool(rejected)
    assert len(document["stories"]) + len(rejected) >= len(files)  # every input is accounted for
    for story in document["stories"]:
        for event in story["events"]:
            for m in event["mentions"]:
                t = m["trigger"]
                assert story["text"][t["start"] : t["end"]].replace("\r", " ").replace("\n", " ") == t["text"]
