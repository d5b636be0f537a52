"""eventwire: English news stories to political event data, with the words each event came from.

The library's entry point is ``eventwire.Coder`` (see ``eventwire.coder``); it is imported on first
use, so that commands which code nothing start without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.8.0"
__all__ = ["Coder", "LexiconError", "Lexicons", "__version__"]

if TYPE_CHECKING:
    from eventwire.coder import Coder
    from eventwire.lexicons import LexiconError, Lexicons


def __getattr__(name: str) -> Any:
    if name == "Coder":
        from eventwire.coder import Coder

        return Coder
    if name in ("Lexicons", "LexiconError"):
        from eventwire import lexicons

        return getattr(lexicons, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
