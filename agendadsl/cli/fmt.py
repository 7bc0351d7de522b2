"""``agenda fmt``: read each file, format (and renumber) it, prove the result, then write it,
print a diff, or only report."""

from __future__ import annotations

import difflib
import sys
from typing import Annotated

import typer

from ..language.diagnostics import AgendaError
from .common import ColorMode, usage_error, use_color
from .report import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, FileReport, format_text


def fmt(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE|DIR...", help="Agenda files or folders to format in place; '-' reads standard input and "
        "writes standard output.")],
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

    try:
        paths = expand(files)
    except AgendaError as problem:
        usage_error(problem)
    raise typer.Exit(format_files(paths, check_only=check_only, show_diff=show_diff, renumber=renumber,
                                  keep_withdrawn=keep_withdrawn, color=use_color(color)))


def format_files(files: list[str], *, check_only: bool, show_diff: bool, renumber: bool, keep_withdrawn: bool,
                 color: bool) -> int:
    """Format each file; the exit status: 0 done (or nothing to change), 1 problems or files that
    would change under --check, 2 unreadable input or a failed safety guard."""
    status = EXIT_OK
    changed = failed = 0
    for path in files:
        try:
            outcome = _format_one(path, check_only=check_only, show_diff=show_diff, renumber=renumber,
                                  keep_withdrawn=keep_withdrawn, color=color)
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {problem}\n")
            status = max(status, EXIT_USAGE)
            failed += 1
            continue
        if outcome == "problems":
            status = max(status, EXIT_PROBLEMS)
            failed += 1
        elif outcome == "changed":
            changed += 1
            if check_only:
                status = max(status, EXIT_PROBLEMS)
    if files != ["-"]:
        verb = "would be reformatted" if check_only or show_diff else "reformatted"
        unchanged = len(files) - changed - failed
        tail = f", {failed} not formatted" if failed else ""
        sys.stderr.write(f"{changed} file{'s' if changed != 1 else ''} {verb}, {unchanged} left unchanged{tail}\n")
    return status


def _format_one(path: str, *, check_only: bool, show_diff: bool, renumber: bool, keep_withdrawn: bool,
                color: bool) -> str:
    from ..edit.formatter import FormatError, format_agenda
    from ..edit.renumbering import renumber as renumbered
    from ..language.parser import parse
    from .files import read_source, write_atomic

    source, diagnostics = read_source(path)
    if source is None:
        sys.stderr.write(format_text(FileReport(path, None, diagnostics), color=color))
        return "problems"
    result = parse(source)
    errors = [d for d in result.diagnostics if d.is_error]
    if result.agenda is None or errors:
        sys.stderr.write(format_text(FileReport(path, source, errors), color=color))
        sys.stderr.write(f"{path}: not formatted because of the errors above\n")
        return "problems"
    agenda = renumbered(result.agenda, keep_withdrawn=keep_withdrawn) if renumber else result.agenda
    if renumber:
        from ..language.resolution import resolve

        left = [d for d in resolve(agenda).diagnostics if d.is_error]
        if left:
            line = left[0].span.line
            raise AgendaError(f"{path}: not renumbered: the numbers kept for withdrawn items leave no room for the "
                              f"items before them (around line {line}); renumber without --keep-withdrawn, or "
                              "move the withdrawn item")
    try:
        formatted = format_agenda(agenda, source.text)
    except FormatError as problem:
        raise AgendaError(f"{path}: not formatted: {problem}") from None
    if show_diff and formatted.changed:
        name = "stdin" if path == "-" else path
        sys.stdout.writelines(difflib.unified_diff(source.text.splitlines(True), formatted.text.splitlines(True),
                                                   f"{name} (original)", f"{name} (formatted)"))
    if path == "-" and not (check_only or show_diff):
        sys.stdout.write(formatted.text)
    elif check_only and formatted.changed:
        sys.stderr.write(f"would reformat {path}\n")
    elif formatted.changed and not (check_only or show_diff):
        write_atomic(path, formatted.text.encode("utf-8"))
        sys.stderr.write(f"reformatted {path}\n")
    return "changed" if formatted.changed else "unchanged"
