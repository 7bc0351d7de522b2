"""Pausing the garbage collector while large structures are built: the parse, the checks and the
render each make hundreds of thousands of small objects that live on and form no reference cycles.

Python's cyclic garbage collector does not know that: every few hundred allocations it runs, and
its full passes walk the whole growing tree again. On a 100,000-item agenda that was 40% of the
time (12.3 s -> 7.1 s to parse) and made the time per item grow with the size of the agenda.
Reference counting still frees everything as usual while the collector is paused.

When the collector starts again, its next pass still walks every object the paused block made:
after parsing 200,000 items, about 0.3 s for nothing, since the syntax tree lives until the
command ends. A process that runs one command and exits (the installed ``agenda check``,
``render``, ``fmt`` or ``diff``: cli/entry.py says so) hands such lasting results to
``gc.freeze()`` instead, which takes them out of the collector's sight; reference counting still
frees them. A long-running process (the language server, ``watch``, ``serve``, a program that
imports the library) never freezes anything: what it built stays collectable.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


class _Process:
    one_command = False
    """Set once, by one_command_process()."""


def one_command_process() -> None:
    """Declare that this process runs one command and then exits: the results of blocks paused
    with ``lasting=True`` are frozen (the module's docstring says why that is safe only here)."""
    _Process.one_command = True


@contextlib.contextmanager
def collector_paused(*, lasting: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; safe to nest. ``lasting``: what the block
    builds lives until the process ends (the syntax tree), so in a one-command process it is
    frozen when the block ends without an exception (a failed parse's leftovers stay collectable)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        if lasting and _Process.one_command:
            gc.freeze()
    finally:
        gc.enable()
