"""Readers for the TABARI/PETRARCH dictionary formats (actors, agents, verbs, discards, issues),
as PETRARCH2's ``dictionaries.rst`` describes them and the Phoenix files write them.

    >>> from eventwire.dictionaries import read_dictionaries
    >>> found = read_dictionaries("petrarch2/dictionaries")
    >>> found.counts()["verb families"], [str(p) for p in found.problems][:1]

Every line either reads or is a ``DictionaryProblem`` naming its file and line; the reading goes
on past a bad line, and ``strict=True`` raises ``LexiconError`` at the first problem instead.
This package reads text only: it imports neither spaCy nor the coder.
"""

from eventwire.dictionaries.actors import read_actors
from eventwire.dictionaries.agents import read_agents
from eventwire.dictionaries.discards import read_discards
from eventwire.dictionaries.folder import read_dictionaries, read_file, reader_for
from eventwire.dictionaries.issues import read_issues
from eventwire.dictionaries.model import (
    ActorEntry,
    ActorRole,
    AgentEntry,
    Dictionaries,
    DictionaryProblem,
    Discard,
    EventCode,
    IssuePhrase,
    NounPhrase,
    Pattern,
    PatternElement,
    PrepositionalPhrase,
    Synset,
    SynsetMember,
    Term,
    TermKind,
    Transformation,
    Verb,
    VerbFamily,
    VerbWords,
    Words,
)
from eventwire.dictionaries.verbs import read_verbs

__all__ = [
    "ActorEntry", "ActorRole", "AgentEntry", "Dictionaries", "DictionaryProblem", "Discard", "EventCode",
    "IssuePhrase", "NounPhrase", "Pattern", "PatternElement", "PrepositionalPhrase", "Synset", "SynsetMember",
    "Term", "TermKind", "Transformation", "Verb", "VerbFamily", "VerbWords", "Words",
    "read_actors", "read_agents", "read_dictionaries", "read_discards", "read_file", "read_issues", "read_verbs",
    "reader_for",
]
