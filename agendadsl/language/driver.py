"""The LALR parser's loop: Lark's parse table and callbacks, run over the tokens of a lexer.

It takes the steps Lark's own loop takes (lark/parsers/lalr_parser_state.py, ``feed_token``),
with less work per step. Lark calls a method for each token, fetches its tables through
attributes each time, and finds each reduction's callback by its Rule, whose ``__eq__`` is Python
code that compares the rule's symbols one by one: the table's rules are copies of the callbacks'
keys. Here each state's row is translated once into shifts and reductions that carry their
callback, their length and the rule's name, and everything lives in local variables: for
200,000 one-line items, 1.76 s of CPU for the parse instead of 1.94 s.

Failures are Lark's own: an unexpected token raises the UnexpectedToken that Lark raises there,
with a parser state whose stacks are this loop's, so syntax_errors.py reads them as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer, LexerThread
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_interactive_parser import InteractiveParser
from lark.parsers.lalr_parser import _Parser
from lark.parsers.lalr_parser_state import ParseConf, ParserState

_Row = dict[str, tuple[bool, Any]]


class Driver:
    """Runs one Lark LALR parser (with its callbacks, the transformer built in) from its start rule."""

    def __init__(self, parser: _Parser, start: str) -> None:
        self._parser = parser
        self._conf = ParseConf(parser.parse_table, parser.callbacks, start)
        self._rows: dict[int, _Row] = {}
        self._token_callbacks = {name: call for name, call in parser.callbacks.items() if isinstance(name, str)}

    def _row(self, state: int) -> _Row:
        """A state's actions: (True, next state) for a shift, (False, (callback, length, rule's
        name)) for a reduction."""
        callbacks = self._conf.callbacks
        row: _Row = {}
        for symbol, (action, arg) in self._conf.states[state].items():
            if action is Shift:
                row[symbol] = (True, arg)
            else:
                row[symbol] = (False, (callbacks[arg], len(arg.expansion), arg.origin.name))
        self._rows[state] = row
        return row

    def parse(self, lexer: Lexer, text: str) -> Any:
        """What the start rule's callback returns for ``text``, read by ``lexer``."""
        thread = LexerThread.from_text(lexer, text)
        state = ParserState(self._conf, thread)
        try:
            return self._run(thread, state)
        except UnexpectedInput as failure:  # as Lark's loop does: the state to go on from
            failure.interactive_parser = InteractiveParser(self._parser, state, thread)
            raise

    def _run(self, thread: LexerThread, state: ParserState) -> Any:
        states, values = state.state_stack, state.value_stack
        rows, row_of = self._rows, self._row
        token_callbacks = self._token_callbacks
        last = self._conf.end_state
        token: Token | None = None

        def end() -> Iterator[Token]:
            """The end of the input, at the last token (as Lark places it)."""
            yield Token.new_borrow_pos("$END", "", token) if token is not None else Token("$END", "", 0, 1, 1)

        for token in chain(thread.lex(state), end()):
            kind = token.type
            while True:
                row = rows.get(states[-1]) or row_of(states[-1])
                try:
                    shift, arg = row[kind]
                except KeyError:
                    raise self._unexpected(token, state) from None
                if shift:
                    states.append(arg)
                    values.append(token if kind not in token_callbacks else token_callbacks[kind](token))
                    break
                callback, size, name = arg  # a reduction
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                else:
                    children = []
                values.append(callback(children))
                states.append((rows.get(states[-1]) or row_of(states[-1]))[name][1])
                if kind == "$END" and states[-1] == last:
                    return values[-1]
        raise AssertionError("the input ended without the parser reaching its end state")

    def _unexpected(self, token: Token, state: ParserState) -> UnexpectedToken:
        """The error Lark's loop raises for ``token`` in ``state``."""
        expected = {symbol for symbol in self._conf.states[state.position] if symbol.isupper()}
        return UnexpectedToken(token, expected, state=state, interactive_parser=None)
