"""Everything the coder knows, built once from one set of lexicons: triggers and the CAMEO table,
the actor gazetteer, the status cues, the grammar's word lists, the date words and the places."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire.code.actors import Gazetteer, build_gazetteer
from eventwire.code.geonames import PlaceIndex
from eventwire.code.places import PlaceFinder, build_regions
from eventwire.code.status import Cues, build_cues
from eventwire.code.triggers import TriggerLexicon, build_trigger_lexicon
from eventwire.dictionaries.compiled import CompiledDictionaries
from eventwire.lexicons import Lexicons, WordLists
from eventwire.read.dates import DateWords, date_words


@dataclass(frozen=True, slots=True)
class Knowledge:
    lexicons: Lexicons
    triggers: TriggerLexicon
    gazetteer: Gazetteer
    grammar: WordLists
    cues: Cues
    dates: DateWords
    places: PlaceFinder

    dictionaries: CompiledDictionaries

    @staticmethod
    def build(lexicons: Lexicons, tokenize: Callable[[str], list[str]], place_index: PlaceIndex,
              dictionaries: CompiledDictionaries | None = None) -> Knowledge:
        """``tokenize`` splits a name into the parser's words, so that names match as parsed;
        ``dictionaries`` (compiled TABARI/PETRARCH dictionaries) add actors, agents and verbs
        to what the lexicons give, which win where both say something."""
        dictionaries = dictionaries or CompiledDictionaries.empty()
        triggers = build_trigger_lexicon(lexicons, dictionaries.senses)
        grammar = lexicons.word_lists("grammar")
        places = PlaceFinder(place_index, build_regions(lexicons), grammar, triggers.place_objects)

        def town_countries(names: list[str]) -> dict[str, frozenset[str]]:
            return place_index.countries_of(names, ("city", "admin1", "admin2"))

        return Knowledge(lexicons, triggers, build_gazetteer(lexicons, tokenize, dictionaries, town_countries), grammar,
                         build_cues(lexicons), date_words(lexicons), places, dictionaries)
