"""The ``agenda`` command: thin commands over the public API.

Diagnostics go to stderr, data to stdout. Exit codes: 0 ok, 1 problems found, 2 usage or I/O
error; report.py decides them, main() makes sure nothing else escapes as a traceback.
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
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


def _use_color(mode: ColorMode, stream=None) -> bool:
    if mode is ColorMode.auto:
        return (stream or sys.stderr).isatty() and not os.environ.get("NO_COLOR")
    return mode is ColorMode.always


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Agenda files or folders (their *.agenda files) to check; "
                                               "'-' reads standard input.")],
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

    from .files import expand

    try:
        paths = expand(files)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        raise typer.Exit(EXIT_USAGE) from None
    reports = []
    unreadable: list[tuple[str, str]] = []
    for path in paths:
        try:
            reports.append(_analyse(path)[0])
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {problem}\n")
            unreadable.append((path, str(problem)))
    if output_format is OutputFormat.json:
        sys.stdout.write(to_json(reports, strict=strict, unreadable=unreadable))
    else:
        use_color = _use_color(color)
        for report in reports:
            sys.stderr.write(format_text(report, color=use_color))
        sys.stderr.write(summary(reports, len(unreadable)) + "\n")
    raise typer.Exit(EXIT_USAGE if unreadable else exit_code(reports, strict=strict))


class ViewChoice(str, enum.Enum):
    public = "public"
    annotated = "annotated"
    internal = "internal"


@app.command()
def render(
    files: Annotated[list[str], typer.Argument(help="Agendas to render; '-' reads standard input.")],
    to: Annotated[str, typer.Option("--to", "-t", help="Formats, comma-separated: html, latex, markdown, json, "
                                    "ics, pdf.")] = "html",
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="A folder (one file per input and format), a file (one input, one format), "
        "or '-' for standard output (the default for one input in one text format).")] = None,
    view: Annotated[ViewChoice, typer.Option(help="public: the published agenda; annotated: with the '>' "
                                             "notes; internal: a run sheet with internal items and notes.")]
    = ViewChoice.public,
    language: Annotated[Optional[str], typer.Option("--language", "-l", help="Language of dates and labels "
                                                    "(default: the header's language:).")] = None,
    templates: Annotated[Optional[Path], typer.Option(help="A house style: a folder whose <format>/ "
                                                      "templates replace the built-in ones of the same name.")]
    = None,
    fragment: Annotated[bool, typer.Option(help="LaTeX: only the body, to \\input into a larger document.")]
    = False,
    final: Annotated[bool, typer.Option(help="Refuse to publish while anything is still 'tbc', and list it.")]
    = False,
    changes_since: Annotated[Optional[str], typer.Option(
        "--changes-since", help="A revised agenda: mark what changed since this earlier version (a file, or "
        "REVISION:PATH in git) and summarise it at the top.")] = None,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
) -> None:
    """Render agendas to HTML, LaTeX, PDF, Markdown, iCalendar or JSON.

    An agenda with errors is not rendered: its diagnostics are shown instead (exit 1).
    """
    from .publish import parse_formats, plan

    try:
        formats = parse_formats(to)
        targets = plan(files, formats, output)
        options = _render_options(view, language, templates, fragment)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        raise typer.Exit(EXIT_USAGE) from None
    if changes_since is not None:
        from dataclasses import replace

        earlier = _load_version(changes_since, color)
        if earlier is None:
            raise typer.Exit(EXIT_PROBLEMS)
        options = replace(options, since=(changes_since, earlier))
    status = 0
    for source in dict.fromkeys(t.source for t in targets):
        outcome = _render_one(source, [t for t in targets if t.source == source], options, final, color)
        status = max(status, outcome)
    raise typer.Exit(status)


def _render_options(view: "ViewChoice", language: str | None, templates: Path | None, fragment: bool):
    from .render import Options, View
    from .render.localise import available_languages

    if language is not None and language.lower().split("-")[0] not in available_languages():
        raise AgendaError(f"no wording for language {language!r}; available: {', '.join(available_languages())}")
    if templates is not None and not templates.is_dir():
        raise AgendaError(f"{templates}: not a folder of templates")
    return Options(View(view.value), language, templates, fragment)


def _render_one(source: str, targets: list, options, final: bool, color: "ColorMode") -> int:
    """Render one input to each of its targets; the exit status for it."""
    from .files import write_atomic
    from .render import render_chunks
    from .render.final import unconfirmed
    from .report import FileReport, format_text

    try:
        report, agenda = _analyse(source)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        return EXIT_USAGE
    problems = list(report.diagnostics)
    if agenda is not None and final:
        problems += unconfirmed(agenda)
    if problems:
        sys.stderr.write(format_text(FileReport(source, report.source, problems), color=_use_color(color)))
    if agenda is None or any(d.is_error for d in problems):
        sys.stderr.write(f"{source}: not rendered because of the errors above\n")
        return EXIT_PROBLEMS
    status = 0
    for target in targets:  # one failed format (say, PDF without TeX) does not stop the others
        try:
            chunks = render_chunks(agenda, target.fmt, options)
            if target.path is None:
                # Standard output gets nothing unless the whole render succeeds.
                sys.stdout.buffer.write(b"".join(chunks))
                sys.stdout.flush()
            else:
                target.path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target.path, chunks)
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {source}: {problem}\n")
            status = EXIT_USAGE
        except OSError as problem:
            where = target.path if target.path is not None else "standard output"
            sys.stderr.write(f"agenda: error: {where}: {problem.strerror or problem}\n")
            status = EXIT_USAGE
    return status


@app.command("fmt")
def fmt(
    files: Annotated[list[str], typer.Argument(help="Agenda files or folders to format in place; '-' reads "
                                               "standard input and writes standard output.")],
    check_only: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 and list the files that "
                                             "would change.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="Write nothing; print a unified diff of the "
                                            "changes.")] = False,
    renumber: Annotated[bool, typer.Option("--renumber", help="Also rewrite every explicit number so the "
                                           "numbering is consistent again.")] = False,
    keep_withdrawn: Annotated[bool, typer.Option("--keep-withdrawn", help="With --renumber: withdrawn items "
                                                 "keep their numbers.")] = False,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
) -> None:
    """Rewrite agendas in the one canonical layout, comments kept where they were.

    Nothing is written unless the result is proven to be the same agenda (or, with --renumber,
    the same agenda renumbered), formatting it again changes nothing, and no comment is lost.
    """
    from .files import expand
    from .fmt_command import format_files

    try:
        paths = expand(files)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(format_files(paths, check_only=check_only, show_diff=show_diff, renumber=renumber,
                                  keep_withdrawn=keep_withdrawn, color=_use_color(color)))


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="The earlier agenda: a file, or REVISION:PATH in git.")],
    new: Annotated[str, typer.Argument(help="The later agenda: a file, or REVISION:PATH in git.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text for people, json for "
                                                        "tools.")] = OutputFormat.text,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the changes.")] = ColorMode.auto,
) -> None:
    """Show what changed between two versions of an agenda, item by item.

    Items are matched by label, then by title, so an insertion reports one added item and the
    renumberings it caused, not a wall of changed lines. Exit 0 whatever the changes (like
    git diff without --exit-code); 1 when a version has errors; 2 when one cannot be read.
    """
    from .changes import diff
    from .diff_output import format_text, to_json

    agendas = []
    for spec in (old, new):
        agenda = _load_version(spec, color)
        if agenda is None:
            raise typer.Exit(EXIT_PROBLEMS)
        agendas.append(agenda)
    changes = diff(agendas[0], agendas[1])
    if output_format is OutputFormat.json:
        sys.stdout.write(to_json(changes, old, new))
    else:
        sys.stdout.write(format_text(changes, old, new, color=_use_color(color, sys.stdout)))


@app.command("git-diff-driver", hidden=True)
def git_diff_driver(
    arguments: Annotated[list[str], typer.Argument(help="The seven arguments git gives a diff driver.")],
) -> None:
    """git's external diff driver for *.agenda files (docs/git.md): a semantic diff."""
    from .changes import diff
    from .diff_output import format_text

    if len(arguments) < 7:
        sys.stderr.write("agenda: error: git-diff-driver takes the 7 arguments git passes to a diff driver\n")
        raise typer.Exit(EXIT_USAGE)
    path, old_file, new_file = arguments[0], arguments[1], arguments[4]
    old_agenda = _load_version(old_file, ColorMode.never, empty_ok=True)
    new_agenda = _load_version(new_file, ColorMode.never, empty_ok=True)
    if old_agenda is None or new_agenda is None:
        import difflib
        from pathlib import Path as _Path

        sys.stdout.write(f"agenda: {path}: a version has errors, so here is the line diff\n")
        texts = [_Path(f).read_text(encoding="utf-8", errors="replace").splitlines(True)
                 if f != "/dev/null" else [] for f in (old_file, new_file)]
        sys.stdout.writelines(difflib.unified_diff(texts[0], texts[1], f"a/{path}", f"b/{path}"))
        return
    sys.stdout.write(f"agenda diff {path}\n")
    sys.stdout.write(format_text(diff(old_agenda, new_agenda), f"a/{path}", f"b/{path}",
                                 color=_use_color(ColorMode.auto, sys.stdout)))


def _load_version(spec: str, color: "ColorMode", empty_ok: bool = False):
    """The agenda of one version, or None after printing why not."""
    from . import parse
    from .nodes import Agenda, Meeting
    from .report import FileReport, format_text
    from .revisions import read_version

    if empty_ok and spec == "/dev/null":
        return Agenda(Meeting())
    try:
        source, diagnostics = read_version(spec)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        raise typer.Exit(EXIT_USAGE) from None
    if source is None:
        sys.stderr.write(format_text(FileReport(spec, None, diagnostics), color=_use_color(color)))
        return None
    result = parse(source)
    if result.agenda is None:
        sys.stderr.write(format_text(FileReport(spec, source, list(result.diagnostics)), color=_use_color(color)))
        return None
    return result.agenda


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
