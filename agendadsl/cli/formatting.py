"""The body of ``agenda fmt``, without typer: read each file, format (and renumber) it, prove the
result, then write it, print a diff, or only report. cli/fmt.py is its typer definition, and the
fast path (cli/fast.py) calls this directly."""

from __future__ import annotations

import difflib
import enum
import io
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language.diagnostics import AgendaError, Diagnostic
from .common import ColorMode, usage_error, use_color
from .report import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, FileReport, format_text, printable

if TYPE_CHECKING:
    from ..language.source import SourceFile


class LineEnds(str, enum.Enum):
    keep = "keep"
    lf = "lf"
    crlf = "crlf"


class ByteOrderMark(str, enum.Enum):
    keep = "keep"
    add = "add"
    remove = "remove"


@dataclass(frozen=True)
class Encoding:
    """How the formatted text is written: the file's own line ends and byte order mark, or those asked for."""

    line_ends: LineEnds = LineEnds.keep
    bom: ByteOrderMark = ByteOrderMark.keep

    def encode(self, text: str, source: SourceFile) -> bytes:
        from ..language.source import encode

        line_end = {LineEnds.lf: "\n", LineEnds.crlf: "\r\n"}.get(self.line_ends, source.line_end)
        bom = source.bom if self.bom is ByteOrderMark.keep else self.bom is ByteOrderMark.add
        return encode(text, line_end, bom)


def fmt(files: list[str], check_only: bool, show_diff: bool, renumber: bool, keep_withdrawn: bool,
        line_ends: LineEnds, bom: ByteOrderMark, color: ColorMode) -> None:
    """Format each file (a folder stands for its agendas) and exit with format_files's status (SystemExit)."""
    from .files import expand

    try:
        paths = expand(files)
    except AgendaError as problem:
        usage_error(problem)
    raise SystemExit(format_files(paths, check_only=check_only, show_diff=show_diff, renumber=renumber,
                                  keep_withdrawn=keep_withdrawn, color=use_color(color),
                                  encoding=Encoding(line_ends, bom)))


def format_files(files: list[str], *, check_only: bool, show_diff: bool, renumber: bool, keep_withdrawn: bool,
                 color: bool, encoding: Encoding) -> int:
    """Format each file; the exit status: 0 done (or nothing to change), 1 problems or files that
    would change under --check, 2 unreadable input or a failed safety guard."""
    status = EXIT_OK
    changed = failed = 0
    for path in files:
        try:
            outcome = _format_one(path, check_only=check_only, show_diff=show_diff, renumber=renumber,
                                  keep_withdrawn=keep_withdrawn, color=color, encoding=encoding)
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
                color: bool, encoding: Encoding) -> str:
    from ..edit.formatter import FormatError, format_agenda
    from ..edit.renumbering import renumber as renumbered
    from ..language.parser import parse
    from ..language.source import decode
    from .files import file_size, read_bytes, write_atomic

    data = read_bytes(path)
    source, diagnostics = decode(data, path, file_size(path))
    if source is None:
        sys.stderr.write(format_text(FileReport(path, None, diagnostics), color=color))
        return "problems"
    result = parse(source)
    errors = [d for d in result.diagnostics if d.is_error]
    if result.agenda is None or errors:
        sys.stderr.write(format_text(FileReport(path, source, errors), color=color))
        sys.stderr.write(f"{path}: not formatted because of the errors above\n")
        return "problems"
    agenda = result.agenda
    if renumber:
        try:
            agenda = renumbered(agenda, keep_withdrawn=keep_withdrawn)
        except AgendaError as problem:
            raise AgendaError(f"{path}: not renumbered: {problem}") from None
        from ..language.resolution import resolve

        left = [d for d in resolve(agenda).diagnostics if d.is_error]
        if left:
            raise AgendaError(f"{path}: not renumbered: {_why_not_renumbered(left[0], keep_withdrawn)}")
    try:
        formatted = format_agenda(agenda, source.text)
    except FormatError as problem:
        raise AgendaError(f"{path}: not formatted: {problem}") from None
    output = encoding.encode(formatted.text, source)
    changed = output != data
    if show_diff and changed:
        name = "stdin" if path == "-" else path
        # For people to read (a terminal, a CI log): what the input's comments hold is shown as in the
        # excerpts; each line's own end (LF, CR LF or CR) is kept.
        sys.stdout.writelines(_shown(line) for line in difflib.unified_diff(
            _lines(data), _lines(output), f"{name} (original)", f"{name} (formatted)"))
    if path == "-" and not (check_only or show_diff):
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    elif check_only and changed:
        sys.stderr.write(f"would reformat {path}\n")
    elif changed and not (check_only or show_diff):
        write_atomic(path, output)
        sys.stderr.write(f"reformatted {path}\n")
    return "changed" if changed else "unchanged"


def _shown(line: str) -> str:
    body = line.rstrip("\r\n")
    return printable(body) + line[len(body):]


def _lines(data: bytes) -> list[str]:
    """The lines of a file's bytes, each with its own line end (LF, CR LF or CR), for the diff."""
    return io.StringIO(data.decode("utf-8", "replace"), newline="").readlines()


def _why_not_renumbered(problem: Diagnostic, keep_withdrawn: bool) -> str:
    """What stops renumbering: only numbers kept for withdrawn items can be out of sequence after it;
    anything else (a roman numeral past 3999, an unreadable example) is the numbering's own problem."""
    line = problem.span.line
    if keep_withdrawn and problem.code in _SEQUENCE_CODES:
        return (f"the numbers kept for withdrawn items leave no room for the items before them (around line {line}); "
                "renumber without --keep-withdrawn, or move the withdrawn item")
    return f"line {line}: {problem.message} [{problem.code}]; {problem.hint}"


_SEQUENCE_CODES = frozenset({"numbering-gap", "numbering-duplicate", "numbering-order", "numbering-mismatch"})
