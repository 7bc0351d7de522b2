"""The ``agenda`` command's entry point: answers ``--version`` before loading the CLI framework,
so that the commonest health check of an installation stays fast, runs the everyday commands
without typer when the fast path (fast.py) reads their whole command line, and ends a finished
command without the interpreter's teardown."""

from __future__ import annotations

import os
import sys


def script() -> None:
    """The installed ``agenda`` command: :func:`main`, then a fast exit.

    Tearing the interpreter down frees every object one by one: 30 ms after checking the sample
    agenda, seconds after rendering 100,000 items. It is skipped only once the command has finished
    (every file it wrote is closed and atomically renamed before its function returns), standard
    output and error are flushed, and no other thread runs; otherwise Python exits as usual."""
    if sys.argv[1:2] and sys.argv[1] in _ONE_COMMAND:
        from ..support.gcpause import one_command_process

        one_command_process()
    try:
        main()
        code: str | int | None = 0
    except SystemExit as done:
        code = done.code
    if not isinstance(code, int | None):
        sys.exit(code)  # a message to print: the ordinary way
    import threading

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream: let Python report and exit as usual
        sys.exit(code)
    if threading.active_count() > 1:
        sys.exit(code)
    os._exit(code or 0)


def main() -> None:
    """Run the ``agenda`` command in this process (it returns, or raises SystemExit)."""
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"agenda {__version__}\n")
        return
    try:
        from .fast import run as run_fast

        run_fast(sys.argv[1:])  # returns only when typer must read the command line
        from .app import main as run

        run()
    except ModuleNotFoundError as missing:
        # A broken installation (run from a checkout, or a dependency removed) gets one clear
        # line, not a traceback; a missing module that is not a dependency is a bug, reported as one.
        package = (missing.name or "").partition(".")[0]
        from .report import EXIT_USAGE, internal_error

        if package not in _DEPENDENCIES:
            internal_error(missing, debug="--debug" in sys.argv[1:])

        sys.stderr.write(f"agenda: error: the Python package '{package}' that agendadsl needs is not installed; "
                         "install agendadsl with pip (see the README), which installs it too\n")
        sys.exit(EXIT_USAGE)


_ONE_COMMAND = {"check", "render", "fmt", "diff"}
"""The commands that run once and end: what their parse builds may be frozen (support/gcpause.py).
Not watch, serve or the language server, which parse again and again in one process."""

_DEPENDENCIES = {"typer", "lark", "jinja2", "markupsafe", "babel", "icalendar", "pygls", "lsprotocol",
                 "platformdirs", "rapidfuzz"}
"""The packages agendadsl imports that pyproject.toml's dependencies install."""
