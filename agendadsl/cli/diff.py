"""``agenda diff`` and git's diff driver: what changed between two versions, item by item."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..language.diagnostics import AgendaError
from .common import ColorMode, OutputFormat, check_language, load_version, usage_error, use_color
from .report import EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from ..language.nodes import Agenda
    from ..render.localise import Locale


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier agenda: a file, or REVISION:PATH in git.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later agenda: a file, or REVISION:PATH in git.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text for people, json for "
                                                        "tools.")] = OutputFormat.text,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the changes.")] = ColorMode.auto,
    language: Annotated[str | None, typer.Option("--language", "-l", metavar="CODE", help="Language of the text "
                                                 "(default: the new version's language:).")] = None,
) -> None:
    """Show what changed between two versions of an agenda, item by item.

    Items are matched by label, then by title, then by similar words, so an insertion reports one
    added item and one line for the renumbering it caused, not a wall of changed lines. Exit 0
    whatever the changes (like git diff without --exit-code); 1 when a version has errors; 2 when
    one cannot be read.
    """
    from ..edit.changes import diff as compare
    from .diff_report import format_text, to_json

    try:
        check_language(language)
    except AgendaError as problem:
        usage_error(problem)
    agendas = []
    for spec in (old, new):
        agenda = load_version(spec, color)
        if agenda is None:
            raise typer.Exit(EXIT_PROBLEMS)
        agendas.append(agenda)
    changes = compare(agendas[0], agendas[1])
    if output_format is OutputFormat.json:
        sys.stdout.write(to_json(changes, old, new))
    else:
        sys.stdout.write(format_text(changes, old, new, _wording(language, agendas[1]),
                                     color=use_color(color, sys.stdout)))


def _wording(language: str | None, agenda: Agenda) -> Locale:
    """The wording of the text: the language asked for, else the new version's ``language:``."""
    from ..render.localise import locale

    written = agenda.meeting.language.value if agenda.meeting.language else None
    return locale(language or written)


def git_diff_driver(
    arguments: Annotated[list[str], typer.Argument(metavar="ARG...",
                                                   help="The seven arguments git gives a diff driver.")],
) -> None:
    """git's external diff driver for *.agenda files (docs/git.md): a semantic diff."""
    from ..edit.changes import diff as compare
    from .diff_report import format_text

    if len(arguments) < 7:
        sys.stderr.write("agenda: error: git-diff-driver takes the 7 arguments git passes to a diff driver\n")
        raise typer.Exit(EXIT_USAGE)
    path, old_file, new_file = arguments[0], arguments[1], arguments[4]
    old_agenda = load_version(old_file, ColorMode.never, empty_ok=True)
    new_agenda = load_version(new_file, ColorMode.never, empty_ok=True)
    if old_agenda is None or new_agenda is None:
        import difflib
        from pathlib import Path

        sys.stdout.write(f"agenda: {path}: a version has errors, so here is the line diff\n")
        texts = [Path(f).read_text(encoding="utf-8", errors="replace").splitlines(True)
                 if f != "/dev/null" else [] for f in (old_file, new_file)]
        sys.stdout.writelines(difflib.unified_diff(texts[0], texts[1], f"a/{path}", f"b/{path}"))
        return
    sys.stdout.write(f"agenda diff {path}\n")
    sys.stdout.write(format_text(compare(old_agenda, new_agenda), f"a/{path}", f"b/{path}",
                                 _wording(None, new_agenda), color=use_color(ColorMode.auto, sys.stdout)))
