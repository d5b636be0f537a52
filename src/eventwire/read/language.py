"""Is this English? Told by the share of common English function words, with no model to load.

English news prose runs at 35-50% function words; other Latin-script languages share only a
few of them ("a", "in"), and other scripts have no Latin letters to speak of.
"""

from __future__ import annotations

import re

from eventwire.lexicons import Lexicons

MIN_WORDS = 25  # below this, a verdict would be a guess: accept the text
MIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


def english_verdict(text: str, lexicons: Lexicons | None = None) -> str | None:
    """None when the text reads as English (or is too short to tell), else the reason it does not."""
    sample = text[:20000]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    letters = sum(len(w) for w in words)
    latin = sum(1 for w in words for c in w if c < "\u0250")
    if latin < 0.5 * letters:
        return "not English (mostly non-Latin script)"
    function = (lexicons or Lexicons.packaged()).words("language", "function_words")
    share = sum(1 for w in words if w.lower() in function) / len(words)
    if share < MIN_SHARE:
        return f"not English (only {share:.0%} of its words are common English words)"
    return None
