"""Semantic tokens: what each piece of an agenda is, for the editor's colours. The lexer's tokens
(numbers, markers, attribute and field names, values, comments) and, from the agenda, the pieces
of free text: labels, cross-references, document references, dates and times."""

from __future__ import annotations

from lsprotocol import types

from agendadsl.checks.highlights import Kind, TextKind, pieces
from agendadsl.language.lexemes import LexemeKind

from .analysis import Analysis

# Standard token types, which every editor theme colours; the legend is their order.
TYPES = ("number", "operator", "decorator", "property", "enumMember", "namespace", "string", "variable", "comment")
MODIFIERS = ("declaration", "definition")
LEGEND = types.SemanticTokensLegend(token_types=list(TYPES), token_modifiers=list(MODIFIERS))
_DECLARATION = 1 << MODIFIERS.index("declaration")
_TYPE: dict[Kind, tuple[str, int]] = {
    LexemeKind.NUMBER: ("number", 0), LexemeKind.MARKER: ("operator", 0), LexemeKind.ATTRIBUTE: ("decorator", 0),
    LexemeKind.FIELD: ("property", 0), LexemeKind.VALUE: ("enumMember", 0), LexemeKind.DOCREF: ("namespace", 0),
    LexemeKind.COMMENT: ("comment", 0), TextKind.LABEL: ("variable", _DECLARATION), TextKind.XREF: ("variable", 0),
    TextKind.DATE: ("string", 0), TextKind.TIME: ("string", 0),
}


def semantic_tokens(analysis: Analysis, params: types.SemanticTokensParams) -> types.SemanticTokens:
    """Every token, in order, encoded as the protocol's relative five-number groups."""
    data: list[int] = []
    previous_line = previous_start = 0
    for span, kind in pieces(analysis.lexemes, analysis.index):
        if span.end_line != span.line:
            continue  # the protocol's tokens are one line each
        token_type, modifiers = _TYPE[kind]
        start = analysis.lines.position(span.line, span.column)
        end = analysis.lines.position(span.line, span.end_column)
        delta_line = start.line - previous_line
        delta_start = start.character - previous_start if delta_line == 0 else start.character
        data += [delta_line, delta_start, end.character - start.character, TYPES.index(token_type), modifiers]
        previous_line, previous_start = start.line, start.character
    return types.SemanticTokens(data=data)

