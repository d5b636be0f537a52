"""Shared test helpers: running the real CLI in-process and as a subprocess, and paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire import lexicons
from eventwire.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "pmu-moscow-2016-12-23.txt"


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


@pytest.fixture
def cli(capsys):
    """Run ``eventwire ARGS`` in this process (the model stays loaded between tests)."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        finally:
            lexicons.set_user_dirs([])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_subprocess(*args: str, stdin: bytes | None = None, timeout: float = 120) -> Result:
    """Run ``python -m eventwire ARGS`` as a separate process, as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire", *args],
        input=stdin, capture_output=True, timeout=timeout, cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is for development only)")
    return path
