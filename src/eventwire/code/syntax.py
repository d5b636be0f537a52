"""Small pure helpers over the dependency parse: the idioms the rules would otherwise write out by
hand (children by dependency, a child marked by one of some words, lemma look-up keys)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of these dependency labels, in text order."""
    return [c for c in token.children if c.dep_ in deps]


def has_child(token: Token, dep: str | Collection[str], words: Collection[str] | None = None) -> bool:
    """Has a child with this label (one of these labels), written as one of ``words`` if given."""
    deps = (dep,) if isinstance(dep, str) else dep
    return any(c.dep_ in deps and (words is None or c.lower_ in words) for c in token.children)


def prep_objects(token: Token, prepositions: Collection[str] | None = None) -> list[Token]:
    """Objects of the token's prepositions ("talks [in] Moscow"), of these prepositions if given."""
    return [p for c in token.children if c.dep_ == "prep" and (prepositions is None or c.lower_ in prepositions)
            for p in c.children if p.dep_ == "pobj"]


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def lemma_keys(token: Token) -> tuple[str, ...]:
    """The lemma, and base forms guessed from the word itself (the lemmatizer reads "staged"
    as "stag"): a lexicon lookup tries each in turn."""
    lower = token.lower_
    keys = [token.lemma_.lower(), lower]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                                ("ing", ""), ("ing", "e")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            keys.append(stem + replacement)
            if not replacement and len(stem) > 3 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "expelling" → "expel"
    return tuple(dict.fromkeys([*keys, *_hyphenated(token, keys)]))


def _hyphenated(token: Token, keys: list[str]) -> list[str]:
    """The keys of a word written with a hyphen that the tokenizer split ("sit-in" is "sit", "-",
    "in"; "shoot-outs" is "shoot", "-", "outs"), as the last part's keys joined to the first part,
    with the hyphen and without ("cease-fire" is a "ceasefire")."""
    first = hyphen_start(token)
    if first is None:
        return []
    return [f"{first.lower_}{joint}{key}" for key in keys if key for joint in ("-", "")]


def hyphen_start(token: Token) -> Token | None:
    """The first part of the hyphenated word the token ends ("sit" of "sit-in"), if it ends one."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return doc[i - 2]


def hyphen_first_part(token: Token) -> bool:
    """Is the token the first part of a hyphenated word ("fire" of "fire-fight")? It names no
    event of its own: the word it begins does."""
    doc, i = token.doc, token.i
    return i + 2 < len(doc) and not token.whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_


def lemma_in(token: Token, words: Collection[str]) -> bool:
    """Any of the token's look-up keys is one of ``words``."""
    return any(k in words for k in lemma_keys(token))


def is_passive(token: Token) -> bool:
    return has_child(token, ("nsubjpass", "auxpass"))


def objects(token: Token) -> list[Token]:
    """Direct objects (or passive subjects) and their conjuncts."""
    out = []
    for obj in children(token, "dobj", "nsubjpass"):
        out.append(obj)
        out.extend(children(obj, "conj"))
    return out


def memo_on_docs(name: str) -> None:
    """Register a per-Doc memo (``doc._.name``), as spaCy components keep what they compute."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


memo_on_docs("eventwire_text")


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once per Doc (spaCy joins every token each time it is asked)."""
    if doc._.eventwire_text is None:
        doc._.eventwire_text = doc.text
    return doc._.eventwire_text


PHRASE_INNER = frozenset({"compound", "amod", "nmod", "poss", "case"})  # the words inside a noun phrase


def phrase_head(token: Token) -> Token:
    """The head of the noun phrase a word is inside of ("Cirith" → "Ungol", "Gondor's" → its noun)."""
    while token.dep_ in PHRASE_INNER and token.head != token:
        token = token.head
    return token
