"""Loads the grammar (grammar/agenda.lark) into the one shared Lark parser, lazily, once per process.

Kept apart from parser.py so that syntax_errors.py can read the parse table without importing the
parser that calls it.
"""

from __future__ import annotations

import functools
import re

from lark import Lark
from lark import __version__ as lark_version

from ..support.resources import grammar_path
from .layout import Layout
from .transformer import AgendaTransformer


@functools.cache
def lark_parser() -> Lark:
    """The shared LALR parser, with the layout post-lexer and the AST transformer built in."""
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
def terminal_regex(name: str) -> re.Pattern[str]:
    """The compiled pattern of one of the grammar's terminals, for code that must agree with the lexer."""
    return re.compile(lark_parser().get_terminal(name).pattern.to_regexp(), re.MULTILINE)


def _cache_file() -> str | bool:
    """Where Lark keeps the analysed grammar (it checks the grammar's hash inside the file)."""
    from ..support.cache import cache_dir

    directory = cache_dir()
    return str(directory / f"grammar-lark-{lark_version}.cache") if directory else False
