"""The ``eventwire`` command line. Exit status: 0 success, 1 some inputs rejected, 2 usage error."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from eventwire import __version__
from eventwire.deadline import TIME_LIMIT
from eventwire.evaluate import EVALUATORS, Evaluator
from eventwire.judging.verdicts import FIELD_NAMES, VERDICTS
from eventwire.model import Rejected, Story


class _Rejections:
    """Reports each rejected input on stderr, one line, as it happens, and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def filter(self, items: Iterable[Story | Rejected]) -> Iterator[Story]:
        for item in items:
            if isinstance(item, Rejected):
                self.count += 1
                print(f"eventwire: skipped {item.message()}", file=sys.stderr, flush=True)
            else:
                yield item


def _positive(convert: type, what: str) -> Callable[[str], int | float]:
    """An argparse type: a number above 0, read by ``convert`` (int or float)."""

    def read(text: str) -> int | float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
        return value

    return read


_positive_int = _positive(int, "a whole number")
_positive_float = _positive(float, "a number")


def _add_knowledge_options(p: argparse.ArgumentParser) -> None:
    """What a coding command codes with: lexicons and TABARI/PETRARCH dictionaries."""
    p.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                   help="a folder of your own lexicon files, added to the packaged ones (repeatable)")
    p.add_argument("--dictionary", action="append", default=[], metavar="DIR",
                   help="a folder of TABARI/PETRARCH dictionaries coded with, after the Phoenix ones (repeatable)")
    p.add_argument("--no-default-dictionaries", action="store_true",
                   help="code without the shipped Phoenix dictionaries (only yours, if any)")


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (read recursively) or - for stdin")
    _add_knowledge_options(p)
    p.add_argument("--max-bytes", type=_positive_int, default=5_000_000, metavar="N",
                   help="largest story accepted, in bytes (default 5000000)")
    p.add_argument("--time-limit", type=_positive_float, default=TIME_LIMIT, metavar="SECONDS",
                   help=f"longest time to read, parse or code one story before it is skipped (default {TIME_LIMIT:g})")
    p.add_argument("--encoding", default="utf-8",
                   help="text encoding of the inputs (default utf-8; 'auto' guesses)")


def _add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=None,
                   help="an SQLite file or a postgresql:// URL (default ./eventwire.db or $EVENTWIRE_DB)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    from eventwire.store.filters import FILTERS

    group = p.add_argument_group("filters (repeat a filter to allow several values; different filters combine)")
    for f in FILTERS:
        options: dict = {"dest": f.key, "help": f.explained, "metavar": f.metavar}
        if f.pair:
            options["nargs"] = 2
        elif f.repeats:
            options.update(action="append", default=[])
        if f.choices:
            options["choices"] = f.choices
        group.add_argument(f.flag, **options)
    group.add_argument("--canonical", action="store_true",
                       help="one row per event shared by near-duplicate stories, with article and source counts")


def _filters(args: argparse.Namespace):  # -> Filters
    from eventwire.store.filters import FILTERS, Filters

    values = {}
    for f in FILTERS:
        given = getattr(args, f.key)
        try:
            values[f.key] = f.parse(given if isinstance(given, list) else [given] if given else [])
        except ValueError as exc:
            raise _UsageError(f"{f.flag} {exc}") from None
    return Filters(**values)


class _UsageError(Exception):
    pass


# one example per command, shown at the end of its --help
EXAMPLES = {
    "extract": "eventwire extract story.txt news/ --format table --explain",
    "ingest": "eventwire ingest news/ --db events.db --workers 2",
    "query": "eventwire query --db events.db --country IRQ --type REQUEST --since 2016-12-01",
    "export": "eventwire export --db events.db --format parquet --layout gdelt events.parquet",
    "serve": "EVENTWIRE_TOKEN=secret eventwire serve --db events.db --port 8000",
    "batch": "eventwire batch --engine spark --master 'local[*]' stories.jsonl events/",
    "eval": "eventwire eval plover ../shared/datasets/plover-gsr/dev.json",
    "conflicts": "eventwire lexicon conflicts --dictionary my-dictionaries/",
    "lexicon": "eventwire lexicon check ../shared/reference/petrarch2/dictionaries",
    "check": "eventwire lexicon check ../shared/reference/petrarch2/dictionaries",
    "judge": "eventwire judge sample ../shared/datasets/geoparsing/TR-News.xml --n 200 --seed 0 --out judged/s.jsonl",
    "sample": "eventwire judge sample TR-News.xml GeoVirus.xml --n 220 --seed 0 --whole-articles --out judged/s.jsonl",
    "show": "eventwire judge show judged/s.jsonl ../shared/datasets/geoparsing/ --next",
    "set": "eventwire judge set judged/s.jsonl 12 event=right type=wrong source=right --note 'a trade fight'",
}


