"""Fixtures: the real CLI in this process, one shared default coder, and coding a sentence."""

from __future__ import annotations

import pytest
from support import ROOT, SAMPLE, SHARED, Result, need_shared, run_subprocess, triples  # noqa: F401 - re-exported

from eventwire.cli import main
from eventwire.coder import Coder


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "accuracy: a floor on a figure measured on gold data (run apart: -m accuracy)")


@pytest.fixture
def cli(capsys):
    """Run ``eventwire ARGS`` in this process (the model stays loaded between tests)."""

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The default coder (packaged lexicons, the packaged parser), shared by the whole session."""
    return Coder()


@pytest.fixture
def code_story(coder):
    """Code a text as one story's body; returns the coded Story."""
    from eventwire.model import Story

    def run(text: str, published: str | None = "2024-03-01"):
        (coded,) = coder.code([Story.from_body(text, input="test", id="t", published=published)])
        return coded

    return run


@pytest.fixture
def code(code_story):
    """(PLOVER type, source code, target code) for each event coded from a text."""
    return lambda text, published="2024-03-01": triples(code_story(text, published))


@pytest.fixture
def events(code_story):
    """The events coded from a text."""
    return lambda text, published="2024-03-01": code_story(text, published).events


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory):
    """A database of coded demo stories, on SQLite and (under CI) PostgreSQL."""
    from web_support import database_of_kind

    return database_of_kind(request.param, tmp_path_factory.mktemp("web-api"))


@pytest.fixture(scope="module")
def client(database):
    """The real web app over that database, through FastAPI's test client."""
    from fastapi.testclient import TestClient
    from web_support import TOKEN

    from eventwire.web import create_app

    with TestClient(create_app(database, token=TOKEN)) as c:
        yield c
