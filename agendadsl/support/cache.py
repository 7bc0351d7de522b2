"""The per-user cache of work that does not depend on the agenda: Lark's analysed grammar and
Jinja's compiled templates. Without it every run would spend about 0.1 s re-deriving them.

The cache lives in ``$AGENDA_CACHE_DIR``, else in the platform's cache folder for the user
(platformdirs: ``$XDG_CACHE_HOME/agendadsl`` or ``~/.cache/agendadsl`` on Linux,
``~/Library/Caches/agendadsl`` on macOS, ``%LOCALAPPDATA%\\agendadsl\\Cache`` on Windows). Its
files are code and pickles, so a folder that other users can write to is never used (a shared
/tmp would let another user run code as you); :func:`is_private` says how that is decided on each
platform. Setting ``AGENDA_CACHE_DIR`` to an empty string turns the cache off. Anything unusable
simply means no cache: correctness never depends on it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import stat
from pathlib import Path
from typing import Any


@functools.cache
def cache_dir() -> Path | None:
    """The cache directory, created if needed, or None when there is no safe one."""
    configured = os.environ.get("AGENDA_CACHE_DIR")
    if configured is not None:
        if not configured:
            return None
        path = Path(configured)
    else:
        try:
            path = _platform_cache_dir()
        except (OSError, ValueError, KeyError, ImportError):  # Windows with no profile folder, for one
            return None
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return path if is_private(path) else None


def _platform_cache_dir() -> Path:
    # Imported here: most of its cost is paid only by the runs that look for the folder.
    import platformdirs

    return Path(platformdirs.user_cache_dir("agendadsl", appauthor=False))


def is_private(path: Path) -> bool:
    """Whether only the current user can write to the folder ``path``.

    Where the system has user ids (Linux, macOS, the BSDs), the folder must be the user's own and
    not writable by its group or by others. Windows has no user ids, and its permission bits say
    nothing about other users (access is decided by ACLs), so there the folder must lie inside the
    user's profile folder, which Windows keeps private to its owner; any other folder, a shared
    drive or ``C:\\Temp``, is refused."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not os.access(path, os.W_OK):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return _inside_profile(path)


def _inside_profile(path: Path) -> bool:
    profile = os.environ.get("USERPROFILE") or os.path.expanduser("~")
    if not profile or profile == "~":
        return False
    try:
        return path.resolve().is_relative_to(Path(profile).resolve())
    except (OSError, RuntimeError):
        return False


def load_stored(name: str, stamp: Any) -> Any | None:
    """What :func:`store` kept under ``name`` with this very ``stamp`` (the versions and files it
    was derived from), or None: no cache, no such file, another stamp, or a damaged file. The files
    hold marshal data, which loads with no import (json would cost a cold ``agenda check`` 1.5 ms)."""
    import marshal

    folder = cache_dir()
    if folder is None:
        return None
    try:
        stored = marshal.loads((folder / name).read_bytes())
        return stored["value"] if stored["stamp"] == stamp else None
    except (OSError, ValueError, EOFError, KeyError, TypeError, AttributeError):
        return None


def store(name: str, stamp: Any, value: Any) -> None:
    """Keep ``value`` (marshal data: strings, numbers, None, tuples, lists and dicts of them) under
    ``name``, atomically: a reader sees the old file or the new one, never half of one. Failing to
    write only means recomputing next time."""
    import marshal

    folder = cache_dir()
    if folder is None:
        return
    path = folder / name
    temporary = path.with_name(f"{name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(marshal.dumps({"stamp": stamp, "value": value}))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def content_stamp(content: bytes) -> tuple[int, int]:
    """The stamp of a file that a kept value was derived from: a checksum of its bytes and their
    length. Not its time stamp: an edit that keeps the size within the clock's resolution (a second
    on some file systems) would go unseen."""
    import zlib

    return zlib.crc32(content), len(content)


@functools.cache
def babel_version() -> str | None:
    """Babel's version, read from its source without importing Babel (which costs 16 ms): the
    stamp of everything kept here that Babel computed."""
    from importlib.util import find_spec

    try:
        spec = find_spec("babel")
        if spec is None or spec.origin is None:
            return None
        source = Path(spec.origin).read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError, ImportError):
        return None
    match = re.search(r"""__version__\s*=\s*['"]([^'"]+)['"]""", source)
    return match.group(1) if match else None