def _command(parent, name: str, example: str | None = None,
             **options) -> argparse.ArgumentParser:  # parent: argparse's subparsers
    """A sub-command whose help ends with its example."""
    return parent.add_parser(name, epilog=f"Example:\n  {example or EXAMPLES[name]}",
                             formatter_class=argparse.RawDescriptionHelpFormatter, **options)


def _add_evaluator(kinds, evaluator: Evaluator) -> None:  # kinds: the eval command's subparsers
    """``eval KIND``, as the table of evaluators describes it."""
    p = _command(kinds, evaluator.kind, evaluator.example, help=evaluator.help, description=evaluator.description)
    p.add_argument("gold", metavar=evaluator.gold)
    if evaluator.corpora:
        p.add_argument("corpora", nargs="*", metavar="CORPUS",
                       help="the corpus files (or folders holding them) the gold points into")
    if evaluator.details:
        p.add_argument("--details", metavar="FILE", help=evaluator.details)
    if evaluator.write_next:
        p.add_argument("--next-sample", metavar="FILE", help=evaluator.write_next)
    if not evaluator.own_coder:
        _add_knowledge_options(p)
    p.set_defaults(run=_run_eval, evaluator=evaluator)


def _add_judge_commands(commands) -> None:  # commands: the top-level subparsers
    judge = _command(commands, "judge", help="judge coded events by hand, field by field (docs/judging.md)",
                     description="Draw a sample of coded events, judge each field of each one against the "
                                 "PLOVER manual, and keep the verdicts in a file of references (corpus, "
                                 "article, offsets), never the text; `eval judged` re-scores a coder with it.")
    actions = judge.add_subparsers(dest="action", required=True, metavar="ACTION")
    sample = _command(actions, "sample", help="code a corpus and draw events to judge, seeded",
                      description="Code the corpus (whatever extract reads) and write N events drawn with "
                                  "the seed as a verdict file with empty verdicts.")
    _add_reading_options(sample)
    sample.add_argument("--n", type=_positive_int, required=True, metavar="N", help="how many events to draw")
    sample.add_argument("--seed", type=int, default=0, metavar="S", help="the random seed (default 0)")
    sample.add_argument("--whole-articles", action="store_true",
                        help="draw articles, each with all its events, until there are N events or more")
    sample.add_argument("--out", required=True, metavar="SAMPLE.jsonl", help="the verdict file to write")
    sample.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    sample.set_defaults(run=_run_judge_sample)
    show = _command(actions, "show", help="show the events not judged yet and record the verdicts typed",
                    description="Show each event not fully judged (its sentence with the trigger «marked» and "
                                "[S: source], [T: target], [L: location], the sentences around it, each coded "
                                "field) and record the verdicts typed at the prompt into the file, one event "
                                "at a time (stop any time; judged events are skipped next time). With "
                                "--format json, print those events with their text for a program to judge "
                                "(and record with `judge set`).")
    show.add_argument("sample", metavar="SAMPLE.jsonl")
    show.add_argument("corpora", nargs="+", metavar="CORPUS",
                      help="the corpus files (or folders holding them) the sample points into")
    show.add_argument("--next", action="store_true", help="only the next event not judged")
    show.add_argument("--index", type=_positive_int, metavar="INDEX", help="only this event (judged or not)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.add_argument("--context", type=int, default=2, metavar="N",
                      help="sentences shown before and after the event's (default 2)")
    _add_judge_option(show)
    show.set_defaults(run=_run_judge_show)
    record = _command(actions, "set", help="record verdicts on one event (for scripts and program judges)",
                      description="Record FIELD=VERDICT on the event at INDEX (its line, from 1). Fields: "
                                  f"{', '.join(FIELD_NAMES)}. Verdicts: {', '.join(VERDICTS)} (or r, w, u, n). "
                                  "event=wrong (not an event at all) makes the type wrong and the rest n.a. "
                                  "unless they are given.")
    record.add_argument("sample", metavar="SAMPLE.jsonl")
    record.add_argument("index", type=_positive_int, metavar="INDEX")
    record.add_argument("verdicts", nargs="+", metavar="FIELD=VERDICT")
    record.add_argument("--note", default=None, help="a note on the event (why, or what is doubtful)")
    _add_judge_option(record)
    record.set_defaults(run=_run_judge_set)


