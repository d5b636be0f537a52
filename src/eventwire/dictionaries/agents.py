"""The agents format (``*.agents.txt``): one agent a line, and substitution sets.

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     a substitution set
    POLICE {} [~COP]                               {}: no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]    an irregular plural
    FARMER [~AGR]                                  the regular plural (FARMERS) is made
    HUMAN_RIGHTS_BODY [NGO~]                       the code goes before the actor's
    CONGRESS!PERSON! [~LEG]                        one agent per member of the set, no plurals

A set must be defined before it is used.
"""

from __future__ import annotations

import itertools
import re

from eventwire.dictionaries.forms import plural_phrase
from eventwire.dictionaries.lines import FileReading, LineError, open_joints, read_text, words_of
from eventwire.dictionaries.model import AgentEntry, Dictionaries, Words

_SUBSTITUTION_SET = re.compile(r"!(\w+)!\s*=(.*)")
_AGENT = re.compile(r"(?P<phrase>[^{}\[\]]+?)\s*(?:\{(?P<plural>[^{}\[\]]*)\})?\s*\[(?P<code>[^\[\]{}]*)\]")
_MARKER = re.compile(r"!(\w*)!")


def read_agents(text: str, file: str = "<agents>") -> Dictionaries:
    """The agent entries of an agents file, and the problems of its lines."""
    return read_text(text, file, _AgentReader)


class _AgentReader:
    def __init__(self, reading: FileReading) -> None:
        self.file = reading.file
        self.entries: list[AgentEntry] = []
        self.substitutions: dict[str, list[str]] = {}

    def close(self) -> dict[str, tuple[AgentEntry, ...]]:
        return {"agents": tuple(self.entries)}

    def read_line(self, number: int, content: str, comment: str) -> None:
        defined = _SUBSTITUTION_SET.fullmatch(content)
        if defined:
            self._define(defined.group(1), defined.group(2))
            return
        found = _AGENT.fullmatch(content)
        if found is None:
            raise LineError(_why_not_an_agent(content))
        agent_code, before_actor = _agent_code(found["code"].strip())
        joints = open_joints(found["phrase"]) if "!" not in found["phrase"] else frozenset()
        for words, plural in self._phrases(found["phrase"], found["plural"]):
            self.entries.append(AgentEntry(words, plural, agent_code, before_actor, self.file, number, joints))

    def _define(self, name: str, members: str) -> None:
        items = [m.strip().upper() for m in members.split(",")]
        if not all(items):
            raise LineError(f"the set !{name}! has an empty member: expected !NAME! = WORD, WORD, ...")
        self.substitutions[name.upper()] = items

    def _phrases(self, phrase: str, plural: str | None) -> list[tuple[Words, Words | None]]:
        """The agent's phrases with their plurals: several when the phrase holds a ``!SET!``."""
        if "!" in phrase:
            return [(self._words(p), None) for p in self._substituted(phrase)]
        words = self._words(phrase)
        if plural is not None:
            return [(words, words_of(plural) or None)]
        return [(words, None if phrase.endswith("_") else plural_phrase(words))]

    def _substituted(self, phrase: str) -> list[str]:
        parts = _MARKER.split(phrase.upper())  # text, set name, text, set name, ..., text
        if len(parts) == 1 or "!" in "".join(parts[::2]):
            raise LineError(f"a '!' that does not close a substitution marker in {phrase!r}")
        choices = [[text] if i % 2 == 0 else self._members(text) for i, text in enumerate(parts)]
        return ["".join(chosen) for chosen in itertools.product(*choices)]

    def _members(self, name: str) -> list[str]:
        if name not in self.substitutions:
            raise LineError(f"the substitution marker !{name}! is not defined above (!{name}! = WORD, WORD, ...)")
        return self.substitutions[name]

    @staticmethod
    def _words(phrase: str) -> Words:
        words = words_of(phrase)
        if not words:
            raise LineError("no phrase before the code")
        return words


def _agent_code(text: str) -> tuple[str, bool]:
    """``~GOV`` → ("GOV", False); ``NGO~`` → ("NGO", True): before the actor's code."""
    code = text.strip("~")
    if not code or " " in code or text.count("~") != 1 or "~" in code:
        raise LineError(f"an agent code is a code with '~' before it (goes after the actor's) or after it: [{text}]")
    return code, text.endswith("~")


def _why_not_an_agent(content: str) -> str:
    if "[" not in content:
        return "no [~CODE]: every agent needs one"
    code = content[content.index("["):]
    if "]" not in code:
        return f"the code's '[' is not closed with ']': {code}"
    return "expected PHRASE {PLURAL} [~CODE]"
