"""The line lexer: the grammar's terminals read line by line, with the layout pass fused in.

It hands Lark's LALR parser exactly the tokens that Lark's contextual lexer followed by the layout
post-lexer (layout.Layout) would: the same types, values and positions, the same _INDENT/_DEDENT
tokens, the same comments and diagnostics in the parse sink, the same exceptions. It is faster
because it does the same work in one loop instead of a chain of generators:

* what a piece of text is still depends on the parser's state, and is still decided by the
  contextual lexer's own scanner for that state (the grammar's terminals, in Lark's order, with
  Lark's keyword callbacks), so no terminal is written twice;
* positions are counted once per token, and only the terminals that Lark says may hold a line end
  are searched for one;
* a line end that carries no comment and the same indentation as the line above (most of them)
  costs two string comparisons; anything else goes through layout.Layout's own code.

Where the scanner finds nothing, the contextual lexer itself is asked at that point, so a syntax
error is the one Lark has always raised there. tests/test_lexer.py holds the two paths together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from lark import Token
from lark.lexer import ContextualLexer, Lexer, LexerState, LineCounter

from .layout import MAX_DEPTH, Layout, current_sink

_Match = Callable[[str, int, int], Any]
_StateLexer = tuple[_Match, dict[str, Callable[[Token], Token]], frozenset[str], frozenset[str]]

_LINE_ENDS = ("_NL", "_LEAD")
_new = str.__new__


def _marker(kind: str, pos: int, line: int, column: int) -> Token:
    """An indentation token, empty, where the next line's text starts (as Layout places it)."""
    return Token(kind, "", pos, line, column, line, column, pos)


class LineLexer(Lexer):
    """The contextual lexer and the layout post-lexer in one pass (see the module's docstring)."""

    def __init__(self, contextual: ContextualLexer) -> None:
        self._contextual = contextual
        self._states: dict[int, _StateLexer] = {}

    def _state(self, state: int) -> _StateLexer:
        """The scanner of the contextual lexer for ``state``, built on first use as Lark builds it."""
        basic: Any = self._contextual.lexers[state]
        scanner = basic.scanner  # builds basic.callback too
        matchers = [mre.match for mre in scanner._mres]
        match: _Match
        if len(matchers) == 1:
            match = matchers[0]
        else:
            def match(text: str, pos: int, end: int) -> Any:
                for each in matchers:
                    found = each(text, pos, end)
                    if found is not None:
                        return found
                return None
        lexer = (match, basic.callback, basic.ignore_types, basic.newline_types)
        self._states[state] = lexer
        return lexer

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        sink = current_sink()
        source: Any = lexer_state.text  # Lark 1.3 hands the lexer a TextSlice, Lark 1.2 the string
        text: str = getattr(source, "text", source)
        end: int = getattr(source, "end", len(text))
        states = parser_state.state_stack
        lexers = self._states
        levels = [""]  # the indentation of each open level, as written (Layout's stack)
        widths = [0]  # their widths, while no level holds a tab
        tabbed = False  # whether a tab is in any open level's indentation
        pos, line, line_start = 0, 1, 0
        line_has_token = False
        last: Token | None = None  # the last token, as Layout keeps it
        lexed: Token | None = None  # the last token the lexer made, for Lark's error
        while pos < end:
            state = states[-1]
            lexer = lexers.get(state) or self._state(state)
            found = lexer[0](text, pos, end)
            if found is None:
                self._fail(lexer_state, parser_state, pos, line, line_start, lexed)
            start, type_, value, stop = pos, found.lastgroup, found.group(), found.end()
            column = pos - line_start + 1
            end_line = line
            if type_ in lexer[3] and "\n" in value:  # a terminal that may hold a line end, and does
                end_line += value.count("\n")
                line_start = pos + value.rindex("\n") + 1
            callbacks = lexer[1]
            if type_ in lexer[2] and type_ not in callbacks:  # white space between tokens
                pos, line = stop, end_line
                continue
            token = _new(Token, value)  # Token() without its constructor's keyword handling
            token.type = type_
            token.value = value
            token.start_pos = pos
            token.line = line
            token.column = column
            token.end_line = end_line
            token.end_column = stop - line_start + 1
            token.end_pos = stop
            if type_ in callbacks:
                token = callbacks[type_](token)
                if type_ in lexer[2]:
                    pos, line = stop, end_line
                    continue
            pos, line = stop, end_line
            lexed = token
            if token.type in _LINE_ENDS:
                indentation = Layout.comments(sink, token) if "//" in value else value[value.rfind("\n") + 1:]
                if line_has_token and token.type == "_NL":
                    yield token
                line_has_token = False
                last = token
                if stop == end or indentation == levels[-1]:  # most lines: no change (and never
                    continue  # a tab question: each open level is deeper than the one before at every tab width)
                if tabbed or indentation is None or "\t" in indentation or (
                        len(indentation) > widths[-1] and len(levels) > MAX_DEPTH) or (
                        len(indentation) < widths[-1] and len(indentation) not in widths):
                    yield from Layout.indent(sink, levels, indentation, token)  # tabs, errors, a comment at the end
                    tabbed = any("\t" in level for level in levels)
                    widths = [len(level) for level in levels]
                    continue
                here = stop - line_start + 1
                if len(indentation) > widths[-1]:
                    levels.append(indentation)
                    widths.append(len(indentation))
                    yield _marker("_INDENT", stop, line, here)
                    continue
                while len(indentation) < widths[-1]:
                    levels.pop()
                    widths.pop()
                    yield _marker("_DEDENT", stop, line, here)
                continue
            if last is None:  # the first line: its indentation was read as white space
                yield from Layout.indent(sink, levels, text[start - column + 1:start], token)
                tabbed = any("\t" in level for level in levels)
                widths = [len(level) for level in levels]
            line_has_token = True
            last = token
            yield token
        yield from Layout.close(levels, last, line_has_token)

    def _fail(self, lexer_state: LexerState, parser_state: Any, pos: int, line: int, line_start: int,
              lexed: Token | None) -> None:
        """Nothing matches at ``pos``: the contextual lexer raises the error it raises there."""
        counter = LineCounter("\n")
        counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
        counter.column = pos - line_start + 1
        state = LexerState(lexer_state.text, counter, lexed)
        next(iter(self._contextual.lex(state, parser_state)))
        raise AssertionError(f"the contextual lexer read what the line lexer could not, at {line}:{counter.column}")
