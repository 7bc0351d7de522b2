"""Text to agenda and every diagnostic, in one step: what ``agenda check`` does for each file."""

from __future__ import annotations

from .checks import check
from .diagnostics import Diagnostic, sort_key
from .nodes import Agenda
from .parser import parse
from .source import SourceFile


def analyse(source: SourceFile | str) -> tuple[Agenda | None, list[Diagnostic]]:
    """Parse and check: the agenda (None on a syntax error) and every diagnostic, in source order."""
    result = parse(source)
    diagnostics = list(result.diagnostics)
    if result.agenda is not None:
        diagnostics.extend(check(result.agenda))
    return result.agenda, sorted(diagnostics, key=sort_key)
