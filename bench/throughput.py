"""How fast eventwire codes stories, against the floor of the cost: bare spaCy on the same texts.

    python bench/throughput.py [FOLDER_OR_FILE ...] [--workers N] [--repeat K]

Default corpus: the article texts of ../shared/datasets/geoparsing/ (read as eventwire reads
them). In one run it measures
  (a) bare spaCy: ``nlp.pipe`` of the same model over the same texts, same batch size;
  (b) eventwire coding (parse, actors, triggers, clauses, status, dates, places, merge) of the
      same stories, in one process and with ``--workers`` processes (default: the cores);
and prints stories/s, tokens/s, the ratio b/a, peak memory per process, and the wall time of
``eventwire extract`` on one story from a cold start. It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "geoparsing"


def _stories(paths: list[str]):
    from eventwire.model import Story
    from eventwire.read import read_inputs

    return [s for s in read_inputs(paths) if isinstance(s, Story)]


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def bare_spacy(stories, repeat: int) -> tuple[float, int]:
    import spacy

    from eventwire.nlp import BATCH_SIZE, MODEL, nlp_text

    nlp = spacy.load(MODEL)
    texts = [nlp_text(s) for s in stories]
    list(nlp.pipe(texts[:8], batch_size=BATCH_SIZE))  # warm up
    best, tokens = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
        best = min(best, time.perf_counter() - started)
    return best, tokens


def eventwire_coding(stories, workers: int, repeat: int) -> tuple[float, int]:
    from eventwire import Coder

    coder = Coder()
    list(coder.code(stories[:8]))  # warm up: model, lexicons, place index
    best, events = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        coded = list(coder.code(stories, workers=workers))
        best = min(best, time.perf_counter() - started)
        events = sum(len(getattr(s, "events", [])) for s in coded)
    return best, events


def startup(sample: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventwire", "extract", str(sample), "--format", "json"], check=True,
                   capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measure; the best is kept")
    args = parser.parse_args()

    stories = _stories(args.paths)
    chars = sum(len(s.text) for s in stories)
    print(f"date: {time.strftime('%Y-%m-%d')}  machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"corpus: {len(stories)} stories, {chars:,} characters, from {', '.join(args.paths)}")

    spacy_s, tokens = bare_spacy(stories, args.repeat)
    print(f"(a) bare spaCy nlp.pipe:        {len(stories) / spacy_s:7.1f} stories/s  {tokens / spacy_s:9,.0f} tokens/s"
          f"  ({spacy_s:.2f} s)")
    one_s, events = eventwire_coding(stories, 1, args.repeat)
    print(f"(b) eventwire, 1 process:       {len(stories) / one_s:7.1f} stories/s  {tokens / one_s:9,.0f} tokens/s"
          f"  ({one_s:.2f} s, {events} events)")
    print(f"    ratio b/a (1 process):       {spacy_s / one_s:.2f}   (coding beyond the parse: "
          f"{max(0.0, one_s - spacy_s) / spacy_s:.0%} of the parse)")
    print(f"    peak memory, this process:   {_peak_mb():.0f} MB")
    if args.workers > 1:
        many_s, _ = eventwire_coding(stories, args.workers, args.repeat)
        print(f"(b) eventwire, {args.workers} workers:      {len(stories) / many_s:7.1f} stories/s  "
              f"{tokens / many_s:9,.0f} tokens/s  ({many_s:.2f} s)")
        print(f"    speed-up over 1 process:     {one_s / many_s:.2f}x")
        print(f"    peak memory, largest worker: {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    sample = ROOT / "samples" / "ankara-water-talks.txt"
    cold = [startup(sample) for _ in range(2)]
    print(f"eventwire extract on one story: {min(cold):.2f} s wall (best of 2 cold starts)")


if __name__ == "__main__":
    main()
