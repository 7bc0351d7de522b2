"""The ``agenda`` command: thin commands over the public API.

Diagnostics go to stderr, data to stdout. Exit codes: 0 ok, 1 problems found, 2 usage or I/O
error; report.py decides them, main() makes sure nothing else escapes as a traceback.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, Optional

import typer

from . import __version__
from .diagnostics import AgendaError
from .report import EXIT_PROBLEMS, EXIT_USAGE, FileReport

app = typer.Typer(
    name="agenda",
    help="Check and publish meeting agendas written in the agendadsl language.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"


class ColorMode(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


class RenderFormat(str, enum.Enum):
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"agenda {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check and publish meeting agendas written in the agendadsl language."""


def _analyse(path: str) -> tuple[FileReport, object]:
    from . import analyse
    from .files import read_source

    source, diagnostics = read_source(path)
    if source is None:
        return FileReport(path, None, diagnostics), None
    agenda, found = analyse(source)
    return FileReport(path, source, found), agenda


def _use_color(mode: ColorMode) -> bool:
    if mode is ColorMode.auto:
        return sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    return mode is ColorMode.always


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Agenda files to check; '-' reads standard input.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text for people, json for tools.")
    ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")] = False,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the text output.")] = ColorMode.auto,
) -> None:
    """Check agendas for numbering, date and reference problems.

    Exits 0 when no error was found (warnings allowed unless --strict), 1 when problems were
    found, 2 when a file could not be read.
    """
    from .report import exit_code, format_text, summary, to_json

    reports = []
    unreadable = False
    for path in files:
        try:
            reports.append(_analyse(path)[0])
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {problem}\n")
            unreadable = True
    if output_format is OutputFormat.json:
        sys.stdout.write(to_json(reports, strict=strict))
    else:
        use_color = _use_color(color)
        for report in reports:
            sys.stderr.write(format_text(report, color=use_color))
        sys.stderr.write(summary(reports) + "\n")
    raise typer.Exit(EXIT_USAGE if unreadable else exit_code(reports, strict=strict))


@app.command()
def render(
    file: Annotated[str, typer.Argument(help="The agenda to render; '-' reads standard input.")],
    to: Annotated[RenderFormat, typer.Option("--to", "-t", help="Output format.")] = RenderFormat.json,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
) -> None:
    """Render an agenda. An agenda with errors is not rendered: its diagnostics are shown instead."""
    from .files import write_atomic
    from .render import to_json
    from .report import format_text

    try:
        report, agenda = _analyse(file)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        raise typer.Exit(EXIT_USAGE) from None
    if report.diagnostics:
        sys.stderr.write(format_text(report, color=_use_color(color)))
    if agenda is None or any(d.is_error for d in report.diagnostics):
        sys.stderr.write(f"{file}: not rendered because of the errors above\n")
        raise typer.Exit(EXIT_PROBLEMS)
    text = to_json(agenda)
    if output is None or output == "-":
        sys.stdout.write(text)
    else:
        try:
            write_atomic(output, text.encode("utf-8"))
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {problem}\n")
            raise typer.Exit(EXIT_USAGE) from None


def main() -> None:
    """Entry point of the ``agenda`` command."""
    try:
        app()
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("agenda: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
