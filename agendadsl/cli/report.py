"""The one place that prints diagnostics: compiler-style text with an excerpt and a caret, or
versioned JSON for tools; and the exit-code policy (0 ok, 1 problems found, 2 usage or I/O, 70 internal error)."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from ..language.diagnostics import Diagnostic, Severity
from ..language.source import SourceFile

JSON_VERSION = 1
EXCERPT_WIDTH = 100
"""Longest excerpt of a source line shown under a diagnostic (long lines are cut around the caret)."""

MESSAGE_WIDTH = 300
"""Longest message, hint or note printed (the longest the checks write is about 220 characters; one that
quotes a huge piece of input is cut, as excerpts are)."""

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 70
"""A bug in agendadsl, never a problem of the input: EX_SOFTWARE of sysexits.h, so that scripts and CI
can tell it from 1 (problems found) and 2 (usage or I/O)."""


def internal_error(bug: BaseException, *, debug: bool) -> NoReturn:
    """One line for a bug instead of a traceback (the traceback with ``debug`` or AGENDA_DEBUG=1).
    The exception's own message is left out: it may quote the input, control characters included."""
    import traceback  # only a bug pays for it

    if debug or os.environ.get("AGENDA_DEBUG") == "1":
        traceback.print_exception(bug)
    frames = traceback.extract_tb(bug.__traceback__)
    at = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    sys.stderr.write(f"agenda: internal error: {type(bug).__name__}{at}; please report it to the agendadsl "
                     "maintainers with the command and the input that caused it (run it again with --debug, "
                     "or AGENDA_DEBUG=1, for the details)\n")
    sys.exit(EXIT_INTERNAL)


@dataclass(frozen=True)
class FileReport:
    """The diagnostics of one input, with its source when it could be decoded."""

    path: str
    source: SourceFile | None
    diagnostics: Sequence[Diagnostic]


def exit_code(reports: Sequence[FileReport], *, strict: bool) -> int:
    """1 when any error (or, with ``strict``, any warning) was found, else 0."""
    for report in reports:
        for diagnostic in report.diagnostics:
            if diagnostic.is_error or strict:
                return EXIT_PROBLEMS
    return EXIT_OK


def format_text(report: FileReport, *, color: bool = False) -> str:
    """Every diagnostic of one file, rustc/ruff style."""
    return "".join(_one(report, d, color) for d in report.diagnostics)


def summary(reports: Sequence[FileReport], unreadable: int = 0) -> str:
    if unreadable:
        read = summary(reports) if reports else "no file checked"
        return f"{read}; {unreadable} file{'s' if unreadable != 1 else ''} could not be read"
    errors = sum(d.is_error for r in reports for d in r.diagnostics)
    warnings = sum(not d.is_error for r in reports for d in r.diagnostics)
    files = len(reports)
    if not errors and not warnings:
        return f"{files} file{'s' if files != 1 else ''} checked: no problems found"
    return (f"{files} file{'s' if files != 1 else ''} checked: {errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}")


_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m"}
_BOLD, _BLUE, _RESET = "\x1b[1m", "\x1b[1;34m", "\x1b[0m"


def _one(report: FileReport, d: Diagnostic, color: bool) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    span = d.span
    head = (f"{paint(f'{report.path}:{span.line}:{span.column}:', _BOLD)} "
            f"{paint(f'{d.severity.value}[{d.code}]', _COLORS[d.severity])}: {_shown(d.message)}\n")
    lines = [head]
    if report.source is not None:
        lines.extend(_excerpt(report.source, span.line, span.column,
                              span.end_column if span.end_line == span.line else None, paint))
    for related in d.related:
        lines.append(f"  {paint('note', _BLUE)}: {_shown(related.message)} at "
                     f"{report.path}:{related.span.line}:{related.span.column}\n")
    if d.hint:
        lines.append(f"  {paint('hint', _BLUE)}: {_shown(d.hint)}\n")
    return "".join(lines)


