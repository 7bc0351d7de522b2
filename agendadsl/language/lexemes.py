"""The tokens of an agenda as the lexer reads them, each with what it is: item numbers, line
markers, attribute and field names, enumerated values, document references and comments. An
editor colours a document with them (the values inside free text, such as cross-references and
dates, come from the agenda itself: checks.index).

The lexer is contextual (what a word is depends on the parser's state), so the tokens are read by
stepping Lark's parser through the text; they stop at the first line that does not parse.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from lark import Token
from lark.exceptions import UnexpectedInput
from lark.lexer import PatternStr

from ..support.gcpause import collector_paused
from .grammar import lark_parser, run_interactive
from .layout import LayoutAbort, close_sink, open_sink, token_span
from .source import normalise_newlines
from .span import Span


class LexemeKind(enum.Enum):
    NUMBER = "number"          # 2.1, (a), I.
    MARKER = "marker"          # #.  *  -  >  >>  !  |  #  [^1]:
    ATTRIBUTE = "attribute"    # @duration, @convened-by
    FIELD = "field"            # body, date, series, next meetings, a declared field's name
    VALUE = "value"            # virtual, decision, withdrawn, closed, frozen, (tbc), en
    DOCREF = "docref"          # [T-ES(2020)23] in @docs
    COMMENT = "comment"        # // a comment line


@dataclass(frozen=True, slots=True)
class Lexeme:
    kind: LexemeKind
    span: Span


_BY_NAME = {
    "NUMBER": LexemeKind.NUMBER, "DOCREF": LexemeKind.DOCREF,
    **dict.fromkeys(("AUTO", "UNNUMBERED", "BULLET", "ACTION_MARK", "NOTE", "ANNOTATION", "VERBATIM", "HEADING",
                     "INTERNAL", "FOOTNOTE", "TRANSLATION"), LexemeKind.MARKER),
    **dict.fromkeys(("CUSTOM_ATTR", "BREAK"), LexemeKind.ATTRIBUTE),
    **dict.fromkeys(("FIELD_NAME", "NEXT_MEETINGS", "PAST_MEETINGS", "PARTICIPANTS", "ANNEXES", "TABLE",
                     "SERIES_NAME"), LexemeKind.FIELD),
    **dict.fromkeys(("KIND", "ACTION", "ITEM_STATUS", "SESSION", "VISIBILITY", "FREEZE", "DISTRIBUTION",
                     "DOCS_STATE", "TBC", "LANG", "AS_WRITTEN", "NUMBER_EXAMPLE"), LexemeKind.VALUE),
}
"""The grammar's named terminals that an editor shows; keywords are added from their text below."""


@functools.cache
def _kinds() -> dict[str, LexemeKind]:
    """Every terminal's kind: the named ones above, and each keyword by its text (``@time`` is an
    attribute, ``issued in`` a field)."""
    kinds = dict(_BY_NAME)
    for terminal in lark_parser().terminals:
        pattern = terminal.pattern
        if isinstance(pattern, PatternStr) and terminal.name not in kinds:
            if pattern.value.startswith("@"):
                kinds[terminal.name] = LexemeKind.ATTRIBUTE
            elif pattern.value[:1].isalpha():
                kinds[terminal.name] = LexemeKind.FIELD
    return kinds


def lexemes(text: str) -> list[Lexeme]:
    """The classified tokens of ``text`` and its comments, in source order, up to the first line
    that does not parse (positions as in the agenda's spans)."""
    text = normalise_newlines(text).removeprefix("\ufeff")
    kinds = _kinds()
    sink, reset = open_sink(text)
    found: list[Lexeme] = []
    try:
        with collector_paused():
            for token in _tokens(text):
                kind = kinds.get(token.type)
                if kind is not None:
                    found.append(Lexeme(kind, token_span(token)))
    except (UnexpectedInput, LayoutAbort):
        pass  # the tokens before the line that does not parse are still right
    finally:
        close_sink(reset)
    found.extend(Lexeme(LexemeKind.COMMENT, comment.span) for comment in sink.comments)
    return sorted(found, key=lambda lexeme: lexeme.span)


def _tokens(text: str) -> Iterator[Token]:
    interactive = run_interactive(text)
    yield from interactive.iter_parse()
    interactive.feed_eof()
