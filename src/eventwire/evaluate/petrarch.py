"""`eventwire eval petrarch DIR`: PETRARCH2's own unit-test records, coded with their own validation
dictionaries (the fictional Arnor/Gondor actors of ``DIR/dictionaries``) instead of eventwire's
lexicons of actors, agents, verbs, nouns and countries and the Phoenix dictionaries.

A record passes when every expected source–target–CAMEO triple is among the coded events' and,
when it expects none, nothing is coded. Codes are compared as eventwire's CAMEO table can hold
them: an expected code the table lacks matches the ancestor eventwire codes it as (``0234`` →
``023``), as ``--explain`` says ("coded as"). PETRARCH writes an actor with no country as ``---``
and an agent with none as ``---GOV``; eventwire's actors are read that way.
"""

from __future__ import annotations

import json
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
    path = Path(folder) / "unit-tests.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r.get("evaluate", True)]


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
