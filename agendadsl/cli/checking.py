"""The body of ``agenda check``, without typer: cli/check.py is its typer definition, and the fast
path (cli/fast.py) calls this directly."""

from __future__ import annotations

import sys

from ..language.diagnostics import AgendaError
from .common import ColorMode, OutputFormat, analyse_file, usage_error, use_color
from .report import EXIT_USAGE, FileReport


def check(files: list[str], output_format: OutputFormat, strict: bool, color: ColorMode, jobs: int | None) -> None:
    """Check each file (a folder stands for its agendas), print the diagnostics, and exit with the
    code report.py decides (SystemExit: 0, 1, or 2 when a file could not be read)."""
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
    raise SystemExit(EXIT_USAGE if unreadable else exit_code(reports, strict=strict))


def report_of(path: str) -> FileReport | str:
    """The report of one file, or why it could not be read (a worker's job: values that pickle)."""
    try:
        return analyse_file(path)[0]
    except AgendaError as problem:
        return str(problem)
