"""What the commands share: option choices, colour, reading and analysing one input, and the one
way a usage error is reported."""

from __future__ import annotations

import enum
import os
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

from ..language.diagnostics import AgendaError
from .report import EXIT_USAGE, FileReport

if TYPE_CHECKING:
    from pathlib import Path

    from ..language.nodes import Agenda


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"


class ColorMode(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


def use_color(mode: ColorMode, stream: TextIO | None = None) -> bool:
    """Colour for ``always``; for ``auto``, when the stream is a terminal and NO_COLOR is unset."""
    if mode is ColorMode.auto:
        return (stream or sys.stderr).isatty() and not os.environ.get("NO_COLOR")
    return mode is ColorMode.always


def usage_error(problem: AgendaError | str) -> NoReturn:
    """Report a usage or I/O error and exit 2 (SystemExit, not typer's Exit: the commands' bodies
    run without typer on the fast path, and typer lets SystemExit through with its code)."""
    sys.stderr.write(f"agenda: error: {problem}\n")
    raise SystemExit(EXIT_USAGE)


def check_language(language: str | None, templates: Path | None = None) -> None:
    """Raise AgendaError when ``--language`` names a language with no wording file."""
    from ..support.resources import available_languages

    known = available_languages(templates)
    if language is not None and language.lower().split("-")[0] not in known:
        raise AgendaError(f"no wording for language {language!r}; available: {', '.join(known)}")


def analyse_file(path: str) -> tuple[FileReport, Agenda | None]:
    """Read, parse and check one input: its report and its agenda (None when it did not parse)."""
    from .. import analyse
    from .files import read_source

    source, diagnostics = read_source(path)
    if source is None:
        return FileReport(path, None, diagnostics), None
    agenda, found = analyse(source)
    return FileReport(path, source, found), agenda


def load_version(spec: str, color: ColorMode, empty_ok: bool = False) -> Agenda | None:
    """The agenda of one version (a file, ``-`` or ``REVISION:PATH``), or None after printing why not."""
    from .. import parse
    from ..language.nodes import Agenda, Meeting
    from .report import format_text
    from .revisions import read_version

    if empty_ok and spec == "/dev/null":
        return Agenda(Meeting())
    try:
        source, diagnostics = read_version(spec)
    except AgendaError as problem:
        usage_error(problem)
    if source is None:
        sys.stderr.write(format_text(FileReport(spec, None, diagnostics), color=use_color(color)))
        return None
    result = parse(source)
    if result.agenda is None:
        sys.stderr.write(format_text(FileReport(spec, source, list(result.diagnostics)), color=use_color(color)))
        return None
    return result.agenda
