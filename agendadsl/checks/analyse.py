"""Text to agenda and every diagnostic, in one step: what ``agenda check`` does for each file."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language.diagnostics import Diagnostic, sort_key
from ..language.incremental import Reparsed, reparse
from ..language.nodes import Agenda
from ..language.parser import ParseResult, parse
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
    text: str = field(default="", repr=False, compare=False)
    """The text analysed (line ends normalised)."""
    parsed: ParseResult | None = field(default=None, repr=False, compare=False)
    """What the parser made of it: the starting point of the next version's analysis."""
    reparsed: Reparsed | None = field(default=None, repr=False, compare=False)
    """When only the item an edit fell in was parsed again: which lines, and the text parsed."""


def analysis_of(source: SourceFile | str, previous: Analysis | None = None) -> Analysis:
    """Parse and check ``source``, going on past syntax errors. ``previous``, the analysis of an
    earlier version of the same text (an editor's), lets an edit inside one top-level item parse
    only that item again (language/incremental.py); the result is the same either way."""
    text = source.text if isinstance(source, SourceFile) else normalise_newlines(source)
    reparsed = None
    if previous is not None and previous.parsed is not None:
        reparsed = reparse(previous.parsed, previous.text, text)
    result = reparsed.result if reparsed is not None else parse(source)
    diagnostics = list(result.diagnostics)
    if result.agenda is not None:
        diagnostics.extend(check(result.agenda))
    elif result.recovered is not None:  # syntax errors: what the checks still find in the rest
        diagnostics.extend(still_holding(check(result.recovered), result.recovered, text, result.skipped))
    return Analysis(result.agenda, sorted(diagnostics, key=sort_key), result.recovered, text, result, reparsed)


def analyse(source: SourceFile | str) -> tuple[Agenda | None, list[Diagnostic]]:
    """Parse and check: the agenda (None on a syntax error) and every diagnostic, in source order."""
    analysis = analysis_of(source)
    return analysis.agenda, analysis.diagnostics
