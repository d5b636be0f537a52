"""Scoring eventwire against gold-standard files; shared by the CLI, the tests and bench/.

``EVALUATORS`` is the one table of them: the CLI builds ``eventwire eval KIND`` from it, and each
kind's module here has ``evaluate(gold, coder)`` (and ``corpora=`` where the gold points into them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evaluator:
    """One ``eval`` kind: its gold file, what it is, and the options it takes."""

    kind: str  # the module eventwire.evaluate.<kind> and the command's name
    gold: str  # the gold file's metavar
    help: str
    example: str
    description: str | None = None
    details: str | None = None  # what --details writes; None: no --details
    own_coder: bool = False  # codes with the gold's own dictionaries: no --lexicon/--dictionary options
    corpora: bool = False  # the gold points into corpus files, given after it
    write_next: str | None = None  # what --next-sample writes; None: no such option


EVALUATORS = (
    Evaluator("plover", "GOLD.json", "PLOVER gold-standard records (JSON list)",
              "eventwire eval plover dev.json --details details.json",
              details="also write each record's gold and coded events here"),
    Evaluator("status", "SET.yaml", "sentences annotated with the status of their event (YAML)",
              "eventwire eval status tests/data/status-set.yaml",
              details="also write each item's expected and coded status here"),
    Evaluator("geo", "GOLD.xml", "a geoparsing corpus (LGL/TR-News or GeoVirus XML)", "eventwire eval geo TR-News.xml"),
    Evaluator("acled", "NOTES.jsonl", "ACLED event notes with gold type, actor, date and place (JSON Lines)",
              "eventwire eval acled ../shared/datasets/acled-notes/dev.jsonl --details details.json",
              details="also write each record's gold and coded events here"),
    Evaluator("petrarch", "DIR", "PETRARCH2's unit-test records, coded with their own dictionaries",
              "eventwire eval petrarch ../shared/datasets/petrarch-unit-tests",
              description="Code PETRARCH2's unit-test records (DIR/unit-tests.jsonl) with their validation "
                          "dictionaries (DIR/dictionaries) instead of eventwire's actors, agents and verbs; "
                          "prints the pass rate, overall and by category.",
              details="also write each record's expected and coded triples here", own_coder=True),
    Evaluator("judged", "VERDICTS.jsonl", "events judged by hand (a verdict file of `eventwire judge`)",
              "eventwire eval judged judged/sample.jsonl ../shared/datasets/geoparsing/",
              description="Code the articles a verdict file points into again and score the events against "
                          "the verdicts recorded on an earlier coder's (docs/judging.md): precision per field "
                          "over the verdicts that carry over (a field's value unchanged), with 95% intervals; "
                          "judged events no longer coded; events newly coded or changed, to judge next; "
                          "confidence against the share right.",
              corpora=True,
              write_next="also write a verdict file of the events coded now, the verdicts that carry over "
                         "filled in, the rest empty: what to judge next (judge show FILE)"),
)
