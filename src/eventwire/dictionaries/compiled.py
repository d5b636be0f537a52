"""Dictionaries compiled for the coder: names split into the parser's words, patterns turned into
trigger-sense conditions, dated roles as plain tuples. Reading and compiling the Phoenix files
takes seconds, so the result is kept in the cache folder under a hash of the files' contents, the
compiler's version and the tokenizer's, and a later process only loads it (a pickle of plain
tuples and dicts, which loads in a fraction of the reading time).

The layouts (plain data, so that the pickle stays fast and stable):
- actor: ``(words, name, default_code, roles, where, shipped, gaps)``; a role is ``(code, start, end)`` with
  ISO dates or None for an open end; ``words`` as the tokenizer splits the name; ``gaps``: the words
  after which others may come in the text (a user's names written with blanks: "ITHILEN TELEVISION").
- agent: ``(words, code, where, before, shipped, gaps)``, words lower case; one entry per form (singular,
  plural); ``before``: the code goes before the actor's (``NGO~``).
- senses: ``{verb: [spec, ...]}`` in the order they are tried (see ``_pattern_spec``).
- discard: ``(words, whole_story, stem, where, shipped)``, words lower case.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.cache import cache_dir
from eventwire.dictionaries.folder import read_dictionaries
from eventwire.dictionaries.model import (
    Dictionaries,
    EventCode,
    NounPhrase,
    Pattern,
    PatternElement,
    PrepositionalPhrase,
    Synset,
    Term,
    TermKind,
    VerbFamily,
)

COMPILER_VERSION = 5
PHOENIX = Path(__file__).parent / "phoenix"  # the shipped default dictionaries (MIT, see LICENSE there)
MAX_ALTERNATIVES = 400  # phrases a synset may stand for in one condition

Tokenize = Callable[[list[str]], list[list[str]]]  # names → their words, as the parser splits them


@dataclass(frozen=True, slots=True)
class CompiledDictionaries:
    """What the coder takes from a set of dictionaries (layouts in the module's docstring)."""

    actors: tuple[tuple, ...]
    agents: tuple[tuple, ...]
    senses: dict[str, list[dict[str, Any]]]
    discards: tuple[tuple, ...]
    problems: tuple[str, ...]
    files: tuple[str, ...]

    @staticmethod
    def empty() -> CompiledDictionaries:
        return CompiledDictionaries((), (), {}, (), (), ())


def compiled_dictionaries(folders: Sequence[str | Path], tokenize: Tokenize, tokenizer_id: str) -> CompiledDictionaries:
    """The folders' dictionaries compiled, from the cache when the same files were compiled before."""
    if not folders:
        return CompiledDictionaries.empty()
    files = [p for folder in folders for p in sorted(Path(folder).glob("*.txt"))]
    digest = hashlib.sha256(f"{COMPILER_VERSION}\0{tokenizer_id}\0".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):  # the readers and this compiler: their code too
        digest.update(source.read_bytes())
    for path in files:
        digest.update(f"{path.name}\0".encode())
        digest.update(path.read_bytes())
    cached = cache_dir() / f"dictionaries-v{COMPILER_VERSION}-{digest.hexdigest()[:16]}.pickle"
    if cached.exists():
        try:
            with cached.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a cut or stale file: compiled again below
    read = Dictionaries()
    for folder in folders:
        read += read_dictionaries(folder)
    result = compile_dictionaries(read, tokenize)
    _write_atomically(cached, result)
    return result


def compile_dictionaries(read: Dictionaries, tokenize: Tokenize) -> CompiledDictionaries:
    synsets = {s.name: s for s in read.synsets}
    names = [(entry, words, joints) for entry in read.actors
             for words, joints in zip(entry.names, entry.open_joints or [frozenset()] * len(entry.names), strict=True)]
    split = tokenize([" ".join(words).title() for _, words, _ in names])
    actors = tuple((tuple(tokens), " ".join(entry.name).title(), entry.default_code,
                    tuple((r.actor_code, _iso(r.start), _iso(r.end)) for r in entry.roles),
                    f"{Path(entry.file).name}:{entry.line}", _shipped(entry.file),
                    frozenset() if _shipped(entry.file) else _token_gaps(words, joints, tokens))
                   for (entry, words, joints), tokens in zip(names, split, strict=True))
    agents = tuple((tuple(w.lower() for w in form), entry.agent_code, f"{Path(entry.file).name}:{entry.line}",
                    entry.before_actor, _shipped(entry.file),
                    frozenset() if _shipped(entry.file) else entry.open_joints)
                   for entry in read.agents for form in (entry.words, entry.plural) if form)
    discards = tuple((tuple(w.lower() for w in d.words), d.whole_story, d.stem, f"{Path(d.file).name}:{d.line}",
                      _shipped(d.file)) for d in read.discards)
    senses: dict[str, list[dict[str, Any]]] = {}
    for family in read.verbs:
        for verb, spec in _family_senses(family, synsets):
            senses.setdefault(verb, []).append(spec)
    for specs in senses.values():  # a verb's phrasal forms first ("back down" before "back"), then the specific
        specs.sort(key=lambda spec: (not spec.get("particle"), -spec["weight"]))
    return CompiledDictionaries(actors, agents, senses, discards, tuple(str(p) for p in read.problems), read.files)


def _token_gaps(words: tuple[str, ...], joints: frozenset[int], tokens: list[str]) -> frozenset[int]:
    """The tokens after which other words may come: those that end a word followed by an open joint
    (the tokenizer may split a word: "AL-QAEDA" is three tokens)."""
    text, ends, at = " ".join(words).title(), set(), 0
    for k, word in enumerate(words):
        at += len(word)
        if k in joints:
            ends.add(at)
        at += 1
    out, position = set(), 0
    for j, token in enumerate(tokens):
        position = text.find(token, position) + len(token)
        if position in ends:
            out.add(j)
    return frozenset(out)


def _shipped(file: str | Path) -> bool:
    """One of the Phoenix dictionaries shipped with eventwire, not a user's."""
    return Path(file).parent.resolve() == PHOENIX.resolve()


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


# ---------------------------------------------------------------------- verbs → sense specs
def _family_senses(family: VerbFamily, synsets: dict[str, Synset]) -> Iterable[tuple[str, dict[str, Any]]]:
    """Each verb of the family with the family's patterns (most specific first) and, last, the
    verb alone with its own or the family's code."""
    where = f"{Path(family.file).name}"
    shipped = _shipped(family.file)
    specs = [{**s, "shipped": shipped} for s in (_pattern_spec(p, synsets, where, sequence=not shipped)
                                                  for p in family.patterns) if s is not None]
    specs.sort(key=lambda s: -s["weight"])
    for verb in family.verbs:
        words = [w.lower() for w in verb.written.words]
        head = words[verb.written.verb_index]
        if not head.isalpha():
            continue
        particles = words[verb.written.verb_index + 1:]
        alone = _code_spec(verb.event_code or family.event_code)
        own = [{**s, "particle": particles} if particles else s for s in specs]
        if alone is not None:
            own.append({**alone, "particle": particles, "weight": 0, "alone": True,
                        "shipped": shipped,
                        "where": f"{where}:{verb.line} {' '.join(verb.written.words)} (the verb alone)"})
        for spec in own:
            yield head, spec


def _code_spec(code: EventCode) -> dict[str, Any] | None:
    """The code part of a spec: the forward code (and the reverse one of a pair, ``[032:033]``),
    or the reverse one with source and target swapped (``[:173]``), or a sense that codes
    nothing for the null code."""
    if code.forward:
        return {"cameo": code.forward, "reverse": code.reverse}
    if code.reverse:
        return {"cameo": code.reverse, "swap": True}
    return {"skip": True}


# bare words after a verb that are its particle, not its object ("* OUT", "* UP (ON +)")
PARTICLES = frozenset({"out", "up", "down", "off", "back", "away", "on", "over", "in", "with", "around", "through",
                       "forward", "together", "aside", "apart", "along"})


def _pattern_spec(pattern: Pattern, synsets: dict[str, Synset], where: str,
                  sequence: bool = False) -> dict[str, Any] | None:
    """A pattern as conditions on the parse, read as PETRARCH reads it: the first noun (phrase)
    after the verb is the head of its object, a prepositional phrase a preposition of the verb
    (or of its object) with that head for its object, a noun before the verb the head of its
    subject; a bare particle after the verb its particle. Each condition is a list of alternative
    phrases (a synset gives one per member), the last word of a phrase its head. A pattern that
    names no noun (only particles, a bare preposition, auxiliaries or markers) is too general to
    code news by and is left out, as are those with an undefined synset. With ``sequence`` (a
    user's dictionaries), a pattern of words alone, TABARI's syntax, is read as TABARI reads it
    (see ``_sequence_spec``)."""
    spec: dict[str, Any] = dict(_code_spec(pattern.event_code) or {})
    if sequence and not pattern.prepositions and not any(isinstance(e, NounPhrase)
                                                         for e in (*pattern.before, *pattern.after)):
        return _sequence_spec(pattern, spec, synsets, where)
    objects: list[list[list[str]]] = []
    subjects: list[list[list[str]]] = []
    particles: list[str] = []
    preps: list[list[Any]] = []
    swap = False
    for side, elements in (("before", pattern.before), ("after", pattern.after)):
        for element in elements:
            if isinstance(element, PrepositionalPhrase):
                phrases = _phrases(element.object, synsets)
                if phrases is None:
                    return None
                if phrases:
                    preps.append([element.preposition.text.lower(), phrases])
                swap = swap or (side == "before" and _marks(element, TermKind.TARGET))
                continue
            swap = swap or (side == "before" and _marks(element, TermKind.TARGET)) or (
                side == "after" and _marks(element, TermKind.SOURCE))
            if isinstance(element, Term) and element.kind is not TermKind.WORD and element.kind is not TermKind.SYNSET:
                continue  # a marker
            if side == "after" and isinstance(element, Term) and element.kind is TermKind.WORD \
                    and element.text.lower() in PARTICLES:
                particles.append(element.text.lower())
                continue
            phrases = _phrases((element,), synsets)
            if phrases is None:
                return None
            if phrases:
                (subjects if side == "before" else objects).append(phrases)
    if not (objects or subjects or preps):
        return None
    spec.update(object=objects[:1], subject=subjects[:1], prep_objects=preps, pattern_particles=particles,
                swap=spec.get("swap", False) != swap, weight=len(objects) + len(subjects) + 2 * len(preps),
                where=f"{where}:{pattern.line} - {_written(pattern)}")
    return spec


def _sequence_spec(pattern: Pattern, spec: dict[str, Any], synsets: dict[str, Synset],
                   where: str) -> dict[str, Any] | None:
    """A TABARI pattern: its words in the order written, before the verb and after it, any
    words between them unless joined by ``_``; a synset any of its phrases; ``$`` and ``+`` the
    source and the target there, ``^`` any noun phrase skipped, ``%`` a compound actor. Each
    element is ``[kind, phrases, joined]``, kind a marker or ``"word"``; the more words, the
    sooner it is tried. Markers alone, but for ``%``, say nothing of the sentence and are left out."""
    def elements(terms: tuple[PatternElement, ...]) -> list[list[Any]] | None:
        out: list[list[Any]] = []
        for term in terms:
            assert isinstance(term, Term)
            if term.kind in (TermKind.WORD, TermKind.SYNSET):
                phrases = _phrases((term,), synsets)
                if phrases is None:
                    return None
                out.append(["word", phrases, term.joined])
            else:
                out.append([term.kind.value, None, term.joined])
        return out

    before, after = elements(pattern.before), elements(pattern.after)
    if before is None or after is None:
        return None
    words = sum(1 for e in (*before, *after) if e[0] == "word")
    if not words and not any(e[0] == "%" for e in (*before, *after)):
        return None  # a compound actor is itself a condition ("- % * [030:030]")
    markers = {e[0] for e in (*before, *after)}
    spec.update(sequence=[before, after, pattern.verb_joined], weight=2 * words + len(markers),
                where=f"{where}:{pattern.line} - {_written(pattern)}")
    return spec


def _phrases(elements: tuple[PatternElement, ...], synsets: dict[str, Synset]) -> list[list[str]] | None:
    """The phrases a run of pattern elements may be: words and synsets in a row, the last the
    head; [] when they name none (markers only); None when a synset is not defined."""
    options: list[list[str]] = [[]]
    for element in elements:
        terms = element.terms if isinstance(element, NounPhrase) else (element,)
        for term in terms:
            if not isinstance(term, Term) or term.kind not in (TermKind.WORD, TermKind.SYNSET):
                continue
            if term.kind is TermKind.SYNSET:
                members = _synset_phrases(term.text, synsets)
                if members is None:
                    return None
            else:
                members = [[term.text.lower()]]
            options = [o + m for o in options for m in members][:MAX_ALTERNATIVES]
    return [o for o in options if o]


def _synset_phrases(name: str, synsets: dict[str, Synset],
                    seen: frozenset[str] = frozenset()) -> list[list[str]] | None:
    synset = synsets.get(name)
    if synset is None or name in seen:
        return None
    phrases: list[list[str]] = []
    for member in synset.members:
        if member.nested:
            inner = _synset_phrases(member.words[0], synsets, seen | {name})
            phrases.extend(inner or [])
        else:
            phrases.extend([w.lower() for w in form] for form in (member.words, member.plural) if form)
    return phrases[:MAX_ALTERNATIVES] or None


def _marks(element: PatternElement, kind: TermKind) -> bool:
    if isinstance(element, Term):
        return element.kind is kind
    if isinstance(element, NounPhrase):
        return any(t.kind is kind for t in element.terms)
    return any(_marks(part, kind) for part in element.object)


def _written(pattern: Pattern) -> str:
    def text(element: PatternElement) -> str:
        if isinstance(element, Term):
            return ("&" if element.kind is TermKind.SYNSET else "") + element.text
        if isinstance(element, NounPhrase):
            return "{" + " ".join(text(t) for t in element.terms) + "}"
        return "(" + " ".join([text(element.preposition), *(text(p) for p in element.object)]) + ")"

    return " ".join([*(text(e) for e in pattern.before), "*", *(text(e) for e in pattern.after),
                     f"[{pattern.event_code.text}]"])


def _write_atomically(path: Path, value: CompiledDictionaries) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache: compiled again next time
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
