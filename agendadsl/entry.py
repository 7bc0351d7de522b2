"""The ``agenda`` command's entry point: answers ``--version`` before loading the CLI framework,
so that the commonest health check of an installation stays fast."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"agenda {__version__}\n")
        return
    from .cli import main as run

    run()
