"""What each piece of an agenda is, for colouring it: the lexer's tokens (language.lexemes) and,
from the parsed agenda, the pieces of free text (labels, cross-references, document references,
dates, times). The language server's semantic tokens and the Pygments lexer both colour from
this one list, so an editor and a published page agree on what a piece is.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from ..language.lexemes import Lexeme, LexemeKind, lexemes
from ..language.parser import parse
from ..language.span import Span
from .index import AgendaIndex


class TextKind(enum.Enum):
    """Pieces of free text, which only the parsed agenda knows (the lexer sees plain text)."""

    LABEL = "label"    # {#label} on an item line: a definition
    XREF = "xref"      # {label}: a reference to one
    DATE = "date"      # 23 November 2020, 7-11 December 2020
    TIME = "time"      # 9:30-12:30


Kind = LexemeKind | TextKind


def pieces(found: Iterable[Lexeme], index: AgendaIndex | None) -> list[tuple[Span, Kind]]:
    """The lexer's tokens and the free-text pieces of the agenda (none while it does not parse), in
    source order, none overlapping: of two that start at one place the shorter is kept (a document
    reference in ``@docs`` is both a token and a reference, a date inside one is kept out)."""
    candidates: list[tuple[Span, Kind]] = [(lexeme.span, lexeme.kind) for lexeme in found]
    if index is not None:
        candidates += [(span, TextKind.LABEL) for spans in index.definitions.values() for span in spans]
        candidates += [(xref.span, TextKind.XREF) for xref in index.xrefs]
        candidates += [(ref.span, LexemeKind.DOCREF) for ref in index.docrefs]
        candidates += [(dates.span, TextKind.DATE) for dates in index.dates()]
        candidates += [(slot.span, TextKind.TIME) for slot in index.times()]
    kept: list[tuple[Span, Kind]] = []
    for span, kind in sorted(candidates, key=lambda candidate: candidate[0]):
        if not kept or (span.line, span.column) >= (kept[-1][0].end_line, kept[-1][0].end_column):
            kept.append((span, kind))
    return kept


def highlights(text: str) -> list[tuple[Span, Kind]]:
    """Every piece of ``text`` worth a colour, as pieces() gives them. Never raises for bad input:
    the tokens stop at the first line that does not parse."""
    agenda = parse(text).agenda
    return pieces(lexemes(text), AgendaIndex(agenda) if agenda is not None else None)
