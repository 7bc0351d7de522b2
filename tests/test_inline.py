"""Inline markup (agendadsl/language/inline.py): the fast path for plain text agrees with the full one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from agendadsl.language.inline import _split_marked, split
from agendadsl.language.span import Span

PLAIN = st.text(st.characters(blacklist_characters="[]{}\\\n", blacklist_categories=("Cs",)), max_size=40)


def spans(text) -> list[tuple]:
    return [(type(part).__name__, part, part.span) for part in text.parts]


@given(PLAIN, st.integers(1, 50), st.integers(1, 80))
def test_plain_text_takes_the_fast_path_with_the_same_result(value: str, line: int, column: int) -> None:
    span = Span(line, 1, line, column + len(value))
    token = Token("INLINE", value, line=line, column=column)
    fast, fast_anchors = split(token, span)
    full, full_anchors = _split_marked(value, line, column, span)
    assert spans(fast) == spans(full) and fast_anchors == full_anchors == []


def test_markup_is_split_into_parts_with_their_columns() -> None:
    token = Token("INLINE", " Report [T-ES(2020)23] see {adoption} \\[x\\] {#label}", line=3, column=4)
    text, anchors = split(token, Span(3, 1, 3, 60))
    assert [(type(p).__name__, p.span.column, p.span.end_column) for p in text.parts] == [
        ("Text", 5, 12), ("DocRef", 12, 26), ("Text", 26, 31), ("XRef", 31, 41), ("Text", 41, 48)]
    assert text.plain == "Report T-ES(2020)23 see {adoption} [x]"
    assert [(a.value, a.span.column) for a in anchors] == [("label", 48)]



@given(st.text(st.sampled_from("[]\\ aT-(2)"), max_size=12))
def test_references_in_text_and_in_docs_lines_are_read_alike(text: str) -> None:
    # inline.py and the grammar's DOCREF terminal (for @docs lines) each spell the pattern.
    import re

    from agendadsl.language.inline import DOCREF
    from agendadsl.language.grammar import lark_parser

    grammar = re.compile(lark_parser().get_terminal("DOCREF").pattern.to_regexp())
    inline = re.compile(DOCREF)
    assert bool(grammar.fullmatch(text)) == bool(inline.fullmatch(text))


SCHEMES = st.lists(st.sampled_from(["h", "H", "m", "M", "ttp", "ttps", "://", "ailto", ":", "x", " ", ".", ")", "["]),
                   max_size=20).map("".join)


@given(st.lists(st.sampled_from(["http://", "Http://", "https://", "mailto:", "Mailto:", "agenda", "x", " ", ".",
                                 "h", "m", ")", "[", "]", "{", "}", "\\"]), max_size=12).map("".join) | SCHEMES)
def test_every_character_is_in_some_piece(text: str) -> None:
    """A scheme with no address after it ('agendahttp://', 'Http://x') is text: its first letter
    was once in no piece at all and left out of the title."""
    from agendadsl.language.inline import _PIECES

    assert "".join(piece.group() for piece in _PIECES.finditer(text)) == text
