"""Turns text into an Agenda and diagnostics, with the parser that grammar.py builds.

No Lark exception or token name leaves this module: syntax errors are translated by
syntax_errors.py into coded diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from lark.exceptions import UnexpectedInput

from ..support.gcpause import collector_paused
from .diagnostics import Diagnostic, error, sort_key
from .grammar import run_parser
from .layout import LayoutAbort, close_sink, open_sink
from .nodes import Agenda
from .recovery import MAX_ERRORS, Recovery
from .scripts import scripts_of
from .source import SourceFile, normalise_newlines
from .span import Span

PARSE_CODES = (
    # source.py: reading the bytes
    "invalid-utf8", "file-too-large",
    # layout.py: indentation
    "nesting-too-deep", "inconsistent-indent", "mixed-indent",
    # syntax_errors.py: lines that do not fit the grammar
    "syntax-error", "not-an-item", "missing-space", "unknown-attribute", "unknown-field", "field-after-items",
    "unexpected-indent", "missing-indent", "invalid-value", "indent-character",
    # recovery.py: going on after them
    "too-many-errors",
    # when.py: date, time and duration values
    "date-syntax", "time-syntax", "invalid-time", "unknown-time-zone",
    # transformer.py: well-formed lines that cannot go together
    "duplicate-field", "duplicate-attribute", "invalid-kind", "misplaced-label", "invalid-annex",
    "duplicate-translation", "misplaced-translation", "space-after-number",
)
"""Every code reported before the checks run (the checks' codes are in checks.CHECKS)."""


@dataclass(frozen=True)
class ParseResult:
    """The agenda (None when the text could not be parsed) and what parsing found wrong.

    After a syntax error the parse goes on without the bad lines (recovery.py), so that every
    syntax error is reported in one run. What it makes of the rest is ``recovered``: for the checks
    that still apply and for editors' outlines, never for output, which needs the whole text.
    """

    agenda: Agenda | None
    diagnostics: tuple[Diagnostic, ...]
    recovered: Agenda | None = None
    skipped: frozenset[int] = frozenset()
    """The 1-based numbers of the lines ``recovered`` leaves out."""

    @property
    def ok(self) -> bool:
        return self.agenda is not None and not any(d.is_error for d in self.diagnostics)


def parse(source: SourceFile | str) -> ParseResult:
    """Parse agenda text (or a SourceFile) into an Agenda, never raising for bad input."""
    text = source.text if isinstance(source, SourceFile) else normalise_newlines(source)
    text = text.removeprefix("\ufeff")
    agenda, diagnostics, failure, final = _parse_once(text)
    if failure is None:
        scripts, right_to_left = scripts_of(text)
        if agenda is not None and (scripts or right_to_left):
            agenda = replace(agenda, scripts=scripts, right_to_left=right_to_left)
        return ParseResult(agenda, _sorted(diagnostics))
    errors: list[Diagnostic] = []
    recovery = Recovery.of(text)
    while failure is not None and len(errors) < MAX_ERRORS:
        report, again = recovery.step(failure) if not final else (True, False)
        if report:
            errors.append(failure)
        if not again:
            break
        agenda, diagnostics, failure, final = _parse_once(recovery.text())
    if failure is None:
        return ParseResult(None, _sorted([*errors, *diagnostics]), agenda, frozenset(recovery.skipped))
    if not errors:  # recovery could not start: the first error is all there is to say
        return ParseResult(None, _sorted([failure, *diagnostics]))
    if not final and (len(errors) >= MAX_ERRORS or recovery.exhausted):
        last = errors[-1].span
        errors.append(error("too-many-errors", f"stopped after {len(errors)} syntax errors: the rest of the file "
                            "was not read", Span.point(last.line, last.column),
                            "fix these and check again; is this an agenda file?"))
    # Recovery stopped: the errors found so far, and what the last parse said before it failed.
    return ParseResult(None, _sorted([*errors, *diagnostics]))


def _parse_once(text: str) -> tuple[Agenda | None, list[Diagnostic], Diagnostic | None, bool]:
    """One parse: the agenda, the diagnostics collected on the way, the error that stopped it, and
    whether that error ends the reading. Indentation that cannot be laid out (mixed-indent,
    nesting-too-deep) does: where the lines below it belong is a guess, and every finding after it
    would rest on the guess."""
    sink, reset = open_sink(text)
    try:
        with collector_paused(then_freeze=True):
            # The transformer built into the parser turns the tree into an Agenda as it parses.
            return cast(Agenda, run_parser(text)), sink.diagnostics, None, False
    except LayoutAbort as abort:
        return None, sink.diagnostics, abort.diagnostic, True
    except UnexpectedInput as failure:
        from . import syntax_errors  # only needed when something is wrong

        return None, sink.diagnostics, syntax_errors.translate(failure, text), False
    finally:
        close_sink(reset)


def _sorted(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=sort_key))
