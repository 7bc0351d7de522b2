"""What ``agenda fmt`` does with each file: read, format (and renumber), prove, then write,
print a diff, or only report. Kept apart from cli.py so the CLI stays a list of thin commands."""

from __future__ import annotations

import difflib
import sys

from .diagnostics import AgendaError
from .report import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, FileReport, format_text


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
    from .files import read_source, write_atomic
    from .formatter import FormatError, format_agenda
    from .parser import parse
    from .renumbering import renumber as renumbered

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
        from .resolution import resolve

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
