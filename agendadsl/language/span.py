"""Positions in source text: 1-based lines and columns, columns counting code points.

Editors count differently (0-based, UTF-16 code units); that conversion happens once, at the edge.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A range of source text: 1-based line and column of its start, end-exclusive end.

    A named tuple rather than a dataclass: the parser makes several per line, and a tuple is
    made four times faster."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        """A one-character span."""
        return cls(line, column, line, column + 1)

    def to(self, other: Span) -> Span:
        """The span from the start of ``self`` to the end of ``other``."""
        return Span(self.line, self.column, other.end_line, other.end_column)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            "start": {"line": self.line, "column": self.column},
            "end": {"line": self.end_line, "column": self.end_column},
        }


new_span = tuple.__new__
"""``new_span(Span, (line, column, end_line, end_column))``: a Span made without the named tuple's
constructor, which is a Python function (half the time). For the spans the parser makes on every
line (layout.token_range, inline.split)."""
