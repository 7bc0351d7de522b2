"""The document outline (nested symbols) and the folding ranges, from the agenda's index."""

from __future__ import annotations

from lsprotocol import types

from agendadsl.checks.index import Symbol, SymbolKind

from .analysis import Analysis

_KINDS = {
    SymbolKind.ITEM: types.SymbolKind.Object, SymbolKind.GROUP: types.SymbolKind.Namespace,
    SymbolKind.MEETINGS: types.SymbolKind.Array, SymbolKind.MEETING: types.SymbolKind.Event,
    SymbolKind.BLOCK: types.SymbolKind.Struct,
}


def document_symbols(analysis: Analysis, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
    if analysis.index is None:
        return None
    return [_symbol(analysis, symbol) for symbol in analysis.index.symbols]


def _symbol(analysis: Analysis, symbol: Symbol) -> types.DocumentSymbol:
    # Iterative would need a second pass to attach children; depth is bounded by the layout (33).
    return types.DocumentSymbol(
        name=symbol.name, kind=_KINDS[symbol.kind], detail=symbol.detail,
        range=analysis.lines.range(symbol.span), selection_range=analysis.lines.range(symbol.selection),
        children=[_symbol(analysis, child) for child in symbol.children] or None)


def folding_ranges(analysis: Analysis, params: types.FoldingRangeParams) -> list[types.FoldingRange] | None:
    if analysis.index is None:
        return None
    return [types.FoldingRange(first - 1, last - 1) for first, last in analysis.index.folds()]
