"""The bodies of ``agenda diff`` and git's diff driver, without typer: cli/diff.py is their typer
definition, and the fast path (cli/fast.py) calls these directly."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..language.diagnostics import AgendaError
from .common import ColorMode, OutputFormat, check_language, load_version, usage_error, use_color
from .report import EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from ..language.nodes import Agenda
    from ..render.localise import Locale


def diff(old: str, new: str, output_format: OutputFormat, color: ColorMode, language: str | None) -> None:
    """Print the changes from ``old`` to ``new`` (files, ``-`` or REVISION:PATH); SystemExit 1 when a
    version has errors, 2 when one cannot be read or --language has no wording."""
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
            raise SystemExit(EXIT_PROBLEMS)
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


def git_diff_driver(arguments: list[str]) -> None:
    """The semantic diff of the two versions git names in its seven arguments (docs/git.md); their
    line diff when one has errors."""
    from ..edit.changes import diff as compare
    from .diff_report import format_text

    if len(arguments) < 7:
        sys.stderr.write("agenda: error: git-diff-driver takes the 7 arguments git passes to a diff driver\n")
        raise SystemExit(EXIT_USAGE)
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
