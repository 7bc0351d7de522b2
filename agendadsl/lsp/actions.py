"""Quick fixes (the fixes the diagnostics carry) and formatting (what ``agenda fmt`` writes)."""

from __future__ import annotations

from lsprotocol import types

from agendadsl import FormatError, format_source
from agendadsl.language.parser import PARSE_CODES

from .analysis import Analysis
from .problems import to_protocol


def quick_fixes(analysis: Analysis, wanted: types.Range, uri: str, docs: str | None) -> list[types.CodeAction]:
    """A code action for each fix of each diagnostic on the lines of ``wanted``; the first fix of
    a diagnostic is the preferred one."""
    actions = []
    first, last = wanted.start.line + 1, wanted.end.line + 1
    for diagnostic in analysis.diagnostics:
        if not diagnostic.fixes or diagnostic.span.end_line < first or diagnostic.span.line > last:
            continue
        for number, fix in enumerate(diagnostic.fixes):
            edit = types.TextEdit(analysis.lines.range(fix.span), fix.text_for(analysis.lines.line(fix.span.line)))
            actions.append(types.CodeAction(
                fix.title, kind=types.CodeActionKind.QuickFix, is_preferred=number == 0,
                diagnostics=[to_protocol(diagnostic, analysis.lines, uri, docs)],
                edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def formatting(analysis: Analysis, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
    """The whole document rewritten as ``agenda fmt`` would; None when it cannot be formatted
    (syntax errors: the diagnostics say which)."""
    if analysis.agenda is None or any(d.is_error for d in analysis.diagnostics if d.code in PARSE_CODES):
        return None
    try:
        result = format_source(analysis.text)
    except FormatError:
        return None
    if not result.changed:
        return []
    return [types.TextEdit(types.Range(types.Position(0, 0), analysis.lines.end()), result.text)]
