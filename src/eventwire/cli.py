"""The ``eventwire`` command line. Exit status: 0 success, 1 some inputs rejected, 2 usage error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

from eventwire import __version__, lexicons
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above 0: {text!r}")
    return value


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (read recursively) or - for stdin")
    p.add_argument("--lexicon", action="append", default=[], metavar="DIR",
                   help="a folder of your own lexicon files, added to the packaged ones (repeatable)")
    p.add_argument("--max-bytes", type=_positive_int, default=5_000_000, metavar="N",
                   help="largest story accepted, in bytes (default 5000000)")
    p.add_argument("--encoding", default="utf-8",
                   help="text encoding of the inputs (default utf-8; 'auto' guesses)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn English news stories into political event data.",
    )
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="code stories and print the events (no database)",
                                  description="Code stories and print the result.")
    _add_reading_options(extract)
    extract.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    extract.add_argument("--with-text", action="store_true",
                         help="include each story's text (the text that offsets index into)")
    extract.add_argument("--explain", action="store_true",
                         help="show, for each event, the trigger, lexicon entry and parse path")
    extract.set_defaults(run=_run_extract)

    evaluate = commands.add_parser("eval", help="score eventwire against a gold-standard file",
                                   description="Score eventwire against gold data; prints one JSON object.")
    kinds = evaluate.add_subparsers(dest="kind", required=True, metavar="KIND")
    plover = kinds.add_parser("plover", help="PLOVER gold-standard records (JSON list)")
    plover.add_argument("gold", metavar="GOLD.json")
    plover.add_argument("--details", metavar="FILE", help="also write each record's gold and coded events here")
    plover.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="your own lexicon folder")
    plover.set_defaults(run=_run_eval)
    status = kinds.add_parser("status", help="sentences annotated with the status of their event (YAML)")
    status.add_argument("gold", metavar="SET.yaml")
    status.add_argument("--details", metavar="FILE", help="also write each item's expected and coded status here")
    status.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="your own lexicon folder")
    status.set_defaults(run=_run_eval)
    geo = kinds.add_parser("geo", help="a geoparsing corpus (LGL/TR-News or GeoVirus XML)")
    geo.add_argument("gold", metavar="GOLD.xml")
    geo.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="your own lexicon folder")
    geo.set_defaults(run=_run_eval)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    from eventwire import render
    from eventwire.pipeline import code_stories
    from eventwire.read import ReadOptions, read_inputs

    options = ReadOptions(max_bytes=args.max_bytes, encoding=args.encoding)
    rejections = _Rejections()
    stories = rejections.filter(code_stories(read_inputs(args.paths, options)))
    out = sys.stdout
    if args.format == "json":
        render.write_json(stories, out, with_text=args.with_text, explain=args.explain)
    elif args.format == "jsonl":
        render.write_jsonl(stories, out, with_text=args.with_text, explain=args.explain)
    else:
        render.write_table(stories, out, explain=args.explain)
    out.flush()
    return 1 if rejections.count else 0


def _run_eval(args: argparse.Namespace) -> int:
    import importlib
    import json

    evaluate = importlib.import_module(f"eventwire.evaluate.{args.kind}").evaluate
    try:
        result = evaluate(args.gold)
    except (OSError, ValueError, SyntaxError) as exc:  # ElementTree's ParseError is a SyntaxError
        print(f"eventwire: cannot read {args.gold}: {exc}", file=sys.stderr)
        return 1
    details = result.pop("details", None)
    if getattr(args, "details", None):
        with open(args.details, "w", encoding="utf-8") as out:
            json.dump(details, out, indent=1, ensure_ascii=False)
    print(json.dumps(result, indent=1))
    return 0


def _import_stages() -> None:
    """Import the stages that derive data from lexicons, so that preload() sees them all."""
    import eventwire.code.actors
    import eventwire.code.status
    import eventwire.code.triggers
    import eventwire.read.clean
    import eventwire.read.language  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        lexicons.set_user_dirs(getattr(args, "lexicon", []))
        _import_stages()
        lexicons.preload()
        return args.run(args)
    except lexicons.LexiconError as exc:
        print(f"eventwire: lexicon error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error worth a traceback
        return 0
