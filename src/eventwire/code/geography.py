"""One story's geography: what its resolved places tell the rest of the coding, read once per
story (``eventwire.code.places.story_geography``) and asked by the actor pass.

The start of issue #19's "one geography per story": the places are chosen together (a town and
the divisions that say where it is take one country), and the actors read the places as chosen
(a capital's name resolved to a town of another country is that town, not the capital's country).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Geography:
    """Token indices → countries, for the places of one story.

    ``towns``: the first token of each place the parser or the gazetteer calls a place (towns
    and provinces too) → its country: where an actor with no country of its own is ("police in
    Kisumu"); a capitalised word that merely matches a town ("Rally") is not one. ``covered``:
    every token of every resolved place name → the place it names: which country a country's, a
    capital's or a dictionary town's name stands for in this story; ``countries``: the
    countries the story's places and demonyms are of."""

    towns: dict[int, str] = field(default_factory=dict)
    covered: dict[int, NamedPlace] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()  # of the places named, and of the demonyms


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A resolved place name: its tokens, its country and the place's own name."""

    start: int
    end: int
    country: str
    name: str


def same_name(a: str, b: str) -> bool:
    """ "Merida" and "Mérida", "TRIPOLI" and "Tripoli": one name, as news writes it."""
    return _folded(a) == _folded(b)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold().strip()
