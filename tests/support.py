"""Helpers the tests share (no test module imports another): paths, running the real CLI as a
subprocess, the output schema, and parses built by hand for rule tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "pmu-moscow-2016-12-23.txt"
SAMPLES = ROOT / "samples"
SCHEMA = json.loads((resources.files("eventwire") / "schema" / "eventwire-1.schema.json").read_text())


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_subprocess(*args: str, stdin: bytes | None = None, timeout: float = 120,
                   env: dict[str, str] | None = None) -> Result:
    """Run ``python -m eventwire ARGS`` as a separate process, as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        input=stdin, capture_output=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})},
    )
    return Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is for development only)")
    return path


def validate(document: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def triples(story) -> list[tuple[str, str | None, str | None]]:
    """(PLOVER type, source code, target code) of each event of a coded story."""
    return [(e.plover.type, e.source and e.source.code, e.target and e.target.code) for e in story.events]


def parsed(vocab, rows: list[tuple], glued: frozenset[int] = frozenset()):
    """A Doc built by hand, so that a rule's test does not move when the statistical model does.

    Each row is (word, head index, dependency, fine tag, coarse tag, lemma[, entity label]); the
    head of a sentence's root is itself, and each root makes a sentence. Consecutive tokens with
    one entity label form one entity. A word is followed by a space unless its index is in
    ``glued`` ("Ivano", "-", "Frankivsk" written as one word)."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    ents, previous = [], None
    for row in rows:
        label = row[6] if len(row) > 6 and row[6] else None
        ents.append(("I-" if label and label == previous else "B-") + label if label else "O")
        previous = label
    doc = Doc(vocab, words=words, spaces=[i not in glued for i in range(len(words) - 1)] + [False],
              heads=[r[1] for r in rows], deps=[r[2] for r in rows], tags=[r[3] for r in rows],
              pos=[r[4] for r in rows], lemmas=[r[5] for r in rows], ents=ents)
    return doc


def story_of(doc, published: str | None = "2024-03-01"):
    """The story a hand-built Doc is the parse of."""
    from eventwire.model import Story

    return Story.from_body(doc.text, input="test", id="t", published=published)


def jsonl(path, stories) -> None:
    """Write (id, title, published, text) stories as JSON Lines."""
    with open(path, "w") as out:
        for sid, title, published, text in stories:
            out.write(json.dumps({"id": sid, "title": title, "published": published, "text": text,
                                  "source": f"outlet-{sid}"}) + "\n")


def counts(db) -> dict[str, int]:
    """The row count of each table of a database."""
    from eventwire.store import open_store

    store = open_store(db)
    try:
        return store.counts()
    finally:
        store.close()


def story_corpus(tmp_path, n: int):
    """A folder with one JSON Lines file of ``n`` short stories written for the tests."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = []
    countries = ["Kenya", "Uganda", "Tanzania", "Rwanda", "Ethiopia", "Somalia", "Sudan", "Chad", "Mali", "Niger"]
    for i in range(n):
        a, b = countries[i % 10], countries[(i * 3 + 1) % 10]
        rows.append((f"s{i:03d}", f"Story {i}", "2024-03-01",
                     f"The government of {a} accused {b} of supporting rebels near the border on Monday, story {i}. "
                     f"Officials in {a} said troops from {b} attacked a village and killed {i + 2} civilians."))
    jsonl(folder / "stories.jsonl", rows)
    return folder


def dictionary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    """A folder of TABARI/PETRARCH dictionary files written for a test ({"t.actors.txt": text}),
    with the cache in the test's own folder, so that its compiled form is made afresh."""
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "dicts"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def code_triples(story) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, CAMEO code) of each of a coded story's events, as PETRARCH's
    unit tests write them."""
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo.code) for e in story.events}

