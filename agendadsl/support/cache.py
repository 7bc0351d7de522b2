"""The per-user cache of work that does not depend on the agenda: Lark's analysed grammar and
Jinja's compiled templates. Without it every run would spend about 0.1 s re-deriving them.

The cache lives in ``$AGENDA_CACHE_DIR``, else ``$XDG_CACHE_HOME/agendadsl``, else
``~/.cache/agendadsl``. Its files are code and pickles, so a directory that someone else owns or
can write to is never used (a shared /tmp would let another user run code as you). Setting
``AGENDA_CACHE_DIR`` to an empty string turns the cache off. Anything unusable simply means no
cache: correctness never depends on it.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path


@functools.cache
def cache_dir() -> Path | None:
    """The cache directory, created if needed, or None when there is no safe one."""
    configured = os.environ.get("AGENDA_CACHE_DIR")
    if configured is not None:
        if not configured:
            return None
        path = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = Path(base) / "agendadsl"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return None
    private = info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return path if private and os.access(path, os.W_OK) else None
