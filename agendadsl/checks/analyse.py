"""Text to agenda and every diagnostic, in one step: what ``agenda check`` does for each file."""

from __future__ import annotations

from dataclasses import dataclass

from ..language.diagnostics import Diagnostic, sort_key
from ..language.nodes import Agenda
from ..language.parser import parse
from ..language.source import SourceFile, normalise_newlines
from . import check
from .partial import still_holding


@dataclass(frozen=True)
class Analysis:
    """An agenda text parsed and checked."""

    agenda: Agenda | None
    """None on a syntax error: output needs the whole text."""
    diagnostics: list[Diagnostic]
    """Every diagnostic, in source order: every syntax error, and what the checks find in the rest."""
    recovered: Agenda | None = None
    """On a syntax error, the agenda without the bad lines, for what an editor shows (the outline)."""


def analysis_of(source: SourceFile | str) -> Analysis:
    """Parse and check ``source``, going on past syntax errors."""
    result = parse(source)
    diagnostics = list(result.diagnostics)
    if result.agenda is not None:
        diagnostics.extend(check(result.agenda))
    elif result.recovered is not None:  # syntax errors: what the checks still find in the rest
        text = source.text if isinstance(source, SourceFile) else normalise_newlines(source)
        diagnostics.extend(still_holding(check(result.recovered), result.recovered, text, result.skipped))
    return Analysis(result.agenda, sorted(diagnostics, key=sort_key), result.recovered)


def analyse(source: SourceFile | str) -> tuple[Agenda | None, list[Diagnostic]]:
    """Parse and check: the agenda (None on a syntax error) and every diagnostic, in source order."""
    analysis = analysis_of(source)
    return analysis.agenda, analysis.diagnostics
