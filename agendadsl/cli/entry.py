"""The ``agenda`` command's entry point: answers ``--version`` before loading the CLI framework,
so that the commonest health check of an installation stays fast."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"agenda {__version__}\n")
        return
    try:
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


_DEPENDENCIES = {"typer", "lark", "jinja2", "markupsafe", "babel", "icalendar", "pygls", "lsprotocol",
                 "platformdirs", "rapidfuzz"}
"""The packages agendadsl imports that pyproject.toml's dependencies install."""