def _add_judge_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--judge", default=None, metavar="NAME",
                   help="who judges (default $EVENTWIRE_JUDGE, else your user name)")


_FILTERED = ("query", "export")  # the commands with filter options (the filter table imports the store)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given the arguments, only the options of the command they name are built in
    full, so that a command that uses no database does not import the store to say so."""
    named = next((a for a in (argv or []) if not a.startswith("-")), None)
    filtered = named is None or named in _FILTERED
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn English news stories into political event data.",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = _command(commands, "extract", help="code stories and print the events (no database)",
                                  description="Code stories and print the result.")
    _add_reading_options(extract)
    extract.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    extract.add_argument("--with-text", action="store_true",
                         help="include each story's text (the text that offsets index into)")
    extract.add_argument("--explain", action="store_true",
                         help="show, for each event, the trigger, lexicon entry and parse path")
    extract.set_defaults(run=_run_extract)

    ingest = _command(commands, "ingest", help="code stories into the event database",
                                 description="Code stories into the database, idempotently.")
    _add_reading_options(ingest)
    _add_db_option(ingest)
    ingest.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                        help="processes that parse and code (default 1)")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_run_ingest)

    query = _command(commands, "query", help="events from the database",
                                description="Events from the database, filtered.")
    _add_db_option(query)
    if filtered:
        _add_filters(query)
    query.add_argument("--format", choices=("table", "json", "csv"), default="table")
    query.add_argument("--limit", type=_positive_int, default=None, metavar="N",
                       help="at most N events (default: 50 in a table, all otherwise)")
    query.set_defaults(run=_run_query)

    export = _command(commands, "export", help="analyst-ready files of the events",
                                 description="Write the events (filtered) as CSV, Parquet or JSON Lines.")
    _add_db_option(export)
    if filtered:
        _add_filters(export)
    export.add_argument("--format", choices=("csv", "parquet", "jsonl"), required=True)
    export.add_argument("--layout", choices=("native", "gdelt", "polecat"), default="native")
    export.add_argument("out", metavar="OUT")
    export.set_defaults(run=_run_export)

    serve = _command(commands, "serve", help="the web app and the REST API over the event database",
                                description="Serve the web pages and the REST API (OpenAPI at /docs). Reading is "
                                            "open; POST /api/stories needs the token in $EVENTWIRE_TOKEN.")
    _add_db_option(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=8000)
    serve.set_defaults(run=_run_serve)

    batch = _command(commands, "batch", help="code a corpus with Apache Spark, writing Parquet of events",
                                description="The same coding as ingest, as a Spark job: INPUT is JSON Lines or "
                                            "Parquet of stories, OUTPUT a Parquet folder of events in the native "
                                            "layout.")
    batch.add_argument("--engine", choices=("spark",), default="spark")
    batch.add_argument("--master", default="local[*]",
                       help="the Spark master (default local[*]; under spark-submit, leave it to spark-submit)")
    batch.add_argument("input", metavar="INPUT")
    batch.add_argument("output", metavar="OUTPUT")
    batch.set_defaults(run=_run_batch)

    evaluate = _command(commands, "eval", help="score eventwire against a gold-standard file",
                                   description="Score eventwire against gold data; prints one JSON object.")
    kinds = evaluate.add_subparsers(dest="kind", required=True, metavar="KIND")
    for evaluator in EVALUATORS:
        _add_evaluator(kinds, evaluator)
    _add_judge_commands(commands)

    lexicon = _command(commands, "lexicon", help="work on TABARI/PETRARCH dictionaries (actors, agents, verbs, ...)",
                       description="Work on a folder of TABARI/PETRARCH dictionaries, each file's format told by "
                                   "its name (*actors*.txt, *agents*.txt, *verbs*.txt or CAMEO*.txt, "
                                   "*discards*.txt, *Issue*.txt).")
    actions = lexicon.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = _command(actions, "check", help="read every file; print each bad line and what was read",
                     description="Read every dictionary of DIR; print one line per problem (FILE:LINE: message) "
                                 "and a summary. Exit 0 when clean, 1 with problems.")
    check.add_argument("folder", metavar="DIR")
    check.set_defaults(run=_run_lexicon_check)
    clash = _command(actions, "conflicts", help="list where the lexicons overrule the dictionaries",
                     description="List every verb, actor and agent that the lexicons and the dictionaries both "
                                 "know but code differently (the lexicons win when coding), and a count.")
    _add_knowledge_options(clash)
    clash.set_defaults(run=_run_lexicon_conflicts)
    return parser


def _coder(args: argparse.Namespace):  # -> Coder
    """The coder of a command that codes, its lexicons checked before any output."""
    from eventwire.coder import Coder

    coder = Coder(getattr(args, "lexicon", None) or None, dictionaries=getattr(args, "dictionary", []),
                  default_dictionaries=not getattr(args, "no_default_dictionaries", False))
    coder.check()
    return coder


def _read(args: argparse.Namespace, coder):  # -> Iterator[Story | Rejected]
    from eventwire.read import ReadOptions

    options = ReadOptions(max_bytes=args.max_bytes, encoding=args.encoding, time_limit=args.time_limit)
    return coder.read(args.paths, options)


def _run_extract(args: argparse.Namespace) -> int:
    from eventwire import render

    coder = _coder(args)
    rejections = _Rejections()
    stories = rejections.filter(coder.code(_read(args, coder), time_limit=args.time_limit))
    out = sys.stdout
    if args.format == "json":
        render.write_json(stories, out, with_text=args.with_text, explain=args.explain)
    elif args.format == "jsonl":
        render.write_jsonl(stories, out, with_text=args.with_text, explain=args.explain)
    else:
        render.write_table(stories, out, explain=args.explain)
    out.flush()
    return 1 if rejections.count else 0


def _run_ingest(args: argparse.Namespace) -> int:
    from eventwire.ingest import ingest
    from eventwire.store import open_store

    coder = _coder(args)
    store = open_store(args.db)
    try:
        summary = ingest(store, _read(args, coder), coder, workers=args.workers, time_limit=args.time_limit,
                         progress=not args.no_progress)
    finally:
        store.close()
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 1 if summary.rejected else 0


def _run_query(args: argparse.Namespace) -> int:
    import json

    from eventwire.store import open_store
    from eventwire.store.columns import NAMES, for_files, nest
    from eventwire.store.export import csv_lines
    from eventwire.store.query import rows

    filters = _filters(args)
    store = open_store(args.db)
    limit = args.limit if args.limit is not None else (50 if args.format == "table" else None)
    try:
        found = list(rows(store, filters, canonical=args.canonical, limit=limit))
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"statuses": filters.statuses(), "count": len(found), "events": [nest(r) for r in found]},
                         ensure_ascii=False, indent=1))
    elif args.format == "csv":
        sys.stdout.writelines(csv_lines(map(for_files, found), NAMES))
    else:
        from rich.console import Console
        from rich.table import Table

        shown = ("date", "plover.type", "source.code", "target.code", "status", "location.name", "story_id")
        table = Table(title=f"{len(found)} events ({filters.describe_statuses()})", title_justify="left")
        for name in shown:
            table.add_column(name)
        for r in found:
            table.add_row(*(str(r[name]) if r[name] is not None else "" for name in shown))
        Console(width=140).print(table)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from eventwire.store import open_store
    from eventwire.store.export import write
    from eventwire.store.query import rows

    filters = _filters(args)
    store = open_store(args.db)
    try:
        count = write(Path(args.out), args.format, rows(store, filters, canonical=args.canonical), args.layout)
    finally:
        store.close()
    print(f"eventwire: wrote {count} events ({filters.describe_statuses()}) to {args.out}", file=sys.stderr)
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    import importlib
    import json

    from eventwire.judging.verdicts import JudgingError, read_verdicts

    evaluator: Evaluator = args.evaluator
    evaluate = importlib.import_module(f"eventwire.evaluate.{evaluator.kind}").evaluate
    options = {}
    if evaluator.corpora:
        options["corpora"] = args.corpora
    if evaluator.write_next:
        options["write_next"] = args.next_sample
    try:
        if evaluator.kind == "judged":
            read_verdicts(args.gold)  # a bad line is said before the coder is built
        coder = None if evaluator.own_coder else _coder(args)  # petrarch: its own dictionaries
        result = evaluate(args.gold, coder, **options)
    except JudgingError as exc:  # the verdict file's line, or the corpus it points into
        raise _UsageError(str(exc)) from None
    except (OSError, ValueError, SyntaxError) as exc:  # ElementTree's ParseError is a SyntaxError
        print(f"eventwire: cannot read {args.gold}: {exc}", file=sys.stderr)
        return 1
    details = result.pop("details", None)
    if getattr(args, "details", None):
        with open(args.details, "w", encoding="utf-8") as out:
            json.dump(details, out, indent=1, ensure_ascii=False)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


def _judge_name(args: argparse.Namespace) -> str:
    import getpass

    return args.judge or os.environ.get("EVENTWIRE_JUDGE") or getpass.getuser()


def _today() -> str:
    import datetime

    return datetime.date.today().isoformat()


def _run_judge_sample(args: argparse.Namespace) -> int:
    from eventwire.judging.sample import draw
    from eventwire.judging.verdicts import write_verdicts

    if "-" in args.paths:
        raise _UsageError("a sample points into files: give the corpus as files or folders, not -")
    if os.path.exists(args.out) and not args.force:
        raise _UsageError(f"{args.out} exists (it may hold verdicts): give another --out, or --force to overwrite it")
    coder = _coder(args)
    rejections = _Rejections()
    stories = list(rejections.filter(coder.code(_read(args, coder), time_limit=args.time_limit)))
    drawn = draw(stories, args.n, args.seed, whole_articles=args.whole_articles)
    write_verdicts(args.out, drawn)
    articles = len({event.article_key for event in drawn})
    print(f"eventwire: drew {len(drawn)} of {sum(len(s.events) for s in stories)} events ({articles} articles of "
          f"{len(stories)}, seed {args.seed}) into {args.out}", file=sys.stderr)
    if len(drawn) < args.n:
        print(f"eventwire: the corpus has fewer than {args.n} events: all are drawn", file=sys.stderr)
    return 1 if rejections.count else 0


def _run_judge_set(args: argparse.Namespace) -> int:
    from eventwire.judging.verdicts import JudgingError, judge_event, read_assignments, read_verdicts, write_verdicts

    try:
        given = read_assignments(args.verdicts)
        events = read_verdicts(args.sample)
    except (JudgingError, ValueError) as exc:
        raise _UsageError(str(exc)) from None
    if args.index > len(events):
        raise _UsageError(f"{args.sample} has {len(events)} events: INDEX is 1 to {len(events)}")
    event = events[args.index - 1]
    judge_event(event, given, judge=_judge_name(args), today=_today(), note=args.note)
    write_verdicts(args.sample, events)
    pending = event.pending()
    print(f"eventwire: #{args.index}: " + ", ".join(f"{k}={v}" for k, v in event.verdicts.items() if v)
          + (f"; still to judge: {', '.join(pending)}" if pending else ""), file=sys.stderr)
    return 0


def _run_judge_show(args: argparse.Namespace) -> int:
    from eventwire.coder import Coder
    from eventwire.judging.corpus import referenced_articles
    from eventwire.judging.verdicts import JudgingError, read_verdicts

    try:
        events = read_verdicts(args.sample)
        shown = [(n, e) for n, e in enumerate(events, 1)
                 if (n == args.index if args.index else e.pending())]
        articles = referenced_articles([e for _, e in shown], args.corpora, Coder())
    except JudgingError as exc:
        raise _UsageError(str(exc)) from None
    if args.next:
        shown = shown[:1]
    if args.format == "json":
        _print_views(shown, articles, args.context)
        return 0
    return _judge_at_prompt(args, events, shown, articles)


def _print_views(shown, articles, context: int) -> None:
    import json

    from eventwire.judging.show import event_view

    views = [event_view(n, e, articles[e.article_key], context) for n, e in shown]
    print(json.dumps({"pending": len(views), "events": views}, indent=1, ensure_ascii=False))


def _judge_at_prompt(args: argparse.Namespace, events, shown, articles) -> int:
    """Show each event and record what is typed for it; the file is written after every event."""
    from eventwire.judging.show import ANSWER_HELP, event_view, render
    from eventwire.judging.verdicts import judge_event, write_verdicts

    if not shown:
        print(f"eventwire: every event of {args.sample} is judged", file=sys.stderr)
        return 0
    print(ANSWER_HELP, file=sys.stderr)
    for n, event in shown:
        print("\n" + render(event_view(n, event, articles[event.article_key], args.context), len(events)))
        answer = _ask_verdicts()
        if answer in ("q", None):
            break
        if answer == "s":
            continue
        note = _ask("note (Enter: none)> ")
        judge_event(event, answer, judge=_judge_name(args), today=_today(), note=note or None)
        write_verdicts(args.sample, events)
    left = sum(bool(e.pending()) for e in events)
    print(f"eventwire: {left} of {len(events)} events still to judge in {args.sample}", file=sys.stderr)
    return 0


def _ask_verdicts():  # -> dict[str, str] | str | None (None: the input ended)
    """Verdicts typed at the prompt, asked again until they read (? shows how)."""
    from eventwire.judging.show import ANSWER_HELP, read_answer

    while True:
        line = _ask("verdicts> ")
        if line is None:
            return None
        try:
            answer = read_answer(line)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            continue
        if answer == "?":
            print(ANSWER_HELP, file=sys.stderr)
            continue
        return answer


def _ask(prompt: str) -> str | None:
    try:
        return input(prompt)
    except EOFError:
        return None


def _run_lexicon_check(args: argparse.Namespace) -> int:
    from eventwire.dictionaries import read_dictionaries

    found = read_dictionaries(args.folder)
    for problem in found.problems:
        print(problem)
    print(f"{args.folder}: " + ", ".join(f"{count} {name}" for name, count in found.counts().items()))
    return 1 if found.problems else 0


def _run_lexicon_conflicts(args: argparse.Namespace) -> int:
    from collections import Counter

    from eventwire.code.conflicts import conflicts

    found = Counter()
    for conflict in conflicts(_coder(args).knowledge):
        found[conflict.kind] += 1
        print(conflict)
    print("conflicts: " + (", ".join(f"{n} {kind}s" for kind, n in sorted(found.items())) or "none"))
    return 0


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return value


def _run_batch(args: argparse.Namespace) -> int:
    try:
        import pyspark  # noqa: F401

        from eventwire.batch import run_spark
    except ImportError:
        raise _UsageError("the Spark engine needs pyspark: pip install 'eventwire[spark]'") from None
    if not os.path.exists(args.input):
        raise _UsageError(f"{args.input}: no such file or folder")
    stories, events = run_spark(args.input, args.output, args.master)
    print(f"stories read: {stories}\nevents written: {events} to {args.output}", file=sys.stderr)
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from eventwire.web import serve

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"eventwire: serving on {args.host}, reachable from other machines", file=sys.stderr)
    serve(args.db, host=args.host, port=args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        return args.run(args)
    except _UsageError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error worth a traceback
        return 0
    except Exception as exc:
        return _known_failure(exc)


def _known_failure(exc: Exception) -> int:
    """A bad lexicon (exit 2) or a database that failed (exit 1), said in one line; anything else
    is a bug and raises. The modules are looked up, not imported: a command that never loaded
    lexicons or a store cannot have failed in one."""
    lexicons, store = sys.modules.get("eventwire.lexicons"), sys.modules.get("eventwire.store")
    if lexicons is not None and isinstance(exc, lexicons.LexiconError):
        print(f"eventwire: lexicon error: {exc}", file=sys.stderr)
        return 2
    if store is not None and isinstance(exc, store.StoreError):
        print(f"eventwire: {exc}", file=sys.stderr)
        return 1
    raise exc
