"""``Coder``: the library's one object for coding news into events.

A coder is built from its parts, each passed in or loaded by default: the lexicons (the packaged
ones, extended by a user's folders), the spaCy pipeline, and the offline place index. What it
builds from them (trigger senses, the actor gazetteer, status cues, place rules) hangs off the
coder's lexicons, so coders with different lexicons never share knowledge, and nothing is kept
in module state::

    >>> from eventwire import Coder
    >>> coder = Coder()                       # or Coder(["my-lexicons/"])
    >>> story = coder.code_text("Iraqi officials met Russian diplomats in Moscow on Monday.",
    ...                         published="2024-05-06")
    >>> [(e.plover.type, e.source.code, e.target.code, e.date) for e in story.events]
    [('CONSULT', 'IRQGOV', 'RUSGOV', '2024-05-06')]

The parser and the place index load on first use, so a coder costs nothing until it codes.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.deadline import TIME_LIMIT
from eventwire.lexicons import Lexicons
from eventwire.model import Rejected, Story

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.code.geonames import PlaceIndex
    from eventwire.code.knowledge import Knowledge
    from eventwire.read import ReadOptions


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@contextmanager
def _long_lived_objects() -> Iterator[None]:
    """Builds objects that live as long as the process (the knowledge: some 100,000 of them with the
    dictionaries) without the collector scanning them again and again meanwhile, which took half
    the build's time, and then moves them out of its sight for good (``gc.freeze``), so that the
    collections made while coding scan only what coding makes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class Coder:
    """Codes stories into events with one set of lexicons, one parser and one place index."""

    def __init__(self, lexicons: Lexicons | Sequence[str | Path] | None = None, *,
                 dictionaries: Sequence[str | Path] = (), default_dictionaries: bool = True,
                 nlp: Language | None = None, place_index: PlaceIndex | None = None) -> None:
        """``dictionaries``: folders of TABARI/PETRARCH dictionaries coded with, after the shipped
        Phoenix ones unless ``default_dictionaries`` is False (then instead of them)."""
        from eventwire.dictionaries.compiled import PHOENIX

        self.dictionaries = tuple(Path(d) for d in ([PHOENIX] if default_dictionaries else []) + list(dictionaries))
        for folder in self.dictionaries:
            if not folder.is_dir():
                from eventwire.lexicons import LexiconError

                raise LexiconError(f"{folder}: dictionary folder not found")
        if isinstance(lexicons, Lexicons):
            self.lexicons = lexicons
        else:
            self.lexicons = Lexicons(lexicons) if lexicons else Lexicons.packaged()
        self._nlp = nlp
        self._place_index = place_index
        self._given_parts = nlp is not None or place_index is not None
        self._knowledge: Knowledge | None = None

    # ------------------------------------------------------------------ parts, loaded on first use
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from eventwire.nlp import load

            self._nlp = load()
        return self._nlp

    @property
    def place_index(self) -> PlaceIndex:
        if self._place_index is None:
            from eventwire.code.geonames import open_place_index

            self._place_index = self.lexicons.derived("place-index", open_place_index)
        return self._place_index

    @property
    def knowledge(self) -> Knowledge:
        """What the coder knows, built from its lexicons once."""
        if self._knowledge is None:
            self._knowledge = self._build_knowledge()
        return self._knowledge

    def _build_knowledge(self) -> Knowledge:
        from eventwire.code.knowledge import Knowledge
        from eventwire.dictionaries.compiled import compiled_dictionaries

        def build(lexicons: Lexicons) -> Knowledge:
            tokenizer = self.nlp.tokenizer

            def tokenize_many(texts: list[str]) -> list[list[str]]:
                return [[t.text for t in doc] for doc in tokenizer.pipe(texts)]

            meta = self.nlp.meta
            dictionaries = compiled_dictionaries(self.dictionaries, tokenize_many,
                                                 f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}")
            return Knowledge.build(lexicons, lambda text: [t.text for t in tokenizer(text)], self.place_index,
                                   dictionaries)

        with _long_lived_objects():
            if not self._given_parts:  # default parts: what is built is shared by coders of these lexicons
                return self.lexicons.derived(f"knowledge:{self.dictionaries}", build)
            return build(self.lexicons)

    def check(self) -> None:
        """Read every lexicon and build the knowledge now, so that a bad file fails before any output."""
        self.lexicons.check()
        from eventwire.read.clean import cleaning_rules

        cleaning_rules(self.lexicons)
        self.knowledge  # noqa: B018 - built for its errors

    # ------------------------------------------------------------------ coding
    def code_text(self, text: str, *, published: str | None = None, title: str | None = None,
                  story_id: str | None = None) -> Story:
        """Code one text as the body of a story (every line kept as written, nothing set aside)."""
        story = Story.from_body(text, id=story_id or hashlib.sha256(text.encode()).hexdigest()[:16],
                                title=title, published=published)
        (coded,) = self.code([story], time_limit=None)
        if isinstance(coded, Rejected):
            raise ValueError(coded.message())
        return coded

    def code(self, stories: Iterable[Story | Rejected], *, workers: int = 1,
             time_limit: float | None = TIME_LIMIT, chunk: int | None = None) -> Iterator[Story | Rejected]:
        """Code every Story of the stream, in order; rejections pass through in their places, and a
        story that breaks the parser or runs out of ``time_limit`` seconds becomes one."""
        from eventwire import pipeline

        return pipeline.code_stories(stories, self, chunk=chunk or pipeline.CHUNK, workers=workers,
                                     time_limit=time_limit)

    def code_doc(self, story: Story, doc: Doc) -> Story:
        """Code a story whose parse the caller already has (made by this coder's ``nlp``)."""
        from eventwire.code import code_story

        if story.published and not _ISO_DAY.fullmatch(story.published):
            # a library caller's date as the news wrote it ("16 December 2016"), read as the
            # readers read metadata dates; one that is no date codes the story as undated
            from eventwire.read.story import normalise_published

            story.published = normalise_published(story.published, self.lexicons)
        return code_story(story, doc, self.knowledge)

    def parse(self, stories: Iterable[Story]) -> Iterator[tuple[Story, Doc]]:
        from eventwire.nlp import parse

        return parse(stories, self.nlp)

    def read(self, paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Story | Rejected]:
        """Stories from files, folders or ``-``, cleaned with this coder's lexicons."""
        from dataclasses import replace

        from eventwire.read import ReadOptions, read_inputs

        return read_inputs(paths, replace(options or ReadOptions(), lexicons=self.lexicons))

