"""Loads the grammar (grammar/agenda.lark) into the one shared Lark parser, lazily, once per process,
and runs it over a text with the line lexer (lexer.py) reading the text.

Kept apart from parser.py so that syntax_errors.py can read the parse table without importing the
parser that calls it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lark import Lark
from lark import __version__ as lark_version
from lark.lexer import Lexer, LexerThread
from lark.parsers.lalr_interactive_parser import InteractiveParser

from ..support.resources import grammar_path
from .driver import Driver
from .layout import Layout
from .lexer import LineLexer
from .transformer import AgendaTransformer


@functools.cache
def lark_parser() -> Lark:
    """The shared LALR parser, with the layout post-lexer and the AST transformer built in.

    Its own ``parse`` reads the text with Lark's contextual lexer and the layout post-lexer: the
    slow path. run_parser() reads it with the line lexer, which builds on that contextual lexer."""
    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        postlex=Layout(),
        transformer=AgendaTransformer(),
        maybe_placeholders=False,
        cache=_cache_file(),
    )


@functools.cache
def line_lexer() -> LineLexer:
    """The line lexer (lexer.py), over the shared parser's contextual lexer."""
    return LineLexer(lark_parser().parser.lexer.lexer)


def text_lexer(fast: bool = True) -> Lexer:
    """What reads the text for the parser: the line lexer, or (``fast=False``) Lark's contextual
    lexer followed by the layout post-lexer, which make the same tokens more slowly. The slow path
    is kept for tests/test_lexer.py, which holds the two together."""
    return line_lexer() if fast else lark_parser().parser.lexer


@functools.cache
def _driver() -> Driver:
    return Driver(lark_parser().parser.parser.parser, "start")


def run_parser(text: str, lexer: Lexer | None = None) -> Any:
    """Parse ``text`` with the shared parser, reading it with ``lexer`` (the line lexer by default):
    the transformer's Agenda. Lark's exceptions and layout.LayoutAbort pass through."""
    return _driver().parse(lexer or line_lexer(), text)


def run_interactive(text: str, lexer: Lexer | None = None) -> InteractiveParser:
    """Lark's interactive parser over ``text``, read by ``lexer`` (the line lexer by default), to step
    through its tokens."""
    thread = LexerThread.from_text(lexer or line_lexer(), text)
    return lark_parser().parser.parser.parse_interactive(thread, "start")


@functools.cache
def terminal_regex(name: str) -> re.Pattern[str]:
    """The compiled pattern of one of the grammar's terminals, for code that must agree with the lexer."""
    return re.compile(lark_parser().get_terminal(name).pattern.to_regexp(), re.MULTILINE)


def _cache_file() -> str | bool:
    """Where Lark keeps the analysed grammar (it checks the grammar's hash inside the file)."""
    from ..support.cache import cache_dir

    directory = cache_dir()
    return str(directory / f"grammar-lark-{lark_version}.cache") if directory else False
