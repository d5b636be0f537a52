"""The library's Coder: built from its parts, no state shared between coders of different lexicons,
commands that code nothing load no parser, and caches keyed by what built them."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

from eventwire import Coder
from eventwire.code.geonames import index_path
from eventwire.lexicons import Lexicons
from eventwire.model import Story


def test_code_text_returns_model_events(coder):
    story = coder.code_text("Iraqi officials met Russian diplomats in Moscow on Monday.", published="2024-05-06")
    assert isinstance(story, Story)
    (event,) = story.events
    assert (event.plover.type, event.source.code, event.target.code) == ("CONSULT", "IRQGOV", "RUSGOV")
    assert (event.date, event.location.name) == ("2024-05-06", "Moscow")


def test_the_readme_example_runs_as_written():
    code = ("import eventwire; print(eventwire.Coder().code_text('Iraqi officials met Russian diplomats in Moscow "
            "on Monday.', published='2024-05-06'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "CONSULT" in out.stdout and "IRQGOV" in out.stdout


def _modules_after(args: list[str], tmp_path) -> set[str]:
    """The modules a CLI command imported, run in a fresh interpreter."""
    code = ("import sys; from eventwire.cli import main; code = main(sys.argv[1:]); "
            "print('MODULES', ' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path,
                         timeout=120)
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES"))
    return set(line.split()[1:])


def test_commands_that_code_nothing_import_no_parser(tmp_path):
    db = str(tmp_path / "events.db")
    for args in (["query", "--db", db], ["export", "--db", db, "--format", "csv", str(tmp_path / "out.csv")]):
        modules = _modules_after(args, tmp_path)
        assert "eventwire.store" in modules, args  # it did run
        assert "spacy" not in modules and "eventwire.code" not in modules, args


def test_the_web_app_starts_without_a_parser(tmp_path):
    code = ("import sys; from eventwire.web import create_app; create_app(sys.argv[1]); "
            "print('spacy' in sys.modules, 'eventwire.code' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "events.db")], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_a_user_countries_lexicon_changes_the_place_index(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "lex"
    folder.mkdir()
    (folder / "countries.yaml").write_text("names:\n  FRA: [Zorbland]\n")
    theirs = Lexicons([folder])
    assert index_path(theirs) != index_path(Lexicons.packaged())
    user = Coder(theirs)
    assert [p.country for p in user.place_index.lookup("Zorbland")] == ["FRA"]
    story = user.code_text("Floods hit Zorbland on Monday.")
    assert [(p.text, p.country) for p in story.places] == [("Zorbland", "FRA")]
    assert Coder().knowledge is not user.knowledge  # nothing shared between the two sets


def test_two_coders_of_one_lexicon_set_share_what_they_built(coder):
    assert Coder().knowledge is coder.knowledge  # the packaged lexicons: built once per process


def test_workers_code_the_same_as_one_process(coder):
    texts = ["Kenyan police arrested three opposition leaders in Nairobi on Monday.",
             "The United States and Britain imposed sanctions on Iran.",
             "Russian President Vladimir Putin held talks with Chinese leader Xi Jinping in Beijing."] * 3
    stories = [Story.from_body(t, id=str(n), input=str(n)) for n, t in enumerate(texts)]
    one = [s.to_dict() for s in coder.code(stories)]
    stories = [Story.from_body(t, id=str(n), input=str(n)) for n, t in enumerate(texts)]
    two = [s.to_dict() for s in coder.code(stories, workers=2, chunk=2)]
    assert one == two and all(s["events"] for s in one)


def test_a_publication_date_as_news_writes_it_is_read_as_a_day(coder):
    text = "Iraqi officials met Russian diplomats in Moscow on Monday."
    for written in ("16 December 2016", "Fri, 16 Dec 2016 10:00:00 GMT", "2016-12-16T08:00:00Z"):
        assert [e.date for e in coder.code_text(text, published=written).events] == ["2016-12-12"], written
    assert [e.date for e in coder.code_text(text, published="not a date").events] == [None]
