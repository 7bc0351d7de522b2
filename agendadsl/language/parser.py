"""Turns text into an Agenda and diagnostics, with the parser that grammar.py builds.

No Lark exception or token name leaves this module: syntax errors are translated by
syntax_errors.py into coded diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from lark.exceptions import UnexpectedInput

from ..support.gcpause import collector_paused
from .diagnostics import Diagnostic, sort_key
from .grammar import lark_parser
from .layout import LayoutAbort, close_sink, open_sink
from .nodes import Agenda
from .source import SourceFile, normalise_newlines

PARSE_CODES = (
    # source.py: reading the bytes
    "invalid-utf8", "file-too-large",
    # layout.py: indentation
    "nesting-too-deep", "inconsistent-indent", "mixed-indent",
    # syntax_errors.py: lines that do not fit the grammar
    "syntax-error", "not-an-item", "missing-space", "unknown-attribute", "unknown-field", "field-after-items",
    "unexpected-indent", "missing-indent", "invalid-value",
    # when.py: date, time and duration values
    "date-syntax", "time-syntax", "invalid-time", "unknown-time-zone",
    # transformer.py: well-formed lines that cannot go together
    "duplicate-field", "duplicate-attribute", "invalid-kind", "misplaced-label", "invalid-annex",
    "duplicate-translation", "misplaced-translation", "space-after-number",
)
"""Every code reported before the checks run (the checks' codes are in checks.CHECKS)."""


@dataclass(frozen=True)
class ParseResult:
    """The agenda (None when the text could not be parsed) and what parsing found wrong."""

    agenda: Agenda | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.agenda is not None and not any(d.is_error for d in self.diagnostics)


def parse(source: SourceFile | str) -> ParseResult:
    """Parse agenda text (or a SourceFile) into an Agenda, never raising for bad input."""
    text = source.text if isinstance(source, SourceFile) else normalise_newlines(source)
    text = text.removeprefix("\ufeff")
    sink, reset = open_sink(text)
    try:
        with collector_paused():
            # The transformer built into the parser turns the tree into an Agenda as it parses.
            agenda = cast(Agenda, lark_parser().parse(text))
    except LayoutAbort as abort:
        return ParseResult(None, _sorted([*sink.diagnostics, abort.diagnostic]))
    except UnexpectedInput as failure:
        from . import syntax_errors  # only needed when something is wrong

        return ParseResult(None, _sorted([*sink.diagnostics, syntax_errors.translate(failure, text)]))
    finally:
        close_sink(reset)
    return ParseResult(agenda, _sorted(sink.diagnostics))


def _sorted(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=sort_key))
