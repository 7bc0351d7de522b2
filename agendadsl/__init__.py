"""agendadsl: a plain-text language for meeting agendas.

The public API, used by the CLI and by tools::

    result = agendadsl.parse(text)          # ParseResult: .agenda (or None) and .diagnostics
    problems = agendadsl.check(result.agenda)
    json_text = agendadsl.to_json(result.agenda)
    text = agendadsl.format_source(text).text
    changes = agendadsl.diff(old_agenda, new_agenda)

Names are imported on first use, so that ``agenda --version`` does not load the parser.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Agenda": "nodes", "Item": "nodes", "Meeting": "nodes", "NextMeeting": "nodes",
    "AgendaError": "diagnostics", "Diagnostic": "diagnostics", "Related": "diagnostics", "Severity": "diagnostics",
    "ParseResult": "parser", "parse": "parser",
    "check": "checks",
    "Resolution": "resolution", "resolve": "resolution",
    "SourceFile": "source", "Span": "source",
    "to_json": "render.json_export",
    "format_source": "formatter", "FormatError": "formatter",
    "renumber": "renumbering",
    "diff": "changes", "Change": "changes",
    "analyse": "pipeline",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'agendadsl' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from .checks import check
    from .diagnostics import AgendaError, Diagnostic, Related, Severity
    from .changes import Change, diff
    from .formatter import FormatError, format_source
    from .nodes import Agenda, Item, Meeting, NextMeeting
    from .parser import ParseResult, parse
    from .pipeline import analyse
    from .render.json_export import to_json
    from .renumbering import renumber
    from .resolution import Resolution, resolve
    from .source import SourceFile, Span
