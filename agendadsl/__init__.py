"""agendadsl: a plain-text language for meeting agendas.

The public API, used by the CLI, the editor server and by tools::

    result = agendadsl.parse(text)          # ParseResult: .agenda (or None) and .diagnostics
    problems = agendadsl.check(result.agenda)
    json_text = agendadsl.to_json(result.agenda)
    text = agendadsl.format_source(text).text
    changes = agendadsl.diff(old_agenda, new_agenda)

Every name below is written out, so editors and type checkers see it. The modules behind them are
imported on first use, so that ``agenda --version`` does not load the parser and ``agenda check``
does not load the renderers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, imported eagerly, for type checkers and editors
    from .checks import check
    from .checks.analyse import analyse
    from .edit.changes import Change, diff
    from .edit.formatter import FormatError, format_source
    from .edit.renumbering import renumber
    from .language.diagnostics import AgendaError, Diagnostic, Related, Severity
    from .language.nodes import Agenda, Item, Meeting, NextMeeting
    from .language.parser import ParseResult, parse
    from .language.resolution import Resolution, resolve
    from .language.source import SourceFile
    from .language.span import Span
    from .lsp.server import run_language_server
    from .render.json_export import to_json

__all__ = [
    "Agenda", "AgendaError", "Change", "Diagnostic", "FormatError", "Item", "Meeting", "NextMeeting",
    "ParseResult", "Related", "Resolution", "Severity", "SourceFile", "Span",
    "__version__", "analyse", "check", "diff", "format_source", "parse", "renumber", "resolve", "run_language_server",
    "to_json",
]

_HOMES = {
    "Agenda": "language.nodes", "Item": "language.nodes", "Meeting": "language.nodes",
    "NextMeeting": "language.nodes",
    "AgendaError": "language.diagnostics", "Diagnostic": "language.diagnostics",
    "Related": "language.diagnostics", "Severity": "language.diagnostics",
    "ParseResult": "language.parser", "parse": "language.parser",
    "Resolution": "language.resolution", "resolve": "language.resolution",
    "SourceFile": "language.source", "Span": "language.span",
    "check": "checks", "analyse": "checks.analyse",
    "format_source": "edit.formatter", "FormatError": "edit.formatter",
    "renumber": "edit.renumbering", "diff": "edit.changes", "Change": "edit.changes",
    "to_json": "render.json_export",
    "run_language_server": "lsp.server",
}
"""Where each public name is defined (a test holds this table, ``__all__`` and the imports above together)."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _installed_version()
    elif name in _HOMES:
        value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'agendadsl' has no attribute {name!r}")
    globals()[name] = value
    return value


def _installed_version() -> str:
    """The version, defined once in pyproject.toml and read from the installed metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("agendadsl")
    except PackageNotFoundError:  # imported from a checkout that was never installed
        return "0+unknown"
