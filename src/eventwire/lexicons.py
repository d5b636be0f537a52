"""Loading the lexicon data files: the package's own, then the user's (``--lexicon DIR``).

Lexicons are data, so that coverage grows without code changes. A user's file with the same
name as a packaged one extends it: lists are appended, mappings are merged key by key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

_user_dirs: list[Path] = []
_derived: list[Any] = []
T = TypeVar("T")


class LexiconError(Exception):
    """A lexicon file that cannot be used; the message names the file and line."""


def set_user_dirs(dirs: list[str | Path]) -> None:
    """Use these folders of the user's lexicons (on top of the packaged ones) from now on."""
    paths = [Path(d) for d in dirs]
    for path in paths:
        if not path.is_dir():
            raise LexiconError(f"{path}: lexicon folder not found")
    _user_dirs[:] = paths
    load.cache_clear()
    for fn in _derived:
        fn.cache_clear()


def derived(fn: Callable[[], T]) -> Callable[[], T]:
    """Cache what a stage builds from lexicons (compiled patterns, indexes) until they change."""
    cached = cache(fn)
    _derived.append(cached)
    return cached


def preload() -> None:
    """Build everything derived from lexicons now, so a bad file fails before any output."""
    for fn in _derived:
        fn()


@cache
def load(name: str) -> Any:
    """The merged content of lexicon ``name`` (e.g. "cleaning" for cleaning.yaml)."""
    packaged = resources.files("eventwire") / "lexicon" / f"{name}.yaml"
    data = _parse(packaged.read_text(encoding="utf-8"), f"eventwire/lexicon/{name}.yaml")
    for d in _user_dirs:
        for path in (d / f"{name}.yaml", d / f"{name}.yml"):
            if path.is_file():
                data = _merge(data, _parse(_read(path), str(path)), str(path))
    return data


def compile_patterns(patterns: list[Any], where: str) -> list[re.Pattern[str]]:
    """Compile full-line regular expressions, naming the lexicon when one is malformed."""
    out = []
    for i, p in enumerate(patterns):
        if not isinstance(p, str):
            raise LexiconError(f"{where}: pattern {i + 1} is not a string: {p!r}")
        try:
            out.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            raise LexiconError(f"{where}: pattern {i + 1} ({p!r}) is not a valid regex: {exc}") from None
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte offset {exc.start})") from None


class _StrictLoader(yaml.SafeLoader):
    """safe_load that refuses a key given twice in one mapping (YAML would keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _parse(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f" line {mark.line + 1}" if mark else ""
        raise LexiconError(f"{where}{line}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{where}: {exc}") from None


def _merge(base: Any, extra: Any, where: str) -> Any:
    if extra is None:
        return base
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value, where) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if type(base) is not type(extra):
        raise LexiconError(
            f"{where}: expected a {type(base).__name__} here, like the packaged lexicon, "
            f"got a {type(extra).__name__}"
        )
    return extra
