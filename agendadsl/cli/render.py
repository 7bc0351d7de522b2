"""``agenda render``: publish agendas in each format, to files or standard output (the body: rendering.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import rendering
from .common import ColorMode
from .options import JobsOption
from .rendering import ViewChoice

# The options every command that publishes shares (render, watch, serve).
ViewOption = Annotated[ViewChoice, typer.Option(help="public: the published agenda; annotated: with the '>' notes; "
                                                "internal: a run sheet with internal items and notes.")]
LanguageOption = Annotated[str | None, typer.Option(
    "--language", "-l", metavar="CODE", help="Language to publish in: dates, labels and each text's translation "
    "(default: the header's language:).")]
TemplatesOption = Annotated[Path | None, typer.Option(
    metavar="DIR", help="A house style: a folder whose <format>/ templates replace the built-in ones of the same "
    "name.")]


def render(
    files: Annotated[list[str], typer.Argument(metavar="FILE...",
                                               help="Agendas to render; '-' reads standard input.")],
    to: Annotated[str, typer.Option("--to", "-t", metavar="FORMATS", help="Formats, comma-separated: html, latex, "
                                    "markdown, json, ics, pdf, docx.")] = "html",
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="DIR/|FILE|-", help="A folder (one file per input and format), a file (one "
        "input, one format), or '-' for standard output (the default for one input in one text format).")] = None,
    view: ViewOption = ViewChoice.public,
    language: LanguageOption = None,
    templates: TemplatesOption = None,
    fragment: Annotated[bool, typer.Option(help="HTML and LaTeX: the agenda without the page around it, "
                                                "for a website's page or to \\input into a larger document.")]
    = False,
    bilingual: Annotated[bool, typer.Option(help="HTML, LaTeX and PDF: the agenda in two languages side by side, "
                                                 "its own and --language (default: the second of its "
                                                 "'language:' line).")] = False,
    final: Annotated[bool, typer.Option(help="Refuse to publish while anything is still 'tbc', and list it.")]
    = False,
    changes_since: Annotated[str | None, typer.Option(
        "--changes-since", metavar="OLD", help="A revised agenda: mark what changed since this earlier version (a "
        "file, or REVISION:PATH in git) and summarise it at the top.")] = None,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the diagnostics.")] = ColorMode.auto,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not list the files written.")] = False,
    jobs: JobsOption = None,
) -> None:
    """Render agendas to HTML, LaTeX, PDF, Word, Markdown, iCalendar or JSON.

    An agenda with errors is not rendered: its diagnostics are shown instead (exit 1).
    """
    rendering.render(files=files, to=to, output=output, view=view, language=language, templates=templates,
                     fragment=fragment, bilingual=bilingual, final=final, changes_since=changes_since, color=color,
                     quiet=quiet, jobs=jobs)
