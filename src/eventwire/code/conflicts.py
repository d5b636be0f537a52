"""Where the project's lexicons and the dictionaries disagree (``eventwire lexicon conflicts``): the
lexicons win at coding time, and this lists what they overrule, so that either can be mended."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.code.knowledge import Knowledge


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str  # verb | actor | agent
    name: str
    lexicon: str  # what the lexicons say
    dictionary: str  # what the dictionary says, with its file and line

    def __str__(self) -> str:
        return f"{self.kind} {self.name!r}: the lexicons say {self.lexicon}; {self.dictionary} (overruled)"


def conflicts(knowledge: Knowledge) -> Iterator[Conflict]:
    yield from _verb_conflicts(knowledge)
    yield from _name_conflicts(knowledge)


def _verb_conflicts(knowledge: Knowledge) -> Iterator[Conflict]:
    """A verb both know whose PLOVER types differ: the lexicon's senses against the dictionary's
    code for the verb alone."""
    triggers = knowledge.triggers
    for verb, specs in sorted(knowledge.dictionaries.senses.items()):
        ours = [s for s in triggers.verbs.get(verb, ()) if s.where.startswith("verbs.yaml")]
        if not ours:
            continue
        our_types = {triggers.type_of(s.cameo) for s in ours if s.cameo and not s.skip} - {None}
        for spec in specs:
            if not spec.get("alone"):
                continue
            their_type = triggers.type_of(spec.get("cameo")) if spec.get("cameo") else None
            if their_type and their_type not in our_types:
                yield Conflict("verb", verb, f"{', '.join(sorted(our_types)) or 'nothing'} (verbs.yaml)",
                               f"{spec['where']} codes {spec['cameo']} {their_type}")


def _name_conflicts(knowledge: Knowledge) -> Iterator[Conflict]:
    """A name both gazetteers hold whose countries or codes differ."""
    gazetteer = knowledge.gazetteer
    for key, theirs in sorted(gazetteer.extra_by_first.items()):
        ours = {p.words: p.clue for p in gazetteer.by_first.get(key, ())}
        for pattern in theirs:
            mine = ours.get(pattern.words)
            if mine is None:
                continue
            clue = pattern.clue
            said = mine.code or mine.country or mine.sector
            their = clue.code or clue.country or clue.sector
            if said != their and not (clue.roles and any(said == code for code, _, _ in clue.roles)):
                kind = "agent" if clue.kind == "agent" else "actor"
                yield Conflict(kind, " ".join(pattern.words), f"{said} ({mine.kind})",
                               f"{clue.where} says {their}")
