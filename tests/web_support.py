"""A small event database for the web tests, coded from stories written by this project: three
ordinary ones and one hostile one, whose title and text carry script and attribute injections."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import ROOT

from eventwire.coder import Coder
from eventwire.model import Story
from eventwire.read import read_inputs
from eventwire.store import open_store, schema

HOSTILE_TITLE = '<script>document.title="pwned"</script>" onmouseover="alert(1)'
HOSTILE_TEXT = ('Protesters in Nairobi condemned the government on Monday. <script>document.title="pwned"</script> '
                '<img src=x onerror="document.title=\'pwned\'"> The police said "><b onclick=alert(1)>hi</b>.')

STORIES = [
    {"id": "kenya-1", "title": "Police fire tear gas in Nairobi", "published": "2024-06-25", "source": "outlet-a",
     "text": "Kenyan police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. Opposition leaders "
             "condemned the police and demanded an inquiry into the violence."},
    {"id": "eu-1", "title": "EU sanctions Russia", "published": "2024-06-24", "source": "outlet-b",
     "text": "The European Union imposed new sanctions on Russia on Monday.\n\n"
             "Photo: EU flags outside the Commission building in Brussels. (Reuters)\n\n"
             "Moscow condemned the measures and threatened to retaliate against European companies, the Russian "
             "foreign ministry said.\n\nThe European Union imposed new sanctions on Russia on Monday."},
    {"id": "sudan-1", "title": "Clashes near El Geneina", "published": "2024-05-17", "source": "outlet-c",
     "text": "Sudanese troops clashed with rebels near El Geneina on Thursday. The rebels denied that they had "
             "attacked the town of Kutum."},
    {"id": "hostile-1", "title": HOSTILE_TITLE, "published": "2024-06-10", "source": "outlet-d",
     "text": HOSTILE_TEXT},
]

TOKEN = "test-token-0123456789"  # the write token of the test apps


def build_database(folder: Path, url: str | None = None) -> str:
    """Code the stories into the database at ``url`` (emptied first), or into a new SQLite file
    in ``folder``; returns the database's URL or path."""
    corpus = folder / "web-stories.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STORIES), encoding="utf-8")
    path = url or str(folder / "web.db")
    store = open_store(path)
    if url:
        schema.metadata.drop_all(store.engine)
        store.close()
        store = open_store(path)
    try:
        for story in Coder().code(read_inputs([str(corpus)])):
            assert isinstance(story, Story), story
            store.write_story(story)
    finally:
        store.close()
    return path


def database_of_kind(kind: str, folder: Path) -> str:
    """The stories in an SQLite file in ``folder`` ("sqlite"), or in the PostgreSQL server of
    $EVENTWIRE_TEST_PG ("postgresql": the test is skipped when there is none)."""
    url = None
    if kind == "postgresql":
        url = os.environ.get("EVENTWIRE_TEST_PG")
        if not url:
            pytest.skip("no PostgreSQL here: .ci/run starts one and sets EVENTWIRE_TEST_PG")
    return build_database(folder, url)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(database: str, token: str | None = None, *args: str) -> Iterator[tuple[int, subprocess.Popen]]:
    """`eventwire serve` as a user starts it (extra ``args`` such as --host), until the block ends;
    yields its port and process."""
    port = free_port()
    env = {**os.environ, "EVENTWIRE_TOKEN": token or ""}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", database, "--port", str(port), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("the server did not start: " + proc.stdout.read().decode()[-2000:]) from None
            time.sleep(0.3)
    try:
        yield port, proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)
