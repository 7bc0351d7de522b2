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
    """The outline. Each top-level entry's symbols are kept for the next version of the text: an
    entry that is the same object there (language/incremental.py keeps the items an edit did not
    touch, with their lines) and has the same numbers gets the same symbols, unbuilt."""
    index, shown = analysis.index, analysis.shown
    if index is None or shown is None:
        return None
    kept, analysis.symbols_kept = analysis.symbols_kept, {}
    found: list[types.DocumentSymbol] = []
    for entry in shown.body:
        numbers = index.numbers_in(entry)
        known = kept.get(id(entry))
        if known is not None and known[0] is entry and known[1] == numbers:
            built = known[2]
        else:
            symbol = index.symbol(entry)
            built = _symbol(analysis, symbol) if symbol is not None else None
        analysis.symbols_kept[id(entry)] = (entry, numbers, built)
        if built is not None:
            found.append(built)
    return found


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
