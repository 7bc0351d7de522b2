"""A Pygments lexer for agendas, so that Sphinx, MkDocs, GitLab and anything else built on Pygments
highlight code blocks marked ``agenda`` (registered in pyproject.toml under ``pygments.lexers``).

It colours with agendadsl's own lexer and parser (checks.highlights, which the language server's
semantic tokens use too), not with a second grammar written in regular expressions: colours follow
the grammar exactly. A block that does not parse is coloured up to the line that fails and is plain
text from there on. Pygments is imported here and nowhere else, so no other command loads it; and
agendadsl itself only when a block is highlighted, since Pygments imports every plugin lexer while
it looks one up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from pygments.lexer import Lexer
from pygments.token import Comment, Keyword, Name, Number, Operator, String, Text, _TokenType

_LINE_END = re.compile(r"\r\n|\r|\n")  # the line ends agendadsl reads (source.normalise_newlines), no others


class AgendaLexer(Lexer):
    """Agendas written in agendadsl (``*.agenda``)."""

    name = "Agenda"
    aliases: ClassVar[list[str]] = ["agenda", "agendadsl"]
    filenames: ClassVar[list[str]] = ["*.agenda"]
    mimetypes: ClassVar[list[str]] = ["text/x-agenda"]

    def __init__(self, **options: Any) -> None:
        # Keep leading and trailing blank lines: the tokens then add up to exactly the text given.
        options.setdefault("stripnl", False)
        super().__init__(**options)

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, _TokenType, str]]:
        position = 0
        for start, end, token in _coloured(text):
            if start > position:
                yield position, Text, text[position:start]
            yield start, token, text[start:end]
            position = end
        if position < len(text):
            yield position, Text, text[position:]


def _coloured(text: str) -> list[tuple[int, int, _TokenType]]:
    """Each coloured piece of ``text`` as offsets into it, in order, none overlapping."""
    from agendadsl.checks.highlights import highlights

    found = highlights(text)  # never raises: bad input is a diagnostic, and nesting is bounded
    starts = [0, 0, *(match.end() for match in _LINE_END.finditer(text))]  # starts[n]: line n (1-based)
    bom = 1 if text.startswith("\ufeff") else 0  # the spans count from after a byte-order mark

    def offset(line: int, column: int) -> int:
        return starts[line] + column - 1 + (bom if line == 1 else 0)

    return [(offset(span.line, span.column), offset(span.end_line, span.end_column), _TOKEN[kind.value])
            for span, kind in found]


_TOKEN: dict[str, _TokenType] = {
    "number": Number,             # 2.1, (a), I.
    "marker": Operator,           # #.  *  -  >  !  #  fr:
    "attribute": Name.Decorator,  # @duration
    "field": Keyword,             # body:, next meetings:
    "value": Name.Constant,       # virtual, decision, (tbc)
    "docref": Name.Namespace,     # [T-ES(2020)23]
    "comment": Comment.Single,    # // ...
    "label": Name.Label,          # {#label}
    "xref": Name.Variable,        # {label}
    "date": String,               # 23 November 2020
    "time": String,               # 9:30-12:30
}
"""Kinds by their value (checks.highlights names them), to the standard tokens every style colours."""
