"""Semantic tokens: what each piece of an agenda is, for the editor's colours. The lexer's tokens
(numbers, markers, attribute and field names, values, comments) and, from the agenda, the pieces
of free text: labels, cross-references, document references, dates and times."""

from __future__ import annotations

from collections.abc import Iterator

from lsprotocol import types

from agendadsl import Span
from agendadsl.language.lexemes import LexemeKind

from .analysis import Analysis

# Standard token types, which every editor theme colours; the legend is their order.
TYPES = ("number", "operator", "decorator", "property", "enumMember", "namespace", "string", "variable", "comment")
MODIFIERS = ("declaration", "definition")
_LEXEME_TYPE = {
    LexemeKind.NUMBER: "number", LexemeKind.MARKER: "operator", LexemeKind.ATTRIBUTE: "decorator",
    LexemeKind.FIELD: "property", LexemeKind.VALUE: "enumMember", LexemeKind.DOCREF: "namespace",
    LexemeKind.COMMENT: "comment",
}
LEGEND = types.SemanticTokensLegend(token_types=list(TYPES), token_modifiers=list(MODIFIERS))
_DECLARATION = 1 << MODIFIERS.index("declaration")


def semantic_tokens(analysis: Analysis, params: types.SemanticTokensParams) -> types.SemanticTokens:
    """Every token, in order, encoded as the protocol's relative five-number groups."""
    pieces = sorted(_pieces(analysis), key=lambda piece: piece[0])
    data: list[int] = []
    previous_line = previous_start = 0
    last_end: tuple[int, int] = (0, 0)
    for span, kind, modifiers in pieces:
        if span.end_line != span.line or (span.line, span.column) < last_end:
            continue  # one line each, none overlapping (a reference in @docs is found twice)
        last_end = (span.end_line, span.end_column)
        start = analysis.lines.position(span.line, span.column)
        end = analysis.lines.position(span.line, span.end_column)
        delta_line = start.line - previous_line
        delta_start = start.character - previous_start if delta_line == 0 else start.character
        data += [delta_line, delta_start, end.character - start.character, TYPES.index(kind), modifiers]
        previous_line, previous_start = start.line, start.character
    return types.SemanticTokens(data=data)


def _pieces(analysis: Analysis) -> Iterator[tuple[Span, str, int]]:
    for lexeme in analysis.lexemes:
        yield lexeme.span, _LEXEME_TYPE[lexeme.kind], 0
    index = analysis.index
    if index is None:
        return
    for spans in index.definitions.values():
        yield from ((span, "variable", _DECLARATION) for span in spans)
    yield from ((xref.span, "variable", 0) for xref in index.xrefs)
    yield from ((ref.span, "namespace", 0) for ref in index.docrefs)
    yield from ((dates.span, "string", 0) for dates in index.dates())
    yield from ((slot.span, "string", 0) for slot in index.times())
