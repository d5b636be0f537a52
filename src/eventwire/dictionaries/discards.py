"""The discards format (``*.discards.txt``): phrases whose sentence is not coded, one a line.

    BASEBALL              a sentence-level discard; the last word is a stem ('baseballs')
    +ASIAN WINTER GAMES   '+': the whole story is not coded
    AFL GRAND FINAL_      a final '_': the match must end there

Matching is not case sensitive, so the words are upper-cased like every other dictionary's.
"""

from __future__ import annotations

from eventwire.dictionaries.lines import FileReading, LineError, read_text, words_of
from eventwire.dictionaries.model import Dictionaries, Discard


def read_discards(text: str, file: str = "<discards>") -> Dictionaries:
    """The discards of a discards file, and the problems of its lines."""
    return read_text(text, file, _DiscardReader)


class _DiscardReader:
    def __init__(self, reading: FileReading) -> None:
        self.file = reading.file
        self.discards: list[Discard] = []

    def read_line(self, number: int, content: str, comment: str) -> None:
        self.discards.append(_discard(content, self.file, number))

    def close(self) -> dict[str, tuple[Discard, ...]]:
        return {"discards": tuple(self.discards)}


def _discard(content: str, file: str, number: int) -> Discard:
    whole_story = content.startswith("+")
    phrase = content[1:] if whole_story else content
    if any(c in phrase for c in "[]{}"):
        raise LineError("a discard is a phrase alone: no [code] (TABARI's [###] is not needed here)")
    words = words_of(phrase)
    if not words:
        raise LineError("a '+' with no phrase")
    return Discard(words, whole_story, not phrase.rstrip().endswith("_"), file, number)
