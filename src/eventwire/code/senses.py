"""Which sense of a trigger the parse around it fits: its voice, particle, prepositions, clause,
subject and object words (the conditions of verbs.yaml and nouns.yaml)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from eventwire.code import sequence
from eventwire.code.syntax import children, is_passive, lemma, lemma_keys, objects
from eventwire.code.triggers import Sense
from eventwire.lexicons import WordLists

# a verb's particle, or a word that completes it as one does ("set the station ablaze", "set alight a bus",
# "pleaded guilty")
_PARTICLE_DEPS = ("prt", "advmod", "oprd", "acomp")
# what a verb that asks no question governs: an object, a clause, a phrase ("Jansen asked." asks one)
_ASKING_DEPS = ("dobj", "dative", "ccomp", "xcomp", "prep", "agent", "nsubjpass")


def lookup(table: dict[str, list[Sense]], token: Token) -> tuple[str, list[Sense]] | None:
    """The senses of the first of the token's look-up keys that the table has; a user's
    dictionary verb written as this very form wins over its lemma's ("--- LEFT [032:033] ---"
    beside "--- LEAVE [012] ---"), as PETRARCH reads the forms it lists."""
    word = token.lower_
    if word != token.lemma_.lower() and any(sense.user for sense in table.get(word, ())):
        return word, table[word]
    for key in lemma_keys(token):
        if key in table:
            return key, table[key]
    return None


def fitting_sense(senses: list[Sense], token: Token, grammar: WordLists,
                  names_actor: Callable[[Token], bool] | None = None) -> Sense | None:
    """The first sense whose conditions the parse around ``token`` meets (``names_actor``: the
    words a user's pattern may mark as its source or target)."""
    object_words = None
    frame: _Frame | None = None
    for sense in senses:
        if sense.passive is not None and is_passive(token) != sense.passive:
            continue
        if sense.particles and not _has_particle(token, sense.particles):
            continue
        if sense.preps and not prepositions(token) & sense.preps:
            continue
        if sense.clause and not children(token, "ccomp"):
            continue
        if sense.transitive is not None and bool(children(token, "dobj")) != sense.transitive:
            continue
        if sense.question and not asks_question(token, grammar):
            continue
        if sense.governs and not _governs(token, sense.governs):
            continue
        if sense.subjects:
            words = {w for c in children(token, "nsubj", "nsubjpass") for w in _phrase_words(c)}
            if not any(s <= words for s in sense.subjects):
                continue
        if sense.objects:
            if object_words is None:
                object_words = _object_words(token, grammar)
            # "set the bus on fire", "set fire to tires": a sense's prepositions' objects are its objects too
            words = object_words | _prep_object_words(token, sense.preps) if sense.preps else object_words
            if not any(needed <= words for needed in sense.objects):
                continue
        if sense.object_heads or sense.subject_heads or sense.prep_objects:
            frame = frame or _Frame(token)
            if not _pattern_fits(sense, frame):
                continue
        if sense.sequence is not None and sequence.match(sense.sequence, token, names_actor) is None:
            continue
        return sense
    return None


def _has_particle(token: Token, particles: frozenset[str]) -> bool:
    """A particle of the verb; or, right after it, one the parser read as a preposition because
    its object follows ("cordoned off the roads", "called off the strike")."""
    return any(c.lower_ in particles and (c.dep_ in _PARTICLE_DEPS or (c.dep_ == "prep" and c.i == token.i + 1))
               for c in token.children)


class _Frame:
    """The trigger's argument heads, read once for all of a verb's dictionary patterns (a Phoenix
    verb has up to hundreds): each head's word forms, and its modifiers when a pattern asks."""

    def __init__(self, token: Token) -> None:
        self.objects = [_Head(h) for h in children(token, "dobj")]
        self.subjects = [_Head(h) for h in children(token, "nsubj", "nsubjpass")]
        self.preps: dict[str, list[_Head]] = {}
        for holder in (token, *children(token, "dobj")):
            for p in children(holder, "prep", "agent", "dative"):
                self.preps.setdefault(p.lower_, []).extend(_Head(o) for o in children(p, "pobj"))


class _Head:
    __slots__ = ("forms", "modifiers", "token")

    def __init__(self, token: Token) -> None:
        self.token = token
        self.forms = {token.lower_, token.lemma_.lower()}
        self.modifiers: set[str] | None = None

    def heads(self, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """Is this the head of one of the phrases: its last word, the others among its modifiers?"""
        for phrase in phrases:
            if phrase[-1] not in self.forms:
                continue
            if len(phrase) == 1:
                return True
            if self.modifiers is None:
                self.modifiers = {w for t in self.token.subtree if t != self.token
                                  for w in (t.lower_, t.lemma_.lower())}
            if set(phrase[:-1]) <= self.modifiers:
                return True
        return False


def _pattern_fits(sense: Sense, frame: _Frame) -> bool:
    """A dictionary pattern, read on the dependency parse: its object phrase is the head of the
    trigger's direct object, its subject phrase that of its subject, and each prepositional phrase
    a preposition of the trigger (or of its object) whose object is that phrase."""
    if sense.object_heads and not any(h.heads(sense.object_heads) for h in frame.objects):
        return False
    if sense.subject_heads and not any(h.heads(sense.subject_heads) for h in frame.subjects):
        return False
    return all(any(h.heads(phrases) for h in frame.preps.get(prep, ())) for prep, phrases in sense.prep_objects)


def asks_question(verb: Token, grammar: WordLists) -> bool:
    """The verb asks a question: its clause begins with a question word ("asked how he wanted to be
    remembered", "asking whether ..."), it quotes one, or it governs nothing at all ("Jansen asked.",
    "'Why didn't they look?' asked DeLauro": the parser hangs the quote elsewhere)."""
    for clause in children(verb, "ccomp"):
        first = next(clause.subtree)
        if first.lower_ in grammar.question_words or any(t.lower_ in grammar.question_ends for t in clause.subtree):
            return True
    return not children(verb, *_ASKING_DEPS)


def _governs(verb: Token, words: tuple[frozenset[str], ...]) -> bool:
    """Is one of the word sets among the words of a clause the verb governs ("not ... named")?"""
    found = {w for c in children(verb, "xcomp", "ccomp") for t in c.subtree for w in (t.lower_, lemma(t))}
    return any(needed <= found for needed in words)


def _prep_object_words(token: Token, preps: frozenset[str]) -> set[str]:
    """The lemmas of the objects of these prepositions of the trigger or its object."""
    holders = [token, *children(token, "dobj")]
    return {lemma(o) for holder in holders for p in children(holder, "prep") if p.lower_ in preps
            for o in children(p, "pobj")}


def prepositions(token: Token) -> set[str]:
    """The prepositions a sense condition may name: the trigger's after it (not "On Friday, he
    called the alert extreme"), its object's, and the head noun of a compound trigger ("phone call")."""
    found = {c.lower_ for c in children(token, "prep", "agent", "dative") if c.i > token.i}
    for child in children(token, "dobj", "xcomp", "acomp"):
        found.update(c.lower_ for c in children(child, "prep"))
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        found.add(lemma(token.head))
    return found


def _phrase_words(head: Token) -> set[str]:
    return {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}


def _object_words(token: Token, grammar: WordLists) -> set[str]:
    """Lemmas of the trigger's object phrase (or, for a noun, of its own modifiers and 'for'
    phrase), used by sense conditions like {object: [weapon]}."""
    words: set[str] = set()
    if token.pos_ in ("NOUN", "PROPN"):
        heads = [token]
    else:  # the object, or the prepositions' objects; "asked Russia for weapons": both
        preps = [p for c in children(token, "prep") for p in children(c, "pobj")]
        direct = objects(token)
        heads = direct + [p for p in preps if p.head.lower_ in grammar.request_prepositions] if direct else preps
    for head in heads:
        words.add(lemma(head))
        words.add(head.lower_)
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "conj"):
                words.add(lemma(child))
            if child.dep_ == "compound" and head is token:  # a noun trigger's: "an [accidental gunshot] wound"
                words.update(lemma(c) for c in children(child, "compound", "amod"))
            if child.dep_ == "acl" and head is token:  # a noun trigger's: "explosions involving artillery"
                for obj in children(child, "dobj"):
                    words.add(lemma(obj))
                    words.update(lemma(c) for c in children(obj, "compound", "amod", "nmod", "conj"))
            if child.dep_ == "prep" and child.lower_ in grammar.object_prepositions:
                for pobj in children(child, "pobj"):
                    words.add(lemma(pobj))
                    words.update(lemma(c) for c in children(pobj, "compound", "amod", "conj"))
    return words
