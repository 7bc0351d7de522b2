"""agendadsl: a plain-text language for meeting agendas.

The public API, used by the CLI and by tools::

    result = agendadsl.parse(text)          # ParseResult: .agenda (or None) and .diagnostics
    problems = agendadsl.check(result.agenda)
    json_text = agendadsl.to_json(result.agenda)
"""

from __future__ import annotations

from .checks import check
from .diagnostics import AgendaError, Diagnostic, Related, Severity
from .nodes import Agenda, Item, Meeting, NextMeeting
from .parser import ParseResult, parse
from .render.json_export import to_json
from .resolve import Resolution, resolve
from .source import SourceFile, Span

__version__ = "0.1.0"

__all__ = [
    "Agenda",
    "AgendaError",
    "Diagnostic",
    "Item",
    "Meeting",
    "NextMeeting",
    "ParseResult",
    "Related",
    "Resolution",
    "Severity",
    "SourceFile",
    "Span",
    "__version__",
    "analyse",
    "check",
    "parse",
    "resolve",
    "to_json",
]


def analyse(source: SourceFile | str) -> tuple[Agenda | None, list[Diagnostic]]:
    """Parse and check in one step: the agenda (None on a syntax error) and every diagnostic."""
    result = parse(source)
    diagnostics = list(result.diagnostics)
    if result.agenda is not None:
        diagnostics.extend(check(result.agenda))
    from .diagnostics import sort_key

    return result.agenda, sorted(diagnostics, key=sort_key)
