"""``agenda check``: parse and check agendas, report every diagnostic."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..language.diagnostics import AgendaError
from .common import ColorMode, OutputFormat, analyse_file, usage_error, use_color
from .jobs import JobsOption
from .report import EXIT_USAGE, FileReport


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
    from .files import expand
    from .jobs import in_order
    from .report import exit_code, format_text, summary, to_json

    try:
        paths = expand(files)
    except AgendaError as problem:
        usage_error(problem)
    reports = []
    unreadable: list[tuple[str, str]] = []
    # Standard input is read by this process: one worker at a time then.
    for path, outcome in zip(paths, in_order(report_of, paths, 1 if "-" in paths else jobs), strict=True):
        if isinstance(outcome, FileReport):
            reports.append(outcome)
        else:
            sys.stderr.write(f"agenda: error: {outcome}\n")
            unreadable.append((path, outcome))
    if output_format is OutputFormat.json:
        sys.stdout.write(to_json(reports, strict=strict, unreadable=unreadable))
    else:
        colored = use_color(color)
        for report in reports:
            sys.stderr.write(format_text(report, color=colored))
        sys.stderr.write(summary(reports, len(unreadable)) + "\n")
    raise typer.Exit(EXIT_USAGE if unreadable else exit_code(reports, strict=strict))


def report_of(path: str) -> FileReport | str:
    """The report of one file, or why it could not be read (a worker's job: values that pickle)."""
    try:
        return analyse_file(path)[0]
    except AgendaError as problem:
        return str(problem)
