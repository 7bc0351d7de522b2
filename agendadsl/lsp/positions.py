"""Positions at the edge: agendadsl counts 1-based lines and code-point columns; the protocol
counts 0-based lines and, by default, UTF-16 code units (or what client and server agreed on:
UTF-8 bytes or code points)."""

from __future__ import annotations

from lsprotocol import types

from agendadsl import Span
from agendadsl.language.source import normalise_newlines


class Lines:
    """A document's lines, for converting positions both ways in the agreed encoding."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.lines = normalise_newlines(text).split("\n")
        self.encoding = encoding

    def line(self, number: int) -> str:
        """Source line ``number`` (1-based); empty past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def _units(self, text: str) -> int:
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)  # a surrogate pair is two units

    def position(self, line: int, column: int) -> types.Position:
        """The protocol position of 1-based ``line`` and code-point ``column``."""
        return types.Position(line - 1, self._units(self.line(line)[: column - 1]))

    def range(self, span: Span) -> types.Range:
        return types.Range(self.position(span.line, span.column), self.position(span.end_line, span.end_column))

    def column(self, position: types.Position) -> tuple[int, int]:
        """The 1-based line and code-point column of a protocol position (clamped to its line)."""
        text = self.line(position.line + 1)
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return position.line + 1, min(position.character, len(text)) + 1
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line + 1, index + 1
            units += self._units(char)
        return position.line + 1, len(text) + 1

    def end(self) -> types.Position:
        """The position after the last character of the document."""
        return types.Position(len(self.lines) - 1, self._units(self.lines[-1]))
