"""Text to agenda and every diagnostic, in one step: what ``agenda check`` does for each file."""

from __future__ import annotations

from ..language.diagnostics import Diagnostic, sort_key
from ..language.nodes import Agenda
from ..language.parser import parse
from ..language.source import SourceFile
from . import check


def analyse(source: SourceFile | str) -> tuple[Agenda | None, list[Diagnostic]]:
    """Parse and check: the agenda (None on a syntax error) and every diagnostic, in source order."""
    result = parse(source)
    diagnostics = list(result.diagnostics)
    if result.agenda is not None:
        diagnostics.extend(check(result.agenda))
    return result.agenda, sorted(diagnostics, key=sort_key)
