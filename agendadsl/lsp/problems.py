"""Diagnostics for the editor: each with its code linked to its entry in docs/diagnostics.md,
its hint, and the places that explain it."""

from __future__ import annotations

from lsprotocol import types

from agendadsl import Diagnostic, Severity

from .positions import Lines

SOURCE = "agendadsl"


def to_protocol(diagnostic: Diagnostic, lines: Lines, uri: str, docs: str | None) -> types.Diagnostic:
    """``docs``: the address of docs/diagnostics.md, whose section for each code is its anchor."""
    message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
    return types.Diagnostic(
        range=lines.range(diagnostic.span),
        message=message,
        severity=types.DiagnosticSeverity.Error if diagnostic.severity is Severity.ERROR
        else types.DiagnosticSeverity.Warning,
        code=diagnostic.code,
        code_description=types.CodeDescription(href=f"{docs}#{diagnostic.code}") if docs else None,
        source=SOURCE,
        related_information=[types.DiagnosticRelatedInformation(types.Location(uri, lines.range(r.span)), r.message)
                             for r in diagnostic.related] or None,
    )
