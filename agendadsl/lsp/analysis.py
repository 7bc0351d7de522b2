"""One version of a document, analysed once: its agenda, diagnostics, index and tokens, each
computed on first use and kept until the text changes."""

from __future__ import annotations

import functools

from lsprotocol import types

from agendadsl import Agenda
from agendadsl.checks.analyse import Analysis as CheckedText
from agendadsl.checks.analyse import analysis_of
from agendadsl.checks.index import AgendaIndex
from agendadsl.language.lexemes import Lexeme, lexemes

from .positions import Lines


class Analysis:
    """A document's text and what agendadsl makes of it."""

    analysed: CheckedText
    last_good: Agenda | None
    """The last agenda of this document that parsed: what completion offers while a line is half written."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16,
                 previous: Analysis | None = None) -> None:
        """``previous``: this document's analysis before the change, which the new one starts from."""
        self.text = text
        self.lines = Lines(text, encoding)
        self.analysed = analysed = analysis_of(text, previous.analysed if previous is not None else None)
        last_good = previous.last_good if previous is not None else None
        self.agenda, self.diagnostics = analysed.agenda, analysed.diagnostics
        self.shown = analysed.agenda or analysed.recovered
        """What the outline, folding and navigation show: with syntax errors, the rest of the agenda."""
        self.last_good = self.agenda if self.agenda is not None else last_good
        self.lexemes_before: list[Lexeme] | None = previous.__dict__.get("lexemes") if previous is not None else None
        """The previous version's tokens, if they were asked for: those outside the lines an edit
        changed are the same (see ``lexemes``)."""
        self.symbols_kept: dict[int, tuple[object, tuple[str | None, ...], types.DocumentSymbol | None]] = (
            previous.symbols_kept if previous is not None else {})
        """The outline's symbols of each top-level entry, by the entry's identity (lsp/outline.py):
        the entry is kept with them, so that its identity is not reused while they are."""

    @functools.cached_property
    def index(self) -> AgendaIndex | None:
        """The index of what this version shows; None when nothing of it parses."""
        return AgendaIndex(self.shown) if self.shown is not None else None

    @functools.cached_property
    def lexemes(self) -> list[Lexeme]:
        """The lexer's tokens, for colours. After an edit inside one top-level item, only that
        item's lines are read again (from the text language/incremental.py parsed): every other
        line is the same and reads the same, since the old and the new text both parse."""
        before, edit = self.lexemes_before, self.analysed.reparsed
        self.lexemes_before = None
        if before is None or edit is None:
            return lexemes(self.text)
        return [*(t for t in before if t.span.line < edit.start),
                *(t for t in lexemes(edit.text) if t.span.line >= edit.start),
                *(t for t in before if t.span.line > edit.end)]
