"""Pausing the garbage collector while large structures are built: the parse, the checks and the
render each make hundreds of thousands of small objects that live on and form no reference cycles.

Python's cyclic garbage collector does not know that: every few hundred allocations it runs, and
its full passes walk the whole growing tree again. On a 100,000-item agenda that was 40% of the
time (12.3 s -> 7.1 s to parse) and made the time per item grow with the size of the agenda.
Reference counting still frees everything as usual while the collector is paused.

When the collector starts again, its next pass still walks every object the paused block made:
after parsing 200,000 items, about 0.3 s for the syntax tree, which lives until the command ends;
after rendering them, about 0.25 s for the view, which is dropped a moment later. A process that
runs one command and exits (the installed ``agenda check``, ``render``, ``fmt`` or ``diff``:
cli/entry.py says so) hands what such a block made to ``gc.freeze()`` instead, which takes it out
of the collector's sight; reference counting still frees it. What freezing keeps for good is
only the block's garbage in reference cycles: 16 objects after a parse and check of 200,000 items,
16 after their render (measured with gc.DEBUG_SAVEALL). A
long-running process (the language server, ``watch``, ``serve``, a program that imports the
library) never freezes anything: what it built stays collectable.
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
    with ``then_freeze=True`` are frozen (the module's docstring says why that is safe only here)."""
    _Process.one_command = True


@contextlib.contextmanager
def collector_paused(*, then_freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; safe to nest. ``then_freeze``: the block
    makes next to no cyclic garbage, so in a one-command process what it made is frozen when it
    ends without an exception, not walked (a failed parse's leftovers stay collectable)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        if then_freeze and _Process.one_command:
            gc.freeze()
    finally:
        gc.enable()
