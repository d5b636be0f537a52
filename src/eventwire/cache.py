"""Where eventwire keeps what it builds once per machine (the place index, the map's shapes):
``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``. Each file's
name carries what built it, so a change of version or lexicons gives a new file, never a stale one."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("EVENTWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventwire")
    return Path(base)
