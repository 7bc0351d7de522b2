"""How a command ends, whichever path ran it: what typer's main does with what a command's body
raises, and what ``app.main`` lets escape from the whole run (nothing: a bug is one line, exit 70).

Both rules live here, without typer, so that the fast path (fast.py) ends a command exactly as a
run through typer does; tests/test_fast_cli.py holds the two to the same exit code and output.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from typing import IO, Any, NoReturn

from ..language.diagnostics import AgendaError
from .report import EXIT_USAGE, internal_error

_debug = [False]
"""Set by --debug: a bug shows its whole traceback."""


def configure(debug: bool) -> None:
    """The app's own options (before the command), as its root callback and the fast path set them."""
    _debug[0] = debug


def run_guarded(run: Callable[[], object]) -> None:
    """Run the command line: a user's mistake that escapes a command is one line and exit 2, an
    interrupt exit 130, a closed pipe exit 0, and anything else a bug (exit 70). A missing module
    goes on to entry.py, which names the dependency that is not installed."""
    try:
        run()
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("agenda: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except ModuleNotFoundError:
        raise  # entry.py names a missing dependency, or reports the bug
    except Exception as bug:  # the last guard: whatever escapes is a bug of agendadsl
        internal_error(bug, debug=_debug[0])


def end_command(body: Callable[..., object], arguments: dict[str, Any]) -> NoReturn:
    """Call a command's body as typer's main does (typer/core.py ``_main``) and exit: 0 when it
    returns, its own code when it exits, 130 on Ctrl-C, "Aborted!" and 1 at the end of standard
    input, 1 on a closed pipe (the streams then flush quietly at exit)."""
    try:
        body(**arguments)
    except EOFError:
        sys.stderr.write("\n")
        sys.stderr.flush()
        sys.stderr.write("Aborted!\n")
        sys.stderr.flush()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as problem:
        if problem.errno != errno.EPIPE:
            raise
        sys.stdout = _QuietFlush(sys.stdout)
        sys.stderr = _QuietFlush(sys.stderr)
        sys.exit(1)
    sys.exit(0)


class _QuietFlush:
    """A stream whose flush ignores a closed pipe (click's PacifyFlushWrapper): the interpreter
    flushes standard output and error at exit, after the reader has gone."""

    def __init__(self, wrapped: IO[Any]) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as problem:
            if problem.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
