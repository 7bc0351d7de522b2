"""``agenda check``: parse and check agendas, report every diagnostic (the body: checking.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import checking
from .common import ColorMode, OutputFormat
from .options import JobsOption


def check(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE|DIR...", help="Agenda files or folders (their *.agenda files) to check; '-' reads "
        "standard input.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for tools.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")] = False,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the text output.")] = ColorMode.auto,
    jobs: JobsOption = None,
) -> None:
    """Check agendas for numbering, date and reference problems.

    Exits 0 when no error was found (warnings allowed unless --strict), 1 when problems were
    found, 2 when a file could not be read.
    """
    checking.check(files=files, output_format=output_format, strict=strict, color=color, jobs=jobs)
