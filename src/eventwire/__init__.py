"""eventwire: English news stories to political event data, with the words each event came from.

The library's entry point is ``eventwire.Coder`` (see ``eventwire.coder``)."""

from eventwire.coder import Coder
from eventwire.lexicons import LexiconError, Lexicons

__version__ = "0.7.0"
__all__ = ["Coder", "LexiconError", "Lexicons", "__version__"]