def _excerpt(source: SourceFile, line: int, column: int, end_column: int | None, paint) -> list[str]:
    text = source.line(line)
    if not text and line > source.line_count:
        return []
    start = column - 1
    end = max(start + 1, (end_column or column + 1) - 1)
    # Cut long lines around the caret so a 10 MB line prints as one screen line.
    left = max(0, start - EXCERPT_WIDTH // 2)
    shown = text[left : left + EXCERPT_WIDTH]
    prefix = "…" if left > 0 else ""
    suffix = "…" if left + EXCERPT_WIDTH < len(text) else ""
    shown_display = "".join(_visible(c) for c in shown)
    pad = _width("".join(_visible(c) for c in shown[: max(0, start - left)])) + len(prefix)
    carets = max(1, _width("".join(_visible(c) for c in shown[max(0, start - left) : end - left])))
    gutter = str(line)
    blank = " " * len(gutter)
    return [
        f"{paint(blank + ' |', _BLUE)}\n",
        f"{paint(gutter + ' |', _BLUE)} {prefix}{shown_display}{suffix}\n",
        f"{paint(blank + ' |', _BLUE)} {' ' * pad}{paint('^' * min(carets, EXCERPT_WIDTH), _BOLD)}\n",
    ]


def _shown(message: str) -> str:
    """A message as printed: cut to MESSAGE_WIDTH, with the input it quotes made harmless."""
    cut = message[:MESSAGE_WIDTH] + "…" if len(message) > MESSAGE_WIDTH else message
    return printable(cut, tabs=False)


def printable(text: str, *, tabs: bool = True) -> str:
    """``text`` safe for a terminal: control and format characters as in the excerpts (an escape
    sequence would set the terminal's title or colours, or a bidi override reorder the line),
    line ends (CRLF too, but not a lone CR, which would overwrite the line) and, with ``tabs``, tabs kept."""
    return "\r\n".join("".join(char if char == "\n" or (tabs and char == "\t") or char.isprintable() or char == " "
                               else _visible(char) for char in part) for part in text.split("\r\n"))


def _visible(char: str) -> str:
    """Show tabs as spaces and control characters as their Unicode pictures, so the caret lines up."""
    if char == "\t":
        return "    "
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return "\ufffd" if ord(char) > 0x20 else chr(0x2400 + ord(char))
    if category == "Cf":  # bidi overrides and zero-width characters would reorder or hide the excerpt
        return "\ufffd"
    return char


def visible(text: str) -> str:
    """Text from an agenda made safe for a terminal: control characters (an escape sequence that
    retitles the window or moves the cursor) and bidi overrides shown as symbols, as in excerpts."""
    return text if text.isprintable() else "".join(map(_visible, text))


def _width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 0 if unicodedata.combining(c) else 1
               for c in text)


def to_json(reports: Sequence[FileReport], *, strict: bool, unreadable: Sequence[tuple[str, str]] = ()) -> str:
    """The versioned JSON document of ``agenda check --format json`` (docs/json.md).
    ``unreadable`` lists (path, message) of inputs that could not be read (exit code 2)."""
    document = {
        "version": JSON_VERSION,
        "files": [
            {
                "path": report.path,
                "diagnostics": [_diagnostic_json(d) for d in report.diagnostics],
            }
            for report in reports
        ],
        "unreadable": [{"path": path, "message": message} for path, message in unreadable],
        "summary": {
            "errors": sum(d.is_error for r in reports for d in r.diagnostics),
            "warnings": sum(not d.is_error for r in reports for d in r.diagnostics),
            "exit_code": EXIT_USAGE if unreadable else exit_code(reports, strict=strict),
        },
    }
    import json  # only --format json pays for it

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _diagnostic_json(d: Diagnostic) -> dict:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "span": d.span.as_dict(),
        "hint": d.hint,
        "related": [{"message": r.message, "span": r.span.as_dict()} for r in d.related],
    }
