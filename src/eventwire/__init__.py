"""eventwire: English news stories to political event data, with the words each event came from."""

__version__ = "0.6.0"
