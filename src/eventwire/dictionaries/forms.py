"""The regular forms the formats make by rule (dictionaries.rst): noun plurals for agents, synsets
and issues' ``n:``, verb forms for issues' ``v:``."""

from __future__ import annotations

from eventwire.dictionaries.model import Words


def regular_plural(word: str) -> str:
    """'S' added, 'IES' for a final 'Y', 'ES' for a final 'SS' (the rule as documented)."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("SS"):
        return word + "ES"
    return word + "S"


def plural_phrase(words: Words) -> Words:
    """A phrase's plural: its last word's ('CHAMBER OF COMMERCE' is left to the dictionary)."""
    return (*words[:-1], regular_plural(words[-1]))


def regular_verb_forms(word: str) -> Words:
    """The base form and its 'S', 'ED' and 'ING' forms (a final 'E' or consonant + 'Y' respected;
    no consonant is doubled, which spelling alone cannot tell)."""
    if word.endswith("E"):
        return word, word + "S", word + "D", word[:-1] + "ING"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word, word[:-1] + "IES", word[:-1] + "IED", word + "ING"
    if word.endswith(("S", "SH", "CH", "X", "Z")):
        return word, word + "ES", word + "ED", word + "ING"
    return word, word + "S", word + "ED", word + "ING"
