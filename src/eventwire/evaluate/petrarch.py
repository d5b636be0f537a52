"""`eventwire eval petrarch DIR`: PETRARCH2's own unit-test records, coded with their own validation
dictionaries (the fictional Arnor/Gondor actors of ``DIR/dictionaries``) instead of eventwire's
lexicons of actors, agents, verbs, nouns and countries and the Phoenix dictionaries.

A record passes when every expected source–target–CAMEO triple is among the coded events' and,
when it expects none, nothing is coded. Codes are compared as eventwire's CAMEO table can hold
them: an expected code the table lacks matches the ancestor eventwire codes it as (``0234`` →
``023``), as ``--explain`` says ("coded as"). PETRARCH writes an actor with no country as ``---``
and an agent with none as ``---GOV``; eventwire's actors are read that way.

PETRARCH codes a record's ``<Parse>`` (of ``PETR.UnitTest.records.xml``), not its ``<Text>``, and
in a few records the parse was edited and the text left as it was ("Calenardhon Congresses" in
the parse, "Calenardhon government" in the text, for a test of agents' plurals): where the parse's
words are not the text's, eventwire codes the parse's sentence, which the expected codes are of.

Two kinds of expected actors eventwire never codes, so that their records cannot pass: a code in
quotes ('"THE MINISTRY OF MAGIC"') is a PETRARCH "new actor", a noun phrase its dictionaries do
not know written as its text (``new_actor_length`` in PETRARCH's configuration; eventwire codes
no actor the lexicons and dictionaries do not name); ``###`` is TABARI's discard code, which the
validation actors file gives only on a line that is commented out (``#NASGUL [###]``).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.coder import Coder
from eventwire.lexicons import Lexicons
from eventwire.model import Actor, Event, Story

# the lexicons the validation dictionaries stand in for: they name their own countries ("KUWAIT [KUW]")
REPLACED = ("actors", "agents", "verbs", "nouns", "countries")


def load_records(folder: str | Path) -> list[dict[str, Any]]:
    """The records to evaluate, each with the sentence PETRARCH coded as its ``text``."""
    path = Path(folder) / "unit-tests.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = parsed_sentences(Path(folder) / "PETR.UnitTest.records.xml")
    for record in records:  # the XML holds the same records in the same order (ids repeat: AGENTS-18)
        sentences = parsed.get(record["id"].split(":")[-1])
        sentence = sentences.pop(0) if sentences else None
        if sentence is not None and _letters(sentence) != _letters(record["text"]):
            record["text"] = sentence
    return [r for r in records if r.get("evaluate", True)]


_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ID = re.compile(r'\bid\s*=\s*"([^"]+)"')
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_LEAF = re.compile(r"\([^\s()]+ ([^\s()]+)\)")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def parsed_sentences(path: Path) -> dict[str, list[str | None]]:
    """Each record's parse as a sentence (its words in order, joined as written), by record id in
    file order; none when the file is not there."""
    if not path.exists():
        return {}
    out: dict[str, list[str | None]] = {}
    for found in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
        record_id, parse = _ID.search(found.group(1)), _PARSE.search(found.group(2))
        if record_id is not None:
            words = _LEAF.findall(parse.group(1)) if parse else []
            out.setdefault(record_id.group(1), []).append(_joined(words) if words else None)
    return out


def _joined(words: list[str]) -> str:
    """Treebank words as a sentence: "( EU )" → "(EU)", "Libya 's ," → "Libya's,"."""
    text = " ".join(_BRACKETS.get(w, w) for w in words)
    text = re.sub(r" (?=[,.;:!?)\]}%]|'[sS]\b|n't\b)", "", text)
    return re.sub(r"([(\[{$]) ", r"\1", text)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def unit_test_coder(folder: str | Path, empty_lexicons: str | Path) -> Coder:
    """A coder of the validation dictionaries alone (``empty_lexicons``: a folder with empty files
    for the replaced lexicons, so that eventwire's own actors and verbs do not answer)."""
    lexicons = Lexicons([empty_lexicons], replace=REPLACED)
    return Coder(lexicons, dictionaries=[Path(folder) / "dictionaries"], default_dictionaries=False)


def _write_empty_lexicons(folder: Path) -> None:
    """Lexicons with none of eventwire's own actors, agents, verbs and nouns, but its grammar of
    governed actions (intents, threats, demands), which the dictionaries do not give."""
    import yaml

    verbs = {k: v for k, v in (Lexicons.packaged().load("verbs") or {}).items() if k != "verbs"}
    (folder / "verbs.yaml").write_text(yaml.safe_dump(verbs), encoding="utf-8")
    for name in REPLACED:
        if name != "verbs":
            (folder / f"{name}.yaml").write_text("", encoding="utf-8")


def actor_code(actor: Actor | None, sectors: frozenset[str]) -> str:
    if actor is None or not actor.code:
        return "---"
    if actor.country is None and (actor.code in sectors or (actor.name is None and actor.sector)):
        return "---" + actor.code  # an agent of no country: the lexicons' or the dictionaries'
    return actor.code


def triples(events: list[Event], sectors: frozenset[str]) -> set[tuple[str, str, str]]:
    return {(actor_code(e.source, sectors), actor_code(e.target, sectors), e.cameo.code if e.cameo else "")
            for e in events}


def passes(record: dict[str, Any], coded: set[tuple[str, str, str]], as_coded) -> bool:
    expected = [(e["source"], e["target"], as_coded(e["cameo"])) for e in record.get("events") or []]
    if not expected:
        return not coded
    return all(triple in coded for triple in expected)


def evaluate(folder: str | Path, coder: Coder | None = None) -> dict[str, Any]:
    import tempfile

    from eventwire.code.triggers import known_code

    started = time.perf_counter()
    records = load_records(folder)
    with tempfile.TemporaryDirectory() as empty:
        _write_empty_lexicons(Path(empty))
        coder = coder or unit_test_coder(folder, empty)
        cameo = coder.knowledge.triggers.cameo
        sectors = frozenset(clue.sector for patterns in coder.knowledge.gazetteer.by_first.values()
                            for p in patterns for clue in (p.clue,) if clue.kind == "agent" and clue.sector)
        stories = [Story.from_body(r["text"], input=r["id"], id=r["id"], published=r.get("date")) for r in records]
        coded = list(coder.code(stories))
    total, passed = Counter(), Counter()
    details = []
    for record, story in zip(records, coded, strict=True):
        got = triples(getattr(story, "events", []), sectors)
        ok = passes(record, got, lambda code: known_code(code, cameo) or code)
        total[record["category"]] += 1
        passed[record["category"]] += ok
        details.append({"id": record["id"], "ok": ok, "expected": record.get("events"), "coded": sorted(got),
                        "text": record["text"]})
    n = sum(total.values())
    return {
        "records": n,
        "passed": sum(passed.values()),
        "pass_rate": round(sum(passed.values()) / n, 4) if n else 0.0,
        "by_category": {c: {"records": total[c], "pass_rate": round(passed[c] / total[c], 3)} for c in sorted(total)},
        "seconds": round(time.perf_counter() - started, 2),
        "details": details,
    }
