"""Each reader, on inputs written here, with assertions on what comes out."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.model import Rejected, Story
from eventwire.read import ReadOptions, read_inputs
from eventwire.read.detect import detect

BODY = ("Kenyan police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. "
        "The opposition called for an inquiry into the violence and said it would hold more rallies.")

PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Police fire tear gas in Nairobi | Example News</title>
<meta property="article:published_time" content="2024-06-25T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Police fire tear gas in Nairobi</h1>
<p>{BODY}</p>
<figure><img src="x.jpg"><figcaption>Protesters run from tear gas (AFP)</figcaption></figure>
<p>President William Ruto said the government would listen to the young people who led the marches,
and that a new finance bill would be debated in parliament next month.</p>
<p>Human rights groups said at least two people had been killed in the clashes with the police.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def read_one(path, **options) -> Story | Rejected:
    items = list(read_inputs([str(path)], ReadOptions(**options)))
    assert len(items) == 1, items
    return items[0]


def test_plain_text_title_body_and_offsets(tmp_path):
    text = f"Police fire tear gas in Nairobi\n\nJune 25, 2024\n\n{BODY}\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    story = read_one(path)
    assert isinstance(story, Story)
    assert story.title == "Police fire tear gas in Nairobi"
    assert story.published == "2024-06-25"
    assert [text[p.start : p.end] for p in story.paragraphs] == [BODY]
    assert len(story.id) == 16 and int(story.id, 16) >= 0


def test_plain_text_id_is_stable_and_depends_on_body_only(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(f"Title one\n\n{BODY}\n")
    b.write_text(f"Title one\n2 min read\n\n{BODY}\n\n")
    assert read_one(a).id == read_one(b).id


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.bin"  # the extension says nothing: the content does
    path.write_text(PAGE, encoding="utf-8")
    story = read_one(path)
    assert isinstance(story, Story)
    assert story.title == "Police fire tear gas in Nairobi"
    assert story.published == "2024-06-25"
    body = story.cleaned_text()
    assert body.startswith("Kenyan police fired tear gas")
    assert "William Ruto" in body
    for furniture in ("Home", "All rights reserved", "Protesters run from tear gas"):
        assert furniture not in body
    for r in story.removed:
        assert story.text[r.start : r.end] == r.text


def test_html_declared_charset_is_honoured(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Nairobi on", "Nairobi’s centre on")
    page = page.replace("’", "'") + "<!-- café -->"
    path = tmp_path / "latin1.html"
    path.write_bytes(page.replace("Ruto", "Rutó").encode("latin-1"))
    story = read_one(path)
    assert isinstance(story, Story)
    assert "Rutó" in story.cleaned_text()


def test_jsonl_fields_and_line_order(tmp_path):
    lines = [
        {"id": "s1", "title": "Tear gas in Nairobi", "text": BODY, "published": "June 25, 2024",
         "url": "https://example.org/a", "source": "Example Wire"},
        {"id": 42, "text": BODY.replace("Tuesday", "Wednesday")},
        {"text": BODY.replace("Tuesday", "Thursday"), "published": None},
    ]
    path = tmp_path / "stories.txt"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    stories = list(read_inputs([str(path)]))
    assert [s.id for s in stories][:2] == ["s1", "42"]
    assert len(stories[2].id) == 16
    first = stories[0]
    assert (first.title, first.published, first.url, first.source) == (
        "Tear gas in Nairobi", "2024-06-25", "https://example.org/a", "Example Wire")
    assert first.text == BODY  # offsets index into the text field
    assert stories[0].input.endswith("stories.txt:1") and stories[2].input.endswith(":3")


def _warc(records: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, payload, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_stories(tmp_path, gz):
    data = _warc([
        ("https://www.example.org/news/1", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://www.example.org/logo.png", b"\x89PNG....", "image/png"),
        ("https://news.example.com/2", PAGE.replace("Tuesday", "Monday").encode(), "text/html"),
    ], gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    stories = list(read_inputs([str(path)]))
    assert all(isinstance(s, Story) for s in stories), stories
    assert [s.url for s in stories] == ["https://www.example.org/news/1", "https://news.example.com/2"]
    assert [s.source for s in stories] == ["example.org", "news.example.com"]
    assert "Monday" in stories[1].cleaned_text()
    assert stories[0].title == "Police fire tear gas in Nairobi"


def test_truncated_warc_keeps_earlier_records(tmp_path):
    data = _warc([
        ("https://example.org/1", PAGE.encode(), "text/html"),
        ("https://example.org/2", PAGE.replace("Tuesday", "Monday").encode(), "text/html"),
    ], gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Story)
    assert isinstance(items[-1], Rejected)
    assert "truncated" in items[-1].reason


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "stories.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": BODY}) + "\n").encode()))
    (story,) = read_inputs([str(path)])
    assert story.id == "g1"


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(f"Second\n\n{BODY}")
    (tmp_path / "a.txt").write_text(f"First\n\n{BODY}")
    (tmp_path / ".hidden.txt").write_text(f"Hidden\n\n{BODY}")
    titles = [s.title for s in read_inputs([str(tmp_path)])]
    assert titles == ["First", "Second"]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"text": "x"}\n', "jsonl"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html><body><p>x</p>", "html"),
        (b"<p>Just a fragment</p>", "html"),
        (b"Title line\n\nBody <b>with</b> a tag in it.", "text"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"%PDF-1.7 ...", "reject:binary file (a PDF document), not a news story"),
        (b"   \n\t ", "reject:empty input (no text)"),
    ],
)
def test_detect_from_content(head, kind):
    assert detect(head, "misnamed.txt") == kind


def test_xml_article_collection(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7"><title>Tear gas in Nairobi</title><url>https://example.org/7</url>
    <dltime>2024-06-25</dltime><text>{BODY}</text></article>
  <article><text></text></article>
  <article><text>{BODY.replace("Tuesday", "Friday")}</text></article>
</articles>""")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Story", "Rejected", "Story"]
    first = items[0]
    assert (first.id, first.title, first.url, first.published) == ("7", "Tear gas in Nairobi", "https://example.org/7",
                                                                   "2024-06-25")
    assert first.text == BODY
    broken = tmp_path / "broken.xml"
    broken.write_text("<articles><article><text>unclosed")
    (rejected,) = read_inputs([str(broken)])
    assert isinstance(rejected, Rejected) and "malformed XML" in rejected.reason
