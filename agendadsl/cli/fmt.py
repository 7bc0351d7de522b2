"""``agenda fmt``: rewrite agendas in the canonical layout (the body: formatting.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import formatting
from .common import ColorMode
from .formatting import ByteOrderMark, LineEnds


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
    line_ends: Annotated[LineEnds, typer.Option("--line-ends", metavar="keep|lf|crlf", help="The line ends "
                                                "written: 'keep' those most lines of the file have (LF on a tie), "
                                                "or make every line end LF or CR LF.")] = LineEnds.keep,
    bom: Annotated[ByteOrderMark, typer.Option("--bom", metavar="keep|add|remove", help="The UTF-8 byte order "
                                               "mark: keep it if the file has one, add it or remove it.")]
    = ByteOrderMark.keep,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
) -> None:
    """Rewrite agendas in the one canonical layout, comments kept where they were.

    Nothing is written unless the result is proven to be the same agenda (or, with --renumber,
    the same agenda renumbered), formatting it again changes nothing, and no comment is lost.
    A file keeps its line ends (CR LF stays CR LF) and its byte order mark unless asked otherwise.
    """
    formatting.fmt(files=files, check_only=check_only, show_diff=show_diff, renumber=renumber,
                   keep_withdrawn=keep_withdrawn, line_ends=line_ends, bom=bom, color=color)
