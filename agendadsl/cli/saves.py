"""Each save of a file, as ``agenda watch`` and ``agenda serve`` follow it (with watchfiles)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except OSError:  # between an editor's delete and its rename
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size


def saves(path: Path) -> Iterator[None]:
    """Yield once for every save of ``path`` after the call (not after the first ``next``: call it
    before rendering the file the first time), until Ctrl-C.

    The folder is watched, not the file: editors save by writing a new file and renaming it over
    the old one. The watcher also wakes every half second, and the file's identity, time and size
    decide: so a save made while the watcher was starting is not missed, nor one that only
    replaced the file."""
    return _follow(path, _stamp(path))


def _follow(path: Path, seen: tuple[int, int, int] | None) -> Iterator[None]:
    from watchfiles import watch

    wanted = path.resolve()
    for _ in watch(path.parent, watch_filter=lambda _change, name: Path(name).resolve() == wanted,
                   debounce=200, rust_timeout=500, yield_on_timeout=True, raise_interrupt=False):
        now = _stamp(path)
        if now is not None and now != seen:
            seen = now
            yield

