"""The lexicon files a coder reads: the package's own, extended by the user's (``--lexicon DIR``).

Lexicons are data, so that coverage grows without code changes. A user's file with the same
name as a packaged one extends it: lists are appended, mappings are merged key by key. A
``Lexicons`` object holds one such set and what the stages build from it (compiled patterns,
gazetteers, word lists), memoised on the object itself: two coders with different lexicons never
share a memo, and nothing is kept in module state.

Word lists (``grammar.yaml``, ``status.yaml``, ...: every key a list of words) are checked as they
are read: each value must be words, and a user's file may only extend the lists the packaged file
declares, so that a misspelt name is an error naming its file and line, not a list nobody reads.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

# files in which every key names a list of words (one string split on spaces, or a list)
WORD_LIST_FILES = ("grammar", "status", "language", "dates")


class LexiconError(Exception):
    """A lexicon file that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class LexiconFile:
    """One file's text and where it came from, for messages and for cache keys."""

    where: str  # "eventwire/lexicon/status.yaml" or the user's path
    text: str


class Lexicons:
    """A set of lexicons: the packaged files, then each user folder's files of the same names."""

    def __init__(self, user_dirs: Sequence[str | Path] = (), *, replace: Collection[str] = ()) -> None:
        """``replace`` names lexicons whose packaged file is not read: the user's folders give them
        whole (to code with one's own verbs, or with a small lexicon in a test)."""
        self.user_dirs = tuple(Path(d) for d in user_dirs)
        self.replace = frozenset(replace)
        for path in self.user_dirs:
            if not path.is_dir():
                raise LexiconError(f"{path}: lexicon folder not found")
        self._files: dict[str, list[LexiconFile]] = {}
        self._data: dict[str, Any] = {}
        self._derived: dict[str, Any] = {}

    @staticmethod
    @cache
    def packaged() -> Lexicons:
        """The packaged lexicons alone (immutable data, so one instance serves every caller)."""
        return Lexicons()

    def files(self, name: str) -> list[LexiconFile]:
        """The files that make up lexicon ``name``: the packaged one first."""
        found = self._files.get(name)
        if found is None:
            packaged = resources.files("eventwire") / "lexicon" / f"{name}.yaml"
            found = [] if name in self.replace else [
                LexiconFile(f"eventwire/lexicon/{name}.yaml", packaged.read_text(encoding="utf-8"))]
            for folder in self.user_dirs:
                for path in (folder / f"{name}.yaml", folder / f"{name}.yml"):
                    if path.is_file():
                        found.append(LexiconFile(str(path), _read(path)))
            self._files[name] = found
        return found

    def load(self, name: str) -> Any:
        """The merged content of lexicon ``name`` (e.g. "cleaning" for cleaning.yaml)."""
        if name not in self._data:
            data: Any = None
            for n, file in enumerate(self.files(name)):
                content = _parse(file.text, file.where)
                if name in WORD_LIST_FILES:
                    _check_word_lists(content, file, data if n and name not in self.replace else None)
                    content = {key: _word_items(value) for key, value in (content or {}).items()}
                data = content if n == 0 else _merge(data, content, file.where)
            self._data[name] = data
        return self._data[name]

    def words(self, name: str, key: str) -> frozenset[str]:
        """The word list ``key`` of word-list file ``name``, lower-cased."""
        data = self.load(name) or {}
        if key not in data:
            raise LexiconError(f"eventwire/lexicon/{name}.yaml: no word list named {key!r}")
        return frozenset(w.lower() for w in _word_items(data[key]))

    def ordered_words(self, name: str, key: str) -> tuple[str, ...]:
        """The word list ``key`` in the order written (for lists whose order is a search order)."""
        self.words(name, key)
        return tuple(dict.fromkeys(w.lower() for w in _word_items(self.load(name)[key])))

    def word_lists(self, name: str) -> WordLists:
        """Every word list of file ``name``, by attribute: ``grammar.stance_nouns``."""
        return self.derived(f"word-lists:{name}", lambda lex: WordLists(name, {
            key: lex.ordered_words(name, key) for key in (lex.load(name) or {})}))

    def digest(self, *names: str) -> str:
        """A hash of the named lexicons' files (all of them when none is named): a cache key for
        anything built from them."""
        chosen = names or tuple(sorted(self.names()))
        h = hashlib.sha256()
        for name in chosen:
            for file in self.files(name):
                h.update(f"{name}\0{len(file.text)}\0".encode())
                h.update(file.text.encode("utf-8"))
        return h.hexdigest()

    def names(self) -> list[str]:
        """The packaged lexicons' names."""
        folder = resources.files("eventwire") / "lexicon"
        return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))

    def derived(self, key: str, build: Callable[[Lexicons], T]) -> T:
        """What a stage builds from these lexicons (compiled patterns, indexes), built once per
        ``Lexicons`` under ``key``."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def check(self) -> None:
        """Read every lexicon now, so that a bad file fails before any output."""
        for name in self.names():
            self.load(name)


class WordLists:
    """The word lists of one file as attributes (``words.stance_nouns``); a name the file does
    not declare is an error that says which file was asked."""

    def __init__(self, name: str, lists: dict[str, tuple[str, ...]]) -> None:
        self._name = name
        self._ordered = lists
        for key, words in lists.items():  # plain attributes: the rules read them in their inner loops
            self.__dict__[key] = frozenset(words)

    def __getattr__(self, key: str) -> frozenset[str]:
        """Only called for a name the file does not declare."""
        if key.startswith("_"):  # not a word list: an attribute Python looks for (copy, pickle)
            raise AttributeError(key)
        raise LexiconError(f"eventwire/lexicon/{self._name}.yaml: no word list named {key!r}")

    def ordered(self, key: str) -> tuple[str, ...]:
        """The list in the order written: where the order is the order a rule tries them."""
        if key not in self._ordered:
            self.__getattr__(key)
        return self._ordered[key]


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


def _word_items(value: Any) -> list[str]:
    items = value.split() if isinstance(value, str) else value or []
    return [str(w) for w in items]


def _check_word_lists(content: Any, file: LexiconFile, packaged: Any) -> None:
    """Each key a list of words; in a user's file, only keys the packaged file declares."""
    if content is None:
        return
    if not isinstance(content, dict):
        raise LexiconError(f"{file.where}: expected a mapping of word lists (name: words)")
    for key, value in content.items():
        if packaged is not None and key not in packaged:
            known = ", ".join(sorted(packaged))
            raise LexiconError(f"{file.where}{_line_of(file.text, key)}: unknown word list {key!r}; "
                               f"the known ones are {known}")
        ok = isinstance(value, str) or (isinstance(value, list) and all(isinstance(w, str | int) for w in value))
        if not ok:
            raise LexiconError(f"{file.where}{_line_of(file.text, key)}: {key}: expected words "
                               "(a string or a list of strings)")


def _line_of(text: str, key: str) -> str:
    """ " line N" where top-level ``key`` is written in ``text`` (for messages)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return ""
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return f" line {key_node.start_mark.line + 1}"
    return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte offset {exc.start})") from None


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when it is there
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
