"""``agenda watch``: render an agenda again each time it is saved, and show its diagnostics.

A save with errors writes nothing: the files of the last good save stay as they were.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from ..language.diagnostics import AgendaError
from .common import ColorMode, usage_error
from .render import LanguageOption, TemplatesOption, ViewOption
from .rendering import ViewChoice, render_once, render_options


def watch(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The agenda to watch.")],
    to: Annotated[str, typer.Option("--to", "-t", metavar="FORMATS", help="Formats, comma-separated, as for "
                                    "render.")] = "html",
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="DIR/|FILE", help="Where to write, as "
                                               "for render (default: beside the agenda).")] = None,
    view: ViewOption = ViewChoice.public,
    language: LanguageOption = None,
    templates: TemplatesOption = None,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
) -> None:
    """Render FILE now and again after every save, printing its diagnostics; stop with Ctrl-C."""
    from .outputs import parse_formats, plan
    from .saves import saves

    path = Path(file)
    if not path.is_file():
        usage_error(f"{file}: no such file")
    try:
        formats = parse_formats(to)
        targets = plan([file], formats, output if output is not None else str(path.parent) + "/")
        options = render_options(view, language, templates, False)
    except AgendaError as problem:
        usage_error(problem)
    following = saves(path)
    render_once(file, targets, options, False, color)
    sys.stdout.write(f"watching {file} (Ctrl-C to stop)\n")
    sys.stdout.flush()
    for _ in following:
        sys.stdout.write(time.strftime("%H:%M:%S ") + f"{file} changed\n")
        render_once(file, targets, options, False, color)
        sys.stdout.flush()
